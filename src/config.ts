import path from 'node:path';

/** Which embedder to use: `auto` prefers transformers.js and falls back to the bundled USE-Lite. */
export type EmbeddingChoice = 'auto' | 'transformers' | 'use-lite';

export interface Config {
  corpusDir: string;
  indexDir: string;
  modelDir: string;
  embeddingModel: EmbeddingChoice;
  transformersModel: string;
  hubTimeoutMs: number;
  chunkSize: number;
  chunkOverlap: number;
  logLevel: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function choice<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

/** Reads and validates every setting once; a bad value is one clear line, not a stack trace later. */
export function loadConfig(env: Env = process.env): Config {
  const chunkSize = integer(env, 'CHUNK_SIZE', 600, 200, 8000);
  const chunkOverlap = integer(env, 'CHUNK_OVERLAP', 120, 0, 4000);
  if (chunkOverlap >= chunkSize) throw new ConfigError('CHUNK_OVERLAP must be smaller than CHUNK_SIZE');
  return {
    corpusDir: path.resolve(env.CORPUS_DIR?.trim() || 'corpus'),
    indexDir: path.resolve(env.INDEX_DIR?.trim() || 'index'),
    modelDir: path.resolve(env.MODEL_DIR?.trim() || 'models'),
    embeddingModel: choice(env, 'EMBEDDING_MODEL', ['auto', 'transformers', 'use-lite'] as const, 'auto'),
    transformersModel: env.TRANSFORMERS_MODEL?.trim() || 'Xenova/multilingual-e5-small',
    hubTimeoutMs: integer(env, 'HUB_TIMEOUT_MS', 3000, 100, 120000),
    chunkSize,
    chunkOverlap,
    logLevel: choice(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
}
