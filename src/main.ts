import { existsSync } from 'node:fs';
import { startBot } from './bot/client.js';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { KnowledgeHost } from './knowledgeHost.js';
import { createLogger, scrubSecrets } from './log.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, terminal mode otherwise. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(scrubSecrets(`Configuration error: ${error.message}`));
    process.exit(2);
  }
  const log = createLogger(config.logLevel, 2, { secrets: [config.discord.token, process.env.LLM_API_KEY?.trim()] });
  const host = await KnowledgeHost.open(config, log, { buildIfNeeded: true, llm: config.llm });
  if (!config.discord.token) {
    await runConsole(host);
    return;
  }
  const bot = await startBot(config, log, host);
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down: finishing answers in flight');
    await bot.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(scrubSecrets(`Could not start: ${message.split('\n')[0]}`));
  process.exit(1);
});
