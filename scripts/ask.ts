import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Knowledge } from '../src/knowledge.js';
import { answerJson } from '../src/present/json.js';
import { answerText, progressBar } from '../src/present/terminal.js';
import { run } from './run.js';

const USAGE = 'Usage: npm run ask -- [--json] "question"   |   npm run ask -- --json --batch FILE.jsonl';

await run(async (config, log) => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, batch: { type: 'string' } } });
  const question = positionals.join(' ').trim();
  if (!values.batch && question === '') {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const onIngestProgress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(progressBar(done, total) + (done === total ? '\n' : '')) : undefined;
  const knowledge = await Knowledge.open(config, log, { buildIfNeeded: true, onIngestProgress });
  if (values.batch) {
    const lines = (await readFile(values.batch, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    for (const [i, line] of lines.entries()) {
      let item: { id?: unknown; question?: unknown };
      try {
        item = JSON.parse(line);
      } catch {
        console.error(`${values.batch}:${i + 1}: not valid JSON, skipped`);
        continue;
      }
      if (typeof item.question !== 'string') {
        console.error(`${values.batch}:${i + 1}: no "question", skipped`);
        continue;
      }
      console.log(JSON.stringify({ id: item.id, ...answerJson(await knowledge.ask(item.question)) }));
    }
    return;
  }
  const result = await knowledge.ask(question);
  console.log(values.json ? JSON.stringify(answerJson(result), null, 2) : answerText(result));
});
