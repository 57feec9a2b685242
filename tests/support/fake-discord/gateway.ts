import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayIdentifyData,
  type GatewayResumeData,
} from 'discord-api-types/v10';
import { randomHex } from './ids.js';
import { isRecord } from './limits.js';
import { buildGuildCreate, buildReady } from './payloads.js';
import type { DropOptions, IdentifyRecord, ResumeRecord } from './types.js';
import { Waiters } from './waiters.js';
import type { FakeWorld } from './world.js';

export const GATEWAY_PATH = '/gateway';
export const RESUME_GATEWAY_PATH = '/gateway-resume';

export interface GatewayOptions {
  world: FakeWorld;
  heartbeatIntervalMs: number;
  botToken: string | undefined;
  log: (line: string) => void;
  resumeGatewayUrl: () => string;
}

export interface GatewayConnectionRecord {
  path: string;
  version: string | null;
  encoding: string | null;
  compress: string | null;
  at: Date;
}

interface DispatchPayload {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  token: string;
  seq: number;
  /** Kept in full so any RESUME can replay what the client missed. */
  events: DispatchPayload[];
  /** Only set once READY/RESUMED went out on it; dispatches in between are buffered. */
  socket: WebSocket | undefined;
}

interface ConnectionState {
  authenticated: boolean;
}

