import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../guards.js';
import { searchEmbed } from '../render.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';
import { refuseIfCoolingDown } from './shared.js';

export const search: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Show the passages of the sources that match, ranked.')
    .addStringOption((o) => o.setName('query').setDescription('Words or a question').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addIntegerOption((o) => o.setName('limit').setDescription('How many passages (1–10, default 5)').setMinValue(1).setMaxValue(10)),

  async execute(interaction, ctx) {
    const query = validateQuestion(interaction.options.getString('query'), 'search');
    if (!query.ok) {
      await interaction.reply({ content: query.message, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    if (await refuseIfCoolingDown(interaction, ctx)) return;
    const limit = Math.min(10, Math.max(1, interaction.options.getInteger('limit') ?? 5));
    await interaction.deferReply();
    const passages = await ctx.host.current.search(query.text, limit);
    await interaction.editReply({ embeds: [searchEmbed(query.text, passages)], allowedMentions: NO_MENTIONS });
    return { topScore: passages[0]?.score };
  },
};
