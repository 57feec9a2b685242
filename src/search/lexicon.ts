import { readFileSync } from 'node:fs';
import type { Lang } from '../corpus/types.js';
import { foldAccents, isStopword, stem, words } from './text.js';

/**
 * Target-language words for a source-language phrase, keyed both by the phrase's exact words and by
 * their stems. Exact words are tried first: Portuguese stems are aggressive ("livro" and "livre"
 * share "livr"), so a stem is only the fallback for inflected forms the lexicon does not list.
 */
type Dictionary = Map<string, string[]>;

export interface Lexicon {
  /** Dictionaries by the language translated from. */
  from: Record<Lang, Dictionary>;
  /** Other English names of the same thing ("Oscar" for "Academy Award", and back). */
  aliases: Dictionary;
  longestPhrase: number;
}

const DEFAULT_FILE = new URL('./lexicon/en-pt.tsv', import.meta.url);
const ALIASES_FILE = new URL('./lexicon/en-aliases.tsv', import.meta.url);

/** A phrase's words without its function words. */
export function contentWords(phrase: string): string[] {
  return words(phrase).filter((w) => !isStopword(w));
}

function stemKey(phrase: string, lang: Lang): string {
  return contentWords(phrase).map((w) => stem(w, lang)).join(' ');
}

function exactKey(phrase: string): string {
  return '=' + foldAccents(contentWords(phrase).join(' '));
}

function add(dictionary: Dictionary, key: string, target: string): void {
  if (key === '') return;
  const targets = dictionary.get(key) ?? [];
  if (!targets.includes(target)) targets.push(target);
  dictionary.set(key, targets);
}

/** The two sides of each `a<TAB>b` line of a TSV (comments start with #), lower-cased. */
function pairs(tsv: string): [string, string][] {
  return tsv
    .split('\n')
    .filter((line) => !line.startsWith('#') && line.includes('\t'))
    .map((line) => line.split('\t').map((s) => s.trim().toLowerCase()) as [string, string]);
}

/**
 * Parses `english<TAB>portuguese` lines into dictionaries in both directions, and `name<TAB>other
 * name` lines of English aliases into one dictionary that finds each name from the other.
 */
export function parseLexicon(tsv: string, aliasesTsv = ''): Lexicon {
  const lexicon: Lexicon = { from: { en: new Map(), pt: new Map() }, aliases: new Map(), longestPhrase: 1 };
  for (const [en, pt] of pairs(tsv)) {
    add(lexicon.from.en, exactKey(en), pt);
    add(lexicon.from.en, stemKey(en, 'en'), pt);
    add(lexicon.from.pt, exactKey(pt), en);
    add(lexicon.from.pt, stemKey(pt, 'pt'), en);
    lexicon.longestPhrase = Math.max(lexicon.longestPhrase, contentWords(en).length, contentWords(pt).length);
  }
  for (const [a, b] of pairs(aliasesTsv)) {
    for (const [name, other] of [[a, b], [b, a]] as const) {
      add(lexicon.aliases, exactKey(name), other);
      add(lexicon.aliases, stemKey(name, 'en'), other);
    }
    lexicon.longestPhrase = Math.max(lexicon.longestPhrase, contentWords(a).length, contentWords(b).length);
  }
  return lexicon;
}

let bundled: Lexicon | undefined;

/** The English–Portuguese lexicon and the English aliases shipped with the project (read once). */
export function bundledLexicon(): Lexicon {
  bundled ??= parseLexicon(readFileSync(DEFAULT_FILE, 'utf8'), readFileSync(ALIASES_FILE, 'utf8'));
  return bundled;
}

/** Whether a single word is an ordinary English or Portuguese word (as opposed to a name). */
export function isDictionaryWord(word: string, lexicon: Lexicon = bundledLexicon()): boolean {
  return languagesOf(word, lexicon).length > 0;
}

/** The languages a word or phrase is ordinary in: "elenco" and "trilha sonora" are Portuguese, "budget" English, "film" both, names neither. */
export function languagesOf(phrase: string, lexicon: Lexicon = bundledLexicon()): Lang[] {
  const key = exactKey(phrase);
  return (['en', 'pt'] as const).filter((lang) => lexicon.from[lang].has(key));
}

export interface Translation {
  /** Index of the first and one past the last source word the translation covers. */
  from: number;
  to: number;
  targets: string[];
}

/** Greedy longest-phrase translation of content words; words the lexicon lacks (names, numbers) get none. */
export function translateWords(contentWords: string[], lang: Lang, lexicon: Lexicon): Translation[] {
  return lookUpPhrases(contentWords, lang, lexicon.from[lang], lexicon.longestPhrase);
}

/** The other English names of English content words' phrases ("oscars" gives "academy awards"), found as translations are. */
export function englishAliases(contentWords: string[], lexicon: Lexicon): Translation[] {
  return lookUpPhrases(contentWords, 'en', lexicon.aliases, lexicon.longestPhrase);
}

function lookUpPhrases(contentWords: string[], lang: Lang, dictionary: Dictionary, longestPhrase: number): Translation[] {
  const stems = contentWords.map((w) => stem(w, lang));
  const folded = contentWords.map((w) => foldAccents(w));
  const translations: Translation[] = [];
  let i = 0;
  while (i < stems.length) {
    let matched = false;
    for (let n = Math.min(longestPhrase, stems.length - i); n >= 1 && !matched; n--) {
      const exact = folded.slice(i, i + n).join(' ');
      const targets = dictionary.get('=' + exact) ?? dictionary.get('=' + exact.replace(/s$/, '')) ?? dictionary.get(stems.slice(i, i + n).join(' '));
      if (targets) {
        translations.push({ from: i, to: i + n, targets });
        i += n;
        matched = true;
      }
    }
    if (!matched) i++;
  }
  return translations;
}

/** A word-for-word English rendering of Portuguese text, so an English-only encoder can place it. */
export function glossToEnglish(text: string, lexicon: Lexicon, perWord = 2): string {
  const content = contentWords(text);
  const translations = translateWords(content, 'pt', lexicon);
  const out: string[] = [];
  let i = 0;
  for (const t of translations) {
    out.push(...content.slice(i, t.from), ...t.targets.slice(0, perWord));
    i = t.to;
  }
  out.push(...content.slice(i));
  return out.join(' ');
}
