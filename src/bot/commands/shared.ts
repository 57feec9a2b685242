import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { NO_MENTIONS, type BotContext, type CommandOutcome } from '../context.js';
import type { AnswerTicket } from '../queue.js';

export const BUSY = "I'm busy right now, please try again in a moment.";

/** A private initial reply, tracked so answers being computed don't delay it. */
export const privately = (interaction: ChatInputCommandInteraction, ctx: BotContext, content: string) =>
  ctx.answers.acknowledge(interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));

/**
 * Lets a question in, or answers privately why not: the bot is busy (every answer slot and queue
 * place taken), or the user asked too recently. A busy refusal does not count against the cooldown.
 * The ticket must be released once the answer is computed.
 */
export async function admit(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<AnswerTicket | CommandOutcome> {
  const ticket = ctx.answers.tryEnter();
  if (!ticket) {
    ctx.log.warn({ user: interaction.user.id, running: ctx.answers.running, queued: ctx.answers.queued }, 'busy: answer queue full');
    await privately(interaction, ctx, BUSY);
    return { refused: 'busy' };
  }
  try {
    const wait = ctx.cooldowns.take(interaction.user.id);
    if (wait === 0) return ticket;
    ticket.release();
    await privately(interaction, ctx, `One moment, please: you can ask again in ${wait} s.`);
    return { refused: 'cooldown' };
  } catch (error) {
    ticket.release();
    throw error;
  }
}

export function isTicket(value: AnswerTicket | CommandOutcome): value is AnswerTicket {
  return 'release' in value;
}
