import type {
  APIAllowedMentions,
  APIAttachment,
  APIEmbed,
  APIInteraction,
  APIMessageTopLevelComponent,
  APIUser,
  ApplicationCommandOptionType,
  ComponentType,
  InteractionResponseType,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export interface FakeDiscordOptions {
  /** op 10 HELLO interval; the client's first heartbeat comes at a random fraction of it. */
  heartbeatIntervalMs?: number;
  /** Discord drops an interaction that gets no initial callback within 3 s. */
  interactionAckDeadlineMs?: number;
  /** Interaction webhook tokens stay valid for 15 minutes. */
  interactionTokenLifetimeMs?: number;
  /** When set, IDENTIFY/RESUME and authenticated REST calls must use exactly this token. */
  botToken?: string;
  botUsername?: string;
  applicationFlags?: number;
  guildName?: string;
  /** Receives one line per gateway/REST event; handy when a test hangs. */
  log?: (line: string) => void;
}

export type ViolationRule =
  | 'late-initial-callback'
  | 'already-acknowledged'
  | 'unknown-interaction'
  | 'invalid-callback-type'
  | 'invalid-form-body'
  | 'empty-message'
  | 'edit-before-callback'
  | 'followup-before-callback'
  | 'unknown-message'
  | 'unknown-webhook'
  | 'expired-token'
  | 'unauthorized'
  | 'missing-access';

export interface Violation {
  rule: ViolationRule;
  message: string;
  /** HTTP status the fake answered with. */
  status: number;
  method: string;
  path: string;
  interactionId?: string;
  at: Date;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string | undefined;
  size: number;
}

export interface RecordedRequest {
  method: string;
  /** Path below `/api`, decoded per segment, e.g. `/v10/webhooks/1/tok/en/messages/@original`. */
  path: string;
  /** Path exactly as it arrived on the wire (still URL-encoded). */
  rawPath: string;
  /** Route template that matched, e.g. `PATCH /webhooks/:app/:token/messages/:message`; undefined for unknown routes. */
  route: string | undefined;
  query: Record<string, string>;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
  files: RecordedFile[];
  status: number;
  responseBody: unknown;
  at: Date;
}

export interface CommandRegistration {
  scope: 'global' | 'guild';
  guildId?: string;
  method: 'PUT' | 'POST' | 'DELETE';
  commands: RESTPostAPIApplicationCommandsJSONBody[];
  status: number;
  at: Date;
}

export type MessageWriteKind = 'reply' | 'update' | 'edit-original' | 'follow-up' | 'edit-follow-up';

/** One message-bearing request; kept so tests can check `allowed_mentions` on all of them. */
export interface MessageWrite {
  kind: MessageWriteKind;
  interactionId: string;
  /** `undefined` means the request carried no allowed_mentions, so Discord would parse every mention. */
  allowedMentions: APIAllowedMentions | undefined;
  content: string | undefined;
  accepted: boolean;
  at: Date;
}

export interface IdentifyRecord {
  token: string;
  intents: number;
  /** GUILD_CREATE is only sent when the Guilds intent was requested. */
  hasGuildsIntent: boolean;
  properties: Record<string, string>;
  shard: [number, number] | undefined;
  sessionId: string;
  at: Date;
}

export interface ResumeRecord {
  sessionId: string;
  seq: number | null;
  outcome: 'resumed' | 'invalid-session';
  replayedEvents: number;
  at: Date;
}

export interface RecordedCallback {
  type: InteractionResponseType;
  data: Record<string, unknown> | undefined;
  files: RecordedFile[];
  /** Milliseconds between dispatch of the interaction and arrival of this callback. */
  elapsedMs: number;
  status: number;
  accepted: boolean;
  at: Date;
}

export interface RecordedEdit {
  /** `@original` or a follow-up message id. */
  messageId: string;
  body: Record<string, unknown>;
  files: RecordedFile[];
  status: number;
  accepted: boolean;
  at: Date;
}

export interface RecordedFollowUp {
  /** Id of the message the follow-up produced (the original one when it replaced a "thinking" state). */
  messageId: string | undefined;
  body: Record<string, unknown>;
  files: RecordedFile[];
  ephemeral: boolean;
  /** The first follow-up after a deferred reply replaces the "thinking…" message instead of posting a new one. */
  replacedThinking: boolean;
  status: number;
  accepted: boolean;
  at: Date;
}

/** What a user sees for one message at this moment. */
export interface VisibleMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: APIAttachment[];
  flags: number;
  ephemeral: boolean;
  /** Deferred (type 5) and not edited yet: the client shows "<bot> is thinking…". */
  thinking: boolean;
  deleted: boolean;
  editCount: number;
}

