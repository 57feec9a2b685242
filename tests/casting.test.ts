import { describe, expect, it } from 'vitest';
import { asksForCast, castsAsDescribed, castsCharacter, characterAsked } from '../src/answer/casting.js';

describe('a question asking who plays a character', () => {
  it('names the character, in English or Portuguese', () => {
    expect(characterAsked('Who plays Ali?')).toBe('Ali');
    expect(characterAsked('Which actress portrayed Stéphanie in the film?')).toBe('Stéphanie');
    expect(characterAsked('Quem faz o papel de Louise?')).toBe('Louise');
    expect(characterAsked('Quem é o ator que vive Ali?')).toBe('Ali');
    expect(characterAsked('Quem interpreta o Ali?')).toBe('Ali');
    expect(characterAsked('Quem faz o papel da Stéphanie?')).toBe('Stéphanie');
    expect(characterAsked('Quem interpreta o filho do Ali?')).toBeUndefined();
  });

  it('is not one about a role named after someone ("Ali\'s son"), or not about a named character at all', () => {
    expect(characterAsked("Who plays Ali's son?")).toBeUndefined();
    expect(characterAsked('Who plays the orca trainer?')).toBeUndefined();
    expect(characterAsked('What song plays as Sam leaves the hospital?')).toBeUndefined();
  });
});

describe('a sentence saying who plays a character', () => {
  const casts = (sentence: string) => castsCharacter(sentence, 'Sam', []);

  it('names the actor before "as", "plays" or "portrayal of", in brackets after, or after "played by"', () => {
    expect(casts('The cast features Armand Verdure as Sam, the young son.')).toBe(true);
    expect(casts('Verdure, a newcomer, was cast as Sam after an open call.')).toBe(true);
    expect(casts('Armand Verdure plays Sam.')).toBe(true);
    expect(casts("Critics praised Verdure's portrayal of Sam.")).toBe(true);
    expect(casts('Ali leva o filho Sam (Armand Verdure) para a praia.')).toBe(true);
    expect(casts('Sam, played by Armand Verdure, is five.')).toBe(true);
    expect(casts('Sam, interpretado por Armand Verdure, tem cinco anos.')).toBe(true);
    expect(casts('Armand Verdure interpreta Sam e Matthias Schoenaerts interpreta Ali.')).toBe(true);
  });

  it('is not one whose actor was lost, one where "as" tells when, or one about someone else', () => {
    expect(casts('The young son is portrayed by , as Sam.')).toBe(false);
    expect(casts('Sam, played by , is five.')).toBe(false);
    expect(casts('"The Wolves" plays as Sam is discharged from the hospital.')).toBe(false);
    expect(casts("Corinne Masiero plays Anna, Sam's aunt.")).toBe(false);
  });
});

describe('a question asking who is in the cast', () => {
  it('asks who the actors are, in English or Portuguese', () => {
    for (const q of ['Who are the main actors?', 'Who stars in Rust and Bone?', 'Quem está no elenco?', 'Quem são os atores do filme?']) expect(asksForCast(q), q).toBe(true);
  });

  it('is not one about who plays a named character, an award, a crew role, or the leads of the story', () => {
    for (const q of ['Who plays Ali?', 'Who won Best Actress?', 'Who was the casting director?', 'Que tipo de laço se forma entre os dois protagonistas?']) expect(asksForCast(q), q).toBe(false);
  });
});

describe('a sentence casting someone as a role described, not named', () => {
  const isSon = (w: string) => w === 'son' || w === 'filho';

  it('names the actor before the casting verb and the role right after it, even where the page lost the name', () => {
    expect(castsAsDescribed('Armand Verdure portrays , the young son of the , whose presence…', isSon)).toBe(true);
    expect(castsAsDescribed('Rui Reis as Tom, the son of the neighbour.', isSon)).toBe(true);
  });

  it('reads the whole description up to what the role does ("the gruff organizer of underground boxing matches who recruits…")', () => {
    const isBoxing = (w: string) => w === 'boxing';
    expect(castsAsDescribed('Bouli Lanners appears as , the gruff organizer of underground boxing matches who recruits Ali', isBoxing)).toBe(true);
    expect(castsAsDescribed('Bouli Lanners appears as , the organizer of the fights who recruits Ali for boxing', isBoxing)).toBe(false);
  });

  it('is not one casting someone as another role, one naming no actor, or one where the role comes far later', () => {
    expect(castsAsDescribed("Corinne Masiero plays Anna, Ali's sister.", isSon)).toBe(false);
    expect(castsAsDescribed('the boy plays with his son on the beach', isSon)).toBe(false);
    expect(castsAsDescribed('Ana Lobo plays the mother, a nurse, a cook and then, years later, her son.', isSon)).toBe(false);
  });
});
