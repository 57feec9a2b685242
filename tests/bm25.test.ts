import { describe, expect, it } from 'vitest';
import type { Chunk } from '../src/corpus/types.js';
import { Bm25Index } from '../src/search/bm25.js';
import { bundledLexicon, glossToEnglish } from '../src/search/lexicon.js';
import { analyzeQuery } from '../src/search/query.js';

const chunk = (text: string, lang: 'en' | 'pt'): Chunk => ({ id: text, file: `${lang}.txt`, title: '', lang, section: [], text, sentences: [], start: 0, end: text.length });

describe('BM25 across the two languages', () => {
  // "dinheiro" is in one Portuguese chunk only, but money is everywhere in English.
  const chunks = [chunk('The boat sank.', 'en'), chunk('Money talks.', 'en'), chunk('Money is power.', 'en'), chunk('Money, money.', 'en'), chunk('O dinheiro acabou.', 'pt')];
  const index = new Bm25Index(chunks);
  const { groups } = analyzeQuery('Onde está o barco e o dinheiro?', bundledLexicon(), false);

  it('weighs a question word by the chunks that hold it in any form, its translations included', () => {
    const [barco, dinheiro] = groups;
    expect(barco!.word).toBe('barco');
    expect(index.groupWeight(dinheiro!)).toBeLessThan(index.groupWeight(barco!));
  });

  it('so the passage with the rarer thing asked about comes first, whatever its language', () => {
    const scores = chunks.map((_, i) => index.score(groups, i).score);
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });
});

describe('a question naming who did something ("the editor")', () => {
  it('finds the passage that says it was done ("edited by"), in English or asked in Portuguese', () => {
    const chunks = [chunk('The film was edited by Juliette Welfling.', 'en'), chunk('Shooting took place in Antibes.', 'en')];
    const index = new Bm25Index(chunks);
    for (const question of ['Who was the editor?', 'Quem foi o editor?']) {
      const { groups } = analyzeQuery(question, bundledLexicon(), false);
      expect(index.score(groups, 0).coverage, question).toBe(1);
      expect(index.score(groups, 1).coverage, question).toBe(0);
    }
  });
});

describe('a name asked in the plural ("Césars")', () => {
  it('finds the passage that writes it in the singular, in a Portuguese question too', () => {
    const chunks = [chunk('Recebeu nove indicações ao César, vencendo quatro.', 'pt'), chunk('O filme estreou em maio.', 'pt')];
    const index = new Bm25Index(chunks);
    const { groups } = analyzeQuery('Quantos Césars o filme ganhou?', bundledLexicon(), false);
    const cesars = groups.find((g) => g.word === 'césars')!;
    expect(index.score([cesars], 0).coverage).toBe(1);
    expect(index.score([cesars], 1).coverage).toBe(0);
  });
});

describe('a country written as an abbreviation ("U.S.", "US", "U.K.")', () => {
  it('matches the country named in full or in Portuguese, and "us" the pronoun stays apart', () => {
    const chunks = [chunk('Its U.S. run was short.', 'en'), chunk('Critics told us it was short.', 'en'), chunk('Opened in the U.K. in May.', 'en')];
    const index = new Bm25Index(chunks);
    const best = (question: string) => {
      const { groups } = analyzeQuery(question, bundledLexicon(), false);
      const scores = chunks.map((_, i) => index.score(groups, i).score);
      return scores.indexOf(Math.max(...scores));
    };
    expect(best('How long did it run in the United States?')).toBe(0);
    expect(best('Quanto tempo ficou em cartaz nos Estados Unidos?')).toBe(0);
    expect(best('How long did it play in the US?')).toBe(0);
    expect(best('Quando estreou no Reino Unido?')).toBe(2);
  });
});

describe('another English name of the same thing ("Oscar" for "Academy Award", "VFX" for "visual effects")', () => {
  const chunks = [chunk('It did not receive any Academy Award nominations.', 'en'), chunk('It won the Best Film award.', 'en'), chunk('VFX supervisor Cédric Fayolle led the work.', 'en')];
  const index = new Bm25Index(chunks);
  const coverage = (question: string) => chunks.map((_, i) => index.score(analyzeQuery(question, bundledLexicon(), false).groups, i).coverage);

  it('finds the name a passage uses, asked by the other, in English or through a Portuguese question\'s translation', () => {
    expect(coverage('Any Oscars?')).toEqual([1, 0, 0]);
    expect(coverage('Quem supervisionou os efeitos visuais?')[2]).toBeGreaterThan(0);
  });

  it('not by the word that only says what kind of name it is: "Oscar" does not find every "award"', () => {
    expect(coverage('Any Oscar?')[1]).toBe(0);
  });
});

