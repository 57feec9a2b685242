import { randomUUID } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { writeTinyModel, type TinyModel } from './support/tiny-model.js';

function norm(v: number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

function distance(a: number[], b: number[]): number {
  return Math.sqrt(a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0));
}

describe('tiny generated model', () => {
  let dir: string;
  let model: TinyModel;
  let extractor: FeatureExtractionPipeline;

  const embed = async (texts: string[]): Promise<number[][]> => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    expect(output.dims).toEqual([texts.length, model.dims]);
    return output.tolist() as number[][];
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiny-model-'));
    model = await writeTinyModel(dir, `test/tiny-e5-${randomUUID()}`);
    env.localModelPath = dir;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    extractor = await pipeline('feature-extraction', model.modelId, { dtype: 'q8' });
  });

  afterAll(async () => {
    await extractor?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the files transformers.js reads', async () => {
    const root = path.join(dir, model.modelId);
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', 'onnx/model.onnx']) {
      await expect(access(path.join(root, file))).resolves.toBeUndefined();
    }
    expect(model.dims).toBe(16);
  });

  it('tokenizes the e5 prefixes to distinct, known ids', () => {
    const tokenizer = extractor.tokenizer;
    const ids = (text: string) => tokenizer.encode(text) as number[];
    const unk = tokenizer.unk_token_id;
    const query = ids('query: x');
    const passage = ids('passage: x');
    expect(query).not.toContain(unk);
    expect(passage).not.toContain(unk);
    expect(query).toHaveLength(5); // [CLS] query : x [SEP]
    expect(query[1]).not.toBe(passage[1]);
    expect(query.slice(2)).toEqual(passage.slice(2));
    // Lowercased, accents stripped, unknown ascii words split into pieces; only other scripts hit [UNK].
    const mixed = ids('Ferrugem e Osso — Não! Zyx');
    expect(mixed.filter((id) => id === unk)).toHaveLength(1);
    expect(tokenizer.decode(mixed)).toBe('[CLS] ferrugem e osso [UNK] nao! zyx [SEP]');
  });

  it('embeds a batch to L2-normalised, distinct rows', async () => {
    const [a, b] = await embed(['query: who plays stephanie', 'passage: marion cotillard']);
    expect(norm(a!)).toBeCloseTo(1, 5);
    expect(norm(b!)).toBeCloseTo(1, 5);
    expect(distance(a!, b!)).toBeGreaterThan(0.1);
  });

  it('lets the e5 prefixes reach the model', async () => {
    const [query, passage] = await embed(['query: x', 'passage: x']);
    expect(distance(query!, passage!)).toBeGreaterThan(0.1);
  });

  it('is deterministic, and padding in a batch does not change a row', async () => {
    const texts = ['query: who plays stephanie', 'passage: marion cotillard'];
    const first = await embed(texts);
    const again = await embed(texts);
    expect(again).toEqual(first);
    const [alone] = await embed([texts[1]!]);
    alone!.forEach((x, i) => expect(x).toBeCloseTo(first[1]![i]!, 5));
  });

  it('is reproducible from the seed', async () => {
    const other = await writeTinyModel(dir, `test/tiny-e5-${randomUUID()}`, { dims: 8, seed: 7 });
    const same = await writeTinyModel(dir, `test/tiny-e5-${randomUUID()}`, { dims: 8, seed: 7 });
    const load = (id: string) => pipeline('feature-extraction', id, { dtype: 'fp32' });
    const [x, y] = await Promise.all([load(other.modelId), load(same.modelId)]);
    const vx = (await x('passage: rust and bone', { pooling: 'mean', normalize: true })).tolist() as number[][];
    const vy = (await y('passage: rust and bone', { pooling: 'mean', normalize: true })).tolist() as number[][];
    expect(vx[0]).toHaveLength(8);
    expect(vy).toEqual(vx);
    await Promise.all([x.dispose(), y.dispose()]);
  });
});
