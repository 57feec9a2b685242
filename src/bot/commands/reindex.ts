import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { ReindexRunningError } from '../../knowledgeHost.js';
import { ingestSummary } from '../../present/terminal.js';
import { isModerator } from '../guards.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';

const PROGRESS_EVERY_MS = 1000;

export const reindex: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Moderators: re-read the source documents and rebuild the index.')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),

  async execute(interaction, ctx) {
    const reply = (content: string) => interaction.editReply({ content, allowedMentions: NO_MENTIONS });
    if (!isModerator(interaction, ctx.config.discord.moderatorRoleIds)) {
      ctx.log.warn({ user: interaction.user.id, guild: interaction.guildId }, 'refused /reindex from a non-moderator');
      await interaction.reply({ content: 'Only moderators (Manage Server, or a moderator role) can re-index.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    if (ctx.host.reindexing) {
      await interaction.reply({ content: 'A re-index is already running; its result will appear in its own message.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await reply('Re-indexing: reading the documents…');
    let lastEdit = Date.now();
    const progress = (done: number, total: number) => {
      if (Date.now() - lastEdit < PROGRESS_EVERY_MS) return;
      lastEdit = Date.now();
      reply(`Re-indexing: embedded ${done} of ${total} new passages…`).catch((err: unknown) => ctx.log.warn({ err }, 'progress edit failed'));
    };
    try {
      const report = await ctx.host.reindex(progress);
      ctx.log.info({ user: interaction.user.id, embedded: report.embedded, reused: report.reused, chunks: report.chunks }, 'reindexed');
      await reply(`Re-index complete; the new index is answering now.\n${ingestSummary(report)}`);
    } catch (error) {
      if (error instanceof ReindexRunningError) {
        await reply('A re-index is already running.');
        return;
      }
      ctx.log.error({ err: error }, 're-index failed');
      await reply(`Re-index failed: ${(error as Error).message}\nThe previous index is still answering.`);
    }
  },
};
