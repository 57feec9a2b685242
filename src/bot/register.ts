import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, type DiscordConfig } from '../config.js';
import { commands } from './commands/index.js';

/**
 * Bulk-overwrites the bot's slash commands: in one server when a guild id is given (instant, for
 * development), globally otherwise (for production; Discord may take a while to show them).
 */
export async function registerCommands(discord: DiscordConfig): Promise<{ scope: string; names: string[] }> {
  if (!discord.token) throw new ConfigError('DISCORD_TOKEN is not set: registering commands needs the bot token.');
  const rest = new REST(discord.apiBase ? { api: discord.apiBase } : {}).setToken(discord.token);
  const app = (await rest.get(Routes.currentApplication())) as APIApplication;
  const body = commands.map((c) => c.data.toJSON());
  const route = discord.guildId ? Routes.applicationGuildCommands(app.id, discord.guildId) : Routes.applicationCommands(app.id);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: discord.guildId ? `server ${discord.guildId}` : 'all servers (global)', names: registered.map((c) => c.name) };
}
