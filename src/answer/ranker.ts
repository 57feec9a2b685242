import { readFileSync } from 'node:fs';
import { titleWords } from '../search/describedAs.js';
import type { AnalyzedQuery } from '../search/query.js';
import type { Passage, Retrieval } from '../search/retriever.js';
import { dot, sigmoid } from './fit.js';
import { candidatesOf, givesAnswerOfType, questionContext, SENTENCE_FEATURES, sentenceFeatures, type Candidate, type QuestionContext } from './features.js';

/**
 * How strongly the best sentence answers, as the abstention model sees it. Few on purpose: fitted
 * on a few hundred questions, five more measures of match strength (scores, coverages, lead) took
 * opposite weights that cancelled out, coverage counting against answering.
 */
export const ABSTAIN_FEATURES = [
  'best sentence similarity',
  'best sentence gives the kind of answer asked for',
  'best passage score',
  'share of question words no document has',
] as const;

export interface RankerModel {
  sentence: { features: string[]; weights: number[] };
  abstain: { features: string[]; weights: number[]; bias: number; threshold: number };
  trainedOn: { file: string; questions: number; embedder: string };
}

export interface RankedCandidate extends Candidate {
  score: number;
}

export class RankerError extends Error {}

const MODEL_FILE = new URL('./ranker.json', import.meta.url);

/** The fitted weights (written by `npm run train`), checked against the features this code computes. */
export function loadRanker(file: URL | string = MODEL_FILE): RankerModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as RankerModel;
  const same = (a: readonly string[], b: string[]) => a.length === b.length && a.every((name, i) => name === b[i]);
  if (!same(SENTENCE_FEATURES, model.sentence.features) || !same(ABSTAIN_FEATURES, model.abstain.features)) {
    throw new RankerError(`${String(file)} was fitted for other features: run "npm run train" to refit it.`);
  }
  return model;
}

/** Every read sentence with its ranking score, best first. */
export function rankSentences(weights: number[], candidates: Candidate[], q: QuestionContext): RankedCandidate[] {
  return candidates.map((c) => ({ ...c, score: dot(weights, sentenceFeatures(c, q)) })).sort((a, b) => b.score - a.score);
}

/**
 * "Quem escreveu Ferrugem e Osso?" is not answered by a sentence that matches only the work's
 * title ("Ferrugem e Osso conta a história de Alain…"): any sentence about the film might. When
 * the question asks more than the title, such sentences are set aside (unless nothing else was read).
 */
export function beyondTitle(ranked: RankedCandidate[], query: AnalyzedQuery): RankedCandidate[] {
  const title = titleWords(ranked.map((c) => c.passage.chunk));
  if (query.groups.every((g) => title.has(g.word))) return ranked;
  const matched = (c: RankedCandidate) => [...c.passage.sentences[c.index]!.lexical.matched];
  const onlyTitle = (c: RankedCandidate) => matched(c).length > 0 && matched(c).every((w) => title.has(w));
  const rest = ranked.filter((c) => !onlyTitle(c));
  return rest.length > 0 ? rest : ranked;
}

/** The abstention model's view of the sentence an answer would quote: the best beyond the work's title. */
export function abstainFeatures(rankedAll: RankedCandidate[], retrieval: Retrieval, q: QuestionContext): number[] {
  const ranked = beyondTitle(rankedAll, retrieval.query);
  const best = ranked[0]!;
  const groups = retrieval.query.groups.length;
  return [
    Math.max(0, best.passage.sentences[best.index]!.dense),
    givesAnswerOfType(best, q) ? 1 : 0,
    best.passage.score,
    groups === 0 ? 1 : retrieval.unknownWords.length / groups,
  ];
}

function answerability(model: RankerModel, ranked: RankedCandidate[], retrieval: Retrieval, q: QuestionContext): number {
  if (ranked.length === 0) return 0;
  return sigmoid(dot(model.abstain.weights, abstainFeatures(ranked, retrieval, q)) + model.abstain.bias);
}

/** A retrieval read by the ranker: its sentences ranked, its passages reordered by their best sentence. */
export interface Ranking {
  retrieval: Retrieval;
  ranked: RankedCandidate[];
  question: QuestionContext;
  /** 0–1: how likely the best sentence answers the question. */
  answerability: number;
}

/**
 * Ranks the sentences the retriever read, and puts the passages that hold the best of them first
 * (the others keep their order after them): the passage that answers is the first source shown.
 */
export function rankRetrieval(model: RankerModel, retrieval: Retrieval): Ranking {
  const question = questionContext(retrieval);
  const ranked = rankSentences(model.sentence.weights, candidatesOf(retrieval, question), question);
  const best = new Map<Passage, number>();
  for (const c of ranked) if (!best.has(c.passage)) best.set(c.passage, c.score);
  const passages = [...retrieval.passages].sort((a, b) => (best.get(b) ?? -Infinity) - (best.get(a) ?? -Infinity));
  return { retrieval: { ...retrieval, passages }, ranked, question, answerability: answerability(model, ranked, retrieval, question) };
}
