import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/search/language.js';

describe('the language of a question', () => {
  it('is told by its function words and Portuguese accents', () => {
    expect(detectLanguage('Who directed the film?')).toBe('en');
    expect(detectLanguage('Quem dirigiu o filme?')).toBe('pt');
  });

  it('is told, in a lookup of a word or two, by words that only one language has', () => {
    expect(detectLanguage('elenco')).toBe('pt');
    expect(detectLanguage('trilha sonora')).toBe('pt');
    expect(detectLanguage('budget')).toBe('en');
  });

  it('is English when nothing tells', () => {
    expect(detectLanguage('Cotillard')).toBe('en');
  });
});
