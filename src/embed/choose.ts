import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { TransformersEmbeddings } from './transformers.js';
import type { Embedder } from './types.js';
import { UseLiteEmbeddings } from './useLite.js';

export class EmbedderMismatchError extends Error {}

type EmbedderConfig = Pick<Config, 'embeddingModel' | 'transformersModel' | 'modelDir' | 'hubTimeoutMs'>;

function progressPrinter(log: Logger) {
  let lastPercent = -10;
  return (file: string, loaded: number, total: number) => {
    const percent = total ? Math.floor((loaded / total) * 100) : 0;
    if (percent >= lastPercent + 10 || percent === 100) {
      lastPercent = percent;
      log.info({ file, percent }, `downloading ${file}: ${percent}%`);
    }
  };
}

/**
 * Loads the embedder the config asks for. `auto` tries transformers.js and falls back to the bundled
 * English model, saying once which it chose and how to get the multilingual one.
 */
export async function loadEmbedder(config: EmbedderConfig, log: Logger): Promise<Embedder> {
  const transformers = () =>
    TransformersEmbeddings.load({
      model: config.transformersModel,
      modelDir: config.modelDir,
      hubTimeoutMs: config.hubTimeoutMs,
      onProgress: progressPrinter(log),
    });
  if (config.embeddingModel === 'use-lite') return UseLiteEmbeddings.load();
  if (config.embeddingModel === 'transformers') return transformers();
  try {
    const embedder = await transformers();
    log.info(`Embedding with ${config.transformersModel} (transformers.js, multilingual).`);
    return embedder;
  } catch (error) {
    log.warn(
      { cause: (error as Error).message },
      `Embedding with the bundled English model (USE-Lite): ${config.transformersModel} could not be loaded. ` +
        `For better Portuguese and cross-language answers, put the model in ${config.modelDir} (or allow access to huggingface.co once), then run "npm run ingest".`,
    );
    return UseLiteEmbeddings.load();
  }
}

/** The embedder that matches an index's manifest, so questions and passages share one vector space. */
export async function loadEmbedderFor(embedderId: string, config: EmbedderConfig, log: Logger): Promise<Embedder> {
  const embedder = embedderId.startsWith('use-lite:')
    ? await UseLiteEmbeddings.load()
    : await TransformersEmbeddings.load({ model: embedderId.split(':')[1] ?? '', modelDir: config.modelDir, hubTimeoutMs: config.hubTimeoutMs, onProgress: progressPrinter(log) }).catch(
        (error: Error) => {
          throw new EmbedderMismatchError(`The index was built with ${embedderId}, which cannot be loaded now (${error.message}). Run "npm run ingest" to rebuild the index with the available model.`);
        },
      );
  if (embedder.info.id !== embedderId) {
    throw new EmbedderMismatchError(`The index was built with ${embedderId} but ${embedder.info.id} is loaded. Run "npm run ingest" to rebuild it.`);
  }
  return embedder;
}
