import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  type ChannelFlags,
  type GuildMemberFlags,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIBaseInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIUser,
} from 'discord-api-types/v10';
import type { CommandRegistry } from './commands.js';
import type { CommandOptionInput, InteractionActor, SendCommandInput, SendComponentInput } from './types.js';
import { DEFAULT_APP_PERMISSIONS, DEFAULT_MEMBER_PERMISSIONS, makeUser, type FakeWorld } from './world.js';

export interface PayloadContext {
  world: FakeWorld;
  commands: CommandRegistry;
  nextId: () => string;
}

type InteractionEnvelope = Omit<APIBaseInteraction<InteractionType, never>, 'id' | 'type' | 'data' | 'token' | 'application_id' | 'version'>;

// Discord's flag enums have no zero member.
const NO_FLAGS = 0;
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/** Where the interaction happened and who did it, as Discord fills it in. */
function buildEnvelope({ world }: PayloadContext, actor: InteractionActor): InteractionEnvelope {
  const user: APIUser = { ...world.defaultUser, ...actor.user };
  const locale = (actor.locale ?? Locale.EnglishUS) as Locale;
  const common = { locale, entitlements: [], attachment_size_limit: ATTACHMENT_SIZE_LIMIT };
  if (actor.dm) {
    const channelId = actor.channelId ?? world.dmChannelId;
    return {
      ...common,
      user,
      channel_id: channelId,
      channel: { id: channelId, type: ChannelType.DM, recipients: [user], last_message_id: null, flags: NO_FLAGS as ChannelFlags },
      app_permissions: actor.appPermissions ?? DEFAULT_APP_PERMISSIONS,
      context: InteractionContextType.BotDM,
      // Discord uses "0" for the guild-install owner when the command runs in the bot's DM.
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
    };
  }
  const guildId = actor.guildId ?? world.guildId;
  const channel = actor.channelId && actor.channelId !== world.textChannel.id
    ? { ...world.textChannel, id: actor.channelId, name: `channel-${actor.channelId.slice(-4)}` }
    : world.textChannel;
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    channel_id: channel.id,
    channel: { ...channel, guild_id: guildId },
    member: {
      user,
      roles: actor.member?.roles ?? [],
      permissions: actor.member?.permissions ?? DEFAULT_MEMBER_PERMISSIONS,
      nick: actor.member?.nick ?? null,
      avatar: null,
      banner: null,
      joined_at: new Date(Date.now() - 86_400_000).toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: NO_FLAGS as GuildMemberFlags,
      pending: false,
    },
    app_permissions: actor.appPermissions ?? DEFAULT_APP_PERMISSIONS,
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
  };
}

function normalizeOptions(options: SendCommandInput['options']): CommandOptionInput[] {
  if (options === undefined) return [];
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({ name, value }));
}

function inferType(value: CommandOptionInput['value']): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

function childOptions(option: APIApplicationCommandOption | undefined): APIApplicationCommandOption[] {
  return option && 'options' in option && Array.isArray(option.options) ? (option.options as APIApplicationCommandOption[]) : [];
}

/** The option definitions that apply to the leaf (sub)command the user picked. */
function leafDefinitions(command: APIApplicationCommand | undefined, input: SendCommandInput): APIApplicationCommandOption[] {
  let level = command?.options ?? [];
  if (input.subcommandGroup) level = childOptions(level.find((option) => option.name === input.subcommandGroup));
  if (input.subcommand) level = childOptions(level.find((option) => option.name === input.subcommand));
  return level;
}

