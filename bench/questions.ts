import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UseLiteEmbeddings } from '../src/embed/useLite.js';
import { Knowledge } from '../src/knowledge.js';
import { loadIndex } from '../src/store/loadIndex.js';
import { sample } from './harness.js';
import { summarize, type Summary } from './stats.js';
import { exactTopK } from './synthetic.js';
import { benchConfig, PROJECT, silentLog } from './workspace.js';

export interface Question {
  id: string;
  lang: 'en' | 'pt';
  question: string;
}

export async function loadQuestions(): Promise<Question[]> {
  const text = await readFile(path.join(PROJECT, 'bench', 'questions.jsonl'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Question);
}

export const STAGES = ['embed', 'dense', 'lexical', 'fusion', 'answer', 'total'] as const;
export type Stage = (typeof STAGES)[number];

export interface QuestionSection {
  embedder: string;
  questions: { total: number; en: number; pt: number };
  passes: number;
  storedVectors: number;
  chunks: number;
  /** Knowledge.ask's own timings_ms, per stage. */
  stages: Record<Stage, Summary>;
  /** The whole `ask` call as tinybench timed it (includes the promise turn). */
  askCall: Summary;
  totalByLanguage: Record<'en' | 'pt', Summary>;
  /** total = embed + scan, timed like timings_ms; call = the whole call as tinybench timed it. */
  baseline: { embed: Summary; scan: Summary; total: Summary; call: Summary };
  /** Hybrid over baseline, medians: the whole question, and retrieval without embedding. */
  ratio: { total: number; retrieval: number };
}

const PASSES = 8;

/** Warm, in-process question latency through Knowledge.ask, and the brute-force baseline beside it. */
export async function benchQuestions(indexDir: string, progress: (line: string) => void): Promise<QuestionSection> {
  const questions = await loadQuestions();
  const config = benchConfig({ indexDir });
  const embedder = await UseLiteEmbeddings.load();
  const knowledge = await Knowledge.open(config, silentLog, { embedder });
  const iterations = questions.length * PASSES;

  progress(`questions: ${questions.length} questions × ${PASSES} passes through Knowledge.ask`);
  let next = 0;
  const stages = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const byLanguage: Record<'en' | 'pt', number[]> = { en: [], pt: [] };
  const askCall = await sample(
    'Knowledge.ask',
    async () => {
      const q = questions[next++ % questions.length]!;
      const { timings_ms } = await knowledge.ask(q.question);
      for (const stage of STAGES) stages[stage].push(timings_ms[stage] ?? NaN);
      byLanguage[q.lang].push(timings_ms.total!);
    },
    {
      iterations,
      warmupIterations: questions.length,
      onPhase: () => {
        next = 0;
        for (const s of STAGES) stages[s].length = 0;
        byLanguage.en.length = byLanguage.pt.length = 0;
      },
    },
  );

  progress('questions: brute-force cosine baseline, same embedder, same process');
  const { store, chunks } = await loadIndex(indexDir, embedder);
  const dims = store.config.dims;
  const matrix = new Float32Array(store.size * dims);
  store.documents.forEach((_, label) => matrix.set(store.vector(label), label * dims));
  const baseEmbed: number[] = [];
  const baseScan: number[] = [];
  next = 0;
  const baseCall = await sample(
    'brute-force baseline',
    async () => {
      const q = questions[next++ % questions.length]!;
      const t0 = performance.now();
      const vector = await embedder.embedQuery(q.question);
      const t1 = performance.now();
      exactTopK(matrix, dims, vector, 5);
      baseEmbed.push(t1 - t0);
      baseScan.push(performance.now() - t1);
    },
    {
      iterations,
      warmupIterations: questions.length,
      onPhase: () => {
        next = 0;
        baseEmbed.length = baseScan.length = 0;
      },
    },
  );

  const stageSummaries = Object.fromEntries(STAGES.map((s) => [s, summarize(stages[s])])) as Record<Stage, Summary>;
  const retrieval = stages.dense.map((d, i) => d + stages.lexical[i]! + stages.fusion[i]!);
  const baseline = {
    embed: summarize(baseEmbed),
    scan: summarize(baseScan),
    total: summarize(baseEmbed.map((e, i) => e + baseScan[i]!)),
    call: summarize(baseCall),
  };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    embedder: embedder.info.id,
    questions: { total: questions.length, en: questions.filter((q) => q.lang === 'en').length, pt: questions.filter((q) => q.lang === 'pt').length },
    passes: PASSES,
    storedVectors: store.size,
    chunks: chunks.length,
    stages: stageSummaries,
    askCall: summarize(askCall),
    totalByLanguage: { en: summarize(byLanguage.en), pt: summarize(byLanguage.pt) },
    baseline,
    ratio: { total: ratio(stageSummaries.total.median, baseline.total.median), retrieval: ratio(summarize(retrieval).median, baseline.scan.median) },
  };
}
