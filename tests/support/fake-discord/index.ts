import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import {
  ButtonStyle,
  ComponentType,
  GatewayDispatchEvents,
  type APIApplicationCommand,
  type APIInteraction,
  type APIMessageTopLevelComponent,
} from 'discord-api-types/v10';
import { CommandRegistry } from './commands.js';
import { FakeGateway, GATEWAY_PATH, RESUME_GATEWAY_PATH, type GatewayConnectionRecord } from './gateway.js';
import { createSnowflakeGenerator, randomInteractionToken } from './ids.js';
import {
  buildAutocompleteInteraction,
  buildCommandInteraction,
  buildComponentInteraction,
  type PayloadContext,
} from './interaction-payloads.js';
import { InteractionRecord, type InteractionContext } from './interactions.js';
import { isRecord } from './limits.js';
import { createStoredMessage, type StoredMessage } from './messages.js';
import { buildMessage } from './payloads.js';
import { FakeRest, type RestRecords } from './rest.js';
import type {
  CommandRegistration,
  DropOptions,
  FakeDiscordOptions,
  IdentifyRecord,
  InteractionHandle,
  MessageWrite,
  RecordedRequest,
  ResumeRecord,
  SendAutocompleteInput,
  SendCommandInput,
  SendComponentInput,
  Violation,
} from './types.js';
import { createWorld, type FakeWorld } from './world.js';

export type * from './types.js';
export type { FakeWorld } from './world.js';
export type { GatewayConnectionRecord } from './gateway.js';
export { mentionsAreSuppressed } from './mentions.js';
export { LIMITS } from './limits.js';

export interface FakeDiscord {
  /** Pass as `new Client({ rest: { api: fake.apiBase } })`. */
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly port: number;
  readonly world: FakeWorld;
  readonly requests: readonly RecordedRequest[];
  /** Requests no route matched (answered 404 `{message, code: 0}`). */
  readonly unknownRoutes: readonly RecordedRequest[];
  readonly violations: readonly Violation[];
  readonly commandRegistrations: readonly CommandRegistration[];
  /** Every reply/edit/follow-up body, with its allowed_mentions. */
  readonly messageWrites: readonly MessageWrite[];
  readonly identifies: readonly IdentifyRecord[];
  readonly resumes: readonly ResumeRecord[];
  readonly gatewayConnections: readonly GatewayConnectionRecord[];
  readonly interactions: readonly InteractionHandle[];
  registeredCommands(guildId?: string): APIApplicationCommand[];
  sendCommand(input: SendCommandInput): InteractionHandle;
  sendAutocomplete(input: SendAutocompleteInput): InteractionHandle;
  sendComponent(input: SendComponentInput): InteractionHandle;
  /** Abnormally closes every gateway socket; sessions stay resumable unless `invalidateSessions`. */
  dropGatewayConnections(options?: DropOptions): void;
  /** Resolves once a session is live (after READY or RESUMED). */
  waitForGatewayReady(timeoutMs?: number): Promise<void>;
  /** Destroy the discord.js client first, or it will keep trying to reconnect. */
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscordServer(options);
  await fake.listen();
  return fake;
}

const DEFAULTS = {
  heartbeatIntervalMs: 41_250,
  interactionAckDeadlineMs: 3_000,
  interactionTokenLifetimeMs: 15 * 60_000,
  botUsername: 'film-bot',
  applicationFlags: 0,
  guildName: 'Fake Guild',
} as const;

class FakeDiscordServer implements FakeDiscord {
  readonly world: FakeWorld;
  readonly messageWrites: MessageWrite[] = [];
  readonly interactions: InteractionRecord[] = [];

  private readonly nextId = createSnowflakeGenerator();
  private readonly log: (line: string) => void;
  private readonly commands: CommandRegistry;
  private readonly records: RestRecords = { requests: [], unknownRoutes: [], violations: [], commandRegistrations: [] };
  private readonly messages = new Map<string, StoredMessage>();
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly server: Server;
  private readonly gateway: FakeGateway;
  private readonly rest: FakeRest;
  private readonly interactionContext: InteractionContext;
  private address: AddressInfo | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(options: FakeDiscordOptions) {
    const settings = { ...DEFAULTS, ...options };
    this.log = options.log ?? (process.env['FAKE_DISCORD_LOG'] ? (line) => console.log(`[fake-discord] ${line}`) : () => {});
    this.world = createWorld({ nextId: this.nextId, ...settings });
    this.commands = new CommandRegistry(this.world.applicationId, this.nextId);
    this.interactionContext = {
      world: this.world,
      nextId: this.nextId,
      ackDeadlineMs: settings.interactionAckDeadlineMs,
      tokenLifetimeMs: settings.interactionTokenLifetimeMs,
      messages: this.messages,
      recordMessageWrite: (write) => this.messageWrites.push(write),
    };
    this.gateway = new FakeGateway({
      world: this.world,
      heartbeatIntervalMs: settings.heartbeatIntervalMs,
      botToken: options.botToken,
      log: this.log,
      resumeGatewayUrl: () => `${this.wsBase}${RESUME_GATEWAY_PATH}`,
    });
    this.rest = new FakeRest(
      {
        world: this.world,
        commands: this.commands,
        botToken: options.botToken,
        gatewayUrl: () => this.gatewayUrl,
        findInteractionById: (id) => this.byId.get(id),
        findInteractionByToken: (token) => this.byToken.get(token),
        log: this.log,
      },
      this.records,
    );
    this.server = createServer((request, response) => {
      this.rest.handle(request, response).catch((error: unknown) => {
        this.log(`rest: failed to answer: ${String(error)}`);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    this.server.on('upgrade', (request, socket, head) => this.gateway.handleUpgrade(request, socket, head));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.address = this.server.address() as AddressInfo;
        this.log(`listening on ${this.apiBase}`);
        resolve();
      });
    });
  }

