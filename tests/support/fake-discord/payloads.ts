import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  type APIApplication,
  type APIApplicationCommand,
  type APIMessage,
  type GuildMemberFlags,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { FakeWorld } from './world.js';
import type { StoredMessage } from './messages.js';

export function buildReady(world: FakeWorld, sessionId: string, resumeGatewayUrl: string, shard: [number, number] | undefined): GatewayReadyDispatchData {
  return {
    v: 10,
    user: world.botUser,
    // discord.js waits (up to 15 s) for a GUILD_CREATE for each of these before it emits clientReady.
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeGatewayUrl,
    ...(shard ? { shard } : {}),
    application: { id: world.applicationId, flags: world.applicationFlags, flags_new: String(world.applicationFlags) },
  };
}

export function buildGuildCreate(world: FakeWorld, joinedAt: Date): GatewayGuildCreateDispatchData {
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.ownerId,
    region: 'us-west',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: world.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: joinedAt.toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      {
        user: world.botUser,
        nick: null,
        avatar: null,
        banner: null,
        roles: [],
        joined_at: joinedAt.toISOString(),
        premium_since: null,
        deaf: false,
        mute: false,
        flags: 0 as GuildMemberFlags,
        pending: false,
      },
    ],
    channels: [world.textChannel],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function buildApplication(world: FakeWorld): APIApplication {
  return {
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: 'Fake application served by the test Discord server',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    team: null,
    flags: world.applicationFlags,
    flags_new: String(world.applicationFlags),
    summary: '',
    bot: world.botUser,
    owner: { id: world.ownerId, username: 'owner', discriminator: '0', global_name: 'owner', avatar: null },
  };
}

export function buildCommand(
  definition: RESTPostAPIApplicationCommandsJSONBody,
  id: string,
  applicationId: string,
  guildId: string | undefined,
  version: string,
): APIApplicationCommand {
  const type = definition.type ?? ApplicationCommandType.ChatInput;
  const description = 'description' in definition && typeof definition.description === 'string' ? definition.description : '';
  return {
    ...definition,
    id,
    application_id: applicationId,
    type,
    name: definition.name,
    description,
    default_member_permissions: definition.default_member_permissions ?? null,
    nsfw: definition.nsfw ?? false,
    version,
    integration_types: definition.integration_types ?? [ApplicationIntegrationType.GuildInstall],
    contexts: definition.contexts ?? null,
    ...(guildId ? { guild_id: guildId } : {}),
  } as APIApplicationCommand;
}

export function buildMessage(world: FakeWorld, message: StoredMessage): APIMessage {
  return {
    id: message.id,
    channel_id: message.channelId,
    author: world.botUser,
    content: message.content,
    timestamp: message.createdAt.toISOString(),
    edited_timestamp: message.editedAt?.toISOString() ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.attachments,
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    type: message.isCommandResponse ? MessageType.ChatInputCommand : MessageType.Default,
    flags: message.flags,
    webhook_id: world.applicationId,
    application_id: world.applicationId,
  };
}
