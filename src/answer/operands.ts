import type { Retrieval } from '../search/retriever.js';
import { foldAccents, isStopword, spellOutCountries, stem, words } from '../search/text.js';
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

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  um: 1, uma: 1, dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, onze: 11, doze: 12,
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
    const isYear = Number.isInteger(value) && value >= 1800 && value <= 2099 && !m[2].includes(',');
    return { word, quantum: { value, written: m[2], quantity: isYear ? 'year' : 'count' } };
  });
}

/** Each index term (stem, translation) of the part's own words, with its word and how rare that word is. */
function focusTerms(part: CalculationPart, retrieval: Retrieval): Map<string, { word: string; weight: number }> {
  const focus = new Set(words(part.focus).filter((w) => !isStopword(w)));
  const terms = new Map<string, { word: string; weight: number }>();
  retrieval.query.groups.forEach((g, i) => {
    if (focus.has(g.word)) for (const v of g.variants) terms.set(v.term, { word: g.word, weight: retrieval.wordWeights[i] ?? 1 });
  });
  return terms;
}

/**
 * How well a number stands for the part: how much of the part's own words (by rarity) are near it
 * (a count mostly comes just before them, "two Golden Globe nominations") or in the headings above
 * it ("César Awards"), and how close the nearest is.
 */
function closeness(tokens: Token[], terms: ReturnType<typeof focusTerms>, i: number, quantity: Quantity, context: Token[], lang: 'en' | 'pt'): { near: number; distance: number } {
  const [before, after] = quantity === 'count' ? [10, 6] : [12, 12];
  const found = new Map<string, number>();
  for (const t of context) {
    const term = terms.get(stem(t.word, lang));
    if (term) found.set(term.word, term.weight);
  }
  let distance = Infinity;
  tokens.forEach((t, j) => {
    if (j === i || j < i - before || j > i + after) return;
    const term = terms.get(stem(t.word, lang));
    if (!term) return;
    found.set(term.word, term.weight);
    distance = Math.min(distance, Math.abs(j - i));
  });
  return { near: [...found.values()].reduce((a, b) => a + b, 0), distance };
}

/** How many of the best sentences of a part's ranking are searched for its number. */
const DEPTH = 5;

/**
 * The number of the wanted kind that answers one part: in the best-ranked sentences, the one
 * standing near most of the part's own words, then nearest to them, then in the better-ranked sentence.
 */
export function findOperand(ranked: RankedCandidate[], retrieval: Retrieval, part: CalculationPart, quantity: Quantity): Operand | undefined {
  const terms = focusTerms(part, retrieval);
  let best: { operand: Operand; near: number; distance: number } | undefined;
  for (const candidate of ranked.slice(0, DEPTH)) {
    const { chunk } = candidate.passage;
    const tokens = tokenize(candidate.passage.sentences[candidate.index]!.sentence.text);
    const headings = tokenize(chunk.section.join(' '));
    tokens.forEach((token, i) => {
      if (token.quantum?.quantity !== quantity) return;
      const { near, distance } = closeness(tokens, terms, i, quantity, headings, chunk.lang);
      const better = !best || near > best.near || (near === best.near && distance < best.distance);
      if (near > 0 && better) best = { operand: { ...token.quantum, candidate, position: i }, near, distance };
    });
  }
  return best?.operand;
}
