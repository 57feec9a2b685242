import type { Lang } from '../corpus/types.js';
import type { Passage, Retrieval, ScoredSentence } from '../search/retriever.js';
import { answerTokens, answerType, hasAnswerOfType, type AnswerType } from './answerType.js';
import type { Answer, Citation } from './types.js';

export interface AnswerSettings {
  /** Below this confidence the answer says the documents do not cover the question. */
  abstainBelow: number;
  /** A second sentence joins the answer when it covers words the first missed and scores at least this share of it. */
  secondSentenceRatio: number;
}

export const DEFAULT_ANSWER_SETTINGS: AnswerSettings = { abstainBelow: 0.55, secondSentenceRatio: 0.75 };

interface Candidate {
  passage: Passage;
  scored: ScoredSentence;
  score: number;
}

const NOT_COVERED: Record<Lang, string> = {
  en: "The documents don't say. These are the closest passages I found:",
  pt: 'Os documentos não dizem isso. Estas são as passagens mais próximas que encontrei:',
};

/**
 * How well one sentence answers, for choosing among sentences: its own match, and (most) the
 * match of the passage around it; a sentence without the asked-for kind of answer loses.
 * The weights were fitted on the project's evaluation set (tests/eval) and checked on shared/eval.
 */
export function sentenceScore(scored: ScoredSentence, passage: Passage, type: AnswerType, question: string, lang: Lang): number {
  const { dense, lexical } = scored;
  let score = 0.2 * Math.max(0, dense) + 0.25 * lexical.score + 0.15 * lexical.coverage + 0.5 * passage.score;
  if (!typeMatches(scored, passage, type, question)) score -= type === 'name' ? 0.15 : 0.1;
  if (passage.chunk.lang === lang) score += 0.02; // prefer the asker's language when the evidence is as good
  return score;
}

function typeMatches(scored: ScoredSentence, passage: Passage, type: AnswerType, question: string): boolean {
  return hasAnswerOfType(type, scored.sentence.text, `${question} ${passage.chunk.title}`);
}

/**
 * How sure the chosen sentence answers, 0–1: it contains the question's words, it holds the kind of
 * answer asked for, and it means about the same. Abstention is decided on this, not on the ranking score.
 */
export function confidenceOf(scored: ScoredSentence, passage: Passage, type: AnswerType, question: string): number {
  return (scored.lexical.coverage + (typeMatches(scored, passage, type, question) ? 1 : 0) + Math.max(0, scored.dense)) / 3;
}

function rankCandidates(retrieval: Retrieval, passages: Passage[]): Candidate[] {
  const { query } = retrieval;
  const type = answerType(query.text);
  return passages
    .flatMap((passage) => passage.sentences.map((scored) => ({ passage, scored, score: sentenceScore(scored, passage, type, query.text, query.lang) })))
    .sort((a, b) => b.score - a.score);
}

/**
 * When the best sentence is in the other language, a sentence in the asker's language that gives
 * the same names or numbers and matches the question too answers just as well, and reads better.
 */
function inAskersLanguage(best: Candidate, candidates: Candidate[], lang: Lang, question: string): Candidate {
  if (best.passage.chunk.lang === lang) return best;
  const wanted = answerTokens(best.scored.sentence.text, question);
  const same = candidates.find(
    (c) => c.passage.chunk.lang === lang && c.scored.lexical.matched.size > 0 && [...answerTokens(c.scored.sentence.text, question)].some((t) => wanted.has(t)),
  );
  return same ?? best;
}

/** A second sentence for the words of a multi-part question the first one leaves out. */
const MULTI_PART = /\b(and|both|e|ambos|ambas)\b|\?.*\?/i;

function complement(best: Candidate, rest: Candidate[], question: string, settings: AnswerSettings): Candidate | undefined {
  if (!MULTI_PART.test(question) || best.scored.lexical.coverage >= 1) return undefined;
  const missing = (c: Candidate) => [...c.scored.lexical.matched].filter((w) => !best.scored.lexical.matched.has(w)).length;
  return rest.find((c) => c.scored.sentence.start !== best.scored.sentence.start && missing(c) > 0 && c.score >= best.score * settings.secondSentenceRatio);
}

function cite(chosen: Candidate[]): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    let citation = citations.find((x) => x.chunk.id === c.passage.chunk.id);
    if (!citation) {
      citation = { n: citations.length + 1, chunk: c.passage.chunk, quote: '', quoteSpan: { start: c.scored.sentence.start, end: c.scored.sentence.end } };
      citations.push(citation);
    }
    citation.quoteSpan = { start: Math.min(citation.quoteSpan.start, c.scored.sentence.start), end: Math.max(citation.quoteSpan.end, c.scored.sentence.end) };
    parts.push(`${c.scored.sentence.text} [${citation.n}]`);
  }
  for (const citation of citations) {
    const { chunk, quoteSpan } = citation;
    citation.quote = chunk.text.slice(quoteSpan.start - chunk.start, quoteSpan.end - chunk.start);
  }
  return { text: parts.join(' '), citations };
}

/**
 * Names in the question that no document mentions in any form ("Venice", "FIFA"): the documents
 * cannot answer a question about something they never name, however close the rest of it is.
 */
export function unknownNames(question: string, unknownWords: string[]): string[] {
  const unknown = new Set(unknownWords);
  const capitalized = question.match(/(?<=[\p{L}\p{N}][^\p{L}\p{N}]*\s)\p{Lu}[\p{L}\p{N}]*/gu) ?? [];
  return capitalized.filter((name) => unknown.has(name.toLowerCase()));
}

/** Picks the sentence(s) that answer the question, each cited, or abstains when the evidence is weak. */
export function composeAnswer(retrieval: Retrieval, settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS): Answer {
  const lang = retrieval.query.lang;
  const candidates = rankCandidates(retrieval, retrieval.passages);
  const best = candidates[0];
  const confidence = best ? confidenceOf(best.scored, best.passage, answerType(retrieval.query.text), retrieval.query.text) : 0;
  if (!best || confidence < settings.abstainBelow || unknownNames(retrieval.query.text, retrieval.unknownWords).length > 0) {
    return { text: NOT_COVERED[lang], abstained: true, citations: [], confidence, lang, kind: 'extracted' };
  }
  const first = inAskersLanguage(best, rankCandidates(retrieval, retrieval.native), lang, retrieval.query.text);
  const second = complement(first, candidates.filter((c) => c !== first), retrieval.query.text, settings);
  const chosen = second ? [first, second].sort((a, b) => (a.passage === b.passage ? a.scored.sentence.start - b.scored.sentence.start : 0)) : [first];
  return { ...cite(chosen), abstained: false, confidence, lang, kind: 'extracted' };
}
