import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../guards.js';
import { feedbackRow } from '../feedback.js';
import { askEmbed } from '../render.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';
import { refuseIfCoolingDown } from './shared.js';

export const ask: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about Rust and Bone; the answer cites its sources.')
    .addStringOption((o) => o.setName('question').setDescription('Your question, in English or Portuguese').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer')),

  async execute(interaction, ctx) {
    const question = validateQuestion(interaction.options.getString('question'));
    if (!question.ok) {
      await interaction.reply({ content: question.message, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    if (await refuseIfCoolingDown(interaction, ctx)) return;
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const result = await ctx.host.current.ask(question.text);
    const id = ctx.feedback.remember(result);
    await interaction.editReply({ embeds: [askEmbed(result)], components: [feedbackRow(id)], allowedMentions: NO_MENTIONS });
    return { abstained: result.answer.abstained, topScore: result.passages[0]?.score };
  },
};
