/**
 * One ingest measurement in a process of its own, so its peak RSS is the ingest's alone:
 * load the embedder, ingest the corpus into an empty INDEX_DIR, then re-ingest it unchanged.
 * Prints one JSON line (IngestChildResult) on stdout.
 */
import { loadConfig } from '../src/config.js';
import { TransformersEmbeddings } from '../src/embed/transformers.js';
import type { Embedder } from '../src/embed/types.js';
import { UseLiteEmbeddings } from '../src/embed/useLite.js';
import { ingest } from '../src/ingest.js';
import { createLogger } from '../src/log.js';

export interface IngestChildResult {
  embedder: string;
  loadMs: number;
  scratchMs: number;
  chunks: number;
  vectors: number;
  embedded: number;
  peakRssMB: number;
  unchanged: { ms: number; embedded: number; reused: number }[];
}

const env = process.env;
const unchangedRuns = Number(env.BENCH_UNCHANGED_RUNS ?? '5');

async function loadEmbedder(): Promise<Embedder> {
  if (env.BENCH_EMBEDDER === 'transformers') {
    // A local model folder: TransformersEmbeddings never asks the hub when the files are there.
    return TransformersEmbeddings.load({ model: env.BENCH_MODEL_ID!, modelDir: env.BENCH_MODEL_DIR!, hubTimeoutMs: 100 });
  }
  return UseLiteEmbeddings.load();
}

const config = loadConfig(env);
const log = createLogger('silent');
let t = performance.now();
const embedder = await loadEmbedder();
const loadMs = performance.now() - t;

t = performance.now();
const first = await ingest({ config, embedder, log });
const scratchMs = performance.now() - t;
// maxRSS is in KiB; figures are reported in MB (10^6 bytes) like the targets.
const peakRssMB = Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);

const unchanged: IngestChildResult['unchanged'] = [];
for (let i = 0; i < unchangedRuns; i++) {
  t = performance.now();
  const report = await ingest({ config, embedder, log });
  unchanged.push({ ms: performance.now() - t, embedded: report.embedded, reused: report.reused });
}

const result: IngestChildResult = {
  embedder: embedder.info.id,
  loadMs,
  scratchMs,
  chunks: first.chunks,
  vectors: first.vectors,
  embedded: first.embedded,
  peakRssMB,
  unchanged,
};
console.log(JSON.stringify(result));
// onnxruntime's thread pool can keep the process alive; the parent waits for exit.
process.exit(0);
