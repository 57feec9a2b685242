import { workTitle } from '../search/describedAs.js';
import type { Retrieval } from '../search/retriever.js';
import { foldAccents, spellOutCountries, stem, words } from '../search/text.js';
import { sentenceKey } from '../store/items.js';
import { MONTH, namesIn } from './answerType.js';
import type { CalculationPart, Quantity } from './calculation.js';
import type { RankedCandidate } from './ranker.js';

/** A number a sentence states: a year, a count or an amount of money, as written. */
export interface Quantum {
  value: number;
  written: string;
  quantity: Quantity;
  /** Money only: the currency sign ("$", "€", "R$"), the scale word ("million") and what it multiplies by. */
  currency?: string;
  scale?: string;
  factor?: number;
}

export interface Operand extends Quantum {
  candidate: RankedCandidate;
  /** Which word of the sentence it is. */
  position: number;
}

/** Not "um"/"uma", which are mostly the Portuguese article ("É um filme…"). */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, onze: 11, doze: 12,
};
const SCALES: Record<string, number> = { thousand: 1e3, mil: 1e3, million: 1e6, millions: 1e6, milhao: 1e6, milhoes: 1e6, billion: 1e9, bilhao: 1e9, bilhoes: 1e9 };

interface Token {
  word: string;
  quantum?: Quantum;
}

/** "1,930,536" and "1.930.536" are thousands; "25.8" and "25,8" are decimals. */
function parseDigits(digits: string): number {
  if (/^\d{1,3}([.,]\d{3})+$/.test(digits)) return Number(digits.replace(/[.,]/g, ''));
  return Number(digits.replace(',', '.'));
}

const TOKEN = /(US\$|R\$|[$€£])?\s?(\d+(?:[.,]\d+)*)(st|nd|rd|th|º|ª)?|[\p{L}]+/gu;

/** "May 17", "17 May", "17 de maio": a day of a month counts nothing. */
function isDayOfMonth(matches: RegExpMatchArray[], i: number, value: number): boolean {
  const isMonth = (m: RegExpMatchArray | undefined) => m !== undefined && MONTH.test(foldAccents(m[0].toLowerCase()));
  const after = /^de$/i.test(matches[i + 1]?.[0] ?? '') ? matches[i + 2] : matches[i + 1];
  return Number.isInteger(value) && value >= 1 && value <= 31 && (isMonth(matches[i - 1]) || isMonth(after));
}

/** The words of a sentence (countries spelled out as the question's words are), with the numbers among them read as years, counts or money. */
export function tokenize(sentence: string): Token[] {
  const matches = [...spellOutCountries(sentence).matchAll(TOKEN)];
  return matches.map((m, i) => {
    const word = m[0].toLowerCase();
    const next = foldAccents(matches[i + 1]?.[0].toLowerCase() ?? '');
    if (m[2] === undefined) {
      const value = NUMBER_WORDS[foldAccents(word)];
      return { word, quantum: value === undefined ? undefined : { value, written: m[0], quantity: 'count' } };
    }
    if (m[3]) return { word }; // an ordinal ("38th") counts nothing
    const value = parseDigits(m[2]);
    const scale = SCALES[next] ? matches[i + 1]![0] : undefined;
    if (m[1] || scale) {
      const written = scale ? `${m[0].trim()} ${scale}` : m[0].trim();
      return { word, quantum: { value: value * (SCALES[next] ?? 1), written, quantity: 'money', currency: m[1] ?? '', scale, factor: SCALES[next] ?? 1 } };
    }
    if (isDayOfMonth(matches, i, value)) return { word };
    const isYear = Number.isInteger(value) && value >= 1800 && value <= 2099 && !m[2].includes(',');
    return { word, quantum: { value, written: m[2], quantity: isYear ? 'year' : 'count' } };
  });
}

/** A word of a part's question, how rare it is, and whether it belongs to that part only. */
interface AskedWord {
  word: string;
  weight: number;
  own: boolean;
  /** A name ("César"), not a common word. */
  name: boolean;
}

/**
 * Each index term (stem, translation) of the part question's words, with the words it stands for.
 * A phrase's translation stands for all its words: "ouro" for "Golden" and "Globe".
 */
function askedTerms(part: CalculationPart, retrieval: Retrieval): Map<string, AskedWord[]> {
  const focus = new Set(words(part.focus));
  const names = new Set(namesIn(part.question).map((name) => name.toLowerCase()));
  const terms = new Map<string, AskedWord[]>();
  retrieval.query.groups.forEach((g, i) => {
    const asked = { word: g.word, weight: retrieval.wordWeights[i] ?? 1, own: focus.has(g.word), name: names.has(g.word) };
    for (const v of g.variants) terms.set(v.term, [...(terms.get(v.term) ?? []), asked]);
  });
  return terms;
}

/** How well a number stands for a part. */
interface Closeness {
  /** How much of the part's own words (by rarity) are near it or in the headings above it ("César Awards"). */
  near: number;
  /** The same for all the words of the part's question, shared ones ("nominations") too. */
  around: number;
  /** The same for the names the part's question shares with the other part ("César" in "… nominations than wins … at the César?"). */
  names: number;
  /** How close the nearest of the part's own words is. */
  distance: number;
  /** How close the nearest of the part's own words after it is: what a count counts comes after it. */
  following: number;
  /** A count followed by a word of the question: "five nominations" for "How many Lumière nominations". */
  countsAsked: boolean;
}

const weightOf = (asked: AskedWord[]) => asked.reduce((sum, w) => sum + w.weight, 0);