  get port(): number {
    if (!this.address) throw new Error('fake Discord is not listening');
    return this.address.port;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  private get wsBase(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get gatewayUrl(): string {
    return `${this.wsBase}${GATEWAY_PATH}`;
  }

  get requests(): readonly RecordedRequest[] { return this.records.requests; }
  get unknownRoutes(): readonly RecordedRequest[] { return this.records.unknownRoutes; }
  get violations(): readonly Violation[] { return this.records.violations; }
  get commandRegistrations(): readonly CommandRegistration[] { return this.records.commandRegistrations; }
  get identifies(): readonly IdentifyRecord[] { return this.gateway.identifies; }
  get resumes(): readonly ResumeRecord[] { return this.gateway.resumes; }
  get gatewayConnections(): readonly GatewayConnectionRecord[] { return this.gateway.connections; }

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.commands.list(guildId);
  }

  sendCommand(input: SendCommandInput): InteractionHandle {
    return this.inject((identity) => buildCommandInteraction(this.payloadContext, identity, input));
  }

  sendAutocomplete(input: SendAutocompleteInput): InteractionHandle {
    return this.inject((identity) => buildAutocompleteInteraction(this.payloadContext, identity, input));
  }

  sendComponent(input: SendComponentInput): InteractionHandle {
    const source = this.sourceMessageFor(input);
    const actor: SendComponentInput = {
      ...input,
      dm: input.dm ?? source.channelId === this.world.dmChannelId,
      channelId: input.channelId ?? source.channelId,
    };
    const message = buildMessage(this.world, source);
    return this.inject((identity) => buildComponentInteraction(this.payloadContext, identity, actor, message), source);
  }

  dropGatewayConnections(options?: DropOptions): void {
    this.gateway.dropConnections(options);
  }

  waitForGatewayReady(timeoutMs = 10_000): Promise<void> {
    return this.gateway.waitForReady(timeoutMs);
  }

  async close(): Promise<void> {
    for (const interaction of this.interactions) interaction.cancelWaits('fake Discord closed');
    const socketsClosed = [...this.sockets].map((socket) => once(socket, 'close'));
    await this.gateway.close();
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all(socketsClosed);
    // The listening handle is released one turn after the 'close' event.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private get payloadContext(): PayloadContext {
    return { world: this.world, commands: this.commands, nextId: this.nextId };
  }

  private inject(build: (identity: { id: string; token: string }) => APIInteraction, source?: StoredMessage): InteractionHandle {
    const payload = build({ id: this.nextId(), token: randomInteractionToken() });
    const record = new InteractionRecord(payload, this.interactionContext, source);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    this.interactions.push(record);
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    this.log(`gateway: INTERACTION_CREATE ${record.label} (${record.id})`);
    return record;
  }

  /** The message a component sits on: a known bot message, or a stand-in carrying that component. */
  private sourceMessageFor(input: SendComponentInput): StoredMessage {
    const messageId = input.from?.visibleMessage()?.id ?? input.messageId;
    if (input.from && messageId === undefined) throw new Error(`sendComponent: ${input.from.id} has no visible message to click on`);
    const known = messageId === undefined ? undefined : this.messages.get(messageId);
    if (known) {
      if (known.deleted) throw new Error(`sendComponent: message ${known.id} was deleted`);
      const component = findComponent(known.components, input.customId);
      if (!component) throw new Error(`sendComponent: message ${known.id} has no component "${input.customId}" (has: ${listCustomIds(known.components).join(', ') || 'none'})`);
      if (component['disabled'] === true) throw new Error(`sendComponent: component "${input.customId}" is disabled`);
      return known;
    }
    const standIn = createStoredMessage({
      id: messageId ?? this.nextId(),
      channelId: input.dm ? this.world.dmChannelId : (input.channelId ?? this.world.textChannel.id),
      interactionId: '',
      isCommandResponse: false,
      thinking: false,
      flags: 0,
    });
    standIn.content = 'message with a component';
    standIn.components = [standInRow(input)];
    this.messages.set(standIn.id, standIn);
    return standIn;
  }
}

function standInRow(input: SendComponentInput): APIMessageTopLevelComponent {
  const component = input.componentType === ComponentType.StringSelect
    ? { type: ComponentType.StringSelect, custom_id: input.customId, options: (input.values ?? ['value']).map((value) => ({ label: value, value })) }
    : { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: input.customId, label: input.customId.slice(0, 80) };
  return { type: ComponentType.ActionRow, components: [component] } as APIMessageTopLevelComponent;
}

/** Walks rows, sections and containers alike: any object carrying `custom_id`. */
function findComponent(node: unknown, customId: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findComponent(child, customId);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(node)) return undefined;
  if (node['custom_id'] === customId) return node;
  return findComponent(node['components'], customId) ?? findComponent(node['accessory'], customId);
}

function listCustomIds(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(listCustomIds);
  if (!isRecord(node)) return [];
  const own = typeof node['custom_id'] === 'string' ? [node['custom_id']] : [];
  return [...own, ...listCustomIds(node['components']), ...listCustomIds(node['accessory'])];
}
