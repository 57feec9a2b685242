import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../src/embed/choose.js';
import { TransformersEmbeddings } from '../src/embed/transformers.js';
import { UseLiteEmbeddings } from '../src/embed/useLite.js';
import { ingest } from '../src/ingest.js';
import { Knowledge } from '../src/knowledge.js';
import { createLogger } from '../src/log.js';
import { silentLog, testConfig } from './support/testConfig.js';
import { writeTinyModel, type TinyModel } from './support/tiny-model.js';

const norm = (v: number[]) => Math.hypot(...v);
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { log: createLogger('info', sink), lines };
}

describe('the bundled English model (USE-Lite)', () => {
  let use: UseLiteEmbeddings;
  beforeAll(async () => {
    use = await UseLiteEmbeddings.load();
  });

  it('gives normalised 512-d vectors that place a paraphrase near its sentence', async () => {
    const [question, fact, other] = await use.embedDocuments(['How much money did the movie make?', 'The film grossed $25.8 million worldwide.', 'Marion Cotillard learned Polish for another role.']);
    expect(question).toHaveLength(512);
    expect(norm(question!)).toBeCloseTo(1, 3);
    expect(cosine(question!, fact!)).toBeGreaterThan(cosine(question!, other!) + 0.1);
    expect(await use.embedQuery('How much money did the movie make?')).toEqual(question);
  });
});

describe('the transformers.js embedder, on a generated tiny model', () => {
  let model: TinyModel;
  beforeAll(async () => {
    model = await writeTinyModel(await mkdtemp(path.join(os.tmpdir(), 'rab-model-')), `test/tiny-e5-${randomUUID()}`, { dims: 24 });
  });

  it('loads from MODEL_DIR through the product code, with normalised vectors of the model size', async () => {
    const embedder = await TransformersEmbeddings.load({ model: model.modelId, modelDir: model.modelDir, hubTimeoutMs: 100 });
    expect(embedder.info).toEqual({ id: `transformers:${model.modelId}:q8`, dims: 24, multilingual: true });
    const vectors = await embedder.embedDocuments(['marion cotillard plays stephanie', 'o filme', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(vectors).toHaveLength(9);
    for (const v of vectors) {
      expect(v).toHaveLength(24);
      expect(norm(v)).toBeCloseTo(1, 4);
    }
  });

  it('adds the e5 prefixes: a question and the same text as a passage embed differently', async () => {
    const embedder = await TransformersEmbeddings.load({ model: model.modelId, modelDir: model.modelDir, hubTimeoutMs: 100 });
    const [asPassage] = await embedder.embedDocuments(['who plays stephanie']);
    const asQuery = await embedder.embedQuery('who plays stephanie');
    expect(cosine(asPassage!, asQuery)).toBeLessThan(0.999);
    const { extractor } = embedder as unknown as { extractor: (t: string[], o: object) => Promise<{ tolist(): number[][] }> };
    const [direct] = (await extractor(['query: who plays stephanie'], { pooling: 'mean', normalize: true })).tolist();
    expect(asQuery).toEqual(direct);
  });

  it('is chosen by EMBEDDING_MODEL=auto when present, and builds an index that answers', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'rab-tf-'));
    const config = testConfig({ embeddingModel: 'auto', transformersModel: model.modelId, modelDir: model.modelDir, indexDir: path.join(root, 'index') });
    const embedder = await loadEmbedder(config, silentLog);
    expect(embedder.info.id).toBe(`transformers:${model.modelId}:q8`);
    const report = await ingest({ config, embedder, log: silentLog });
    expect(report.embedder).toBe(embedder.info.id);
    const knowledge = await Knowledge.open(config, silentLog);
    expect(knowledge.manifest.embedder.multilingual).toBe(true);
    const result = await knowledge.ask('How much did the film gross worldwide?');
    expect(result.passages.length).toBeGreaterThanOrEqual(5);
    expect(result.passages.some((p) => p.chunk.text.includes('$25.8 million'))).toBe(true);
  });
});

describe('EMBEDDING_MODEL=auto without the multilingual model', () => {
  it('falls back to USE-Lite within the hub timeout and says once which it chose and how to get the other', async () => {
    const { log, lines } = capturingLogger();
    const modelDir = await mkdtemp(path.join(os.tmpdir(), 'rab-empty-'));
    const started = Date.now();
    const embedder = await loadEmbedder(testConfig({ embeddingModel: 'auto', modelDir, hubTimeoutMs: 1500 }), log);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(embedder.info.id).toBe('use-lite:0.2.0');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toMatch(/bundled English model .* put the model in .* then run "npm run ingest"/);
  });

  it('fails clearly when transformers is asked for explicitly and cannot be loaded', async () => {
    const modelDir = await mkdtemp(path.join(os.tmpdir(), 'rab-empty-'));
    await expect(loadEmbedder(testConfig({ embeddingModel: 'transformers', modelDir, hubTimeoutMs: 500 }), silentLog)).rejects.toThrow(/is not in .* and the Hugging Face hub could not be reached/);
  });
});
