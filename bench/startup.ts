import { startBotAgainstFake, stopBot } from './discord.js';
import { summarizeCpuProfile, type ProfileSummary } from './profile.js';
import { summarize, type Summary } from './stats.js';
import { childEnv, copyWorkspace, dotenvHasToken, scratchDir, spawnCommand, spawnTsx, stop, waitForOutput, type Child } from './workspace.js';

export interface StartupSection {
  /** `npm start` without a token, stdin `/sources`: spawn → its reply (index open, model loaded). */
  terminalNpm?: Summary;
  /** The same through `node --import tsx src/main.ts`, i.e. without npm and the tsx CLI in front. */
  terminalNode?: Summary;
  /** The bot: spawn → IDENTIFY on the fake gateway, and → READY sent back (client logged in). */
  botIdentify: Summary;
  botReady: Summary;
  /** One terminal-mode start under `node --cpu-prof` (spawn → /sources answered → exit). */
  profile?: ProfileSummary;
  note?: string;
}

const RUNS = 5;

async function terminalOnce(start: (env: Record<string, string>) => Child, indexDir: string, waitForExit = false): Promise<number> {
  const workspace = await copyWorkspace('startup', indexDir);
  const run = start(childEnv({ CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir, MODEL_DIR: await scratchDir('no-models') }));
  try {
    // Terminal mode prints nothing before the first reply when stdin is not a TTY.
    run.child.stdin!.end('/sources\n/quit\n');
    const ready = await waitForOutput(run, 'stdout', (text) => text.trim().length > 0, 60_000);
    await Promise.race([run.exited, new Promise((r) => setTimeout(r, waitForExit ? 30_000 : 5_000).unref())]);
    // The /sources reply names the embedder; anything else on stdout means it did not start properly.
    if (!run.stdout().includes('use-lite')) throw new Error(`terminal mode did not answer /sources:\n${run.stdout().slice(0, 500)}\n${run.stderr().slice(-1500)}`);
    return ready - run.spawnedAt;
  } finally {
    await stop(run);
  }
}

async function profileTerminal(indexDir: string): Promise<ProfileSummary> {
  const dir = await scratchDir('cpu-prof');
  // The profile is written when the process exits by itself, which /quit makes it do.
  await terminalOnce((env) => spawnCommand(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'src/main.ts'], env), indexDir, true);
  return summarizeCpuProfile(dir, 8);
}

function poll(test: () => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const timer = setInterval(() => {
      if (test()) {
        clearInterval(timer);
        resolve(performance.now());
      } else if (performance.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`not seen within ${timeoutMs} ms`));
      }
    }, 2);
  });
}

async function botOnce(indexDir: string): Promise<{ identify: number; ready: number }> {
  const running = await startBotAgainstFake(indexDir, 'startup-bot');
  try {
    const identified = poll(() => running.fake.identifies.length > 0, 60_000);
    await running.fake.waitForGatewayReady(60_000);
    const ready = performance.now();
    return { identify: (await identified) - running.startedAt, ready: ready - running.startedAt };
  } finally {
    await stopBot(running);
  }
}

/** Process start to ready, several fresh processes each (warm OS file cache, cold process). */
export async function benchStartup(indexDir: string, progress: (line: string) => void): Promise<StartupSection> {
  const terminal = !dotenvHasToken();
  progress(`startup: ${terminal ? 'npm start, node --import tsx src/main.ts (terminal mode) and ' : ''}the bot, in turn (${RUNS} runs each)`);
  const npm: number[] = [];
  const node: number[] = [];
  const bot: { identify: number; ready: number }[] = [];
  // In turn rather than one kind after the other, so drifting load on the machine biases none of them.
  for (let i = 0; i < RUNS; i++) {
    if (terminal) {
      npm.push(await terminalOnce((env) => spawnCommand('npm', ['start', '--silent'], env), indexDir));
      node.push(await terminalOnce((env) => spawnTsx('src/main.ts', env), indexDir));
    }
    bot.push(await botOnce(indexDir));
  }
  const botFigures = { botIdentify: summarize(bot.map((b) => b.identify)), botReady: summarize(bot.map((b) => b.ready)) };
  if (!terminal) return { ...botFigures, note: 'terminal mode skipped: the project .env sets DISCORD_TOKEN, so `npm start` would not open terminal mode' };
  progress('startup: one terminal-mode start under --cpu-prof');
  return { terminalNpm: summarize(npm), terminalNode: summarize(node), ...botFigures, profile: await profileTerminal(indexDir) };
}
