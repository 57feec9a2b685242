import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemPortuguese } from '@orama/stemmers/portuguese';
import type { Lang } from '../corpus/types.js';
import { LIGHT_WORDS, STOPWORDS_EN, STOPWORDS_PT } from './stopwords.js';

/**
 * Results are cached by text: every question re-reads the same passages, and splitting and
 * stemming their words was most of a question's time outside the encoder.
 */
const CACHE_LIMIT = 50_000;

export function cached<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, (value = compute(key)));
  }
  return value;
}

/** Text that a regular expression matches literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * "U.S.", "US" (not the pronoun "us", nor the currency "US$") and "USA" read as "united states"
 * ("usa" is also a Portuguese verb, "uses"), and "U.K." as "uk": words the lexicon translates.
 */
export function spellOutCountries(text: string): string {
  return text.replace(/\b[Uu]\.[Ss](?:\.[Aa])?\b\.?|\bUSA?\b(?!\$)/g, ' united states ').replace(/\b[Uu]\.[Kk]\b\.?/g, 'uk');
}

function splitWords(text: string): readonly string[] {
  const normalized = spellOutCountries(text)
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/(\d)[,.](?=\d{3}\b)/g, '$1')
    .replace(/\b(\w+)'s\b/g, '$1');
  return normalized.match(/\d+(?:[.,]\d+)?|[\p{L}\p{N}]+/gu) ?? [];
}

const wordLists = new Map<string, readonly string[]>();

/** Lower-cased words and numbers; "1,930,536" and "1.930.536" become one token, "25.8" stays whole. */
export function words(text: string): readonly string[] {
  return cached(wordLists, text, splitWords);
}

const foldedWords = new Map<string, string>();

export function isStopword(word: string): boolean {
  const folded = cached(foldedWords, word, foldAccents);
  return STOPWORDS_EN.has(folded) || STOPWORDS_PT.has(folded);
}

export function isLightWord(word: string): boolean {
  return LIGHT_WORDS.has(cached(foldedWords, word, foldAccents));
}

const stemmers: Record<Lang, (word: string) => string> = { en: stemEnglish, pt: stemPortuguese };
const stems: Record<Lang, Map<string, string>> = { en: new Map(), pt: new Map() };

/**
 * Filming, not the film: in documents about a film the noun is in nearly every sentence, and a
 * verb form stemmed like it ("filmed", "filmado") would match them all. Portuguese also films by
 * "rodar", stemmed like "rodas" (wheels). Both languages share the term, as they share names.
 */
const FILMING: Record<Lang, RegExp> = { en: /^film(?:ed|ing)$/, pt: /^(?:film|rod)(?:ar|ad[oa]s?|ou|aram|ando|ava|agem|agens)$/ };

/** The index form of a word: stemmed in its language, then accent-folded. */
export function stem(word: string, lang: Lang): string {
  if (/^\d/.test(word)) return word.replace(',', '.');
  return cached(stems[lang], word, (w) => (FILMING[lang].test(w) ? 'filming' : foldAccents(stemmers[lang](w))));
}

/** Content terms of a text as stored in the BM25 index. */
export function indexTerms(text: string, lang: Lang): string[] {
  return words(text).filter((w) => !isStopword(w)).map((w) => stem(w, lang));
}
