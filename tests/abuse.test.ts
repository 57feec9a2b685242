import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AnswerQueue, type AnswerTicket } from '../src/bot/queue.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { BUSY_TEXT, answered, logLinesOf, someUser, startBotAgainstFake, visibleText, type BotAgainstFake } from './support/harness.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AnswerQueue (pure logic)', () => {
  it('runs up to the bound at once, queues up to its size, and refuses the rest', () => {
    const queue = new AnswerQueue(2, 3);
    const tickets = Array.from({ length: 7 }, () => queue.tryEnter());
    expect(tickets.map((t) => (t === undefined ? 'busy' : t.running ? 'run' : 'wait'))).toEqual(['run', 'run', 'wait', 'wait', 'wait', 'busy', 'busy']);
    expect([queue.running, queue.queued]).toEqual([2, 3]);
  });

  it('hands a freed slot to the oldest waiter, first come first served', async () => {
    const queue = new AnswerQueue(1, 5);
    const first = queue.tryEnter()!;
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => {
      const ticket = queue.tryEnter()!;
      void ticket.ready.then(() => order.push(n));
      return ticket;
    });
    first.release();
    await tick();
    expect(order).toEqual([1]);
    waiting[0]!.release();
    waiting[1]!.release();
    await tick();
    expect(order).toEqual([1, 2, 3]);
    expect([queue.running, queue.queued]).toEqual([1, 0]);
    waiting[2]!.release();
    expect([queue.running, queue.queued]).toEqual([0, 0]);
  });

  it('forgets a waiter that gives up before its turn, and ignores a second release', async () => {
    const queue = new AnswerQueue(1, 2);
    const first = queue.tryEnter()!;
    const quitter = queue.tryEnter()!;
    const patient = queue.tryEnter()!;
    expect(queue.tryEnter()).toBeUndefined();
    quitter.release();
    quitter.release();
    expect(queue.queued).toBe(1);
    first.release();
    first.release(); // must not free a second slot
    await patient.ready;
    expect([queue.running, queue.queued]).toEqual([1, 0]);
    expect(queue.tryEnter()).toBeDefined(); // one place in the queue again
    expect(queue.tryEnter()).toBeDefined();
    expect(queue.tryEnter()).toBeUndefined();
  });

  it('with no queue (size 0), refuses as soon as every slot is taken', () => {
    const queue = new AnswerQueue(1, 0);
    expect(queue.tryEnter()).toBeDefined();
    expect(queue.tryEnter()).toBeUndefined();
  });

  it('never exceeds its bounds and never loses a ticket, whatever the order of arrivals and releases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.oneof(fc.constant('enter' as const), fc.nat(20)), { maxLength: 80 }), async (max, size, steps) => {
        const queue = new AnswerQueue(max, size);
        const live: AnswerTicket[] = [];
        let started = 0;
        let admitted = 0;
        for (const step of steps) {
          if (step === 'enter') {
            const ticket = queue.tryEnter();
            const full = queue.running + queue.queued >= max + size;
            if (ticket) {
              admitted += 1;
              live.push(ticket);
              void ticket.ready.then(() => (started += 1));
            } else {
              expect(full).toBe(true);
            }
          } else if (live.length > 0) {
            const [ticket] = live.splice(step % live.length, 1);
            ticket!.release();
          }
          await tick();
          expect(queue.running).toBeLessThanOrEqual(max);
          expect(queue.queued).toBeLessThanOrEqual(size);
          // A waiter waits only while every slot is busy.
          if (queue.queued > 0) expect(queue.running).toBe(max);
        }
        for (const ticket of live) ticket.release();
        await tick();
        expect([queue.running, queue.queued]).toEqual([0, 0]);
        expect(started).toBeLessThanOrEqual(admitted);
      }),
      { numRuns: 300 },
    );
  });

  it('is configured by MAX_CONCURRENT_ANSWERS and MAX_QUEUED_ANSWERS, with one clear line on a bad value', () => {
    expect(loadConfig({})).toMatchObject({ maxConcurrentAnswers: 4, maxQueuedAnswers: 200 });
    expect(loadConfig({ MAX_CONCURRENT_ANSWERS: '2', MAX_QUEUED_ANSWERS: '0' })).toMatchObject({ maxConcurrentAnswers: 2, maxQueuedAnswers: 0 });
    expect(() => loadConfig({ MAX_CONCURRENT_ANSWERS: '0' })).toThrow(new ConfigError('MAX_CONCURRENT_ANSWERS must be a whole number from 1 to 64 (got "0")'));
    expect(() => loadConfig({ MAX_QUEUED_ANSWERS: 'lots' })).toThrow(new ConfigError('MAX_QUEUED_ANSWERS must be a whole number from 0 to 10000 (got "lots")'));
  });
});

describe('abuse limits end to end (a bot process with a tiny answer queue: 1 at a time, 2 waiting)', () => {
  let run: BotAgainstFake;

  beforeAll(async () => {
    run = await startBotAgainstFake(inject('realIndexDir'), { MAX_CONCURRENT_ANSWERS: '1', MAX_QUEUED_ANSWERS: '2', COOLDOWN_SECONDS: '5' });
  });
  afterAll(async () => run?.close());

  it('past the bound, users are told privately at once that the bot is busy; the others are answered; nobody times out', async () => {
    const users = Array.from({ length: 25 }, () => someUser());
    const handles = users.map((u, i) => run.fake.sendCommand({ name: i % 3 ? 'ask' : 'search', options: i % 3 ? { question: 'Who plays Ali?' } : { query: 'Marineland orca' }, ...u }));
    const messages = await Promise.all(handles.map((h) => answered(h, 30_000)));
    const busy = messages.filter((m) => m.content === BUSY_TEXT);
    const served = messages.filter((m) => m.embeds.length > 0);
    console.log(`tiny queue: 25 at once → ${served.length} answered, ${busy.length} told "busy"; slowest first response ${Math.max(...handles.map((h) => h.firstResponseMs!))} ms`);
    expect(busy.length + served.length).toBe(25);
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(busy.length).toBeGreaterThanOrEqual(15);
    for (const m of busy) expect(m.ephemeral).toBe(true);
    for (const h of handles) expect(h.firstResponseMs).toBeLessThan(3000);
    expect(run.fake.violations).toEqual([]);
    await expect.poll(() => logLinesOf(run.bot).filter((l) => l.msg === 'busy: answer queue full').length).toBe(busy.length);

    // "Try again in a moment" works: being refused as busy did not start the user's cooldown.
    const refusedUser = users[handles.findIndex((h) => h.visibleMessage()?.content === BUSY_TEXT)]!;
    const retry = await answered(run.ask('Who composed the score?', refusedUser));
    expect(retry.embeds.length).toBe(1);
    expect(visibleText(retry)).toContain('Desplat');
  });

  it('keeps the per-user cooldown: a second question at once is refused privately with the wait', async () => {
    const user = someUser();
    const first = await answered(run.ask('Who directed the film?', user));
    expect(first.embeds.length).toBe(1);
    const second = await run.ask('And who wrote it?', user).waitForFinal(5000);
    expect(second.ephemeral).toBe(true);
    expect(second.content).toMatch(/you can ask again in [1-5] s/);
  });
});
