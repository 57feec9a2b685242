import { SlashCommandBuilder } from 'discord.js';
import { sourcesEmbed } from '../render.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';

export const sources: BotCommand = {
  data: new SlashCommandBuilder().setName('sources').setDescription('The documents the bot answers from, and when they were indexed.'),

  async execute(interaction, ctx) {
    await ctx.answers.acknowledge(interaction.reply({ embeds: [sourcesEmbed(ctx.host.current.manifest)], allowedMentions: NO_MENTIONS }));
  },
};
