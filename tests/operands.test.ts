import { describe, expect, it } from 'vitest';
import { composeCalculated } from '../src/answer/calculated.js';
import { askedCalculation, type Calculation } from '../src/answer/calculation.js';
import { findOperands, type PartRanking } from '../src/answer/operands.js';
import type { RankedCandidate } from '../src/answer/ranker.js';
import { bundledLexicon } from '../src/search/lexicon.js';
import { analyzeQuery } from '../src/search/query.js';
import type { Retrieval } from '../src/search/retriever.js';

const DOCUMENT = [
  'The film earned five Lumière nominations.',
  'It had five nominations at the Lumière and nine at the César.',
  'Nine César nominations came later.',
  'At the César it won four of nine nominations.',
  'It got two Golden Globe nominations (best actress and best film), two BAFTA nominations (best actress and best film) and nine César nominations.',
  'At the Lumière it had five nominations and two wins.',
  'At the César it had nine nominations.',
  'At the César it had four wins.',
];

/** A part's ranking over the given sentences of DOCUMENT, best first, each in a passage of its own. */
function ranking(question: string, focus: string, sentences: string[], confident = true): PartRanking {
  const query = analyzeQuery(question, bundledLexicon(), false);
  const retrieval = { query, wordWeights: query.groups.map(() => 1) } as unknown as Retrieval;
  const ranked = sentences.map((text, i) => {
    const sentence = { text, start: DOCUMENT.join(' ').indexOf(text) };
    const chunk = { id: `doc#${i}`, file: 'doc.en.txt', title: 'Awards list', lang: 'en', section: ['Accolades'], text: DOCUMENT.join(' '), start: 0 };
    const passage = { chunk, sentences: [{ sentence: { ...sentence, end: sentence.start + text.length } }] };
    return { passage, index: 0, score: -i } as unknown as RankedCandidate;
  });
  return { part: { question, focus }, ranked, retrieval, confident };
}

const quoted = (operands: ReturnType<typeof findOperands>) => operands.map((o) => [o?.written.toLowerCase(), o?.candidate.passage.sentences[0]!.sentence.text]);

describe('the numbers a calculation adds or subtracts', () => {
  const [lumiere, both, cesar, winsAndNominations, threeAwards, lumiereResults, cesarNominations, cesarWins] = DOCUMENT as [string, string, string, string, string, string, string, string];

  it('are each the number standing nearest the words of its own part, from the sentences that answer it', () => {
    const operands = findOperands([ranking('How many Lumière nominations?', 'Lumière', [lumiere]), ranking('How many César nominations?', 'César', [winsAndNominations, cesar])], 'count');
    expect(quoted(operands)).toEqual([['five', lumiere], ['nine', cesar]]);
  });

  it('come from one sentence, cited once, when it states both as plainly as the best for each', () => {
    const operands = findOperands([ranking('How many Lumière nominations?', 'Lumière', [lumiere, both]), ranking('How many César nominations?', 'César', [both, cesar])], 'count');
    expect(quoted(operands)).toEqual([['five', both], ['nine', both]]);
  });

  it('are each the count that the words of its own part follow, when one sentence counts several things', () => {
    const operands = findOperands([ranking('How many Golden Globe nominations did the film get?', 'Golden Globe', [threeAwards]), ranking('How many BAFTA nominations did the film get?', 'BAFTA', [threeAwards])], 'count');
    // The first "two" (word 2) and the second (word 11), not the "nine" of the César.
    expect(operands.map((o) => [o?.written, o?.position])).toEqual([['two', 2], ['two', 11]]);
  });

  it('come from one sentence only when it stands as near the question\'s other words as the best for each ("at the César")', () => {
    const operands = findOperands([
      ranking('How many nominations did the film have at the César?', 'nominations', [lumiereResults, cesarNominations]),
      ranking('How many wins did the film have at the César?', 'wins', [lumiereResults, cesarWins]),
    ], 'count');
    expect(quoted(operands)).toEqual([['nine', cesarNominations], ['four', cesarWins]]);
  });

  it('count the thing asked, not another number beside the same name', () => {
    const operands = findOperands([ranking('How many César nominations?', 'César', [winsAndNominations])], 'count');
    expect(operands[0]?.written).toBe('nine');
  });

  it('are missing for a part the ranker doubts unless a number stands beside every word of its own, so no calculation is made up', () => {
    const wins = (confident: boolean) => findOperands([ranking('How many César nominations?', 'César', [cesar]), ranking('How many Lumière wins?', 'Lumière wins', [lumiere], confident)], 'count')[1];
    expect(wins(true)?.written).toBe('five');
    expect(wins(false)).toBeUndefined();
    expect(findOperands([ranking('How many Lumière nominations?', 'Lumière nominations', [lumiere], false)], 'count')[0]?.written).toBe('five');
    expect(askedCalculation('How many Lumière and César nominations in total?', 'en')?.parts).toHaveLength(2);
  });

  it('make no answer when the share is larger than the whole it is a share of', () => {
    const [whole, share] = findOperands([ranking('How many César nominations?', 'César', [cesar]), ranking('How many Lumière nominations?', 'Lumière', [lumiere])], 'count');
    const calculation = (shareOfFirst: boolean): Calculation => ({ operation: 'difference', shareOfFirst, quantity: 'count', parts: [{ question: '', focus: '' }, { question: '', focus: '' }], lang: 'en' });
    expect(composeCalculated(calculation(true), [whole, share], 1)?.text).toMatch(/^4 \(9 − 5\)\. /);
    expect(composeCalculated(calculation(true), [share, whole], 1)).toBeUndefined();
    expect(composeCalculated(calculation(false), [share, whole], 1)?.text).toMatch(/^4 \(9 − 5\)\. /);
  });
});
