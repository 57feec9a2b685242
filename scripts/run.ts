import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { RankerError } from '../src/answer/ranker.js';
import { EmbedderMismatchError } from '../src/embed/choose.js';
import { CorpusError } from '../src/corpus/load.js';
import { createLogger, type Logger } from '../src/log.js';
import { IndexError } from '../src/store/manifest.js';

const EXPECTED = [ConfigError, CorpusError, IndexError, EmbedderMismatchError, RankerError];

/** Runs a script body with config and logger; known failures print one clear line, not a stack trace. */
export async function run(main: (config: Config, log: Logger) => Promise<void>): Promise<void> {
  let log: Logger | undefined;
  try {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = loadConfig();
    log = createLogger(config.logLevel);
    await main(config, log);
  } catch (error) {
    if (EXPECTED.some((E) => error instanceof E)) console.error(`Error: ${(error as Error).message}`);
    else if (log) log.error({ err: error }, 'failed');
    else console.error(error);
    process.exitCode = 1;
  }
}
