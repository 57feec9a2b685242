import { startBot, type RunningBot } from '../../src/bot/client.js';
import { registerCommands } from '../../src/bot/register.js';
import type { Config } from '../../src/config.js';
import { KnowledgeHost } from '../../src/knowledgeHost.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { TOKEN } from './harness.js';
import { testConfig } from './testConfig.js';

/** Log lines written by an in-process bot, kept in memory. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
  parsed(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

export interface InProcessBot {
  fake: FakeDiscord;
  bot: RunningBot;
  host: KnowledgeHost;
  log: Logger;
  logs: LogCapture;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real `startBot` (same client options, handler, queue and guards as `npm start`) in this
 * process, logged in to a fresh fake Discord: cheaper than a child process for thousands of interactions.
 */
export async function startInProcessBot(options: {
  indexDir: string;
  host?: KnowledgeHost;
  config?: Partial<Config>;
  discord?: Partial<Config['discord']>;
  logLevel?: string;
  /**
   * Lift discord.js's own 50 requests/s global limit, which it also applies to interaction edits
   * although Discord exempts interaction endpoints from the global rate limit; it would otherwise
   * dominate the time of thousands of answers.
   */
  unthrottled?: boolean;
}): Promise<InProcessBot> {
  const fake = await startFakeDiscord({ botToken: TOKEN });
  const base = testConfig({ indexDir: options.indexDir, ...options.config });
  const config: Config = {
    ...base,
    discord: { ...base.discord, token: TOKEN, apiBase: fake.apiBase, guildId: fake.world.guildId, cooldownSeconds: 0, ...options.discord },
  };
  await registerCommands(config.discord);
  const logs = new LogCapture();
  const log = createLogger(options.logLevel ?? 'info', logs, { secrets: [TOKEN] });
  const host = options.host ?? (await KnowledgeHost.open(config, log));
  const bot = await startBot(config, log, host);
  if (options.unthrottled) {
    const rest = bot.client.rest as unknown as { options: { globalRequestsPerSecond: number }; globalRemaining: number };
    rest.options.globalRequestsPerSecond = 10_000;
    rest.globalRemaining = 10_000;
  }
  return {
    fake,
    bot,
    host,
    log,
    logs,
    config,
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}
