import type { Lang } from '../corpus/types.js';
import { languagesOf } from './lexicon.js';
import { MARKERS_EN, MARKERS_PT } from './stopwords.js';

/**
 * English or Portuguese, from function words and Portuguese diacritics; for text that has none
 * ("elenco", "trilha sonora"), from the words only one language has; English when unsure.
 */
export function detectLanguage(text: string): Lang {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let en = 0;
  let pt = 0;
  for (const word of words) {
    if (MARKERS_EN.has(word)) en++;
    if (MARKERS_PT.has(word)) pt++;
    if (/[ãõçâêô]/.test(word)) pt += 1;
  }
  if (pt === en) {
    const told = phraseLanguages(words);
    pt += told.filter((lang) => lang === 'pt').length;
    en += told.filter((lang) => lang === 'en').length;
  }
  return pt > en ? 'pt' : 'en';
}

/** The language of each word or phrase ("trilha sonora") that only one language has, longest phrases first. */
function phraseLanguages(words: string[]): Lang[] {
  const found: Lang[] = [];
  for (let i = 0; i < words.length; ) {
    const phrases = [3, 2, 1].filter((n) => i + n <= words.length).map((n) => ({ n, langs: languagesOf(words.slice(i, i + n).join(' ')) }));
    const { n, langs } = phrases.find((p) => p.langs.length > 0) ?? { n: 1, langs: [] };
    if (langs.length === 1) found.push(langs[0]!);
    i += n;
  }
  return found;
}
