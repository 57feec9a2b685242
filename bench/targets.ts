import type { BenchResults } from './results.js';
import type { ScalingRun } from './scaling.js';

export interface TargetRow {
  id: 'questionP50' | 'questionP99' | 'firstCallback' | 'finalEdit' | 'reingest' | 'startTerminal' | 'startBot' | 'servingRss' | 'scaleQuery' | 'scaleRecall';
  target: string;
  limit: number;
  unit: string;
  /** undefined: the section did not produce the figure. */
  value: number | undefined;
  pass: boolean;
}

/** The 100k run with the product's default settings: what a user with 100k chunks would get. */
export function defaultRunAt(results: BenchResults, chunks: number): ScalingRun | undefined {
  const d = results.product.hnsw;
  return results.scaling?.runs.find((r) => r.chunks === chunks && r.settings.m === d.m && r.settings.efConstruction === d.efConstruction && r.vectors !== 'uniform');
}

export function targetRows(results: BenchResults): TargetRow[] {
  const q = results.questions?.stages.total;
  const one = results.discord?.runs.find((r) => r.concurrency === 1);
  const useLite = results.ingest?.embedders.find((e) => e.available && e.embedder?.startsWith('use-lite'));
  const at100k = defaultRunAt(results, 100_000);
  const rows: Omit<TargetRow, 'pass'>[] = [
    { id: 'questionP50', target: 'question latency p50 (warm, in-process, USE-Lite)', limit: 30, unit: 'ms', value: q?.median },
    { id: 'questionP99', target: 'question latency p99', limit: 100, unit: 'ms', value: q?.p99 },
    { id: 'firstCallback', target: 'Discord /ask → first callback p50 (concurrency 1)', limit: 50, unit: 'ms', value: one?.firstCallbackMs.median },
    { id: 'finalEdit', target: 'Discord /ask → final edit p50 (concurrency 1)', limit: 100, unit: 'ms', value: one?.finalEditMs.median },
    { id: 'reingest', target: 'unchanged re-ingest (USE-Lite, median)', limit: 1500, unit: 'ms', value: useLite?.unchangedMs?.median },
    { id: 'startTerminal', target: '`npm start` (terminal mode) start → ready, median', limit: 3000, unit: 'ms', value: results.startup?.terminalNpm?.median },
    { id: 'startBot', target: 'bot start → gateway READY, median', limit: 3000, unit: 'ms', value: results.startup?.botReady.median },
    { id: 'servingRss', target: 'serving bot peak RSS (VmHWM after the Discord runs)', limit: 400, unit: 'MB', value: results.discord?.servingMemory?.peakMB },
    { id: 'scaleQuery', target: '100k chunks: dense query p50 (k=100 as the retriever asks, default settings)', limit: 40, unit: 'ms', value: at100k?.queryK100Ms.median },
    { id: 'scaleRecall', target: '100k chunks: HNSW recall@10 vs exact (default settings)', limit: 0.98, unit: '', value: at100k?.recallAt10 },
  ];
  return rows.map((r) => ({ ...r, pass: r.value !== undefined && Number.isFinite(r.value) && (r.id === 'scaleRecall' ? r.value >= r.limit : r.value <= r.limit) }));
}
