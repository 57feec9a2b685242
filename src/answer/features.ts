import type { Lang } from '../corpus/types.js';
import { namesDocumentOf } from '../search/describedAs.js';
import type { Passage, Retrieval } from '../search/retriever.js';
import { foldAccents, stem, words } from '../search/text.js';
import { asksAboutAwards, matchesOnlyInAwardNames } from './awards.js';
import { answerTokens, answerType, countedWord, hasAnswerOfType, hasNewFullName, numberBefore, NUMERIC_TYPES, type AnswerType } from './answerType.js';

/** A sentence that may answer, with the passage it is in and that passage's place in the ranking. */
export interface Candidate {
  passage: Passage;
  rank: number;
  index: number;
}

/**
 * What the answer ranker knows about a sentence. Every feature is generic (match strengths, kinds
 * of answer, context): the ranker learns how much each counts, never which question is which.
 */
export const SENTENCE_FEATURES = [
  'passage score',
  'passage similarity',
  'passage keywords',
  'passage coverage',
  'passage rank',
  'sentence similarity',
  'sentence keywords',
  'sentence coverage',
  'previous sentence coverage',
  'next sentence coverage',
  'follows a matching sentence and gives the kind of answer asked for',
  'gives the kind of number asked for',
  'counts what the question counts',
  'gives a person asked for',
  'gives a full name when asked who',
  'gives a title, place or name asked for',
  "in the asker's language",
  'has the numbers of the question',
  'lacks the numbers of the question',
  'adds names or numbers',
  'first sentence of its passage',
  'has words missing',
  'length',
] as const;

/**
 * Punctuation after a space ("composed by , a", "released by ."): scraped pages lose the words of
 * their links, and a sentence with a hole often lacks the very name asked for.
 */
const PUNCTUATION_HOLE = /\s[,.;:](?=\s|$)/g;

/** An English "by" with no one after it: the page lost the link that named who ("acquired by in February 2012"). */
const LOST_AGENT = /\bby(?!\s+and\s+large\b)(?=\s+(?:and|or|by|in|of|for|to|on|at|from|with)(?![\w-]))/gi;

/**
 * An English role with no name after it: "co-written by director and his collaborator" lost the
 * director's name. A bare agent noun ("director", "composer", "novelist") after "by" or "with" is
 * followed by a name, not by "and".
 */
const LOST_NAMED_ROLE = /\b(?:by|with)\s+([a-z]+(?:or|er|ist|ian))(?=\s+(?:and|or)\s)/g;

/**
 * Where a sentence's holes are, as character offsets. A name lost after a role counts only where
 * `asksRole` accepts the role: "commentary by director and co-writer Thomas Bidegain" still names
 * one who recorded the commentary, though not the director.
 */
function holeOffsets(text: string, lang: Lang, asksRole: (role: string) => boolean = () => true): number[] {
  const punctuated = [...text.matchAll(PUNCTUATION_HOLE)].map((m) => m.index);
  if (lang !== 'en') return punctuated;
  const roles = [...text.matchAll(LOST_NAMED_ROLE)].filter((m) => asksRole(m[1]!));
  return [...punctuated, ...[...text.matchAll(LOST_AGENT), ...roles].map((m) => m.index + m[0].length)];
}

/** The pieces of a sentence between its holes: words on either side of one were never beside each other. */
export function betweenHoles(text: string, lang: Lang): string[] {
  const cuts = holeOffsets(text, lang).sort((a, b) => a - b);
  return [0, ...cuts].map((from, i) => text.slice(from, cuts[i] ?? text.length));
}

/** How many words either side of a hole count as beside it. */
const HOLE_REACH = 3;

/** The index terms of the question's words that stand up to `before` words before a hole in a sentence, or `after` words after it. */
function questionTermsNearHoles(c: Candidate, q: QuestionContext, before: number, after: number): Set<string> {
  const text = c.passage.sentences[c.index]!.sentence.text;
  const lang = c.passage.chunk.lang;
  // A hole's place: the number of words before it.
  const holes = holeOffsets(text, lang, (role) => q.terms.has(stem(role, lang))).map((at) => words(text.slice(0, at)).length);
  const near = words(text).filter((_, i) => holes.some((h) => i >= h - before && i < h + after));
  return new Set(near.map((w) => stem(w, lang)).filter((t) => q.terms.has(t)));
}

/** Whether a sentence has words missing beside a word of the question: what is missing is likely what was asked. */
export function missingBesideQuestion(c: Candidate, q: QuestionContext): boolean {
  return questionTermsNearHoles(c, q, HOLE_REACH, HOLE_REACH).size > 0;
}

/** The question's words (index terms) right before a hole: a name lost there followed them ("released by ."). */
export function questionTermsBeforeHoles(c: Candidate, q: QuestionContext): Set<string> {
  return questionTermsNearHoles(c, q, HOLE_REACH, 0);
}

/** The numbers in a text (years, amounts), "25,8" read as "25.8". */
function numbersIn(text: string): string[] {
  return words(text).filter((w) => /^\d/.test(w)).map((n) => n.replace(',', '.'));
}

const passageNumbersCache = new WeakMap<Passage, Set<string>>();

