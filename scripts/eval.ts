import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { computeMetrics, metricsByKind } from '../src/eval/metrics.js';
import { markdownReport, metricsSummary } from '../src/eval/report.js';
import { readEvalFile, runEval } from '../src/eval/run.js';
import { Knowledge } from '../src/knowledge.js';
import { run } from './run.js';

await run(async (config, log) => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, out: { type: 'string' }, lowercase: { type: 'boolean' } } });
  const file = positionals[0] ?? 'tests/eval/questions.jsonl';
  const read = await readEvalFile(file);
  // As many Discord users type: does the bot answer "who plays ali" as it answers "Who plays Ali?"?
  const questions = values.lowercase ? read.map((q) => ({ ...q, question: q.question.toLowerCase() })) : read;
  const knowledge = await Knowledge.open(config, log, { buildIfNeeded: true });
  const outcomes = await runEval(knowledge, questions);
  const report = markdownReport(file, knowledge.manifest.embedder.id, outcomes);
  const out = values.out ?? path.join('eval-reports', `${path.basename(file, '.jsonl')}${values.lowercase ? '-lowercase' : ''}.md`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, report);
  if (values.json) {
    console.log(JSON.stringify({ file, embedder: knowledge.manifest.embedder.id, overall: computeMetrics(outcomes), byKind: Object.fromEntries(metricsByKind(outcomes)), outcomes }));
  } else {
    console.log(metricsSummary(file, knowledge.manifest.embedder.id, outcomes));
    console.log(`Full report with every miss: ${out}`);
  }
});
