import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APOLOGY_TEXT, answered, logLinesOf, startBotAgainstFake, visibleText, type BotAgainstFake } from './support/harness.js';

const QUESTIONS = ['Who composed the score?', 'Quem dirigiu o filme?', 'How much did the film gross worldwide?'];

describe('graceful shutdown under load', () => {
  let run: BotAgainstFake;

  beforeAll(async () => {
    run = await startBotAgainstFake(inject('realIndexDir'), { SHUTDOWN_GRACE_MS: '20000' });
  });
  afterAll(async () => run?.close());

  it('on SIGTERM with 30 answers in flight, delivers all 30, answers or politely turns away a newcomer, and exits 0', async () => {
    const inFlight = Array.from({ length: 30 }, (_, i) => run.ask(QUESTIONS[i % QUESTIONS.length]!));
    await Promise.all(inFlight.map((h) => h.waitForCallback(3000)));
    const stillThinking = inFlight.filter((h) => h.visibleMessage()?.thinking).length;
    run.bot.child.kill('SIGTERM');
    // Sent just after the signal: the bot either still takes it or says it is restarting; it is never left unanswered.
    const late = run.ask('Who plays Anna?');
    await expect.poll(() => logLinesOf(run.bot).some((l) => l.msg === 'shutting down: finishing answers in flight'), { timeout: 5000 }).toBe(true);

    const messages = await Promise.all(inFlight.map((h) => answered(h, 30_000)));
    for (const [i, m] of messages.entries()) {
      expect(m.embeds, inFlight[i]!.describe()).toHaveLength(1);
      expect(visibleText(m), inFlight[i]!.describe()).not.toContain(APOLOGY_TEXT);
      expect(visibleText(m), inFlight[i]!.describe()).toMatch(/\[1\]/);
    }
    const lateMessage = await answered(late, 10_000);
    if (lateMessage.embeds.length === 0) {
      expect(lateMessage.ephemeral).toBe(true);
      expect(lateMessage.content).toMatch(/restarting; please ask again/);
    }

    expect(await run.bot.exited, run.bot.stderr().slice(-2000)).toBe(0);
    expect(run.fake.violations).toEqual([]);
    expect(logLinesOf(run.bot).at(-1), run.bot.stderr().slice(-2000)).toMatchObject({ msg: 'stopped' });
    console.log(`shutdown: SIGTERM with 30 in flight (${stillThinking} still "thinking" at the signal) → 30 delivered, 0 lost, exit 0`);
  }, 60_000);
});
