import { num, table } from './format.js';
import type { MemoryStep } from './memoryChild.js';
import { STAGES } from './questions.js';
import type { BenchResults } from './results.js';
import { defaultRunAt, type TargetRow } from './targets.js';

function stepTable(steps: MemoryStep[]): string {
  return table(
    ['step (fresh process, in this order)', 'time', 'RSS after', 'RSS added'],
    steps.map((s, i) => {
      const delta = s.rssMB - (steps[i - 1]?.rssMB ?? 0);
      return [s.step, `${s.ms} ms`, `${num(s.rssMB, 0)} MB`, `${i > 0 && delta >= 0 ? '+' : ''}${num(delta, 0)} MB`];
    }),
  );
}

function slowestStage(results: BenchResults): { stage: string; median: number; share: number } | undefined {
  const q = results.questions;
  if (!q) return undefined;
  const stages = STAGES.filter((s) => s !== 'total').map((s) => ({ stage: s, median: q.stages[s].median }));
  const slowest = stages.sort((a, b) => b.median - a.median)[0]!;
  return { ...slowest, share: slowest.median / q.stages.total.median };
}

function questionMiss(results: BenchResults): string[] {
  const slow = slowestStage(results);
  if (!slow) return [];
  return [
    `The slowest stage is **${slow.stage}** (${num(slow.median, 1)} ms median, ${num(slow.share * 100, 0)}% of the total; per-stage table in section 2). ` +
      (slow.stage === 'embed'
        ? 'USE-Lite runs on the pure-JavaScript TensorFlow.js CPU backend, and a Portuguese question is embedded twice (as written and as its English gloss). Would fix: embed the question and its gloss in one batch, a native backend for the encoder (onnxruntime via transformers.js is already a dependency), or caching the embeddings of repeated questions.'
        : 'Would fix: profile that stage with `node --cpu-prof` on `npm run ask -- --batch` and cut its per-candidate work.'),
  ];
}

function discordMiss(results: BenchResults): string[] {
  const one = results.discord?.runs.find((r) => r.concurrency === 1);
  const q = results.questions?.stages.total;
  if (!one || !q) return [];
  return [
    `At concurrency 1 the final edit takes ${num(one.finalEditMs.median, 1)} ms median against ${num(q.median, 1)} ms for the answer itself in-process; the rest is the bot's deferral round trip, rendering and the edit request. ` +
      'Would fix: answer within the initial callback when the answer is ready in time instead of deferring first, and keep the REST connection warm.',
  ];
}

function added(steps: MemoryStep[], i: number): number {
  return i === 0 ? steps[0]!.rssMB : steps[i]!.rssMB - steps[i - 1]!.rssMB;
}

