import { describe, expect, it } from 'vitest';
import type { Chunk, Lang } from '../src/corpus/types.js';
import { namesDocumentOf } from '../src/search/describedAs.js';
import { bundledLexicon } from '../src/search/lexicon.js';
import { analyzeQuery } from '../src/search/query.js';

const chunk = (title: string, lang: Lang): Chunk => ({ id: title, file: `${lang}.txt`, title, lang, section: [], text: '', sentences: [], start: 0, end: 0 });
const synopsis = chunk('Ferrugem e Osso (sinopse)', 'pt');
const article = chunk('Rust and Bone', 'en');
const names = (question: string, c: Chunk) => namesDocumentOf(analyzeQuery(question, bundledLexicon(), false), c);

describe('a question that names a document by what it is', () => {
  it('names it in either language', () => {
    expect(names('Segundo a sinopse, qual é o trabalho de Alain?', synopsis)).toBe(true);
    expect(names('What does the synopsis say Alain does?', synopsis)).toBe(true);
  });

  it('names no document by the film\'s title or by other words', () => {
    expect(names('O que acontece em Ferrugem e Osso?', synopsis)).toBe(false);
    expect(names('What is Rust and Bone about?', article)).toBe(false);
    expect(names('Qual é o trabalho de Alain?', synopsis)).toBe(false);
  });
});
