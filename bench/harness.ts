import { Bench, type FnHook } from 'tinybench';

export interface SampleOptions {
  /** Exactly this many timed calls (no time budget, so the run length is predictable). */
  iterations: number;
  warmupIterations: number;
  /** Called at the start of the warm-up and of the timed phase, e.g. to discard side records. */
  onPhase?: (phase: 'warmup' | 'run') => void;
}

/** Runs `fn` under tinybench and returns every timed call's latency in ms. */
export async function sample(name: string, fn: () => unknown, options: SampleOptions): Promise<number[]> {
  const bench = new Bench({
    name,
    iterations: options.iterations,
    time: 0,
    warmup: options.warmupIterations > 0,
    warmupIterations: options.warmupIterations,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  const beforeAll: FnHook = (mode) => options.onPhase?.(mode ?? 'run');
  bench.add(name, fn, { beforeAll });
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed' || !result.latency.samples) throw new Error(`${name}: benchmark ${result.state}`);
  return [...result.latency.samples];
}
