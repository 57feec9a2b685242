import {
  ChannelType,
  PermissionFlagsBits,
  type APIGuildTextChannel,
  type ChannelFlags,
  type RoleFlags,
  type APIRole,
  type APIUser,
} from 'discord-api-types/v10';

/** The fixed universe the fake serves: one bot, one guild with one text channel, one human. */
export interface FakeWorld {
  applicationId: string;
  applicationFlags: number;
  botUser: APIUser;
  defaultUser: APIUser;
  guildId: string;
  guildName: string;
  ownerId: string;
  roles: APIRole[];
  textChannel: APIGuildTextChannel<ChannelType.GuildText>;
  dmChannelId: string;
}

const bits = (...flags: bigint[]): string => flags.reduce((all, flag) => all | flag, 0n).toString();

/** What @everyone can do in a typical server. */
export const DEFAULT_MEMBER_PERMISSIONS = bits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseExternalEmojis,
  PermissionFlagsBits.UseApplicationCommands,
);

export const DEFAULT_APP_PERMISSIONS = bits(
  BigInt(DEFAULT_MEMBER_PERMISSIONS),
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.UseExternalStickers,
);

export function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export function makeRole(id: string, name: string, position: number, permissions: string): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export interface WorldOptions {
  nextId: () => string;
  botUsername: string;
  applicationFlags: number;
  guildName: string;
}

export function createWorld({ nextId, botUsername, applicationFlags, guildName }: WorldOptions): FakeWorld {
  const applicationId = nextId();
  const guildId = nextId();
  const ownerId = nextId();
  const channelId = nextId();
  return {
    applicationId,
    applicationFlags,
    // Bot users share their id with the application, as on Discord.
    botUser: makeUser(applicationId, botUsername, true),
    defaultUser: makeUser(nextId(), 'test-user'),
    guildId,
    guildName,
    ownerId,
    // @everyone's id equals the guild id.
    roles: [
      makeRole(guildId, '@everyone', 0, DEFAULT_MEMBER_PERMISSIONS),
      makeRole(nextId(), 'Moderator', 1, bits(BigInt(DEFAULT_MEMBER_PERMISSIONS), PermissionFlagsBits.ManageMessages)),
    ],
    textChannel: {
      id: channelId,
      type: ChannelType.GuildText,
      guild_id: guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0 as ChannelFlags,
    },
    dmChannelId: nextId(),
  };
}