function startupMiss(results: BenchResults): string[] {
  const s = results.startup;
  const steps = results.memory?.steps ?? [];
  const lines: string[] = [];
  const npmShare = s?.terminalNpm && s.terminalNode ? s.terminalNpm.median - s.terminalNode.median : 0;
  if (s?.terminalNpm && s.terminalNode) {
    lines.push(
      `\`npm start\` takes ${num(s.terminalNpm.median, 0)} ms median against ${num(s.terminalNode.median, 0)} ms for \`node --import tsx src/main.ts\` doing the same` +
        (npmShare > 0
          ? `: ${num(npmShare, 0)} ms go to npm itself and to the tsx CLI, which starts a second Node process.`
          : ': in this run npm and the tsx CLI cost nothing measurable next to the run-to-run noise, so the time is inside the Node process.'),
    );
  }
  if (s?.terminalNode && s.botReady.median > s.terminalNode.median) {
    lines.push(`The bot is ready ${num(s.botReady.median, 0)} ms after spawn, ${num(s.botReady.median - s.terminalNode.median, 0)} ms more than terminal mode started the same way, mostly the Discord client logging in (REST and gateway handshake with the fake, on 127.0.0.1).`);
  }
  if (steps.length > 0) {
    const slowest = [...steps].filter((x) => !x.step.startsWith('answer')).sort((a, b) => b.ms - a.ms).slice(0, 4);
    lines.push(`Inside the process (section 5's step table, one fresh process): ${slowest.map((x) => `${x.step} ${x.ms} ms`).join('; ')}.`);
  }
  const profile = s?.profile;
  if (profile) {
    lines.push(
      `CPU profile of one terminal-mode start (\`node --cpu-prof\`, ${profile.durationMs} ms, self time): ` +
        `${profile.byPackage.slice(0, 6).map((p) => `${p.name} ${num(p.selfMs, 0)} ms`).join(', ')}; top functions: ${profile.byFunction.slice(0, 5).map((f) => `${f.name} ${num(f.selfMs, 0)} ms`).join(', ')}. ` +
        `(“node: internals” is Node's module loader compiling and evaluating JavaScript; “(idle)” is the main thread waiting, for file reads and the tsx loader thread.) ` +
        `The product's own code (src/) accounts for ${profile.projectMs} ms (${num((100 * profile.projectMs) / profile.durationMs, 0)}%) of it.`,
    );
  }
  const load = results.loadAverage;
  if (Math.max(load.before, load.after) > 1) {
    lines.push(`Start-up is CPU-bound (compiling modules), so it is the figure most sensitive to other work on the 2 cores: the load average was ${num(load.before, 2)} before and ${num(load.after, 2)} after this run.`);
  }
  const imports = steps.filter((x) => x.step.startsWith('import')).sort((a, b) => b.ms - a.ms).slice(0, 3);
  lines.push(
    'Would fix: ' +
      (npmShare > 200 ? 'start the process with `node` directly (a start script `node --import tsx src/main.ts`, or compiled JavaScript in production), which removes the npm/tsx CLI share; ' : '') +
      'compile and bundle ahead of time (tsc/esbuild to dist/), which removes the on-the-fly TypeScript transform and most module resolution and compilation; ' +
      `and import lazily whatever a mode or an optional feature does not need at start-up — the heaviest import steps here: ${imports.map((x) => `${x.step.replace(/^import /, '')} ${x.ms} ms`).join(', ')}.`,
  );
  return lines;
}

function memoryMiss(results: BenchResults): string[] {
  const steps = results.memory?.steps ?? [];
  if (steps.length === 0) return [];
  const largest = steps.map((x, i) => ({ step: x.step, mb: added(steps, i) })).sort((a, b) => b.mb - a.mb).slice(0, 3);
  return [
    `The largest additions to the serving process (section 5's step table): ${largest.map((x) => `${x.step} +${num(x.mb, 0)} MB`).join('; ')}.`,
    'Would fix: load lazily whatever the running mode does not use (an import step that is heavy but serves only one mode or embedder), and check for a smaller build of the heaviest dependency; the model and the index themselves are needed.',
  ];
}

function scaleMiss(results: BenchResults): string[] {
  const run = defaultRunAt(results, 100_000);
  if (!run) return ['The 100k build did not run in this time budget (see section 6), so there is no figure.'];
  return [`See the efSearch sweep in section 6: at the default settings recall@10 is ${num(run.recallAt10, 3)} and a k=100 query takes ${num(run.queryK100Ms.median, 2)} ms median.`];
}

/** For each missed target: where the time (or memory) goes, from this run's own profiles, and the fix. */
export function missesMarkdown(results: BenchResults, rows: TargetRow[]): string[] {
  const missed = new Set(rows.filter((r) => !r.pass).map((r) => r.id));
  if (missed.size === 0) return [];
  const out: string[] = ['## Where the time goes (targets missed)', ''];
  const add = (title: string, lines: string[]) => out.push(`**${title}.** ${lines.join(' ')}`, '');
  if (missed.has('questionP50') || missed.has('questionP99')) add('Question latency', questionMiss(results));
  if (missed.has('firstCallback') || missed.has('finalEdit')) add('Discord latency', discordMiss(results));
  if (missed.has('reingest')) add('Unchanged re-ingest', ['It re-reads and re-chunks the corpus, reloads the previous index to reuse its vectors and rebuilds the HNSW graph; see the ingest table. Would fix: skip the rebuild when the manifest hashes are unchanged.']);
  if (missed.has('startTerminal') || missed.has('startBot')) add('Start-up', startupMiss(results));
  if (missed.has('servingRss')) add('Serving memory', memoryMiss(results));
  if (missed.has('scaleQuery') || missed.has('scaleRecall')) add('100k chunks', scaleMiss(results));
  return out;
}

export { stepTable };