/** A passage's numbers, found once however many of its sentences are scored. */
function numbersOfPassage(passage: Passage): Set<string> {
  let numbers = passageNumbersCache.get(passage);
  if (!numbers) passageNumbersCache.set(passage, (numbers = new Set(numbersIn(passage.chunk.text))));
  return numbers;
}

export interface QuestionContext {
  text: string;
  lang: string;
  type: AnswerType;
  numbers: string[];
  /** Index terms (stems, translations) of what a "how many" question counts. */
  counted: Set<string>;
  /** Index terms of every question word. */
  terms: Set<string>;
  /** Index terms of the question's own words, without their translations. */
  ownTerms: Set<string>;
  /** Whether the question asks about awards: then a sentence that names one answers it. */
  aboutAwards: boolean;
}

export function questionContext(retrieval: Retrieval): QuestionContext {
  const { text, lang, groups } = retrieval.query;
  const word = countedWord(text);
  const group = word ? groups.find((g) => foldAccents(g.word) === word) : undefined;
  return { text, lang, type: answerType(text), numbers: numbersIn(text), counted: new Set(group?.variants.map((v) => v.term)), terms: new Set(groups.flatMap((g) => g.variants.map((v) => v.term))), ownTerms: new Set(groups.flatMap((g) => [stem(g.word, lang), stem(foldAccents(g.word), lang)])), aboutAwards: asksAboutAwards(text) };
}

/** Whether a sentence holds the kind of answer the question asks for (always, for questions of no particular kind). */
export function givesAnswerOfType(c: Candidate, q: QuestionContext): boolean {
  return hasAnswerOfType(q.type, c.passage.sentences[c.index]!.sentence.text, `${q.text} ${c.passage.chunk.title}`);
}

/** Whether a sentence gives a number right before what a "how many" question counts ("four out of five stars"). */
export function countsAsked(c: Candidate, q: QuestionContext): boolean {
  return q.counted.size > 0 && numberBefore(words(c.passage.sentences[c.index]!.sentence.text), (t) => q.counted.has(stem(t, c.passage.chunk.lang)));
}

export function sentenceFeatures(c: Candidate, q: QuestionContext): number[] {
  const { passage, rank, index } = c;
  const scored = passage.sentences[index]!;
  const text = scored.sentence.text;
  const coverageAt = (i: number) => passage.sentences[i]?.lexical.coverage ?? 0;
  const typeOk = givesAnswerOfType(c, q);
  const counts = countsAsked(c, q);
  const sentenceNumbers = new Set(numbersIn(text));
  const passageNumbers = numbersOfPassage(passage);
  const numbersHere = q.numbers.length > 0 && q.numbers.some((n) => sentenceNumbers.has(n));
  const numbersNowhere = q.numbers.length > 0 && !q.numbers.some((n) => passageNumbers.has(n));
  return [
    passage.score,
    Math.max(0, passage.dense),
    passage.lexical.score,
    passage.lexical.coverage,
    1 / (rank + 1),
    Math.max(0, scored.dense),
    scored.lexical.score,
    scored.lexical.coverage,
    coverageAt(index - 1),
    coverageAt(index + 1),
    q.type !== 'any' && typeOk ? coverageAt(index - 1) : 0,
    NUMERIC_TYPES.has(q.type) && typeOk ? 1 : 0,
    counts ? 1 : 0,
    q.type === 'person' && typeOk ? 1 : 0,
    q.type === 'person' && hasNewFullName(text, `${q.text} ${passage.chunk.title}`) ? 1 : 0,
    (q.type === 'title' || q.type === 'place' || q.type === 'name') && typeOk ? 1 : 0,
    passage.chunk.lang === q.lang ? 1 : 0,
    numbersHere ? 1 : 0,
    numbersNowhere ? 1 : 0,
    answerTokens(text, q.text).size > 0 ? 1 : 0,
    index === 0 ? 1 : 0,
    holeOffsets(text, passage.chunk.lang).length > 0 ? 1 : 0,
    Math.log(1 + words(text).length) / 4,
  ];
}

/**
 * Every sentence the retriever scored (best passages, then the best in the asker's language), each
 * with its passage's place; only those of the documents a question names by what they are
 * ("segundo a sinopse", "in the synopsis"); and not, for a question not about awards, one that has
 * the question's words only in award names: "Best Director" does not say who directed the film.
 */
export function candidatesOf(retrieval: Retrieval, q: QuestionContext): Candidate[] {
  const read = [...retrieval.passages.filter((p) => p.sentences.length > 0), ...retrieval.native.filter((p) => !retrieval.passages.includes(p))];
  const placed = read.map((passage, rank) => ({ passage, rank }));
  const named = placed.filter(({ passage }) => namesDocumentOf(retrieval.query, passage.chunk));
  const all = (named.length > 0 ? named : placed).flatMap(({ passage, rank }) => passage.sentences.map((_, index) => ({ passage, rank, index })));
  if (q.aboutAwards) return all;
  return all.filter((c) => !matchesOnlyInAwardNames(c.passage.sentences[c.index]!.sentence.text, c.passage.chunk.lang, q.terms));
}
