import { describe, expect, it } from 'vitest';
import type { Chunk, Lang } from '../src/corpus/types.js';
import { Truecaser } from '../src/search/truecase.js';

function chunk(lang: Lang, sentences: string[]): Chunk {
  let start = 0;
  const placed = sentences.map((text) => ({ text, start, end: (start += text.length + 1) - 1 }));
  return { id: `${lang}-1`, file: `${lang}.txt`, title: 'Rust and Bone', lang, section: [], text: sentences.join(' '), start: 0, end: start - 1, sentences: placed };
}

const truecaser = new Truecaser([
  chunk('en', [
    'The story centers on Ali, a single father.',
    'It stars Marion Cotillard as Stéphanie.',
    'The role went to Cotillard after a long search.',
    'It received two Golden Globe nominations.',
    'Best Adapted Screenplay went to the writers, adapting the book.',
    'It premiered at Cannes in May.',
  ]),
  chunk('pt', ['Alain conhece Stéphanie na boate.', 'Ele ganhou o prêmio de Ator Revelação.']),
]);

describe('a question typed in lower case', () => {
  it('gets the names the documents write capitalized, in the asker\'s spelling', () => {
    expect(truecaser.apply('who plays ali')).toBe('Who plays Ali');
    expect(truecaser.apply('what nationality is marion cotillard?')).toBe('What nationality is Marion Cotillard?');
    expect(truecaser.apply('quem é a stephanie?')).toBe('Quem é a Stephanie?');
  });

  it('keeps ordinary words of titles, words the lexicon knows and words used in lower case elsewhere as they are', () => {
    expect(truecaser.apply('what did the golden globe say?')).toBe('What did the golden globe say?');
    expect(truecaser.apply('was it adapted at cannes?')).toBe('Was it adapted at cannes?');
    expect(truecaser.apply('quem foi o melhor ator?')).toBe('Quem foi o melhor ator?');
  });

  it('reads a question in capitals as one in lower case', () => {
    expect(truecaser.apply('WHO PLAYS ALI?')).toBe('Who plays Ali?');
  });
});

describe('a question that starts with an accented word', () => {
  it('gets its first word capitalized, and only that one', () => {
    expect(truecaser.apply('é verdade que ali luta?')).toBe('É verdade que Ali luta?');
  });
});
