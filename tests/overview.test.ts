import { describe, expect, it } from 'vitest';
import { asksForOverview } from '../src/answer/overview.js';

const TITLES = ['Rust and Bone', 'Ferrugem e Osso (sinopse)'];

describe('questions about the film as a whole', () => {
  it('are those that name nothing but the film and its story, in English or Portuguese', () => {
    for (const q of ["What's Rust and Bone about?", 'Tell me the plot of the movie', 'Sobre o que é o filme?', 'Qual é a sinopse?', 'O que acontece em Ferrugem e Osso?']) {
      expect(asksForOverview(q, TITLES), q).toBe(true);
    }
  });

  it('are not those that ask something particular about it', () => {
    for (const q of ["What is the film's budget?", 'Is the film about boxing?', 'When was the film released?', 'What is the short story collection about?', 'Quem dirige o filme?', '???']) {
      expect(asksForOverview(q, TITLES), q).toBe(false);
    }
  });
});