// Closing with 1000/1001 ends the session on Discord; discord.js uses 4200 when it intends to resume.
const SESSION_ENDING_CLOSE_CODES = new Set([1000, 1001]);

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly connections: GatewayConnectionRecord[] = [];
  heartbeats = 0;

  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private current: Session | undefined;
  private readonly readyWaiters = new Waiters();

  constructor(private readonly options: GatewayOptions) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_GATEWAY_PATH) {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, url));
  }

  /** True when the current session has a live socket that got READY or RESUMED. */
  get isReady(): boolean {
    return this.current?.socket?.readyState === WebSocket.OPEN;
  }

  async waitForReady(timeoutMs: number): Promise<void> {
    await this.readyWaiters.until(
      () => (this.isReady ? true : undefined),
      timeoutMs,
      'gateway session not ready',
      () => `identifies=${this.identifies.length} resumes=${this.resumes.length}`,
    );
  }

  /** Sends an event on the current session, or buffers it for replay if the client is reconnecting. */
  dispatch(event: string, data: unknown): void {
    const session = this.current;
    if (!session) throw new Error('No gateway session: log the discord.js client in before injecting interactions.');
    const payload = this.append(session, event, data);
    if (session.socket?.readyState === WebSocket.OPEN) this.send(session.socket, payload);
  }

  dropConnections({ mode = 'close', code = GatewayCloseCodes.UnknownError, invalidateSessions = false }: DropOptions = {}): void {
    for (const session of this.sessions.values()) session.socket = undefined;
    if (invalidateSessions) {
      this.sessions.clear();
      this.current = undefined;
    }
    for (const socket of this.server.clients) {
      if (mode === 'terminate') socket.terminate();
      else socket.close(code, 'dropped by the test');
    }
    this.options.log(`gateway: dropped connections (${mode}${mode === 'close' ? ` ${code}` : ''})`);
  }

  close(): Promise<void> {
    this.readyWaiters.cancelAll('fake Discord closed');
    for (const socket of this.server.clients) socket.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, url: URL): void {
    this.connections.push({
      path: url.pathname,
      version: url.searchParams.get('v'),
      encoding: url.searchParams.get('encoding'),
      compress: url.searchParams.get('compress'),
      at: new Date(),
    });
    if (url.searchParams.get('v') !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    const encoding = url.searchParams.get('encoding');
    if (encoding !== null && encoding !== 'json') {
      socket.close(GatewayCloseCodes.DecodeError, 'the fake only speaks encoding=json');
      return;
    }
    const state: ConnectionState = { authenticated: false };
    socket.on('message', (raw) => this.onMessage(socket, state, raw));
    socket.on('close', (code) => this.onClose(socket, code));
    socket.on('error', (error) => this.options.log(`gateway: socket error ${error.message}`));
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
  }

  private onMessage(socket: WebSocket, state: ConnectionState, raw: RawData): void {
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString());
    } catch {
      socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload['op'] !== 'number') {
      socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const data = payload['d'];
    switch (payload['op']) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeats += 1;
        this.send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        if (state.authenticated) socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        else this.identify(socket, state, data as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        if (state.authenticated) socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        else this.resume(socket, state, data as GatewayResumeData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!state.authenticated) socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private tokenAccepted(token: string): boolean {
    return this.options.botToken === undefined ? token.length > 0 : token === this.options.botToken;
  }

  private identify(socket: WebSocket, state: ConnectionState, data: GatewayIdentifyData): void {
    if (!isRecord(data) || typeof data.token !== 'string' || !this.tokenAccepted(data.token)) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    state.authenticated = true;
    const session: Session = { id: randomHex(16), token: data.token, seq: 0, events: [], socket: undefined };
    this.sessions.set(session.id, session);
    this.current = session;
    const intents = typeof data.intents === 'number' ? data.intents : 0;
    const hasGuildsIntent = (intents & GatewayIntentBits.Guilds) !== 0;
    this.identifies.push({
      token: data.token,
      intents,
      hasGuildsIntent,
      properties: { ...(data.properties as unknown as Record<string, string>) },
      shard: data.shard,
      sessionId: session.id,
      at: new Date(),
    });
    this.options.log(`gateway: IDENTIFY intents=${intents} → session ${session.id}`);
    this.send(socket, this.append(session, GatewayDispatchEvents.Ready, buildReady(this.options.world, session.id, this.options.resumeGatewayUrl(), data.shard)));
    // Without the Guilds intent Discord sends no GUILD_CREATE; discord.js then skips its guild wait.
    if (hasGuildsIntent) this.send(socket, this.append(session, GatewayDispatchEvents.GuildCreate, buildGuildCreate(this.options.world, new Date())));
    this.attach(session, socket);
  }

  private resume(socket: WebSocket, state: ConnectionState, data: GatewayResumeData): void {
    const session = isRecord(data) ? this.sessions.get(data.session_id) : undefined;
    const seq = isRecord(data) && typeof data.seq === 'number' ? data.seq : null;
    if (!session || session.token !== data.token || seq === null || seq > session.seq) {
      this.resumes.push({ sessionId: isRecord(data) ? String(data.session_id) : '', seq, outcome: 'invalid-session', replayedEvents: 0, at: new Date() });
      this.options.log('gateway: RESUME refused → INVALID_SESSION');
      this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    state.authenticated = true;
    session.socket?.close(GatewayCloseCodes.SessionTimedOut, 'Session resumed elsewhere.');
    const missed = session.events.filter((event) => event.s > seq);
    for (const event of missed) this.send(socket, event);
    this.send(socket, this.append(session, GatewayDispatchEvents.Resumed, {}));
    this.resumes.push({ sessionId: session.id, seq, outcome: 'resumed', replayedEvents: missed.length, at: new Date() });
    this.options.log(`gateway: RESUMED session ${session.id}, replayed ${missed.length}`);
    this.current = session;
    this.attach(session, socket);
  }

  private attach(session: Session, socket: WebSocket): void {
    session.socket = socket;
    this.readyWaiters.notify();
  }

  private onClose(socket: WebSocket, code: number): void {
    for (const session of this.sessions.values()) {
      if (session.socket !== socket) continue;
      session.socket = undefined;
      if (SESSION_ENDING_CLOSE_CODES.has(code)) {
        this.sessions.delete(session.id);
        if (this.current === session) this.current = undefined;
      }
    }
    this.options.log(`gateway: client closed with ${code}`);
  }

  private append(session: Session, event: string, data: unknown): DispatchPayload {
    session.seq += 1;
    const payload: DispatchPayload = { op: GatewayOpcodes.Dispatch, t: event, s: session.seq, d: data };
    session.events.push(payload);
    return payload;
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }
}
