import { describe, expect, it } from 'vitest';
import { questionParts } from '../src/answer/parts.js';

describe('a question of two parts', () => {
  it('is two questions joined by "and" or "e", each asking something', () => {
    expect(questionParts('Who directed the film and who composed the score?')).toEqual(['Who directed the film?', 'who composed the score?']);
    expect(questionParts('Quem dirigiu o filme e quem compôs a trilha sonora?')).toEqual(['Quem dirigiu o filme?', 'quem compôs a trilha sonora?']);
    expect(questionParts('Where was it shot, and when did shooting wrap?')).toEqual(['Where was it shot?', 'when did shooting wrap?']);
  });

  it('is not one question with an "and" inside, nor a second part that points back to the first', () => {
    expect(questionParts('Where and when is the story set?')).toBeUndefined();
    expect(questionParts('How many Golden Globe and BAFTA nominations did it get?')).toBeUndefined();
    expect(questionParts('Who plays Ali in Rust and Bone?')).toBeUndefined();
    expect(questionParts('When did filming begin and when did it end?')).toBeUndefined();
  });
});
