import type { ChatInputCommandInteraction, SharedSlashCommand } from 'discord.js';
import type { Config } from '../config.js';
import type { KnowledgeHost } from '../knowledgeHost.js';
import type { Logger } from '../log.js';
import type { Cooldowns } from './guards.js';
import type { FeedbackStore } from './feedback.js';

export interface BotContext {
  host: KnowledgeHost;
  config: Config;
  log: Logger;
  cooldowns: Cooldowns;
  feedback: FeedbackStore;
}

/** What a command reports for the one log line per interaction. */
export interface CommandOutcome {
  abstained?: boolean;
  topScore?: number;
}

/** One slash command: its registration data and its handler (the discord.js guide's pattern). */
export interface BotCommand {
  data: SharedSlashCommand;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<CommandOutcome | void>;
}

/** Never let a reply ping anyone, whatever the text says. */
export const NO_MENTIONS = { parse: [] } as const;
