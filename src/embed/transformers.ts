import { access } from 'node:fs/promises';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline, ProgressInfo } from '@huggingface/transformers';
import type { Embedder, EmbedderInfo } from './types.js';

export interface TransformersOptions {
  model: string;
  modelDir: string;
  /** How long to wait for the Hugging Face hub to answer before giving up on a download. */
  hubTimeoutMs: number;
  onProgress?: (file: string, loaded: number, total: number) => void;
}

const BATCH = 8;
const WEIGHTS = path.join('onnx', 'model_quantized.onnx');

async function isLocal(modelDir: string, model: string): Promise<boolean> {
  try {
    await access(path.join(modelDir, model, WEIGHTS));
    await access(path.join(modelDir, model, 'tokenizer.json'));
    return true;
  } catch {
    return false;
  }
}

async function hubReachable(host: string, timeoutMs: number): Promise<boolean> {
  try {
    await fetch(host, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** e5 models were trained with these prefixes; without them retrieval quality drops. */
function prefixes(model: string): { query: string; passage: string } {
  return /e5/i.test(model) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

/** A transformers.js sentence encoder (mean pooled, normalised), read from MODEL_DIR or downloaded there once. */
export class TransformersEmbeddings extends Embeddings implements Embedder {
  private readonly prefix: { query: string; passage: string };

  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    readonly info: EmbedderInfo,
  ) {
    super({ maxConcurrency: 1 });
    this.prefix = prefixes(info.id);
  }

  static async load(options: TransformersOptions): Promise<TransformersEmbeddings> {
    // Imported here, not at the top: the library maps ~170 MB that a USE-Lite process never needs.
    const { env, pipeline } = await import('@huggingface/transformers');
    env.localModelPath = options.modelDir;
    env.cacheDir = options.modelDir; // downloads land where the next start looks for local files
    env.allowLocalModels = true;
    const local = await isLocal(options.modelDir, options.model);
    if (!local && !(await hubReachable(env.remoteHost, options.hubTimeoutMs))) {
      throw new Error(`${options.model} is not in ${options.modelDir} and the Hugging Face hub could not be reached (waited up to ${options.hubTimeoutMs} ms)`);
    }
    env.allowRemoteModels = !local;
    const extractor = await pipeline('feature-extraction', options.model, {
      dtype: 'q8',
      progress_callback: (p: ProgressInfo) => {
        if (p.status === 'progress') options.onProgress?.(p.file, p.loaded, p.total);
      },
    });
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    const dims = probe.dims[probe.dims.length - 1]!;
    return new TransformersEmbeddings(extractor, { id: `transformers:${options.model}:q8`, dims, multilingual: true });
  }

  private async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const output = await this.extractor(texts.slice(i, i + BATCH), { pooling: 'mean', normalize: true });
      vectors.push(...(output.tolist() as number[][]));
    }
    return vectors;
  }

  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embed(texts.map((t) => this.prefix.passage + t));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embed([this.prefix.query + text]);
    return vector!;
  }
}
