import { describe, expect, it } from 'vitest';
import { Cooldowns, validateQuestion } from '../src/bot/guards.js';
import { LIMITS, quoteUserText, trimAtSentence, trimAtWord } from '../src/bot/limits.js';
import { fitEmbed } from '../src/bot/render.js';

describe('Discord length limits', () => {
  const answer = Array.from({ length: 80 }, (_, i) => `Sentence number ${i} says something about the film. [${(i % 3) + 1}]`).join(' ');

  it('trims a long answer after a whole sentence and its citation, never mid-word or mid-citation', () => {
    const trimmed = trimAtSentence(answer, 1000);
    expect(trimmed.length).toBeLessThanOrEqual(1000);
    expect(trimmed).toMatch(/film\. \[\d\] …$/);
    expect(trimmed).not.toMatch(/\[\d?$|\[\d …/);
    expect(trimAtSentence('Short. [1]', 100)).toBe('Short. [1]');
  });

  it('trims other text at a word boundary', () => {
    const trimmed = trimAtWord('a'.repeat(10) + ' ' + 'b'.repeat(20), 25);
    expect(trimmed).toBe('aaaaaaaaaa…');
  });

  it('keeps an embed within 25 fields and 6000 characters by dropping trailing fields', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: 'v'.repeat(1000) }));
    const fitted = fitEmbed({ title: 't', description: 'd'.repeat(LIMITS.embedDescription), fields });
    const total = (fitted.title?.length ?? 0) + fitted.description!.length + fitted.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(fitted.description).toHaveLength(LIMITS.embedDescription);
    expect(fitted.fields!.length).toBeLessThanOrEqual(LIMITS.fields);
  });
});

describe('user text shown back', () => {
  it('is escaped so it cannot format, ping or fake a link', () => {
    const shown = quoteUserText('**bold** @everyone @here <@&123456789012345678> <@98765432109876543> [x](http://e.vil)');
    expect(shown).not.toMatch(/@everyone|@here|<@&\d+>|<@\d+>/);
    expect(shown).toContain('\\*\\*bold\\*\\*');
    expect(shown).toContain('\\[x\\]\\(http://e.vil\\)');
  });
});

describe('input guards', () => {
  it('accepts a question and refuses empty, invisible-only or over-long input with a reason', () => {
    expect(validateQuestion('  Who plays Ali?  ')).toEqual({ ok: true, text: 'Who plays Ali?' });
    expect(validateQuestion('')).toMatchObject({ ok: false, message: expect.stringMatching(/can't be empty/) });
    expect(validateQuestion('\u200b\u200d ')).toMatchObject({ ok: false });
    expect(validateQuestion('x'.repeat(501))).toMatchObject({ ok: false, message: expect.stringMatching(/501 characters.*under 500/) });
  });

  it('makes a user wait out the cooldown, separately for each user', () => {
    const cooldowns = new Cooldowns(5);
    expect(cooldowns.take('a', 0)).toBe(0);
    expect(cooldowns.take('a', 1000)).toBe(4);
    expect(cooldowns.take('b', 1000)).toBe(0);
    expect(cooldowns.take('a', 5000)).toBe(0);
  });
});
