import { MessageFlags, type ChatInputCommandInteraction, type Interaction, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import { findCommand } from './commands/index.js';
import { NO_MENTIONS, type BotContext } from './context.js';
import { parseFeedbackId } from './feedback.js';
import { retryTransient } from './retry.js';

const APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';

async function tell(interaction: ChatInputCommandInteraction | MessageComponentInteraction, content: string): Promise<void> {
  if (interaction.deferred || interaction.replied) await retryTransient(() => interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS }));
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

async function runCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  const command = findCommand(interaction.commandName);
  // How long after Discord created the interaction the bot got to it (gateway and event-loop lag).
  const receivedAfterMs = Math.max(0, Date.now() - interaction.createdTimestamp);
  const line = { command: interaction.commandName, guild: interaction.guildId, user: interaction.user.id, receivedAfterMs };
  if (!interaction.inGuild()) {
    await tell(interaction, 'Please use me in a server: I answer slash commands there.');
    return;
  }
  if (!command) {
    ctx.log.warn(line, 'unknown command');
    await tell(interaction, `I don't know the command /${interaction.commandName}. Try /help.`);
    return;
  }
  try {
    const outcome = await command.execute(interaction, ctx);
    ctx.log.info({ ...line, latencyMs: Math.round(performance.now() - started), ...outcome }, 'interaction');
  } catch (err) {
    ctx.log.error({ ...line, err, latencyMs: Math.round(performance.now() - started) }, 'command failed');
    await tell(interaction, APOLOGY).catch((e: unknown) => ctx.log.warn({ err: e }, 'could not send the apology'));
  }
}

/** The bot's only components are the feedback buttons; any other custom_id (forged or stale) does nothing. */
async function runComponent(interaction: MessageComponentInteraction, ctx: BotContext): Promise<void> {
  const feedback = interaction.isButton() ? parseFeedbackId(interaction.customId) : undefined;
  const answer = feedback && ctx.feedback.recall(feedback.id);
  if (!feedback || !answer) {
    ctx.log.warn({ customId: interaction.customId.slice(0, 100), user: interaction.user.id }, 'unknown or expired button');
    await interaction.reply({ content: 'This button has expired.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  ctx.log.info({ vote: feedback.vote, user: interaction.user.id, guild: interaction.guildId, ...answer }, 'answer feedback');
  await interaction.reply({ content: feedback.vote === 'up' ? 'Thanks for the feedback! 👍' : 'Thanks, noted: this answer did not help. 👎', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** The bot opens no forms, so a submitted one is stale or forged. */
async function refuseModal(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  ctx.log.warn({ customId: interaction.customId.slice(0, 100), user: interaction.user.id }, 'unexpected form');
  await interaction
    .reply({ content: 'This form has expired.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
    .catch((err: unknown) => ctx.log.warn({ err }, 'could not answer a form'));
}

/** Routes one interaction: look the command up and call it; anything unexpected is logged and answered. */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  if (interaction.isChatInputCommand()) return runCommand(interaction, ctx);
  if (interaction.isMessageComponent()) return runComponent(interaction, ctx).catch((err: unknown) => ctx.log.error({ err }, 'button failed'));
  if (interaction.isModalSubmit()) return refuseModal(interaction, ctx);
  if (interaction.isAutocomplete()) {
    await interaction.respond([]).catch((err: unknown) => ctx.log.warn({ err }, 'autocomplete failed'));
    return;
  }
  if (interaction.isCommand()) {
    // A context-menu command the bot never registered.
    await interaction
      .reply({ content: `I don't know the command ${interaction.commandName}. Try /help.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
      .catch((err: unknown) => ctx.log.warn({ err }, 'could not answer an unknown command'));
    return;
  }
  const unexpected = interaction as Interaction;
  ctx.log.warn({ type: unexpected.type, user: unexpected.user.id }, 'unexpected interaction type');
}
