import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '@langchain/core/documents';
import type { Embedder } from '../src/embed/types.js';
import { UseLiteEmbeddings } from '../src/embed/useLite.js';
import { DEFAULT_HNSW, HnswVectorStore, type HnswSettings } from '../src/store/hnswVectorStore.js';
import { sample } from './harness.js';
import { loadQuestions } from './questions.js';
import { summarize, type Summary } from './stats.js';
import { exactTopK, perturbedUnitVectors, syntheticDocuments, toMatrix, uniformUnitVectors } from './synthetic.js';
import { scratchDir } from './workspace.js';

const DIMS = 512;
const K = 10;
/** The retriever asks the store for this many neighbours (Retriever's denseK default, not exported by src/). */
export const RETRIEVER_K = 100;
const EF_SWEEP = [16, 32, 64, 100, 128, 256, 400, 800];

export interface EfPoint {
  efSearch: number;
  recallAt10: number;
  queryMs: Summary;
}

export type VectorKind = 'real' | 'perturbed' | 'uniform';

/** What each kind of vectors is, for the report's legend. */
export const VECTOR_KINDS: Record<VectorKind, string> = {
  real: "USE-Lite embeddings of generated text (each chunk's first sentence); queries: the bench questions, embedded",
  perturbed: 'random unit vectors scattered around the 1k real embeddings (cosine ≈ 0.7 to their seed); 100 queries drawn the same way',
  uniform: 'uniformly random unit vectors, queries too: no neighbourhood structure, the worst case for any ANN index',
};

export interface ScalingRun {
  chunks: number;
  vectors: VectorKind;
  settings: HnswSettings;
  buildMs: number;
  saveMs: number;
  files: Record<string, number>;
  totalBytes: number;
  loadMs: Summary;
  queries: number;
  /** Brute-force scan of all vectors in JS, which is also the ground truth. */
  exactMs: Summary;
  /** k=10 and k=100 at the product's efSearch, through similaritySearchVectorWithScore. */
  queryK10Ms: Summary;
  queryK100Ms: Summary;
  recallAt10: number;
  sweep: EfPoint[];
}

export interface ScalingSection {
  /** USE-Lite on 1k short texts (one sentence each). */
  embedOneThousand: { ms: number; textsPerSecond: number };
  runs: ScalingRun[];
  skipped: { chunks: number; settings: HnswSettings; reason: string }[];
}

interface Corpus {
  chunks: number;
  kind: VectorKind;
  documents: Document[];
  vectors: number[][];
  queries: number[][];
}

interface PreparedCorpus extends Corpus {
  truth: number[][];
  exactMs: Summary;
}

/** Exact top-10 per query, once per corpus, shared by every parameter set built on it. */
function prepare(corpus: Corpus): PreparedCorpus {
  const matrix = toMatrix(corpus.vectors);
  const times: number[] = [];
  const truth = corpus.queries.map((q) => {
    const t = performance.now();
    const top = exactTopK(matrix, DIMS, q, K);
    times.push(performance.now() - t);
    return top;
  });
  return { ...corpus, truth, exactMs: summarize(times) };
}

async function fileSizes(dir: string): Promise<Record<string, number>> {
  const names = await readdir(dir);
  const sizes = await Promise.all(names.map(async (n) => [n, (await stat(path.join(dir, n))).size] as const));
  return Object.fromEntries(sizes);
}

function recall(store: HnswVectorStore, found: Document[][], truth: number[][]): number {
  const labels = new Map(store.documents.map((d, i) => [d, i]));
  let hits = 0;
  found.forEach((docs, q) => (hits += docs.filter((d) => truth[q]!.includes(labels.get(d)!)).length));
  return hits / (found.length * K);
}

/** Queries in a fixed order, each through the product's store, timed by tinybench. */
async function timeQueries(store: HnswVectorStore, queries: number[][], k: number, passes: number): Promise<{ ms: Summary; found: Document[][] }> {
  let next = 0;
  const found: Document[][] = [];
  const ms = await sample(
    `query k=${k}`,
    async () => {
      const q = next++ % queries.length;
      const result = await store.similaritySearchVectorWithScore(queries[q]!, k);
      found[q] = result.map(([doc]) => doc);
    },
    { iterations: queries.length * passes, warmupIterations: Math.min(queries.length, 20), onPhase: () => (next = 0) },
  );
  return { ms: summarize(ms), found };
}

