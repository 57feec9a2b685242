import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UseLiteEmbeddings } from '../src/embed/useLite.js';
import { ingest } from '../src/ingest.js';
import { Knowledge } from '../src/knowledge.js';
import { currentBuildDir } from '../src/store/indexFiles.js';
import { IndexError } from '../src/store/manifest.js';
import { silentLog, testConfig } from './support/testConfig.js';

let embedder: UseLiteEmbeddings;
beforeAll(async () => {
  embedder = await UseLiteEmbeddings.load();
});

const FILM = '---\ntitle: Film notes\nlang: en\n---\nBox office\n\nThe film grossed $25.8 million worldwide. It sold well in France.\n\nMusic\n\nAlexandre Desplat composed the score.\n';
const SYNOPSIS = '---\ntitle: Sinopse\nlang: pt\n---\nAlain trabalha como segurança de uma boate. Ele deixa seu cartão com Stéphanie.\n';

async function workspace() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rab-store-'));
  const corpusDir = path.join(root, 'corpus');
  await mkdir(corpusDir);
  await writeFile(path.join(corpusDir, 'film.md'), FILM);
  await writeFile(path.join(corpusDir, 'sinopse.txt'), SYNOPSIS);
  const config = testConfig({ corpusDir, indexDir: path.join(root, 'index') });
  return { root, corpusDir, config, run: () => ingest({ config, embedder, log: silentLog }) };
}

