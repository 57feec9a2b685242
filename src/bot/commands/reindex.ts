import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { ReindexRunningError } from '../../knowledgeHost.js';
import { ingestSummary } from '../../present/terminal.js';
import { isModerator } from '../guards.js';
import { LIMITS, trimLines } from '../limits.js';
import { retryTransient } from '../retry.js';
import { scrubSecrets } from '../../log.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';

const PROGRESS_EVERY_MS = 1000;

export const reindex: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Moderators: re-read the source documents and rebuild the index.')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),

  async execute(interaction, ctx) {
    // A long list of changed or skipped files must not make a finished re-index look failed.
    const reply = (content: string) =>
      retryTransient(() => interaction.editReply({ content: trimLines(scrubSecrets(content, [ctx.config.discord.token]), LIMITS.content), allowedMentions: NO_MENTIONS }));
    if (!isModerator(interaction, ctx.config.discord.moderatorRoleIds)) {
      ctx.log.warn({ user: interaction.user.id, guild: interaction.guildId }, 'refused /reindex from a non-moderator');
      await ctx.answers.acknowledge(interaction.reply({ content: 'Only moderators (Manage Server, or a moderator role) can re-index.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));
      return;
    }
    if (ctx.host.reindexing) {
      await ctx.answers.acknowledge(interaction.reply({ content: 'A re-index is already running; its result will appear in its own message.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));
      return;
    }
    await ctx.answers.acknowledge(interaction.deferReply({ flags: MessageFlags.Ephemeral }));
    await reply('Re-indexing: reading the documents…');
    let lastEdit = Date.now();
    const progress = (done: number, total: number) => {
      if (Date.now() - lastEdit < PROGRESS_EVERY_MS) return;
      lastEdit = Date.now();
      reply(`Re-indexing: embedded ${done} of ${total} new passages…`).catch((err: unknown) => ctx.log.warn({ err }, 'progress edit failed'));
    };
    let outcome: string;
    try {
      // Re-embedding shares the thread with answering: it steps aside for users' acknowledgements.
      const report = await ctx.host.reindex(progress, { pause: () => ctx.answers.acknowledged() });
      ctx.log.info({ user: interaction.user.id, embedded: report.embedded, reused: report.reused, chunks: report.chunks }, 'reindexed');
      outcome = `Re-index complete; the new index is answering now.\n${ingestSummary(report)}`;
    } catch (error) {
      if (error instanceof ReindexRunningError) {
        outcome = 'A re-index is already running.';
      } else {
        ctx.log.error({ err: error }, 're-index failed');
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 1500);
        outcome = `Re-index failed: ${reason}\nThe previous index is still answering.`;
      }
    }
    // Outside the try: a failed edit must not be reported as a failed re-index.
    await reply(outcome);
  },
};
