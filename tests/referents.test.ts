import { describe, expect, it } from 'vitest';
import type { Chunk } from '../src/corpus/types.js';
import { pronounReferents } from '../src/search/referents.js';
import { sentenceKey } from '../src/store/items.js';

/** One chunk per call, its sentences laid end to end from `start`. */
function chunk(file: string, texts: string[], start = 0): Chunk {
  let at = start;
  const sentences = texts.map((text) => {
    const s = { start: at, end: at + text.length, text };
    at += text.length + 1;
    return s;
  });
  return { id: `${file}#${start}`, file, title: file, lang: 'en', section: [], text: texts.join(' '), sentences, start, end: at };
}

/** The names each sentence refers to, by sentence text. */
function referents(chunks: Chunk[]): Record<string, string[]> {
  const found = pronounReferents(chunks);
  return Object.fromEntries(chunks.flatMap((c) => c.sentences.map((s) => [s.text, found.get(sentenceKey(c.file, s.start)) ?? []])));
}

describe('pronoun referents', () => {
  it('gives a sentence that names no one the names of the sentence before it, on through a run of pronouns', () => {
    const r = referents([chunk('a.txt', ['Audiard cast Schoenaerts as Ali.', 'To prepare, he trained for two months.', 'Then he ate burgers.', 'The shoot began in October.'])]);
    expect(r['To prepare, he trained for two months.']).toEqual(['Schoenaerts', 'Ali']);
    expect(r['Then he ate burgers.']).toEqual(['Schoenaerts', 'Ali']);
    expect(r['The shoot began in October.']).toEqual([]);
  });

  it('leaves alone a sentence with names of its own, and one with no pronoun', () => {
    const r = referents([chunk('a.txt', ['Cotillard was cast.', 'Audiard admired her range.', 'Filming took eight weeks.'])]);
    expect(r['Audiard admired her range.']).toEqual([]);
    expect(r['Filming took eight weeks.']).toEqual([]);
  });

  it('reads a capitalized first word as a name only when the document capitalizes it inside a sentence too', () => {
    const r = referents([chunk('pt.txt', ['Ela conhece Stéphanie.', 'Stéphanie sofre um acidente.', 'Nessa tragédia ela perde as pernas.'])]);
    expect(r['Nessa tragédia ela perde as pernas.']).toEqual(['Stéphanie']);
  });

  it('follows the sentences of a file across its chunks, and not into another file', () => {
    const first = chunk('a.txt', ['The score is by Desplat.']);
    const next = chunk('a.txt', ['He recorded it in a week.'], 100);
    const other = chunk('b.txt', ['She sings.'], 100);
    const r = referents([next, other, first]);
    expect(r['He recorded it in a week.']).toEqual(['Desplat']);
    expect(r['She sings.']).toEqual([]);
  });
});
