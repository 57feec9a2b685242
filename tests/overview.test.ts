import { describe, expect, it } from 'vitest';
import { Openings } from '../src/answer/overview.js';
import type { Chunk, Lang } from '../src/corpus/types.js';
import { bundledLexicon } from '../src/search/lexicon.js';
import { analyzeQuery } from '../src/search/query.js';
import { answerType } from '../src/answer/answerType.js';
import type { Ranking } from '../src/answer/ranker.js';

/** A chunk made of the given sentences. */
function chunkOf(id: string, file: string, lang: Lang, title: string, section: string[], sentences: string[]): Chunk {
  let start = 0;
  const placed = sentences.map((text) => ({ text, start, end: (start += text.length + 1) - 1 }));
  return { id, file, title, lang, section, text: sentences.join(' '), start: 0, end: start - 1, sentences: placed };
}

/** A chunk of two sentences under the given headings. */
function chunk(id: string, file: string, lang: Lang, title: string, section: string[]): Chunk {
  return chunkOf(id, file, lang, title, section, [`${id} opens here.`, 'It goes on.']);
}

const openings = new Openings(
  [
  chunk('lead', 'en.txt', 'en', 'Rust and Bone', ['Rust and Bone']),
  chunk('lead-more', 'en.txt', 'en', 'Rust and Bone', ['Rust and Bone']),
  chunkOf('cast', 'en.txt', 'en', 'Rust and Bone', ['Cast and characters', 'Principal cast'], ['The principal cast features Matthias Schoenaerts as Ali.', 'It goes on.']),
  chunkOf('music', 'en.txt', 'en', 'Rust and Bone', ['Music'], ['The original score was composed by , a frequent collaborator of the director.', 'It is sparse.']),
  chunk('box-office', 'en.txt', 'en', 'Rust and Bone', ['Reception', 'Box office performance']),
  chunk('careers', 'en.txt', 'en', 'Rust and Bone', ['Legacy and influence', 'Career significance for cast and crew']),
  chunk('sinopse', 'pt.txt', 'pt', 'Ferrugem e Osso (sinopse)', []),
  ],
  bundledLexicon(),
);

/** What the answerer knows of a question before the openings look at it: its analysis and its kind. */
function ranking(question: string): Ranking {
  return { retrieval: { query: analyzeQuery(question, bundledLexicon(), false), passages: [] }, question: { type: answerType(question) } } as unknown as Ranking;
}

function opened(question: string): string | undefined {
  return openings.answer(ranking(question))?.passages[0]?.chunk.id;
}

describe('questions about the film as a whole', () => {
  it('are answered with the opening of the document in the asker\'s language', () => {
    for (const q of ["What's Rust and Bone about?", 'Tell me the plot of the movie']) expect(opened(q), q).toBe('lead');
    for (const q of ['Sobre o que é o filme?', 'Qual é a sinopse?', 'O que acontece em Ferrugem e Osso?']) expect(opened(q), q).toBe('sinopse');
  });

  it('quote its first two sentences, cited', () => {
    const { answer } = openings.answer(ranking('What is the film about?'))!;
    expect(answer.text).toBe('lead opens here. [1] It goes on. [1]');
    expect(answer.citations.map((c) => c.quote)).toEqual(['lead opens here. It goes on.']);
  });
});

describe('questions about a whole section', () => {
  it('are answered with the opening of the most particular section its headings name, in either language', () => {
    expect(opened('Tell me about the cast')).toBe('cast');
    expect(opened('Who is in the cast?')).toBe('cast');
    expect(opened('Fale sobre o elenco')).toBe('cast');
    expect(opened('Who are the main characters?')).toBe('cast');
    expect(opened('How was the reception?')).toBe('box-office');
  });

  it('but not a question asking who, when the opening names no one: the page lost the name', () => {
    expect(opened('Tell me about the music')).toBe('music');
    expect(opened('Who did the music?')).toBeUndefined();
  });
});

describe('questions about something in particular', () => {
  it('are left to the ranker', () => {
    for (const q of ["What is the film's budget?", 'Is the film about boxing?', 'When was the film released?', 'What is the short story collection about?', 'Quem dirige o filme?', 'How much did it make at the box office?', 'Who is in the film?', '???']) {
      expect(opened(q), q).toBeUndefined();
    }
  });
});

describe('how long the film runs, when it came out and what it was adapted from', () => {
  const facts = new Openings(
    [
      chunkOf('lead', 'en.txt', 'en', 'Rust and Bone', ['Rust and Bone'], ['Rust and Bone is a 2012 French drama film.', 'It received a 10-minute ovation.', 'With a runtime of 122 minutes, it premiered at Cannes.', 'It was adapted from two short stories by Craig Davidson.']),
      chunkOf('release', 'en.txt', 'en', 'Rust and Bone', ['Release'], ['The film was released in France on 17 May 2012.']),
      chunkOf('sinopse', 'pt.txt', 'pt', 'Ferrugem e Osso (sinopse)', [], ['Pai solteiro, com um filho de 05 anos.', 'Foi aplaudido de pé durante 10 minutos.', 'É um filme franco-belga de 2012.']),
    ],
    bundledLexicon(),
  );
  const answered = (question: string) => facts.answer(ranking(question))?.answer.text;

  it('are answered by the first sentence of a lead that states them, in the asker\'s language when its lead does', () => {
    for (const q of ['How long is the movie?', 'Qual a duração do filme?', 'Quantos minutos tem o filme?']) expect(answered(q), q).toBe('With a runtime of 122 minutes, it premiered at Cannes. [1]');
    expect(answered('When did it come out?')).toBe('Rust and Bone is a 2012 French drama film. [1]');
    expect(answered('Quando o filme foi lançado?')).toBe('É um filme franco-belga de 2012. [1]');
    for (const q of ['What is the movie based on?', 'Em que livro o filme se baseia?']) expect(answered(q), q).toBe('It was adapted from two short stories by Craig Davidson. [1]');
    for (const q of ['What language is the film in?', 'Em que língua é o filme?']) expect(answered(q), q).toBe('Rust and Bone is a 2012 French drama film. [1]');
  });

  it('are left to the ranker when the question names something else', () => {
    for (const q of ['How long was the ovation?', 'When was the film released in France?', 'Quanto tempo durou a filmagem?', 'Is the film based on a true story?', 'Who wrote the book the film is based on?']) {
      expect(answered(q), q).toBeUndefined();
    }
  });
});
