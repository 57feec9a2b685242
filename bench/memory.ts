import path from 'node:path';
import { packagesLoadedBy } from './importGraph.js';
import type { MemoryStep } from './memoryChild.js';
import { childEnv, copyWorkspace, PROJECT, spawnTsx, stop } from './workspace.js';

export interface MemorySection {
  steps: MemoryStep[];
  peakRssMB: number;
}

/** The bot's start-up steps in a fresh process, memory after each: where the serving RSS comes from. */
export async function benchMemoryBreakdown(indexDir: string): Promise<MemorySection> {
  const workspace = await copyWorkspace('memory', indexDir);
  const packages = await packagesLoadedBy(path.join(PROJECT, 'src', 'main.ts'));
  const run = spawnTsx('bench/memoryChild.ts', childEnv({ CORPUS_DIR: workspace.corpusDir, INDEX_DIR: workspace.indexDir, BENCH_PRELOAD: JSON.stringify(packages) }));
  const code = await Promise.race([run.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000).unref())]);
  await stop(run);
  const line = run.stdout().split('\n').find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`memory child failed (${code}):\n${run.stderr().slice(-3000)}`);
  return JSON.parse(line) as MemorySection;
}
