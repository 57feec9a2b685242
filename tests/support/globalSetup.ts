import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { UseLiteEmbeddings } from '../../src/embed/useLite.js';
import { ingest } from '../../src/ingest.js';
import { createLogger } from '../../src/log.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An index of the real corpus built once with the bundled embedder, for tests that only read it. */
    realIndexDir: string;
  }
}

/**
 * Gives the test run one temporary folder, removed when it ends: the test files' own temporary
 * folders are made inside it (the workers start after this, with TMPDIR pointing at it). Builds
 * the real corpus's index there once per run (about 15 s with USE-Lite) and shares its path.
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rab-test-run-'));
  process.env.TMPDIR = root;
  const indexDir = path.join(root, 'index');
  const config = { ...loadConfig({}), indexDir, corpusDir: path.resolve('corpus') };
  await ingest({ config, embedder: await UseLiteEmbeddings.load(), log: createLogger('silent') });
  project.provide('realIndexDir', indexDir);
  return async () => rm(root, { recursive: true, force: true });
}
