import { beforeAll, describe, expect, inject, it } from 'vitest';
import { askedCalculation } from '../src/answer/calculation.js';
import { tokenize } from '../src/answer/operands.js';
import { Knowledge } from '../src/knowledge.js';
import { answerKindLabel } from '../src/present/terminal.js';
import { silentLog, testConfig } from './support/testConfig.js';

describe('questions that ask for a calculation', () => {
  it('splits a question into one question per fact, each with its own words', () => {
    const years = askedCalculation('How many years passed between the release of Dheepan and the book?', 'en')!;
    expect(years).toMatchObject({ operation: 'difference', quantity: 'year' });
    expect(years.parts.map((p) => p.focus)).toEqual(['the release of Dheepan', 'the book']);

    const total = askedCalculation('How many Lumière and César nominations did it get altogether?', 'en')!;
    expect(total).toMatchObject({ operation: 'sum', quantity: 'count' });
    expect(total.parts.map((p) => p.question)).toEqual(['How many Lumière nominations did it get?', 'How many César nominations did it get?']);

    const more = askedCalculation('How much more did it make in France than in Belgium?', 'en')!;
    expect(more).toMatchObject({ operation: 'difference', quantity: 'money' });
    expect(more.parts.map((p) => p.question)).toEqual(['How much did it make in France?', 'How much did it make in Belgium?']);

    const pt = askedCalculation('Quantas indicações ao Lumière e ao César o filme recebeu no total?', 'pt')!;
    expect(pt.parts.map((p) => p.question)).toEqual(['Quantas indicações ao Lumière o filme recebeu?', 'Quantas indicações ao César o filme recebeu?']);

    const failed = askedCalculation('How many of its Lumière nominations did it fail to win?', 'en')!;
    expect(failed).toMatchObject({ operation: 'difference', shareOfFirst: true });
    expect(failed.parts.map((p) => p.focus)).toEqual(['its Lumière nominations did it', 'win']);

    const ptYears = askedCalculation('Quantos anos se passaram entre o livro e o filme?', 'pt')!;
    expect(ptYears.parts.map((p) => p.focus)).toEqual(['o livro', 'o filme']);
  });

  it('asks when each of two bare titles came out: "Rust and Bone" alone would find the book as readily as the film', () => {
    const titles = askedCalculation('How many years between A Prophet and Rust and Bone?', 'en')!;
    expect(titles.parts.map((p) => p.question)).toEqual(['When was A Prophet released?', 'When was Rust and Bone released?']);
    const pt = askedCalculation('Quantos anos entre O Profeta e Ferrugem e Osso?', 'pt')!;
    expect(pt.parts.map((p) => p.question)).toEqual(['Em que ano foi O Profeta lançado?', 'Em que ano foi Ferrugem e Osso lançado?']);
  });

  it('leaves ordinary questions alone', () => {
    for (const q of ['How many nominations did the film receive?', 'How many years old is Sam?', 'Who composed the score and the songs?', 'Quantos anos tem o filho de Alain?', 'When did it premiere?', 'How many and in total?']) {
      expect(askedCalculation(q, 'en'), q).toBeUndefined();
    }
  });

  it('reads numbers as years, counts or money the way the documents write them, not a day of a month nor the article "um"', () => {
    const read = (text: string) => tokenize(text).flatMap((t) => (t.quantum ? [[t.quantum.quantity, t.quantum.value]] : []));
    expect(read('It sold 1,930,536 tickets in 2012 at the 38th ceremony.')).toEqual([['count', 1930536], ['year', 2012]]);
    expect(read('It grossed $25.8 million, or US$ 2,1 milhões, and duas indicações.')).toEqual([['money', 25.8e6], ['money', 2.1e6], ['count', 2]]);
    expect(tokenize('Rendeu US$ 2,1 milhões nos EUA.').find((t) => t.quantum)?.quantum?.written).toBe('US$ 2,1 milhões');
    expect(read('It opened on May 17, 2012, to 651,578 admissions; em 17 de maio de 2012, 394 salas.')).toEqual([['year', 2012], ['count', 651578], ['year', 2012], ['count', 394]]);
    expect(read('É um filme de 2012 que ficou em cartaz por uma semana e duas horas.')).toEqual([['year', 2012], ['count', 2]]);
  });
});

describe('calculated answers from the real corpus', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await Knowledge.open(testConfig({ indexDir: inject('realIndexDir') }), silentLog);
  });

  const cases: [string, string, string[]][] = [
    // "Rust and Bone had its world premiere…" names the film by its title: it says the premiere's year, where "The edit was finalized in early 2012 to prepare for the film's premiere" does not.
    ["How many years passed between the film's premiere and The Shape of Water?", '5 years (2017 − 2012)', ['2017', 'world premiere on May 17, 2012']],
    ['How many Lumière and BAFTA nominations did the film receive in total?', '7 (5 + 2)', ['five nominations', 'duas indicações ao BAFTA']],
    // The wins are the César's, from the heading above them, not the Lumière's "two wins" beside the word.
    ['How many of its César nominations did not become wins?', '5 (9 − 4)', ['nine nominations', 'four wins']],
    // "vencendo quatro" stands beside "César"; the Lumière's "two wins" only counts wins.
    ['How many César nominations did Rust and Bone fail to win?', '5 (9 − 4)', ['nine nominations', 'vencendo quatro']],
    ['Quantas indicações ao BAFTA e ao César o filme recebeu no total?', '11 (2 + 9)', ['duas indicações ao BAFTA', 'nove indicações ao César']],
    ['How much more did the film gross worldwide than in the U.S.?', '$23.7 million ($25.8 million − $2.1 million)', ['$25.8 million', '$2.1 million']],
    ['Quantos anos se passaram entre a publicação do livro de Davidson e a estreia do filme?', '7 anos (2012 − 2005)', ['2005', '2012']],
    ['How many years passed between Bullhead and Rust and Bone?', '1 year (2012 − 2011)', ['2011 film Bullhead', '2012']],
  ];
  for (const [question, result, facts] of cases) {
    it(`works out "${question}" and cites the sentence of each number`, async () => {
      const { answer, passages } = await knowledge.ask(question);
      expect(answer.abstained).toBe(false);
      expect(new Set(passages.map((p) => p.chunk.id)).size).toBe(passages.length);
      expect(passages[0]!.chunk.id).toBe(answer.citations[0]!.chunk.id);
      expect(answerKindLabel(answer)).toBe('worked out from the sources');
      expect(answer.text.startsWith(`${result}. `)).toBe(true);
      for (const fact of facts) {
        const citation = answer.citations.find((c) => c.quote.includes(fact));
        expect(citation, fact).toBeDefined();
        expect(answer.text).toContain(`[${citation!.n}]`);
        expect(citation!.chunk.text).toContain(citation!.quote);
      }
    });
  }

  it('does not make up a calculation when a part is not in the documents', async () => {
    const { answer } = await knowledge.ask('How much more did the film earn in Germany than in Italy?');
    expect(answer.text).not.toMatch(/^\S+ \(.* − .*\)\./);
  });

  it('does not take the day of a date or the article "um" for a number of the calculation', async () => {
    const { answer } = await knowledge.ask('How many more admissions did the film have in France overall than in its first week?');
    expect(answer.text).not.toMatch(/^\S+ \(.* − .*\)\./);
  });
});
