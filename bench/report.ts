import { ms, num, plain, sec, table } from './format.js';
import { missesMarkdown, stepTable } from './reportMisses.js';
import { scalingMarkdown } from './reportScaling.js';
import { STAGES } from './questions.js';
import type { BenchResults } from './results.js';
import { targetRows, type TargetRow } from './targets.js';

function value(row: TargetRow): string {
  if (row.value === undefined || !Number.isFinite(row.value)) return 'not measured';
  if (row.unit === '') return num(row.value, 3);
  return `${num(row.value, row.unit === 'ms' && row.value >= 1000 ? 0 : 1)} ${row.unit}`;
}

function targetsMarkdown(rows: TargetRow[]): string {
  return table(
    ['target', 'limit', 'measured', ''],
    rows.map((r) => [r.target, r.id === 'scaleRecall' ? `≥ ${r.limit}` : `≤ ${r.limit.toLocaleString('en-US')} ${r.unit}`, value(r), r.pass ? '✅' : '❌']),
  );
}

function ingestMarkdown(results: BenchResults): string[] {
  const ingest = results.ingest;
  if (!ingest) return ['Not measured in this run.'];
  return [
    'Each run is a fresh process (`bench/ingestChild.ts`): load the embedder, ingest `corpus/` into an empty temp INDEX_DIR (from scratch), then ingest it again unchanged 5 times. Peak RSS is the process maximum, read right after the scratch ingest.',
    '',
    table(
      ['embedder', 'chunks / vectors', 'from scratch', 'unchanged re-ingest', 'chunks/s (scratch)', 'vectors embedded/s', 'model load', 'peak RSS'],
      ingest.embedders.map((e) =>
        e.available
          ? [
              `${e.label}<br>\`${e.embedder}\``,
              `${e.chunks} / ${e.vectors}`,
              sec(e.scratchMs),
              `${ms(e.unchangedMs, 0)}; re-embedded ${e.unchangedReembeddedMax}`,
              plain(e.chunksPerSecond, '', 1),
              plain(e.vectorsPerSecond, '', 1),
              ms(e.modelLoadMs, 0),
              plain(e.peakRssMB, ' MB', 0),
            ]
          : [e.label, '—', e.note, '—', '—', '—', '—', '—'],
      ),
    ),
    '',
    ...ingest.embedders.filter((e) => e.available).map((e) => `- ${e.label}: ${e.note}.`),
  ];
}

function questionsMarkdown(results: BenchResults): string[] {
  const q = results.questions;
  if (!q) return ['Not measured in this run.'];
  const slowest = STAGES.filter((s) => s !== 'total').sort((a, b) => q.stages[b].median - q.stages[a].median)[0]!;
  return [
    `${q.questions.total} fixed questions (${q.questions.en} English, ${q.questions.pt} Portuguese, two of them off-topic; \`bench/questions.jsonl\`) × ${q.passes} passes after one warm-up pass, through \`Knowledge.ask\` in this process, embedder \`${q.embedder}\`, index of ${q.chunks} chunks / ${q.storedVectors} vectors. Stage times are \`timings_ms\` as \`ask\` reports them; tinybench timed the whole call.`,
    '',
    table(['stage', 'median', 'p95', 'p99', 'runs'], [...STAGES.map((s) => [s, ...[q.stages[s].median, q.stages[s].p95, q.stages[s].p99].map((x) => `${num(x, 2)} ms`), q.stages[s].runs]), ['whole `ask` call (tinybench)', ...[q.askCall.median, q.askCall.p95, q.askCall.p99].map((x) => `${num(x, 2)} ms`), q.askCall.runs]]),
    '',
    `Slowest stage: **${slowest}** (${num((100 * q.stages[slowest].median) / q.stages.total.median, 0)}% of the median total). By language, total: English ${ms(q.totalByLanguage.en)}; Portuguese ${ms(q.totalByLanguage.pt)}.`,
    '',
    `**Baseline** — brute-force cosine over all ${q.storedVectors} stored vectors, no BM25, no fusion, same embedder, same process: embed ${ms(q.baseline.embed)}, scan ${ms(q.baseline.scan, 2)}, total ${ms(q.baseline.total)}. ` +
      `Hybrid ÷ baseline, medians: **${num(q.ratio.total, 2)}×** for the whole question, ${num(q.ratio.retrieval, 1)}× for retrieval alone (dense + lexical + fusion vs the scan).`,
  ];
}