/** A count mostly comes just before the words it counts ("two Golden Globe nominations"); money and years stand anywhere near. */
function closeness(tokens: Token[], terms: Map<string, AskedWord[]>, i: number, quantity: Quantity, headings: Token[], lang: 'en' | 'pt'): Closeness {
  const [before, after] = quantity === 'count' ? [10, 6] : [12, 12];
  const standsFor = (t: Token) => terms.get(stem(t.word, lang)) ?? [];
  const found = new Map<string, AskedWord>();
  for (const t of headings) for (const w of standsFor(t)) found.set(w.word, w);
  let distance = Infinity;
  let following = Infinity;
  tokens.forEach((t, j) => {
    if (j === i || j < i - before || j > i + after) return;
    for (const w of standsFor(t)) {
      found.set(w.word, w);
      if (w.own) distance = Math.min(distance, Math.abs(j - i));
      if (w.own && j > i) following = Math.min(following, j - i);
    }
  });
  const next = tokens[i + 1];
  const countsAsked = quantity === 'count' && next !== undefined && standsFor(next).length > 0;
  const shared = [...found.values()].filter((w) => !w.own);
  return { near: weightOf([...found.values()].filter((w) => w.own)), around: weightOf([...found.values()]), names: weightOf(shared.filter((w) => w.name)), distance, following, countsAsked };
}

/** How many of the best sentences of a part's ranking are searched for its number. */
const DEPTH = 5;

/** A number that could answer a part, with how well it stands for it. */
interface Standing extends Closeness {
  operand: Operand;
}

/** What a document calls the work it is about, when a sentence names it by its title. */
const THE_WORK = { en: 'film movie picture', pt: 'filme' };

/** Whether a sentence names the document's work by its title ("Rust and Bone had its world premiere…" says "the film's premiere"). */
function namesTheWork(sentence: string, documentTitle: string): boolean {
  const title = workTitle(documentTitle);
  return title !== '' && sentence.includes(title);
}

/** A part of a calculation with the ranking of the sentences that answer its question. */
export interface PartRanking {
  part: CalculationPart;
  ranked: RankedCandidate[];
  retrieval: Retrieval;
  /** Whether the ranker is sure the documents answer the part's question; a part it doubts takes only a number beside every word of its own. */
  confident: boolean;
}

/** Every number of the wanted kind in the best-ranked sentences that stands near some of the part's own words (all of them, for a part the ranker doubts), in ranking order. */
function standings({ part, ranked, retrieval, confident }: PartRanking, quantity: Quantity): Standing[] {
  const terms = askedTerms(part, retrieval);
  const ownWeight = weightOf([...new Set([...terms.values()].flat())].filter((w) => w.own));
  const nearEnough = (s: Closeness) => (confident ? s.near > 0 : s.near >= ownWeight - 1e-9);
  return ranked.slice(0, DEPTH).flatMap((candidate) => {
    const { chunk } = candidate.passage;
    const text = candidate.passage.sentences[candidate.index]!.sentence.text;
    const tokens = tokenize(text);
    const headings = tokenize(`${chunk.section.join(' ')} ${namesTheWork(text, chunk.title) ? THE_WORK[chunk.lang] : ''}`);
    return tokens.flatMap((token, i) => {
      if (token.quantum?.quantity !== quantity) return [];
      const standing = closeness(tokens, terms, i, quantity, headings, chunk.lang);
      return nearEnough(standing) ? [{ ...standing, operand: { ...token.quantum, candidate, position: i } }] : [];
    });
  });
}

/**
 * Standing near most of the part's own words, then near most of the question's words, then
 * counting something asked, then nearest to its own words, then in the better-ranked sentence.
 */
const byStanding = (a: Standing, b: Standing) =>
  b.near - a.near || b.around - a.around || Number(b.countsAsked) - Number(a.countsAsked) || a.distance - b.distance;

const sentenceOf = ({ operand: { candidate } }: Standing) => sentenceKey(candidate.passage.chunk.file, candidate.passage.sentences[candidate.index]!.sentence.start);

/**
 * A part's counts less those the other part's own words follow more closely: a count comes just
 * before what it counts, so in "duas indicações ao Globo de Ouro (…), duas indicações ao BAFTA"
 * the second is the BAFTA's, and in "five nominations at the Lumière and nine at the César" the
 * nine is the César's.
 */
function countedBefore(mine: Standing[], theirs: Standing[]): Standing[] {
  const at = (s: Standing) => `${sentenceOf(s)}@${s.operand.position}`;
  const following = new Map(theirs.map((s) => [at(s), s.following]));
  return mine.filter((s) => !((following.get(at(s)) ?? Infinity) < s.following));
}

/**
 * The number that answers each part (undefined for a part with no such number). When
 * one sentence states both numbers, each standing near as many of its part's words as the best
 * found for it, that sentence answers both, so one citation holds the whole calculation.
 */
export function findOperands(parts: PartRanking[], quantity: Quantity): (Operand | undefined)[] {
  const [firstAll = [], secondAll = []] = parts.map((p) => standings(p, quantity).sort(byStanding));
  const [first, second] = quantity === 'count' ? [countedBefore(firstAll, secondAll), countedBefore(secondAll, firstAll)] : [firstAll, secondAll];
  const [bestFirst, bestSecond] = [first[0], second[0]];
  if (!bestFirst || !bestSecond) return [bestFirst?.operand, bestSecond?.operand];
  // As near the question's other names too: the Lumière's "five nominations … two wins" do not answer "… at the César?".
  const asGoodAs = (s: Standing, best: Standing) => s.near === best.near && s.names === best.names;
  for (const a of first.filter((s) => asGoodAs(s, bestFirst))) {
    const b = second.find((s) => asGoodAs(s, bestSecond) && sentenceOf(s) === sentenceOf(a) && s.operand.position !== a.operand.position);
    if (b) return [a.operand, b.operand];
  }
  return [bestFirst.operand, bestSecond.operand];
}
