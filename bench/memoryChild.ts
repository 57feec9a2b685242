/**
 * Where a serving process's start-up time and memory go: the bot's start-up step by step in a
 * fresh process — each npm package src/main.ts loads (BENCH_PRELOAD, from importGraph.ts, in the
 * order they are reached), then the project's own modules, the model, the index and some questions —
 * with the time each took and process.memoryUsage() after it. A package another one already
 * loaded counts where it was first loaded.
 * Prints one JSON line ({ steps: MemoryStep[], peakRssMB }) on stdout.
 */
export interface MemoryStep {
  step: string;
  ms: number;
  rssMB: number;
  heapUsedMB: number;
  externalMB: number;
}

const steps: MemoryStep[] = [];
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
let last = 0; // performance.now() counts from process start, so the first step is Node + tsx start-up.

function record(step: string): void {
  const now = performance.now();
  const m = process.memoryUsage();
  steps.push({ step, ms: Math.round(now - last), rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), externalMB: mb(m.external) });
  last = now;
}

async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  await work();
  record(name);
}

record('Node start-up and the tsx loader');
const packages = JSON.parse(process.env.BENCH_PRELOAD ?? '[]') as [string, ...string[]][];
for (const [name, ...specifiers] of packages) await step(`import ${name}`, () => Promise.all(specifiers.map((s) => import(s))));
await step("import the project's own modules (src/)", () =>
  Promise.all([import('../src/bot/client.js'), import('../src/config.js'), import('../src/console.js'), import('../src/knowledgeHost.js'), import('../src/log.js')]),
);

const { UseLiteEmbeddings } = await import('../src/embed/useLite.js');
const { loadConfig } = await import('../src/config.js');
const { createLogger } = await import('../src/log.js');
const { KnowledgeHost } = await import('../src/knowledgeHost.js');
const embedder = await UseLiteEmbeddings.load();
record('load the USE-Lite model');
const host = await KnowledgeHost.open(loadConfig(process.env), createLogger('silent'), { embedder });
record('open the index (Knowledge ready)');
const questions = ['Who directed the film?', 'Quem compôs a trilha sonora?', 'Where were the orca scenes filmed?', 'Quanto custou o filme?'];
for (let i = 0; i < 100; i++) await host.current.ask(questions[i % questions.length]!);
record('answer 100 questions');

// maxRSS is in KiB.
console.log(JSON.stringify({ steps, peakRssMB: mb(process.resourceUsage().maxRSS * 1024) }));
process.exit(0);
