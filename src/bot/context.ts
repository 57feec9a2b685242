import type { ChatInputCommandInteraction, SharedSlashCommand } from 'discord.js';
import type { Config } from '../config.js';
import type { KnowledgeHost } from '../knowledgeHost.js';
import type { Logger } from '../log.js';
import type { Cooldowns } from './guards.js';
import type { FeedbackStore } from './feedback.js';
import type { AnswerQueue } from './queue.js';

export interface BotContext {
  host: KnowledgeHost;
  config: Config;
  log: Logger;
  cooldowns: Cooldowns;
  feedback: FeedbackStore;
  /** The global bound on answers computed and waiting. */
  answers: AnswerQueue;
}

/** What a command reports for the one log line per interaction. */
export interface CommandOutcome {
  abstained?: boolean;
  topScore?: number;
  /** Why the question was not answered, when it was not. */
  refused?: 'invalid' | 'cooldown' | 'busy';
}

/** One slash command: its registration data and its handler (the discord.js guide's pattern). */
export interface BotCommand {
  data: SharedSlashCommand;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<CommandOutcome | void>;
}

/** Never let a reply ping anyone, whatever the text says. */
export const NO_MENTIONS = { parse: [] } as const;
