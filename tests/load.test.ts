import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { InteractionHandle, VisibleMessage } from './support/fake-discord/index.js';
import { logLines, type BotProcess } from './support/botProcess.js';
import { APOLOGY_TEXT, BUSY_TEXT, MANAGE_GUILD, answered, percentile, someUser, startBotAgainstFake, visibleText, type BotAgainstFake } from './support/harness.js';

/** Questions with what their answer must show. */
const QUESTIONS: [string, RegExp][] = [
  ['Who composed the score?', /Desplat/],
  ['How much did the film gross worldwide?', /\$25\.8 million/],
  ['Quem dirigiu o filme?', /Jacques Audiard/],
  ['Who won the 2010 FIFA World Cup?', /^The documents don't say/m],
];
const NEW_FACT: [string, RegExp] = ['Who was the projectionist at the gala screening?', /Bartholomew Quince/];

interface Sent {
  handle: InteractionHandle;
  question: string;
  expected?: RegExp;
}

/** Every interaction's user-visible outcome: deferred within 3 s, then a real answer (not an apology, not "busy"). */
async function expectAllAnswered(sent: Sent[], bot: BotProcess): Promise<VisibleMessage[]> {
  const messages = await Promise.all(sent.map((s) => answered(s.handle, 90_000)));
  const errors = () => JSON.stringify(logLines(bot.stderr()).filter((l) => (l.level as number) >= 50)).slice(0, 4000);
  sent.forEach((s, i) => {
    const m = messages[i]!;
    const where = `${s.question} (${s.handle.describe()}) ${visibleText(m).includes(APOLOGY_TEXT) ? errors() : ''}`;
    expect(s.handle.firstResponseMs, where).toBeLessThan(3000);
    expect(s.handle.violations, where).toEqual([]);
    expect(m.content, where).not.toBe(BUSY_TEXT);
    expect(visibleText(m), where).not.toContain(APOLOGY_TEXT);
    expect(m.embeds, where).toHaveLength(1);
    expect(m.embeds[0]!.description!.length, where).toBeGreaterThan(0);
    if (s.expected) expect(visibleText(m), where).toMatch(s.expected);
  });
  return messages;
}

function figures(label: string, how: string, sent: Sent[], startedAt: number): void {
  const first = sent.map((s) => s.handle.firstResponseMs!);
  const finals = sent.map((s) => s.handle.edits.find((e) => e.accepted)!.at.getTime());
  console.log(
    `${label}: ${sent.length} /ask ${how}, ${sent.length} answered, 0 lost; first response p50 ${Math.round(percentile(first, 50))} ms, ` +
      `p95 ${Math.round(percentile(first, 95))} ms, max ${Math.round(Math.max(...first))} ms; last final answer ${Math.max(...finals) - startedAt} ms after the first was sent`,
  );
}

describe('load: 200 concurrent /ask through the fake Discord to the bot process (default queue settings)', () => {
  let run: BotAgainstFake;

  beforeAll(async () => {
    run = await startBotAgainstFake(inject('realIndexDir'));
  });
  afterAll(async () => run?.close());

  it('gives every one of 200 concurrent questions its first response within 3 s and a correct final answer', async () => {
    const startedAt = Date.now();
    const sent: Sent[] = Array.from({ length: 200 }, (_, i) => {
      const [question, expected] = QUESTIONS[i % QUESTIONS.length]!;
      return { handle: run.ask(question), question, expected };
    });
    await expectAllAnswered(sent, run.bot);
    figures('load', 'sent at once', sent, startedAt);
    expect(run.fake.violations).toEqual([]);
    expect(run.bot.child.exitCode).toBeNull();
  }, 120_000);

  it('answers 200 more while a /reindex runs, with zero failures, and answers from the new index after the swap', async () => {
    const article = await readFile(path.join(run.bot.corpusDir, 'rust-and-bone.en.txt'), 'utf8');
    // All-new text, so the re-index has real embedding work while the questions arrive.
    await writeFile(
      path.join(run.bot.corpusDir, 'notes.md'),
      `---\ntitle: Festival notes\nlang: en\n---\nThe projectionist at the gala screening was named Bartholomew Quince.\n\n${article.toUpperCase().slice(300, 12_000)}`,
    );
    const before = await answered(run.ask(NEW_FACT[0]));
    expect(visibleText(before)).not.toMatch(NEW_FACT[1]);

    const reindex = run.fake.sendCommand({ name: 'reindex', member: { permissions: MANAGE_GUILD }, ...someUser() });
    await reindex.waitFor((m) => m.content.startsWith('Re-indexing'), 10_000);
    const startedAt = Date.now();
    const sent: Sent[] = [];
    // Ten waves of 20, a quarter of a second apart, so questions keep arriving through the re-index.
    for (let wave = 0; wave < 10; wave++) {
      for (let i = 0; i < 20; i++) {
        const [question, expected] = i % 2 ? NEW_FACT : QUESTIONS[(wave + i) % QUESTIONS.length]!;
        sent.push({ handle: run.ask(question), question, expected: question === NEW_FACT[0] ? undefined : expected });
      }
      await sleep(250);
    }
    const sentBeforeSwap = reindex.visibleMessage()?.content.startsWith('Re-indexing') ? sent.length : 0;
    await expectAllAnswered(sent, run.bot);
    figures('load during /reindex', 'sent in 10 waves of 20 over 2.5 s', sent, startedAt);
    const ids = new Set(sent.map((s) => s.handle.payload.member?.user.id));
    const lags = logLines(run.bot.stderr()).filter((l) => l.msg === 'interaction' && ids.has(l.user as string)).map((l) => l.receivedAfterMs as number);
    console.log(`load during /reindex: the bot received them p50 ${percentile(lags, 50)} ms, max ${Math.max(...lags)} ms after they were sent`);

    const done = await reindex.waitFor((m) => /complete|failed/.test(m.content), 120_000);
    expect(done.content).toMatch(/^Re-index complete/);
    expect(done.content).toMatch(/added notes\.md/);
    console.log(`load during /reindex: ${sentBeforeSwap} of 200 were sent while the re-index was still running`);
    expect(sentBeforeSwap).toBe(200);

    // After the swap, every answer comes from the new index.
    const after = Array.from({ length: 20 }, () => ({ handle: run.ask(NEW_FACT[0]), question: NEW_FACT[0], expected: NEW_FACT[1] }));
    await expectAllAnswered(after, run.bot);
    expect(run.fake.violations).toEqual([]);
  }, 180_000);
});
