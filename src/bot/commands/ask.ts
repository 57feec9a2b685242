import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../guards.js';
import { feedbackRow } from '../feedback.js';
import { askEmbed, streamingEmbed } from '../render.js';
import { ThrottledEdits } from '../throttledEdits.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';
import { retryTransient } from '../retry.js';
import { admit, isTicket, privately } from './shared.js';

export const ask: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about Rust and Bone; the answer cites its sources.')
    .addStringOption((o) => o.setName('question').setDescription('Your question, in English or Portuguese').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer')),

  async execute(interaction, ctx) {
    const question = validateQuestion(interaction.options.getString('question'));
    if (!question.ok) {
      await privately(interaction, ctx, question.message);
      return { refused: 'invalid' };
    }
    const ticket = await admit(interaction, ctx);
    if (!isTicket(ticket)) return ticket;
    try {
      const ephemeral = interaction.options.getBoolean('private') ?? false;
      // Deferred at once (Discord allows 3 s), then the answer waits for a free slot.
      await ctx.answers.acknowledge(interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
      await ctx.answers.turn(ticket);
      const progress = new ThrottledEdits((text) => interaction.editReply({ embeds: [streamingEmbed(question.text, text)], allowedMentions: NO_MENTIONS }));
      const result = await ctx.host.current.ask(question.text, 5, (text) => progress.push(text));
      ticket.release();
      await progress.settle();
      const id = ctx.feedback.remember(result);
      await retryTransient(() => interaction.editReply({ embeds: [askEmbed(result)], components: [feedbackRow(id)], allowedMentions: NO_MENTIONS }));
      return { abstained: result.answer.abstained, topScore: result.passages[0]?.score };
    } finally {
      ticket.release();
    }
  },
};
