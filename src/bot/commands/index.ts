import type { BotCommand } from '../context.js';
import { ask } from './ask.js';
import { help } from './help.js';
import { reindex } from './reindex.js';
import { search } from './search.js';
import { sources } from './sources.js';

/** Every slash command the bot registers and answers, in the order /help lists them. */
export const commands: readonly BotCommand[] = [ask, search, sources, reindex, help];

export function findCommand(name: string): BotCommand | undefined {
  return commands.find((c) => c.data.name === name);
}