function discordMarkdown(results: BenchResults): string[] {
  const d = results.discord;
  if (!d) return ['Not measured in this run.'];
  const crowd = d.runs.find((r) => r.concurrency > 1);
  const q = results.questions;
  return [
    'The real entry point (`node --import tsx src/main.ts`, `COOLDOWN_SECONDS=0`, `EMBEDDING_MODEL=use-lite`, scratch copies of corpus and index) logged in to the fake Discord (`tests/support/fake-discord`) on 127.0.0.1; commands registered with `src/bot/register.ts`. Each `/ask` comes from a distinct user id; times run from injecting the interaction on the gateway to the bot\'s first callback and to the edit that shows the answer. 8 warm-up questions first.',
    '',
    table(
      ['concurrency', 'first callback', 'final edit', 'not answered'],
      d.runs.map((r) => [r.concurrency === 1 ? '1 (one at a time)' : `${r.concurrency} (rounds of ${r.concurrency} at once)`, ms(r.firstCallbackMs), ms(r.finalEditMs), r.failures]),
    ),
    '',
    `Fake Discord saw ${d.violations} rule violations and ${d.unknownRoutes} unknown routes.`,
    ...(crowd && q
      ? [
          '',
          `At concurrency ${crowd.concurrency} the final edit's median (${num(crowd.finalEditMs.median, 0)} ms) is about ${num(crowd.finalEditMs.median / q.stages.total.median, 0)}× one answer's in-process time (${num(q.stages.total.median, 1)} ms): ` +
            'answering is CPU work on one JavaScript thread (mostly the embedding), so simultaneous questions wait for each other; the first callback stays fast because the bot defers before answering.',
        ]
      : []),
  ];
}

function startupMarkdown(results: BenchResults): string[] {
  const s = results.startup;
  if (!s) return ['Not measured in this run.'];
  const rows: string[][] = [];
  if (s.terminalNpm) rows.push(['`npm start`, terminal mode (stdin `/sources`)', 'spawn → the reply on stdout', sec(s.terminalNpm)]);
  if (s.terminalNode) rows.push(['`node --import tsx src/main.ts`, terminal mode', 'spawn → the reply on stdout', sec(s.terminalNode)]);
  rows.push(['bot, `node --import tsx src/main.ts`', 'spawn → IDENTIFY on the fake gateway', sec(s.botIdentify)]);
  rows.push(['bot, `node --import tsx src/main.ts`', 'spawn → READY sent (logged in)', sec(s.botReady)]);
  return [
    'Fresh processes on a warm OS file cache, scratch copies of a built index. In terminal mode nothing is printed before the first reply when stdin is not a terminal, and `/sources` needs no computation, so its reply marks readiness (index open, model loaded).',
    '',
    table(['what', 'measured', 'time'], rows),
    ...(s.note ? ['', s.note] : []),
  ];
}

function memoryMarkdown(results: BenchResults): string[] {
  const lines: string[] = [];
  const useLite = results.ingest?.embedders.find((e) => e.available && e.embedder?.startsWith('use-lite'));
  if (useLite?.peakRssMB) lines.push(`- Ingest from scratch (USE-Lite), peak RSS of the process: ${plain(useLite.peakRssMB, ' MB', 0)}.`);
  const serving = results.discord?.servingMemory;
  if (serving) lines.push(`- Serving bot after all the Discord runs: peak (VmHWM) **${serving.peakMB} MB**, current (VmRSS) ${serving.currentMB} MB.`);
  if (results.memory) {
    lines.push(
      '',
      `Where it goes: the bot's start-up step by step in one fresh process (\`bench/memoryChild.ts\`, peak ${num(results.memory.peakRssMB, 0)} MB): each npm package that src/main.ts's static imports reach (\`bench/importGraph.ts\`, in the order reached; a package's own dependencies count where first loaded), then the project's modules, the model, the index and 100 questions. Times are one run, for orientation.`,
      '',
      stepTable(results.memory.steps),
    );
  }
  return lines.length > 0 ? lines : ['Not measured in this run.'];
}

export function renderMarkdown(results: BenchResults): string {
  const rows = targetRows(results);
  const m = results.machine;
  const wall = `${Math.floor(results.wallMs / 60000)} min ${Math.round((results.wallMs % 60000) / 1000)} s`;
  const errors = Object.entries(results.errors);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${results.generatedAt}; the whole run took **${wall}**. Raw figures: [results.json](results.json).`,
    '',
    `**Machine:** ${m.cores} cores, ${m.cpuModel}, ${num(m.memoryGiB, 1)} GiB RAM, Node ${m.node}, ${m.platform}. ` +
      `Load average (1 min) before / after the run: ${num(results.loadAverage.before, 2)} / ${num(results.loadAverage.after, 2)} — on 2 cores anything above ~1 means other work competed with the benchmark.`,
    '',
    `Product settings measured: chunk size ${results.product.chunkSize}, overlap ${results.product.chunkOverlap}; HNSW M=${results.product.hnsw.m}, efConstruction=${results.product.hnsw.efConstruction}, efSearch=${results.product.hnsw.efSearch}. ` +
      'Every figure is **median (p95 / p99, n = number of runs)**; latencies are warm unless stated.',
    '',
    ...(errors.length > 0 ? ['**Sections that failed in this run:**', '', ...errors.map(([k, v]) => `- ${k}: ${v.split('\n')[0]}`), ''] : []),
    '## Targets',
    '',
    targetsMarkdown(rows),
    '',
    ...missesMarkdown(results, rows),
    '## 1. Ingest',
    '',
    ...ingestMarkdown(results),
    '',
    '## 2. Question latency (warm, in-process)',
    '',
    ...questionsMarkdown(results),
    '',
    '## 3. Through Discord',
    '',
    ...discordMarkdown(results),
    '',
    '## 4. Start-up',
    '',
    ...startupMarkdown(results),
    '',
    '## 5. Memory',
    '',
    ...memoryMarkdown(results),
    '',
    '## 6. Scaling (synthetic corpora)',
    '',
    ...scalingMarkdown(results),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
