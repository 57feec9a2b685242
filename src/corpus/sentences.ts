import type { Sentence } from './types.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'etc', 'no', 'vol', 'approx', 'ca', 'inc', 'ltd', 'co',
  'sra', 'dra', 'pág', 'p', 'pp', 'e.g', 'i.e', 'u.s', 'u.k', 'op', 'cit', 'fig', 'ed', 'eds',
]);

const CLOSERS = `"'”’)]»`;
/** Scraped reference marks such as "[web:10]" that follow a full stop. */
const REFERENCE = /^\[[^\]\s]{1,24}\]/;

function skipClosers(text: string, from: number, end: number): number {
  let i = from;
  for (;;) {
    while (i < end && CLOSERS.includes(text[i]!)) i++;
    const ref = text[i] === '[' ? REFERENCE.exec(text.slice(i, Math.min(end, i + 26))) : null;
    if (!ref) return i;
    i += ref[0].length;
  }
}

function isBoundary(text: string, dot: number, end: number): boolean {
  const mark = text[dot]!;
  const after = skipClosers(text, dot + 1, end);
  if (after >= end) return true;
  const next = text[after]!;
  if (mark === '.') {
    const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
    if (ABBREVIATIONS.has(word.toLowerCase())) return false;
    if (/^\p{Lu}$/u.test(word)) return false; // an initial, as in "J. Gray"
    if (/\d/.test(text[dot - 1] ?? '') && /\d/.test(next)) return false; // 25.8
  }
  if (/\s/.test(next)) {
    const rest = text.slice(after, Math.min(end, after + 8)).trimStart();
    // ". , originally an American…": a sentence whose first words were lost in scraping starts with a comma.
    return rest === '' || /^([\p{Lu}\p{N}"'“‘(¿¡«—–-]|,\s)/u.test(rest);
  }
  // "Bidegain.O filme": a missing space after a full stop between two sentences.
  return mark === '.' && /\p{Lu}/u.test(next) && /\p{Ll}{2}$/u.test(text.slice(Math.max(0, dot - 2), dot));
}

/** Splits `text[start, end)` into trimmed sentence spans; line breaks always end a sentence. */
export function splitSentences(text: string, start = 0, end = text.length): Sentence[] {
  const sentences: Sentence[] = [];
  let from = start;
  const push = (to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) sentences.push({ start: s, end: e, text: text.slice(s, e) });
    from = to;
  };
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '\n') push(i + 1);
    else if ((ch === '.' || ch === '!' || ch === '?') && isBoundary(text, i, end)) {
      const after = skipClosers(text, i + 1, end);
      push(after);
      i = after - 1;
    }
  }
  push(end);
  return sentences;
}
