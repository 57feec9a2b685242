import type { Lang } from '../corpus/types.js';
import { detectLanguage } from './language.js';
import { contentWords, englishAliases, glossToEnglish, translateWords, type Lexicon, type Translation } from './lexicon.js';
import { foldAccents, isLightWord, stem } from './text.js';

export interface TermVariant {
  term: string;
  weight: number;
}

/** One word of the question and the index terms that count as finding it (stems, spellings, translations). */
export interface TermGroup {
  word: string;
  variants: TermVariant[];
  /** A common word that says little of what is asked ("happen", "make"): it weighs less than its rarity here would make it. */
  light?: boolean;
}

export interface AnalyzedQuery {
  text: string;
  lang: Lang;
  groups: TermGroup[];
  /** Texts to embed for dense search: the question itself, and an English gloss of a Portuguese one. */
  denseTexts: string[];
}

/** A capitalized word inside a question that ends in "s" as a plural does ("Césars", "Oscars"; "Cannes" too, whose shortened form is one more variant). */
const PLURAL_NAME = /(?<=\S\s+)\p{Lu}\p{L}*\p{Ll}s\b/gu;

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

/** The content words of the phrases a word translates to, without the film's own words in a phrase of several. */
function phraseWords(phrases: string[]): string[] {
  return phrases.flatMap((phrase) => {
    const content = contentWords(phrase);
    return content.length > 1 ? content.filter((w) => !FILM_WORDS.has(w)) : content;
  });
}

/** Words that say what kind of thing a name is ("Academy Award"), which many other names share. */
const KIND_OF_NAME = new Set(['award', 'awards', 'prize', 'prizes']);

/** The words of names that tell them apart: "Oscar" finds "Academy Award" by "academy", not by every "award". */
function distinctiveWords(names: string[]): string[] {
  const all = phraseWords(names);
  const distinctive = all.filter((w) => !KIND_OF_NAME.has(w));
  return distinctive.length > 0 ? distinctive : all;
}

/**
 * Other English names of the same thing, of an English question's words or of a Portuguese one's
 * English translations, placed on the words they name: "Oscars" finds "Academy Award", "efeitos
 * visuais" ("visual effects") finds "VFX".
 */
function aliasesOf(content: string[], lang: Lang, translations: Translation[], lexicon: Lexicon): Translation[] {
  if (lang === 'en') return englishAliases(content, lexicon);
  return translations.flatMap((t) => t.targets.flatMap((phrase) => englishAliases(contentWords(phrase), lexicon).map((a) => ({ ...a, from: t.from, to: t.to }))));
}

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
  const content = contentWords(text);
  const pluralNames = new Set((text.match(PLURAL_NAME) ?? []).map((name) => name.toLowerCase()));
  const groups: TermGroup[] = content.map((word) => {
    const group: TermGroup = { word, variants: [], light: isLightWord(word) };
    // A name in the plural ("Césars", "Oscars") also finds it in the singular, which the Portuguese stemmer, reading "César" as a verb, cuts otherwise.
    for (const form of pluralNames.has(word) ? [word, word.slice(0, -1)] : [word]) {
      addVariant(group, stem(form, lang), 1);
      addVariant(group, stem(form, other), 1);
      addVariant(group, stem(foldAccents(form), lang), 1);
    }
    return group;
  });
  const translations = translateWords(content, lang, lexicon);
  for (const t of translations) {
    for (let i = t.from; i < t.to; i++) {
      for (const w of phraseWords(t.targets)) {
        addVariant(groups[i]!, stem(w, other), TRANSLATION_WEIGHT);
        if (other === 'en') addVariant(groups[i]!, agentVerb(w), TRANSLATION_WEIGHT * AGENT_WEIGHT);
      }
    }
  }
  for (const a of aliasesOf(content, lang, translations, lexicon)) {
    for (let i = a.from; i < a.to; i++) for (const w of distinctiveWords(a.targets)) addVariant(groups[i]!, stem(w, 'en'), TRANSLATION_WEIGHT);
  }
  if (lang === 'en') groups.forEach((g) => addVariant(g, agentVerb(g.word), AGENT_WEIGHT));
  // A question of function words only glosses to nothing; the encoder needs some text.
  const gloss = glossForDense && lang !== 'en' ? glossToEnglish(text, lexicon) : '';
  const denseTexts = [gloss.trim() !== '' ? gloss : text];
  return { text, lang, groups, denseTexts };
}