describe('a place and its adjective ("Europe" for "European", "Morocco" for "Moroccan")', () => {
  const chunks = [chunk('The story moved to a European working-class milieu.', 'en'), chunk('Ali became a French-Moroccan fighter.', 'en'), chunk('The story moved to the coast.', 'en')];
  const index = new Bm25Index(chunks);
  const coverage = (question: string) => chunks.map((_, i) => index.score(analyzeQuery(question, bundledLexicon(), false).groups, i).coverage);

  it('finds the adjective a passage uses, asked by the place, in English or through a Portuguese question\'s translation', () => {
    expect(coverage('Did the story move to Europe?')[0]).toBeGreaterThan(coverage('Did the story move to Europe?')[2]!);
    expect(coverage('A história foi para a Europa?')[0]).toBeGreaterThan(coverage('A história foi para a Europa?')[2]!);
    expect(coverage('Was Ali from Morocco?')[1]).toBe(1);
  });
});

describe('a common word that says little of what is asked ("happen", "make")', () => {
  it('weighs less than the word the question is about, however rarely the documents use it', () => {
    const chunks = [chunk('It happened at the premiere.', 'en'), chunk('Stéphanie loses her legs in an accident.', 'en')];
    const index = new Bm25Index(chunks);
    const { groups } = analyzeQuery('What happened to Stéphanie?', bundledLexicon(), false);
    expect(index.score(groups, 1).score).toBeGreaterThan(index.score(groups, 0).score);
  });
});

describe('a phrase translated into words about films ("trilha sonora" is "film score")', () => {
  it('matches the phrase\'s own words, not every sentence that says "film"', () => {
    const chunks = [chunk('The score was composed by Alexandre Desplat.', 'en'), chunk('The film opens on a beach.', 'en')];
    const index = new Bm25Index(chunks);
    const { groups } = analyzeQuery('Quem fez a trilha sonora?', bundledLexicon(), false);
    expect(index.score(groups, 1).score).toBe(0);
    expect(index.score(groups, 0).score).toBeGreaterThan(0);
  });
});

describe('filming, which stems like the film itself ("filmed", "filmado", "rodado")', () => {
  const chunks = [chunk('The film opens on a beach.', 'en'), chunk('The scenes were filmed at Marineland.', 'en'), chunk('Ela usa uma cadeira de rodas.', 'pt'), chunk('The film won two awards.', 'en')];
  const index = new Bm25Index(chunks);

  it('matches where something was filmed, not every sentence that names the film or a wheel ("rodas")', () => {
    for (const question of ['Where was the film shot?', 'When was it filmed?', 'Onde o filme foi filmado?', 'Onde o filme foi rodado?']) {
      const { groups } = analyzeQuery(question, bundledLexicon(), false);
      const scores = chunks.map((_, i) => index.score(groups, i));
      expect(scores[1]!.score, question).toBeGreaterThan(scores[0]!.score);
      expect(scores[2]!.score, question).toBe(0);
    }
  });
});

describe('a Portuguese word that stems like another ("publicação", "publicado" like "público")', () => {
  it('is translated as itself, not as the other word: the publication, not the audience', () => {
    for (const [question, english] of [['Em que ano foi a publicação do livro?', 'publication'], ['Em que ano o livro foi publicado?', 'published']] as const) {
      const gloss = glossToEnglish(question, bundledLexicon());
      expect(gloss, question).toContain(english);
      expect(gloss, question).not.toMatch(/audience|advertisement|attendance/);
    }
  });
});

describe('a Portuguese past tense the lexicon lists for one sense ("lançou" as "threw")', () => {
  it('is translated in its other senses too, so "Qual gravadora lançou…" reaches "label" and "released"', () => {
    const { groups } = analyzeQuery('Qual gravadora lançou o disco?', bundledLexicon(), false);
    const terms = (word: string) => groups.find((g) => g.word === word)!.variants.map((v) => v.term);
    expect(terms('lançou')).toEqual(expect.arrayContaining(['releas', 'threw']));
    expect(terms('gravadora')).toContain('label');
  });
});
