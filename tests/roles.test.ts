import { describe, expect, it } from 'vitest';
import { unnamedRole } from '../src/answer/roles.js';
import type { Passage } from '../src/search/retriever.js';

const passage = (text: string, section: string[] = []) => ({ chunk: { text, section } }) as unknown as Passage;
const read = [passage('Production designers Ana Reis and Rui Sá built the sets.'), passage('Edited by Maria Lima.', ['Sound editing'])];

describe('who held a crew role', () => {
  it('is out of reach when no passage names the role the question asks about', () => {
    expect(unnamedRole('Who was the casting director?', read)).toBe('casting director');
    expect(unnamedRole('Who was the costume designer for the film?', read)).toBe('costume designer');
  });

  it('is not, when a passage or its heading names the role, in any inflection', () => {
    expect(unnamedRole('Who was the production designer?', read)).toBeUndefined();
    expect(unnamedRole('Who were the sound editors?', read)).toBeUndefined();
  });

  it('reads a possessive or the work before a role as no other role: "the film\'s editor" is the editor', () => {
    for (const question of ["Who is the movie's director?", "Who was the film's composer?", 'Who was the film editor?', 'Who is the lead producer?']) {
      expect(unnamedRole(question, read), question).toBeUndefined();
    }
    expect(unnamedRole("Who was the movie's casting director?", read)).toBe('casting director');
  });

  it('leaves questions that ask no role, or not who, alone', () => {
    expect(unnamedRole('Who was the director?', read)).toBeUndefined();
    expect(unnamedRole('When did the costume designer join?', read)).toBeUndefined();
  });
});
