import { loadEmbedder } from '../src/embed/choose.js';
import { ingest } from '../src/ingest.js';
import { ingestSummary, progressBar } from '../src/present/terminal.js';
import { run } from './run.js';

await run(async (config, log) => {
  const embedder = await loadEmbedder(config, log);
  const onProgress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(progressBar(done, total) + (done === total ? '\n' : '')) : undefined;
  const report = await ingest({ config, embedder, log, onProgress });
  console.log(ingestSummary(report));
});
