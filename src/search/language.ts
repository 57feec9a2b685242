import type { Lang } from '../corpus/types.js';
import { MARKERS_EN, MARKERS_PT } from './stopwords.js';

/** English or Portuguese, from function words and Portuguese diacritics; English when unsure. */
export function detectLanguage(text: string): Lang {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let en = 0;
  let pt = 0;
  for (const word of words) {
    if (MARKERS_EN.has(word)) en++;
    if (MARKERS_PT.has(word)) pt++;
    if (/[ãõçâêô]/.test(word)) pt += 1;
  }
  return pt > en ? 'pt' : 'en';
}
