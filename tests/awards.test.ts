import { describe, expect, it } from 'vitest';
import { asksAboutAwards, matchesOnlyInAwardNames } from '../src/answer/awards.js';

const director = new Set(['director', 'direct']);

describe('award names', () => {
  it('hold the question words of a sentence that names them only in award categories', () => {
    expect(matchesOnlyInAwardNames('It received five nominations, including Best Film, Best Director, and Best Music.', 'en', director)).toBe(true);
    expect(matchesOnlyInAwardNames('The film secured four wins, including Best Director for , Best Actress for , and Best Music.', 'en', director)).toBe(true);
    expect(matchesOnlyInAwardNames('Indicado ao prêmio de melhor atriz no festival.', 'pt', new Set(['atriz']))).toBe(true);
  });

  it('hold them though the sentence says "the film" outside the categories, when the question asks of more than the film', () => {
    const directorOfTheFilm = new Set(['director', 'direct', 'film']);
    expect(matchesOnlyInAwardNames('At the Lumière Awards, the film received five nominations, including Best Director for , and Best Music.', 'en', directorOfTheFilm)).toBe(true);
    expect(matchesOnlyInAwardNames('The film won Best Film at the festival.', 'en', new Set(['film']))).toBe(false);
  });

  it('do not, when the category names its nominee, the sentence uses the words outside it too, or not at all', () => {
    expect(matchesOnlyInAwardNames('Its nominations included Best Editing (Juliette Welfling).', 'en', new Set(['editor', 'edit']))).toBe(false);
    expect(matchesOnlyInAwardNames('The film secured four wins, including Best Director for Audiard.', 'en', director)).toBe(false);
    expect(matchesOnlyInAwardNames('Audiard, who directed the film, won Best Director.', 'en', director)).toBe(false);
    expect(matchesOnlyInAwardNames('Key personnel were assembled early with director Jacques Audiard.', 'en', director)).toBe(false);
    expect(matchesOnlyInAwardNames('It won Best Film.', 'en', director)).toBe(false);
  });

  it('are what a question about awards asks for', () => {
    for (const q of ['Was Audiard nominated for Best Director?', 'Que prêmios o filme ganhou?', 'Did it win a César?']) expect(asksAboutAwards(q), q).toBe(true);
    for (const q of ['Who is the director?', 'Quem é a atriz principal?']) expect(asksAboutAwards(q), q).toBe(false);
  });
});