export type CommandOptionValue = string | number | boolean;

export interface CommandOptionInput {
  name: string;
  value: CommandOptionValue;
  /** Inferred from the registered command, else from the JS type of `value`. */
  type?: ApplicationCommandOptionType;
  focused?: boolean;
}

export interface InteractionActor {
  user?: Partial<APIUser>;
  member?: { permissions?: string; roles?: string[]; nick?: string | null };
  /** Defaults to the fake guild. Ignored when `dm` is set. */
  guildId?: string;
  channelId?: string;
  dm?: boolean;
  locale?: string;
  /** Bitfield string of what the bot may do in the channel. */
  appPermissions?: string;
}

export interface SendCommandInput extends InteractionActor {
  name: string;
  options?: Record<string, CommandOptionValue> | CommandOptionInput[];
  subcommand?: string;
  subcommandGroup?: string;
}

export interface SendAutocompleteInput extends SendCommandInput {
  /** Name of the option the user is typing in; its value is the partial text. */
  focused: string;
}

export interface SendComponentInput extends InteractionActor {
  customId: string;
  componentType?: ComponentType.Button | ComponentType.StringSelect;
  values?: string[];
  /** Click on a message the fake already knows (a reply or follow-up of the bot). */
  messageId?: string;
  /** Click on the visible message of an earlier interaction. */
  from?: InteractionHandle;
}

export type MessagePredicate = (message: VisibleMessage, handle: InteractionHandle) => boolean;

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  readonly callbacks: readonly RecordedCallback[];
  readonly edits: readonly RecordedEdit[];
  readonly followUps: readonly RecordedFollowUp[];
  readonly violations: readonly Violation[];
  /** Time from dispatch to the first initial-callback request (accepted or not); undefined until one arrives. */
  readonly firstResponseMs: number | undefined;
  readonly acknowledged: boolean;
  /** The bot's response message (or, after type 6/7, the updated message the component was on). */
  visibleMessage(): VisibleMessage | undefined;
  /** Follow-up messages that are separate messages (not the one that replaced "thinking…"). */
  visibleFollowUps(): VisibleMessage[];
  waitForCallback(timeoutMs?: number): Promise<RecordedCallback>;
  /** Resolves once there is a type 4/7 reply, or a deferral (5/6) followed by an edit or replacing follow-up. */
  waitForFinal(timeoutMs?: number): Promise<VisibleMessage>;
  /** Like waitForFinal, then also waits until no request touched the interaction for `quietMs` (for bots that edit progressively). */
  waitForSettled(quietMs?: number, timeoutMs?: number): Promise<VisibleMessage>;
  waitFor(predicate: MessagePredicate, timeoutMs?: number): Promise<VisibleMessage>;
  /** One line with callbacks, edits, follow-ups and violations; used in timeout errors. */
  describe(): string;
}

export interface DropOptions {
  /** 'close' sends a close frame with `code` (default 4000, which discord.js resumes after); 'terminate' kills the TCP socket. */
  mode?: 'close' | 'terminate';
  code?: number;
  /** Forget the sessions so the next RESUME gets INVALID_SESSION and the client must IDENTIFY again. */
  invalidateSessions?: boolean;
}