function addResolved(resolved: APIInteractionDataResolved, world: FakeWorld, type: ApplicationCommandOptionType, id: string): void {
  if (type === ApplicationCommandOptionType.User || type === ApplicationCommandOptionType.Mentionable) {
    const user = id === world.defaultUser.id ? world.defaultUser : makeUser(id, `user-${id.slice(-4)}`);
    resolved.users = { ...resolved.users, [id]: user };
  }
  if (type === ApplicationCommandOptionType.Role || type === ApplicationCommandOptionType.Mentionable) {
    const role = world.roles.find((candidate) => candidate.id === id);
    if (role) resolved.roles = { ...resolved.roles, [id]: role };
  }
  if (type === ApplicationCommandOptionType.Channel && id === world.textChannel.id) {
    const { name, type } = world.textChannel;
    resolved.channels = { ...resolved.channels, [id]: { id, name, type, permissions: DEFAULT_MEMBER_PERMISSIONS } };
  }
}

interface CommandData {
  id: string;
  name: string;
  type: ApplicationCommandType.ChatInput;
  guild_id?: string;
  options: APIApplicationCommandInteractionDataOption[];
  resolved?: APIInteractionDataResolved;
}

function buildCommandData(context: PayloadContext, input: SendCommandInput, focused: string | undefined): CommandData {
  const guildId = input.dm ? undefined : (input.guildId ?? context.world.guildId);
  const command = context.commands.findChatInput(input.name, guildId);
  const definitions = leafDefinitions(command, input);
  const resolved: APIInteractionDataResolved = {};
  const leaf = normalizeOptions(input.options).map((option) => {
    const type = option.type ?? definitions.find((definition) => definition.name === option.name)?.type ?? inferType(option.value);
    const isFocused = option.focused === true || option.name === focused;
    if (!isFocused && typeof option.value === 'string') addResolved(resolved, context.world, type, option.value);
    // While typing, Discord sends the partial text as a string whatever the option type.
    const value = isFocused ? String(option.value) : option.value;
    return { name: option.name, type, value, ...(isFocused ? { focused: true } : {}) } as APIApplicationCommandInteractionDataOption;
  });
  let options: APIApplicationCommandInteractionDataOption[] = leaf;
  if (input.subcommand) options = [{ type: ApplicationCommandOptionType.Subcommand, name: input.subcommand, options: leaf } as APIApplicationCommandInteractionDataOption];
  if (input.subcommandGroup) options = [{ type: ApplicationCommandOptionType.SubcommandGroup, name: input.subcommandGroup, options } as APIApplicationCommandInteractionDataOption];
  return {
    id: command?.id ?? context.nextId(),
    name: input.name,
    type: ApplicationCommandType.ChatInput,
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    options,
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

export interface Identity {
  id: string;
  token: string;
}

export function buildCommandInteraction(context: PayloadContext, identity: Identity, input: SendCommandInput): APIChatInputApplicationCommandInteraction {
  return {
    ...buildEnvelope(context, input),
    ...identity,
    application_id: context.world.applicationId,
    type: InteractionType.ApplicationCommand,
    version: 1,
    data: buildCommandData(context, input, undefined),
  } as APIChatInputApplicationCommandInteraction;
}

export function buildAutocompleteInteraction(context: PayloadContext, identity: Identity, input: SendCommandInput & { focused: string }): APIApplicationCommandAutocompleteInteraction {
  return {
    ...buildEnvelope(context, input),
    ...identity,
    application_id: context.world.applicationId,
    type: InteractionType.ApplicationCommandAutocomplete,
    version: 1,
    data: buildCommandData(context, input, input.focused),
  } as APIApplicationCommandAutocompleteInteraction;
}

export function buildComponentInteraction(
  context: PayloadContext,
  identity: Identity,
  input: SendComponentInput,
  message: APIMessage,
): APIMessageComponentInteraction {
  const componentType = input.componentType ?? ComponentType.Button;
  const data = componentType === ComponentType.Button
    ? { custom_id: input.customId, component_type: componentType }
    : { custom_id: input.customId, component_type: componentType, values: input.values ?? [] };
  return {
    ...buildEnvelope(context, input),
    ...identity,
    application_id: context.world.applicationId,
    type: InteractionType.MessageComponent,
    version: 1,
    data,
    message,
  } as APIMessageComponentInteraction;
}
