import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { NO_MENTIONS, type BotContext } from '../context.js';

/** Answers with a friendly ephemeral note and returns true when the user asked too recently. */
export async function refuseIfCoolingDown(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<boolean> {
  const wait = ctx.cooldowns.take(interaction.user.id);
  if (wait === 0) return false;
  await interaction.reply({ content: `One moment, please: you can ask again in ${wait} s.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  return true;
}
