import type { Lang } from '../corpus/types.js';
import { detectLanguage } from './language.js';
import { glossToEnglish, translateWords, type Lexicon } from './lexicon.js';
import { foldAccents, isStopword, stem, words } from './text.js';

export interface TermVariant {
  term: string;
  weight: number;
}

/** One word of the question and the index terms that count as finding it (stems, spellings, translations). */
export interface TermGroup {
  word: string;
  variants: TermVariant[];
}

export interface AnalyzedQuery {
  text: string;
  lang: Lang;
  groups: TermGroup[];
  /** Texts to embed for dense search: the question itself, and an English gloss of a Portuguese one. */
  denseTexts: string[];
}

const OTHER: Record<Lang, Lang> = { en: 'pt', pt: 'en' };
export const TRANSLATION_WEIGHT = 0.8;

function addVariant(group: TermGroup, term: string, weight: number): void {
  if (term === '') return;
  const existing = group.variants.find((v) => v.term === term);
  if (existing) existing.weight = Math.max(existing.weight, weight);
  else group.variants.push({ term, weight });
}

const AGENT_WEIGHT = 0.8;

/**
 * In a corpus about one film these words are everywhere: inside a translated phrase ("film score"
 * for "trilha sonora", "festival de cinema" for "film festival") they would let any sentence match.
 */
const FILM_WORDS = new Set(['film', 'films', 'movie', 'movies', 'picture', 'cinema', 'cinemas', 'filme', 'filmes']);

/** The verb stem of an English agent noun ("director" → "direct", "editor" → "edit"), or '' for other words. */
function agentVerb(word: string): string {
  return /^[a-z]{4,}(or|er)$/.test(word) ? stem(word.slice(0, -2), 'en') : '';
}

/**
 * Turns a question into weighted term groups for BM25. Each content word matches its stem in
 * either language (names and cognates) and, through the lexicon, its translations.
 */
export function analyzeQuery(text: string, lexicon: Lexicon, glossForDense: boolean): AnalyzedQuery {
  const lang = detectLanguage(text);
  const other = OTHER[lang];
  const content = words(text).filter((w) => !isStopword(w));
  const groups: TermGroup[] = content.map((word) => {
    const group: TermGroup = { word, variants: [] };
    addVariant(group, stem(word, lang), 1);
    addVariant(group, stem(word, other), 1);
    addVariant(group, stem(foldAccents(word), lang), 1);
    return group;
  });
  for (const t of translateWords(content, lang, lexicon)) {
    const targetWords = t.targets.flatMap((phrase) => {
      const content = words(phrase).filter((w) => !isStopword(w));
      return content.length > 1 ? content.filter((w) => !FILM_WORDS.has(w)) : content;
    });
    for (let i = t.from; i < t.to; i++) {
      for (const w of targetWords) {
        addVariant(groups[i]!, stem(w, other), TRANSLATION_WEIGHT);
        if (other === 'en') addVariant(groups[i]!, agentVerb(w), TRANSLATION_WEIGHT * AGENT_WEIGHT);
      }
    }
  }
  if (lang === 'en') groups.forEach((g) => addVariant(g, agentVerb(g.word), AGENT_WEIGHT));
  // A question of function words only glosses to nothing; the encoder needs some text.
  const gloss = glossForDense && lang !== 'en' ? glossToEnglish(text, lexicon) : '';
  const denseTexts = [gloss.trim() !== '' ? gloss : text];
  return { text, lang, groups, denseTexts };
}
