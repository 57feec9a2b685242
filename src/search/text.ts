import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemPortuguese } from '@orama/stemmers/portuguese';
import type { Lang } from '../corpus/types.js';
import { STOPWORDS_EN, STOPWORDS_PT } from './stopwords.js';

export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Lower-cased words and numbers; "1,930,536" and "1.930.536" become one token, "25.8" stays whole. */
export function words(text: string): string[] {
  const normalized = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/(\d)[,.](?=\d{3}\b)/g, '$1')
    .replace(/\b(\w+)'s\b/g, '$1');
  return normalized.match(/\d+(?:[.,]\d+)?|[\p{L}\p{N}]+/gu) ?? [];
}

export function isStopword(word: string): boolean {
  const folded = foldAccents(word);
  return STOPWORDS_EN.has(folded) || STOPWORDS_PT.has(folded);
}

const stemmers: Record<Lang, (word: string) => string> = { en: stemEnglish, pt: stemPortuguese };

/** The index form of a word: stemmed in its language, then accent-folded. */
export function stem(word: string, lang: Lang): string {
  if (/^\d/.test(word)) return word.replace(',', '.');
  return foldAccents(stemmers[lang](word));
}

/** Content terms of a text as stored in the BM25 index. */
export function indexTerms(text: string, lang: Lang): string[] {
  return words(text).filter((w) => !isStopword(w)).map((w) => stem(w, lang));
}
