import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { helpEmbed } from '../render.js';
import { NO_MENTIONS, type BotCommand } from '../context.js';

export const help: BotCommand = {
  data: new SlashCommandBuilder().setName('help').setDescription('What the bot knows, its commands, and how it cites.'),

  async execute(interaction, ctx) {
    await ctx.answers.acknowledge(interaction.reply({ embeds: [helpEmbed(ctx.host.current.manifest)], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));
  },
};
