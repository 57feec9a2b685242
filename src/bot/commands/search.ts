import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../guards.js';
import { searchEmbed } from '../render.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';
import { retryTransient } from '../retry.js';
import { admit, isTicket, privately } from './shared.js';

export const search: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Show the passages of the sources that match, ranked.')
    .addStringOption((o) => o.setName('query').setDescription('Words or a question').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addIntegerOption((o) => o.setName('limit').setDescription('How many passages (1–10, default 5)').setMinValue(1).setMaxValue(10)),

  async execute(interaction, ctx) {
    const query = validateQuestion(interaction.options.getString('query'), 'search');
    if (!query.ok) {
      await privately(interaction, ctx, query.message);
      return { refused: 'invalid' };
    }
    const ticket = await admit(interaction, ctx);
    if (!isTicket(ticket)) return ticket;
    try {
      const limit = Math.min(10, Math.max(1, interaction.options.getInteger('limit') ?? 5));
      await ctx.answers.acknowledge(interaction.deferReply());
      await ctx.answers.turn(ticket);
      const passages = await ctx.host.current.search(query.text, limit);
      ticket.release();
      await retryTransient(() => interaction.editReply({ embeds: [searchEmbed(query.text, passages)], allowedMentions: NO_MENTIONS }));
      return { topScore: passages[0]?.score };
    } finally {
      ticket.release();
    }
  },
};