/** Makes the index look built by an older version of the bot: one English gloss of the Portuguese text differs. */
async function ageOneGloss(indexDir: string): Promise<void> {
  const dir = await currentBuildDir(indexDir);
  const docstore = path.join(dir, 'docstore.json');
  const docs = JSON.parse(await readFile(docstore, 'utf8')) as { pageContent: string; metadata: { gloss: boolean; hash: string } }[];
  const gloss = docs.find((d) => d.metadata.gloss)!;
  gloss.pageContent = 'an older gloss';
  gloss.metadata.hash = 'older';
  const text = JSON.stringify(docs);
  await writeFile(docstore, text);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  manifest.files['docstore.json'] = { bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
  await writeFile(manifestFile, JSON.stringify(manifest));
}

describe('the index', () => {
  it('round-trips: what ingest writes, Knowledge opens and answers from, with the manifest describing it', async () => {
    const { config, run } = await workspace();
    const report = await run();
    expect(report).toMatchObject({ files: 2, embedded: report.vectors, reused: 0, embedder: 'use-lite:0.2.0', added: ['film.md', 'sinopse.txt'] });
    const knowledge = await Knowledge.open(config, silentLog);
    expect(knowledge.manifest.sources.map((s) => [s.file, s.lang, s.chunks > 0])).toEqual([['film.md', 'en', true], ['sinopse.txt', 'pt', true]]);
    expect(knowledge.manifest.embedder).toEqual({ id: 'use-lite:0.2.0', dims: 512, multilingual: false });
    expect(knowledge.manifest.chunker).toEqual({ size: config.chunkSize, overlap: config.chunkOverlap });
    const result = await knowledge.ask('How much did the film gross worldwide?');
    expect(result.answer.abstained).toBe(false);
    expect(result.answer.text).toContain('$25.8 million');
    expect(result.answer.citations[0]!.quote).toContain('$25.8 million');
    expect(result.answer.citations[0]!.chunk.section).toEqual(['Box office']);
  });

  it('re-embeds nothing when the corpus is unchanged, and only the changed text when a file changes', async () => {
    const { corpusDir, run } = await workspace();
    const first = await run();
    const second = await run();
    expect(second).toMatchObject({ embedded: 0, reused: first.vectors, added: [], changed: [], removed: [] });
    await writeFile(path.join(corpusDir, 'film.md'), FILM + '\nRelease\n\nIt premiered at Cannes in May 2012.\n');
    const third = await run();
    expect(third.changed).toEqual(['film.md']);
    expect(third.embedded).toBeGreaterThan(0);
    expect(third.embedded).toBeLessThan(third.vectors / 2);
  });

  it('keeps serving the previous index when the corpus cannot be read, and keeps one build on disk', async () => {
    const { corpusDir, config, run } = await workspace();
    await run();
    const before = await currentBuildDir(config.indexDir);
    await writeFile(path.join(corpusDir, 'empty.md'), '');
    await expect(run()).rejects.toThrow('empty.md is empty');
    expect(await currentBuildDir(config.indexDir)).toBe(before);
    const knowledge = await Knowledge.open(config, silentLog);
    expect((await knowledge.ask('Who composed the score?')).answer.text).toContain('Desplat');
    await rm(path.join(corpusDir, 'empty.md'));
    await run();
    expect(await readdir(path.join(config.indexDir, 'builds'))).toHaveLength(1);
  });

  it('refuses a truncated, garbled or foreign index with a message that says to run ingest', async () => {
    const { config, run } = await workspace();
    await run();
    const dir = await currentBuildDir(config.indexDir);
    const hnsw = path.join(dir, 'hnsw.bin');
    const original = await readFile(hnsw);
    await truncate(hnsw, 1000);
    await expect(Knowledge.open(config, silentLog)).rejects.toThrow(new IndexError('The index file hnsw.bin is missing or damaged. Run "npm run ingest" to rebuild the index.'));
    await writeFile(hnsw, Buffer.alloc(original.length, 7));
    await expect(Knowledge.open(config, silentLog)).rejects.toThrow(/hnsw\.bin is missing or damaged.*npm run ingest/);
    await writeFile(hnsw, original);
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ format: 'someone-else/3' }));
    await expect(Knowledge.open(config, silentLog)).rejects.toThrow(/not an index this bot can read.*npm run ingest/);
    await writeFile(path.join(dir, 'manifest.json'), '{"format": "rust-and-');
    await expect(Knowledge.open(config, silentLog)).rejects.toThrow(/manifest .* is damaged.*npm run ingest/);
  });

  it('refuses to answer with a different embedder than the one that built the index', async () => {
    const { config, run } = await workspace();
    await run();
    await expect(Knowledge.open({ ...config, embeddingModel: 'transformers' }, silentLog)).rejects.toThrow(/built with use-lite:0\.2\.0 but EMBEDDING_MODEL=transformers\. Run "npm run ingest"/);
  });

  it('is built on first use when missing, if the caller asks for that', async () => {
    const { config } = await workspace();
    await expect(Knowledge.open(config, silentLog)).rejects.toThrow(/No index .* Run "npm run ingest"/);
    const knowledge = await Knowledge.open(config, silentLog, { buildIfNeeded: true });
    expect(knowledge.manifest.counts.documents).toBe(2);
  });

  it('is rebuilt on opening when another version of the bot made it, re-embedding only the text that changed', async () => {
    const { config, run } = await workspace();
    const first = await run();
    await ageOneGloss(config.indexDir);
    expect((await Knowledge.open(config, silentLog)).manifest.builtAt).toBe(first.manifest.builtAt);
    const knowledge = await Knowledge.open(config, silentLog, { buildIfNeeded: true });
    expect(knowledge.manifest.counts).toMatchObject({ vectors: first.vectors, embedded: 1, reused: first.vectors - 1 });
    expect(await readFile(path.join(await currentBuildDir(config.indexDir), 'docstore.json'), 'utf8')).not.toContain('an older gloss');
  });

  it('keeps answering from an index another version made when it cannot be rebuilt', async () => {
    const { corpusDir, config, run } = await workspace();
    const first = await run();
    await ageOneGloss(config.indexDir);
    await writeFile(path.join(corpusDir, 'empty.md'), '');
    const knowledge = await Knowledge.open(config, silentLog, { buildIfNeeded: true });
    expect(knowledge.manifest.builtAt).toBe(first.manifest.builtAt);
    expect((await knowledge.ask('Who composed the score?')).answer.text).toContain('Desplat');
  });
});
