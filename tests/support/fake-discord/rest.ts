import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { CommandRegistry } from './commands.js';
import {
  DiscordHttpError,
  invalidFormBody,
  missingAccess,
  notFound,
  unauthorized,
  unknownInteraction,
  unknownWebhook,
} from './errors.js';
import { BodyParseError, parseBody, readRequestBody, sendJson, sendNoContent } from './http.js';
import type { InteractionRecord, RestResult } from './interactions.js';
import { checkCommandDefinitions, isRecord } from './limits.js';
import { buildApplication } from './payloads.js';
import type { CommandRegistration, RecordedFile, RecordedRequest, Violation } from './types.js';
import type { FakeWorld } from './world.js';

export interface RestOptions {
  world: FakeWorld;
  commands: CommandRegistry;
  botToken: string | undefined;
  gatewayUrl: () => string;
  findInteractionById: (id: string) => InteractionRecord | undefined;
  findInteractionByToken: (token: string) => InteractionRecord | undefined;
  log: (line: string) => void;
}

export interface RestRecords {
  requests: RecordedRequest[];
  unknownRoutes: RecordedRequest[];
  violations: Violation[];
  commandRegistrations: CommandRegistration[];
}

interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  /** Set by handlers once they know which interaction the request is about, to attribute violations. */
  interaction?: InteractionRecord;
}

interface Route {
  method: string;
  template: string;
  segments: string[];
  /** Bot-token routes; interaction callbacks and webhooks are called without Authorization. */
  auth: boolean;
  handler: (context: RouteContext) => RestResult;
}

const API_VERSION = 'v10';

export class FakeRest {
  private readonly routes: Route[] = [];

  constructor(
    private readonly options: RestOptions,
    readonly records: RestRecords,
  ) {
    this.registerRoutes();
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Split before decoding: tokens may contain an encoded '/'.
    const rawSegments = url.pathname.split('/').slice(1);
    const segments = rawSegments.map(safeDecode);
    const raw = await readRequestBody(request);
    const record: RecordedRequest = {
      method,
      path: `/${segments.slice(1).join('/')}`,
      rawPath: url.pathname,
      route: undefined,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body: undefined,
      files: [],
      status: 0,
      responseBody: undefined,
      at: new Date(),
    };
    this.records.requests.push(record);

    let result: RestResult;
    let context: RouteContext | undefined;
    try {
      const match = segments[0] === 'api' && segments[1] === API_VERSION ? this.match(method, segments.slice(2)) : undefined;
      if (!match) {
        this.records.unknownRoutes.push(record);
        this.options.log(`rest: unknown route ${method} ${url.pathname}`);
        throw notFound();
      }
      record.route = `${match.route.method} ${match.route.template}`;
      const parsed = parseBody(raw, request.headers['content-type']);
      record.body = parsed.json;
      record.files = parsed.files;
      context = { params: match.params, query: url.searchParams, body: parsed.json, files: parsed.files };
      if (match.route.auth) this.checkAuthorization(request.headers.authorization);
      result = match.route.handler(context);
    } catch (error) {
      result = this.toErrorResult(error, record, context);
    }
    record.status = result.status;
    record.responseBody = result.body;
    this.options.log(`rest: ${method} ${record.path} → ${result.status}`);
    if (result.body === undefined) sendNoContent(response);
    else sendJson(response, result.status, result.body);
    context?.interaction?.notify();
  }

  private toErrorResult(error: unknown, record: RecordedRequest, context: RouteContext | undefined): RestResult {
    if (error instanceof BodyParseError) return { status: 400, body: { message: error.message, code: 50109 } };
    if (!(error instanceof DiscordHttpError)) {
      this.options.log(`rest: handler crashed: ${String(error)}`);
      return { status: 500, body: { message: `fake-discord internal error: ${String(error)}`, code: 0 } };
    }
    if (error.rule) {
      const violation: Violation = {
        rule: error.rule,
        message: error.detail,
        status: error.status,
        method: record.method,
        path: record.path,
        ...(context?.interaction ? { interactionId: context.interaction.id } : {}),
        at: new Date(),
      };
      this.records.violations.push(violation);
      context?.interaction?.addViolation(violation);
    }
    return { status: error.status, body: error.body };
  }

  private checkAuthorization(header: string | undefined): void {
    const token = /^Bot (.+)$/.exec(header ?? '')?.[1];
    if (!token) throw unauthorized('missing "Authorization: Bot <token>" header');
    if (this.options.botToken !== undefined && token !== this.options.botToken) throw unauthorized('wrong bot token');
  }

