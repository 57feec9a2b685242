import type { Chunk } from '../corpus/types.js';
import { sentenceKey } from '../store/items.js';
import { foldAccents } from './text.js';

const PRONOUN = /(?<![\p{L}\p{N}])(he|she|him|ele|ela)(?![\p{L}\p{N}])/iu;
const CAPITALIZED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]+/gu;

const capitalized = (text: string) => [...text.matchAll(CAPITALIZED)].map((m) => ({ word: m[0].replace(/['’]s$/, ''), first: m.index === 0 }));

/**
 * The names a sentence that names no one refers to by a pronoun ("To prepare, he underwent…" after
 * a sentence about Schoenaerts): those of the sentence before, carried on while sentences go on so.
 * A capitalized first word is a name only if the document also capitalizes it inside a sentence.
 * Keyed by `sentenceKey`.
 */
export function pronounReferents(chunks: Chunk[]): Map<string, string[]> {
  const byFile = new Map<string, Map<number, string>>();
  for (const chunk of chunks) {
    const sentences = byFile.get(chunk.file) ?? new Map<number, string>();
    for (const s of chunk.sentences) sentences.set(s.start, s.text);
    byFile.set(chunk.file, sentences);
  }
  const referents = new Map<string, string[]>();
  for (const [file, sentences] of byFile) {
    const texts = [...sentences].sort((a, b) => a[0] - b[0]);
    const inside = new Set(texts.flatMap(([, text]) => capitalized(text).filter((c) => !c.first).map((c) => foldAccents(c.word))));
    let carried: string[] = [];
    for (const [start, text] of texts) {
      const own = capitalized(text).filter((c) => !c.first || inside.has(foldAccents(c.word))).map((c) => c.word);
      const inherited = own.length === 0 && PRONOUN.test(text) ? carried : [];
      if (inherited.length > 0) referents.set(sentenceKey(file, start), inherited);
      carried = own.length > 0 ? own : inherited;
    }
  }
  return referents;
}
