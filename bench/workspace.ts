import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { loadConfig, type Config } from '../src/config.js';
import { createLogger } from '../src/log.js';

export const PROJECT = path.resolve(import.meta.dirname, '..');
export const CORPUS = path.join(PROJECT, 'corpus');
export const silentLog = createLogger('silent');

const scratch: string[] = [];

/** A fresh folder under the OS temp dir, removed by `cleanScratch` (never the project's index/). */
export async function scratchDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `rab-bench-${label}-`));
  scratch.push(dir);
  return dir;
}

export async function cleanScratch(): Promise<void> {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A copy of the real corpus and of a built index, so a child process can't touch the originals. */
export async function copyWorkspace(label: string, indexDir: string): Promise<{ root: string; corpusDir: string; indexDir: string }> {
  const root = await scratchDir(label);
  const workspace = { root, corpusDir: path.join(root, 'corpus'), indexDir: path.join(root, 'index') };
  await cp(CORPUS, workspace.corpusDir, { recursive: true });
  await cp(indexDir, workspace.indexDir, { recursive: true });
  return workspace;
}

/** The product's defaults, pointed at scratch folders, with the bundled embedder. */
export function benchConfig(overrides: Partial<Config>): Config {
  return { ...loadConfig({}), corpusDir: CORPUS, embeddingModel: 'use-lite', ...overrides };
}

/**
 * A closed local port: were a `.env` to supply a real DISCORD_TOKEN, the client would still only
 * ever talk to 127.0.0.1. Children get a minimal environment for the same reason.
 */
const NOWHERE_API = 'http://127.0.0.1:9/api';

export function childEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    EMBEDDING_MODEL: 'use-lite',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    DISCORD_API_BASE: NOWHERE_API,
    ...extra,
  };
}

/** The settings every npm script sees: the project's .env, overridden by the environment. */
export function projectEnv(): Record<string, string | undefined> {
  const file = path.join(PROJECT, '.env');
  return { ...(existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {}), ...process.env };
}

/** main.ts reads the project's .env; a token there would turn terminal mode into bot mode. */
export function dotenvHasToken(): boolean {
  const file = path.join(PROJECT, '.env');
  return existsSync(file) && Boolean(parseEnv(readFileSync(file, 'utf8')).DISCORD_TOKEN?.trim());
}

export interface Child {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** performance.now() just before spawn. */
  spawnedAt: number;
}

/** `node --import tsx FILE` from the project root: what `npm start` runs, without npm's own start-up. */
export function spawnTsx(file: string, env: Record<string, string>): Child {
  return spawnCommand(process.execPath, ['--import', 'tsx', file], env);
}

/** Each child leads its own process group, so `stop` also ends what it started (npm → tsx → node). */
export function spawnCommand(command: string, args: string[], env: Record<string, string>): Child {
  const spawnedAt = performance.now();
  const child = spawn(command, args, { cwd: PROJECT, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited, spawnedAt };
}

/** Resolves at the first moment `test` holds for the accumulated stdout or stderr. */
export function waitForOutput(run: Child, stream: 'stdout' | 'stderr', test: (text: string) => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const source = stream === 'stdout' ? run.child.stdout! : run.child.stderr!;
    const read = stream === 'stdout' ? run.stdout : run.stderr;
    const timer = setTimeout(() => reject(new Error(`no matching ${stream} after ${timeoutMs} ms:\n${run.stderr().slice(-2000)}`)), timeoutMs);
    const check = () => {
      if (!test(read())) return;
      clearTimeout(timer);
      source.off('data', check);
      resolve(performance.now());
    };
    // Registered after spawnCommand's own listener, so read() already includes the new chunk.
    source.on('data', check);
    check();
  });
}

/** Peak and current resident memory of a live process in MB (10^6 bytes), from /proc (Linux). */
export function memoryOf(pid: number): { peakMB: number; currentMB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (field: string) => Math.round((Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024) / 1e6);
    return { peakMB: mb('VmHWM'), currentMB: mb('VmRSS') };
  } catch {
    return undefined;
  }
}

export async function stop(run: Child): Promise<void> {
  if (run.child.exitCode === null && run.child.signalCode === null) {
    try {
      process.kill(-run.child.pid!, 'SIGKILL');
    } catch {
      run.child.kill('SIGKILL');
    }
  }
  await run.exited;
}
