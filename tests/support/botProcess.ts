import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface BotProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** A folder the bot reads its corpus from, which a test may change before /reindex. */
  corpusDir: string;
  indexDir: string;
}

/** Copies the real corpus and a prebuilt index to a scratch folder, so tests can change both. */
export async function scratchWorkspace(realIndexDir: string) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rab-bot-'));
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'index');
  await cp(path.resolve('corpus'), corpusDir, { recursive: true });
  await cp(realIndexDir, indexDir, { recursive: true });
  return { root, corpusDir, indexDir };
}

/** Starts the real entry point (`npm start` runs the same file) with the given environment. */
export function startEntryPoint(env: Record<string, string>, workspace: { corpusDir: string; indexDir: string }, stdin?: string): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', EMBEDDING_MODEL: 'use-lite', LOG_LEVEL: 'info', CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  if (stdin !== undefined) child.stdin!.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited, ...workspace };
}

/** JSON log lines the process wrote to stderr. */
export function logLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
}
