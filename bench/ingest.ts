import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { writeTinyModel } from '../tests/support/tiny-model.js';
import type { IngestChildResult } from './ingestChild.js';
import { summarize, type Summary } from './stats.js';
import { childEnv, CORPUS, PROJECT, projectEnv, scratchDir, spawnTsx, stop } from './workspace.js';

export interface EmbedderIngest {
  label: string;
  available: boolean;
  /** Why it was not measured, or what the figures stand for. */
  note: string;
  embedder?: string;
  chunks?: number;
  vectors?: number;
  modelLoadMs?: Summary;
  scratchMs?: Summary;
  unchangedMs?: Summary;
  /** The most items any unchanged re-ingest embedded again; 0 means every vector was reused. */
  unchangedReembeddedMax?: number;
  chunksPerSecond?: Summary;
  vectorsPerSecond?: Summary;
  peakRssMB?: Summary;
}

export interface IngestSection {
  embedders: EmbedderIngest[];
  /** A complete USE-Lite index of the real corpus, for the sections that follow. */
  useLiteIndexDir: string;
}

const settings = projectEnv();
const E5 = settings.TRANSFORMERS_MODEL?.trim() || 'Xenova/multilingual-e5-small';
const MODEL_DIR = path.resolve(PROJECT, settings.MODEL_DIR?.trim() || 'models');

/** The same files TransformersEmbeddings looks for before it would try the network. */
async function e5IsLocal(): Promise<boolean> {
  try {
    await access(path.join(MODEL_DIR, E5, 'onnx', 'model_quantized.onnx'));
    await access(path.join(MODEL_DIR, E5, 'tokenizer.json'));
    return true;
  } catch {
    return false;
  }
}

async function runChild(env: Record<string, string>, unchangedRuns: number): Promise<{ result: IngestChildResult; indexDir: string }> {
  const indexDir = path.join(await scratchDir('ingest'), 'index');
  const run = spawnTsx('bench/ingestChild.ts', childEnv({ ...env, CORPUS_DIR: CORPUS, INDEX_DIR: indexDir, BENCH_UNCHANGED_RUNS: String(unchangedRuns) }));
  const code = await Promise.race([run.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 180_000).unref())]);
  await stop(run);
  const line = run.stdout().split('\n').find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`ingest child failed (${code}):\n${run.stderr().slice(-3000)}`);
  return { result: JSON.parse(line) as IngestChildResult, indexDir };
}

async function measure(label: string, note: string, env: Record<string, string>, runs: number, unchangedRuns: number) {
  const results: IngestChildResult[] = [];
  let indexDir = '';
  for (let i = 0; i < runs; i++) {
    const { result, indexDir: dir } = await runChild(env, unchangedRuns);
    results.push(result);
    indexDir = dir;
  }
  const first = results[0]!;
  const unchanged = results.flatMap((r) => r.unchanged);
  const entry: EmbedderIngest = {
    label,
    available: true,
    note,
    embedder: first.embedder,
    chunks: first.chunks,
    vectors: first.vectors,
    modelLoadMs: summarize(results.map((r) => r.loadMs)),
    scratchMs: summarize(results.map((r) => r.scratchMs)),
    unchangedMs: summarize(unchanged.map((u) => u.ms)),
    unchangedReembeddedMax: Math.max(...unchanged.map((u) => u.embedded)),
    chunksPerSecond: summarize(results.map((r) => r.chunks / (r.scratchMs / 1000))),
    vectorsPerSecond: summarize(results.map((r) => r.embedded / (r.scratchMs / 1000))),
    peakRssMB: summarize(results.map((r) => r.peakRssMB)),
  };
  return { entry, indexDir };
}

/** Ingest from scratch and unchanged, per embedder, each run in a fresh process and a temp INDEX_DIR. */
export async function benchIngest(progress: (line: string) => void): Promise<IngestSection> {
  const embedders: EmbedderIngest[] = [];

  progress('ingest: USE-Lite (3 processes × scratch + 5 unchanged)');
  const useLite = await measure('USE-Lite (bundled, `use-lite`)', 'the real corpus; English gloss vectors added for Portuguese text', { EMBEDDING_MODEL: 'use-lite' }, 3, 5);
  embedders.push(useLite.entry);

  if (await e5IsLocal()) {
    progress(`ingest: ${E5} (2 processes)`);
    const e5 = await measure(`${E5} (transformers.js)`, `read from ${MODEL_DIR}`, { BENCH_EMBEDDER: 'transformers', BENCH_MODEL_ID: E5, BENCH_MODEL_DIR: MODEL_DIR }, 2, 3);
    embedders.push(e5.entry);
  } else {
    embedders.push({
      label: `${E5} (transformers.js)`,
      available: false,
      note: `not available here: no model in ${path.relative(PROJECT, MODEL_DIR) || MODEL_DIR}/ and no network to fetch it`,
    });
  }

  progress('ingest: tiny generated test model through the transformers.js code path (3 processes)');
  const modelDir = await scratchDir('tiny-model');
  const tiny = await writeTinyModel(modelDir, `bench/tiny-${randomUUID()}`, { dims: 384 });
  const tinyRun = await measure(
    'tiny generated test model (transformers.js code path)',
    'NOT e5: tests/support/tiny-model.ts, an embeddings-only ONNX graph (384-d); measures the pipeline, tokenizer and index overhead, not a real model',
    { BENCH_EMBEDDER: 'transformers', BENCH_MODEL_ID: tiny.modelId, BENCH_MODEL_DIR: tiny.modelDir },
    3,
    5,
  );
  embedders.push(tinyRun.entry);

  return { embedders, useLiteIndexDir: useLite.indexDir };
}