async function measure(corpus: PreparedCorpus, settings: HnswSettings, embedder: Embedder): Promise<ScalingRun> {
  const { truth } = corpus;
  const store = new HnswVectorStore(embedder, { dims: DIMS, settings: { ...settings } });
  let t = performance.now();
  await store.addVectors(corpus.vectors, corpus.documents);
  const buildMs = performance.now() - t;
  const dir = await scratchDir(`scale-${corpus.chunks}`);
  t = performance.now();
  await store.save(dir);
  const saveMs = performance.now() - t;
  const files = await fileSizes(dir);

  const loads: number[] = [];
  let loaded: HnswVectorStore | undefined;
  for (let i = 0; i < (corpus.chunks >= 100_000 ? 3 : 5); i++) {
    t = performance.now();
    loaded = await HnswVectorStore.load(dir, embedder);
    loads.push(performance.now() - t);
  }
  // Queries run on the loaded copy: that is what a serving process searches.
  const served = loaded!;
  const passes = corpus.queries.length < 50 ? 4 : 2;
  const k10 = await timeQueries(served, corpus.queries, K, passes);
  const k100 = await timeQueries(served, corpus.queries, RETRIEVER_K, passes);
  const points: EfPoint[] = [];
  for (const efSearch of EF_SWEEP) {
    // The store reads efSearch on every search, so the product's own code path is swept.
    served.config.settings.efSearch = efSearch;
    const run = await timeQueries(served, corpus.queries, K, passes);
    points.push({ efSearch, recallAt10: recall(served, run.found, truth), queryMs: run.ms });
  }
  served.config.settings.efSearch = settings.efSearch;
  return {
    chunks: corpus.chunks,
    vectors: corpus.kind,
    settings,
    buildMs,
    saveMs,
    files,
    totalBytes: Object.values(files).reduce((a, b) => a + b, 0),
    loadMs: summarize(loads),
    queries: corpus.queries.length,
    exactMs: corpus.exactMs,
    queryK10Ms: k10.ms,
    queryK100Ms: k100.ms,
    recallAt10: recall(served, k10.found, truth),
    sweep: points,
  };
}

/** Parameter sets tried at 100k after the product default, each only if time allows: a middle one, then a cheap one. */
const CANDIDATES: HnswSettings[] = [
  { m: 12, efConstruction: 100, efSearch: DEFAULT_HNSW.efSearch },
  { m: 8, efConstruction: 64, efSearch: DEFAULT_HNSW.efSearch },
];

/**
 * Index build, size, load, query latency and recall@10 for synthetic corpora, through the product's
 * HnswVectorStore. No 100k build starts unless it is expected to end before `deadline` (a performance.now() time).
 */
export async function benchScaling(deadline: number, progress: (line: string) => void): Promise<ScalingSection> {
  const embedder = await UseLiteEmbeddings.load();
  const questions = await loadQuestions();

  progress('scaling: embedding the first sentence of 1k synthetic chunks with USE-Lite');
  const docs1k = syntheticDocuments(1_000, 1);
  // Whole chunk-sized texts would cost about a minute of the budget (see the ingest figures).
  const firstSentences = docs1k.map((d) => d.pageContent.split('\n')[1]!.split('. ')[0]!);
  const t = performance.now();
  const real1k = await embedder.embedDocuments(firstSentences);
  const embedMs = performance.now() - t;
  const questionVectors = await Promise.all(questions.map((q) => embedder.embedQuery(q.question)));

  const runs: ScalingRun[] = [];
  const skipped: ScalingSection['skipped'] = [];
  progress('scaling: 1k (real USE-Lite vectors)');
  const corpus1k = prepare({ chunks: 1_000, kind: 'real', documents: docs1k, vectors: real1k, queries: questionVectors });
  runs.push(await measure(corpus1k, DEFAULT_HNSW, embedder));

  progress('scaling: 10k (perturbed and uniform random vectors)');
  const queries = (seed: number) => perturbedUnitVectors(real1k, 100, seed);
  const corpus10k = prepare({ chunks: 10_000, kind: 'perturbed', documents: syntheticDocuments(10_000, 2), vectors: perturbedUnitVectors(real1k, 10_000, 3), queries: queries(4) });
  const perturbed10k = await measure(corpus10k, DEFAULT_HNSW, embedder);
  runs.push(perturbed10k);
  const uniform10k = prepare({
    chunks: 10_000,
    kind: 'uniform',
    documents: corpus10k.documents,
    vectors: uniformUnitVectors(10_000, DIMS, 5),
    queries: uniformUnitVectors(100, DIMS, 6),
  });
  runs.push(await measure(uniform10k, DEFAULT_HNSW, embedder));

  // Measured here: 10× the vectors costs about 20–25× the build time (deeper graph, cache misses).
  const estimate100k = perturbed10k.buildMs * 25 + 30_000;
  if (performance.now() + estimate100k > deadline) {
    skipped.push({ chunks: 100_000, settings: DEFAULT_HNSW, reason: `skipped to stay within the time budget (estimated ${Math.round(estimate100k / 1000)} s)` });
    return { embedOneThousand: { ms: embedMs, textsPerSecond: 1000 / (embedMs / 1000) }, runs, skipped };
  }
  progress('scaling: 100k, product default HNSW settings');
  const corpus100k = prepare({ chunks: 100_000, kind: 'perturbed', documents: syntheticDocuments(100_000, 7), vectors: perturbedUnitVectors(real1k, 100_000, 8), queries: queries(9) });
  const base = await measure(corpus100k, DEFAULT_HNSW, embedder);
  runs.push(base);
  for (const settings of CANDIDATES) {
    // Build cost grows roughly with efConstruction × M; the margin covers queries and the report.
    const estimate = base.buildMs * (settings.efConstruction / DEFAULT_HNSW.efConstruction) * (settings.m / DEFAULT_HNSW.m) + 20_000;
    if (performance.now() + estimate > deadline) {
      skipped.push({ chunks: 100_000, settings, reason: `skipped to stay within the time budget (estimated build ${Math.round(estimate / 1000)} s)` });
      continue;
    }
    progress(`scaling: 100k, M=${settings.m} efConstruction=${settings.efConstruction}`);
    runs.push(await measure(corpus100k, settings, embedder));
  }
  return { embedOneThousand: { ms: embedMs, textsPerSecond: 1000 / (embedMs / 1000) }, runs, skipped };
}
