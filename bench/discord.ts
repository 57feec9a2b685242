import { registerCommands } from '../src/bot/register.js';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../tests/support/fake-discord/index.js';
import { loadQuestions, type Question } from './questions.js';
import { summarize, type Summary } from './stats.js';
import { childEnv, copyWorkspace, memoryOf, scratchDir, spawnTsx, stop, type Child } from './workspace.js';

const BOT_TOKEN = 'bench-token.not-a-secret';

export interface ConcurrencyRun {
  concurrency: number;
  firstCallbackMs: Summary;
  finalEditMs: Summary;
  /** Interactions whose final message was not an answer embed (busy, error, timeout). */
  failures: number;
}

export interface DiscordSection {
  runs: ConcurrencyRun[];
  servingMemory: { peakMB: number; currentMB: number } | undefined;
  violations: number;
  unknownRoutes: number;
}

export interface RunningBot {
  fake: FakeDiscord;
  bot: Child;
}

/** A fake Discord on 127.0.0.1 and the real entry point logged in to it, reading scratch copies. */
export async function startBotAgainstFake(indexDir: string, label: string): Promise<RunningBot & { startedAt: number }> {
  const fake = await startFakeDiscord({ botToken: BOT_TOKEN });
  const workspace = await copyWorkspace(label, indexDir);
  const bot = spawnTsx(
    'src/main.ts',
    childEnv({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_BASE: fake.apiBase,
      COOLDOWN_SECONDS: '0',
      CORPUS_DIR: workspace.corpusDir,
      INDEX_DIR: workspace.indexDir,
      MODEL_DIR: await scratchDir('no-models'),
    }),
  );
  return { fake, bot, startedAt: bot.spawnedAt };
}

export async function stopBot({ fake, bot }: RunningBot): Promise<void> {
  await stop(bot);
  await fake.close();
}

let userSeq = 0n;
/** A distinct user per interaction, so no per-user cooldown or queue rule can couple them. */
function nextUser() {
  userSeq += 1n;
  return { id: String(810000000000000000n + userSeq), username: `bench-user-${userSeq}` };
}

interface Timing {
  firstCallbackMs: number;
  finalEditMs: number;
  ok: boolean;
}

async function askOnce(fake: FakeDiscord, q: Question): Promise<Timing> {
  const started = performance.now();
  const handle: InteractionHandle = fake.sendCommand({ name: 'ask', options: { question: q.question }, user: nextUser() });
  const callback = handle.waitForCallback(10_000).then(() => performance.now() - started, () => NaN);
  try {
    const message = await handle.waitForFinal(30_000);
    const finalEditMs = performance.now() - started;
    return { firstCallbackMs: await callback, finalEditMs, ok: message.embeds.length > 0 };
  } catch {
    return { firstCallbackMs: await callback, finalEditMs: NaN, ok: false };
  }
}

async function measureConcurrency(fake: FakeDiscord, questions: Question[], concurrency: number, rounds: number): Promise<ConcurrencyRun> {
  const timings: Timing[] = [];
  let next = 0;
  for (let round = 0; round < rounds; round++) {
    const batch = Array.from({ length: concurrency }, () => questions[next++ % questions.length]!);
    timings.push(...(await Promise.all(batch.map((q) => askOnce(fake, q)))));
  }
  const good = timings.filter((t) => t.ok);
  return {
    concurrency,
    firstCallbackMs: summarize(timings.map((t) => t.firstCallbackMs).filter(Number.isFinite)),
    finalEditMs: summarize(good.map((t) => t.finalEditMs)),
    failures: timings.length - good.length,
  };
}

/** /ask injected through the fake gateway, timed to the bot's first callback and to its final edit. */
export async function benchDiscord(indexDir: string, progress: (line: string) => void): Promise<DiscordSection> {
  const questions = await loadQuestions();
  const running = await startBotAgainstFake(indexDir, 'discord');
  try {
    const { fake } = running;
    await registerCommands({ token: BOT_TOKEN, apiBase: fake.apiBase, guildId: fake.world.guildId, moderatorRoleIds: [], cooldownSeconds: 0, shutdownGraceMs: 0 });
    await fake.waitForGatewayReady(60_000);
    progress('discord: warm-up');
    await measureConcurrency(fake, questions, 1, 8);
    progress(`discord: concurrency 1 (${questions.length * 2} sequential /ask)`);
    const one = await measureConcurrency(fake, questions, 1, questions.length * 2);
    progress('discord: concurrency 20 (5 rounds of 20 simultaneous /ask)');
    const twenty = await measureConcurrency(fake, questions, 20, 5);
    return {
      runs: [one, twenty],
      servingMemory: memoryOf(running.bot.child.pid!),
      violations: fake.violations.length,
      unknownRoutes: fake.unknownRoutes.length,
    };
  } finally {
    await stopBot(running);
  }
}
