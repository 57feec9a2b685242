import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

export const silentLog = createLogger('silent');

/** Settings as a fresh clone has them, pointed at the given folders, using the bundled embedder. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), corpusDir: path.resolve('corpus'), embeddingModel: 'use-lite', ...overrides };
}