  private match(method: string, segments: string[]): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const matches = route.segments.every((part, index) => {
        const actual = segments[index] ?? '';
        if (part.startsWith(':')) {
          params[part.slice(1)] = actual;
          return actual.length > 0;
        }
        return part === actual;
      });
      if (matches) return { route, params };
    }
    return undefined;
  }

  private on(method: string, template: string, auth: boolean, handler: Route['handler']): void {
    this.routes.push({ method, template, segments: template.split('/').slice(1), auth, handler });
  }

  private registerRoutes(): void {
    const { world } = this.options;
    const gatewayInfo = (): RestResult => ({ status: 200, body: { url: this.options.gatewayUrl() } });
    this.on('GET', '/gateway', false, gatewayInfo);
    this.on('GET', '/gateway/bot', true, () => ({
      status: 200,
      body: {
        url: this.options.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }));
    this.on('GET', '/users/@me', true, () => ({ status: 200, body: world.botUser }));
    this.on('GET', '/applications/@me', true, () => ({ status: 200, body: buildApplication(world) }));

    for (const scope of ['global', 'guild'] as const) {
      const base = scope === 'global' ? '/applications/:app/commands' : '/applications/:app/guilds/:guild/commands';
      this.on('GET', base, true, (context) => ({ status: 200, body: this.options.commands.list(this.commandScope(context)) }));
      this.on('PUT', base, true, (context) => this.overwriteCommands(context));
      this.on('POST', base, true, (context) => this.upsertCommand(context));
      this.on('GET', `${base}/:command`, true, (context) => {
        const command = this.options.commands.get(this.commandScope(context), context.params['command'] ?? '');
        if (!command) throw new DiscordHttpError(404, { message: 'Unknown application command', code: 10063 }, undefined);
        return { status: 200, body: command };
      });
      this.on('DELETE', `${base}/:command`, true, (context) => {
        const guildId = this.commandScope(context);
        const deleted = this.options.commands.delete(guildId, context.params['command'] ?? '');
        if (!deleted) throw new DiscordHttpError(404, { message: 'Unknown application command', code: 10063 }, undefined);
        this.recordRegistration(guildId, 'DELETE', [], 204);
        return { status: 204 };
      });
    }

    this.on('POST', '/interactions/:id/:token/callback', false, (context) => {
      const interaction = this.options.findInteractionById(context.params['id'] ?? '');
      if (!interaction || interaction.token !== context.params['token']) {
        throw unknownInteraction('unknown-interaction', 'callback for an interaction id/token the fake never sent');
      }
      context.interaction = interaction;
      return interaction.handleCallback(context.body, context.files, context.query.get('with_response') === 'true');
    });

    this.on('POST', '/webhooks/:app/:token', false, (context) => {
      const interaction = this.webhookInteraction(context);
      return interaction.createFollowUp(context.body, context.files, context.query.get('wait') !== 'false');
    });
    this.on('GET', '/webhooks/:app/:token/messages/:message', false, (context) =>
      this.webhookInteraction(context).getMessage(context.params['message'] ?? ''));
    this.on('PATCH', '/webhooks/:app/:token/messages/:message', false, (context) =>
      this.webhookInteraction(context).editMessage(context.params['message'] ?? '', context.body, context.files));
    this.on('DELETE', '/webhooks/:app/:token/messages/:message', false, (context) =>
      this.webhookInteraction(context).deleteMessage(context.params['message'] ?? ''));
  }

  private webhookInteraction(context: RouteContext): InteractionRecord {
    const interaction = this.options.findInteractionByToken(context.params['token'] ?? '');
    if (!interaction || context.params['app'] !== this.options.world.applicationId) {
      throw unknownWebhook('unknown-webhook', 'webhook id/token does not belong to an interaction the fake sent');
    }
    context.interaction = interaction;
    return interaction;
  }

  private commandScope(context: RouteContext): string | undefined {
    if (context.params['app'] !== this.options.world.applicationId) throw missingAccess('application id in the path is not the bot\'s');
    const guildId = context.params['guild'];
    if (guildId !== undefined && guildId !== this.options.world.guildId) throw missingAccess(`bot is not in guild ${guildId}`);
    return guildId;
  }

  private overwriteCommands(context: RouteContext): RestResult {
    const guildId = this.commandScope(context);
    const definitions = Array.isArray(context.body) ? context.body : [];
    const errors = Array.isArray(context.body)
      ? checkCommandDefinitions(definitions)
      : [{ path: [], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }];
    const commands = definitions as RESTPostAPIApplicationCommandsJSONBody[];
    if (errors.length > 0) {
      this.recordRegistration(guildId, 'PUT', commands, 400);
      throw invalidFormBody(errors);
    }
    this.recordRegistration(guildId, 'PUT', commands, 200);
    return { status: 200, body: this.options.commands.overwrite(guildId, commands) };
  }

  private upsertCommand(context: RouteContext): RestResult {
    const guildId = this.commandScope(context);
    // Single-command bodies report errors without the list index.
    const errors = checkCommandDefinitions([context.body]).map((error) => ({ ...error, path: error.path.slice(1) }));
    const definition = context.body as RESTPostAPIApplicationCommandsJSONBody;
    if (errors.length > 0 || !isRecord(context.body)) {
      this.recordRegistration(guildId, 'POST', [definition], 400);
      throw invalidFormBody(errors);
    }
    const { command, created } = this.options.commands.upsert(guildId, definition);
    this.recordRegistration(guildId, 'POST', [definition], created ? 201 : 200);
    return { status: created ? 201 : 200, body: command };
  }

  private recordRegistration(guildId: string | undefined, method: CommandRegistration['method'], commands: RESTPostAPIApplicationCommandsJSONBody[], status: number): void {
    this.records.commandRegistrations.push({
      scope: guildId ? 'guild' : 'global',
      ...(guildId ? { guildId } : {}),
      method,
      commands,
      status,
      at: new Date(),
    });
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
