import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIMessage,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord-api-types/v10';
import {
  alreadyAcknowledged,
  emptyMessage,
  invalidFormBody,
  invalidWebhookToken,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
  type DiscordHttpError,
  type FieldError,
} from './errors.js';
import { checkAutocompleteChoices, checkMessageLimits, checkModal, isEmptyMessage, isRecord } from './limits.js';
import { applyMessageBody, createStoredMessage, toVisibleMessage, type StoredMessage } from './messages.js';
import { buildMessage } from './payloads.js';
import type {
  InteractionHandle,
  MessagePredicate,
  MessageWrite,
  MessageWriteKind,
  RecordedCallback,
  RecordedEdit,
  RecordedFile,
  RecordedFollowUp,
  Violation,
  VisibleMessage,
} from './types.js';
import { Waiters } from './waiters.js';
import type { FakeWorld } from './world.js';

export interface InteractionContext {
  world: FakeWorld;
  nextId: () => string;
  ackDeadlineMs: number;
  tokenLifetimeMs: number;
  /** Every message any interaction produced, by id, so later button clicks can find them. */
  messages: Map<string, StoredMessage>;
  recordMessageWrite(write: MessageWrite): void;
}

/** Status and JSON body the REST layer should answer with (no body → 204). */
export interface RestResult {
  status: number;
  body?: unknown;
}

const ALLOWED_CALLBACKS: Partial<Record<InteractionType, readonly InteractionResponseType[]>> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

const DEFERRALS = new Set<InteractionResponseType>([
  InteractionResponseType.DeferredChannelMessageWithSource,
  InteractionResponseType.DeferredMessageUpdate,
]);

const ORIGINAL = '@original';

/** Server-side state of one interaction plus the test-facing handle. */
export class InteractionRecord implements InteractionHandle {
  readonly callbacks: RecordedCallback[] = [];
  readonly edits: RecordedEdit[] = [];
  readonly followUps: RecordedFollowUp[] = [];
  readonly violations: Violation[] = [];
  firstResponseMs: number | undefined;
  acknowledged = false;

  private readonly dispatchedAt = performance.now();
  private lastActivityAt = this.dispatchedAt;
  private missedDeadline = false;
  private response: StoredMessage | undefined;
  private readonly followUpIds: string[] = [];
  private readonly waiters = new Waiters();

  constructor(
    readonly payload: APIInteraction,
    private readonly context: InteractionContext,
    /** For component clicks: the message the component is on. */
    private readonly sourceMessage?: StoredMessage,
  ) {}

  get id(): string {
    return this.payload.id;
  }

  get token(): string {
    return this.payload.token;
  }

  get label(): string {
    const data = this.payload.data;
    if (data && 'name' in data) return `/${data.name}`;
    if (data && 'custom_id' in data) return `component ${data.custom_id}`;
    return `interaction type ${this.payload.type}`;
  }

  // ----- test-facing helpers -----

  visibleMessage(): VisibleMessage | undefined {
    return this.response ? toVisibleMessage(this.response) : undefined;
  }

  visibleFollowUps(): VisibleMessage[] {
    return this.followUpIds.flatMap((id) => {
      const message = this.context.messages.get(id);
      return message ? [toVisibleMessage(message)] : [];
    });
  }

  waitForCallback(timeoutMs = 5_000): Promise<RecordedCallback> {
    return this.waitUntil(() => this.callbacks[0], timeoutMs, 'no initial callback');
  }

  waitForFinal(timeoutMs = 10_000): Promise<VisibleMessage> {
    return this.waitUntil(() => (this.hasFinalMessage() ? this.visibleMessage() : undefined), timeoutMs, 'no final message');
  }

  async waitForSettled(quietMs = 250, timeoutMs = 10_000): Promise<VisibleMessage> {
    const deadline = performance.now() + timeoutMs;
    await this.waitForFinal(timeoutMs);
    for (;;) {
      const quietFor = performance.now() - this.lastActivityAt;
      const message = this.visibleMessage();
      if (quietFor >= quietMs && message) return message;
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new Error(`still changing after ${timeoutMs} ms — ${this.describe()}`);
      await sleep(Math.min(quietMs - quietFor, remaining));
    }
  }

  waitFor(predicate: MessagePredicate, timeoutMs = 10_000): Promise<VisibleMessage> {
    return this.waitUntil(() => {
      const message = this.visibleMessage();
      return message && predicate(message, this) ? message : undefined;
    }, timeoutMs, 'predicate never held');
  }

  describe(): string {
    const callbacks = this.callbacks.map((callback) => `${callback.type}→${callback.status}`).join(',');
    const edits = this.edits.map((edit) => `${edit.messageId}→${edit.status}`).join(',');
    const followUps = this.followUps.map((followUp) => `${followUp.status}`).join(',');
    const violations = this.violations.map((violation) => `${violation.rule}: ${violation.message}`).join(' | ');
    return `${this.label} (${this.id}): callbacks=[${callbacks}] edits=[${edits}] followUps=[${followUps}] violations=[${violations}]`;
  }

  /** Called by the REST layer whenever a request touched this interaction. */
  notify(): void {
    this.lastActivityAt = performance.now();
    this.waiters.notify();
  }

  addViolation(violation: Violation): void {
    this.violations.push(violation);
  }

  // ----- REST operations -----

  handleCallback(body: unknown, files: RecordedFile[], withResponse: boolean): RestResult {
    const elapsedMs = performance.now() - this.dispatchedAt;
    this.firstResponseMs ??= elapsedMs;
    const type = (isRecord(body) && typeof body['type'] === 'number' ? body['type'] : -1) as InteractionResponseType;
    const data = isRecord(body) && isRecord(body['data']) ? body['data'] : undefined;
    const record: RecordedCallback = { type, data, files, elapsedMs, status: 0, accepted: false, at: new Date() };
    this.callbacks.push(record);
    try {
      const result = this.applyCallback(type, data ?? {}, files, elapsedMs, withResponse);
      record.status = result.status;
      record.accepted = true;
      return result;
    } catch (error) {
      record.status = (error as DiscordHttpError).status ?? 500;
      throw error;
    }
  }

  private applyCallback(
    type: InteractionResponseType,
    data: Record<string, unknown>,
    files: RecordedFile[],
    elapsedMs: number,
    withResponse: boolean,
  ): RestResult {
    if (this.acknowledged) throw alreadyAcknowledged();
    if (this.missedDeadline || elapsedMs > this.context.ackDeadlineMs) {
      this.missedDeadline = true;
      throw unknownInteraction(
        'late-initial-callback',
        `first callback ${Math.round(elapsedMs)} ms after dispatch (limit ${this.context.ackDeadlineMs} ms)`,
      );
    }
    if (!ALLOWED_CALLBACKS[this.payload.type]?.includes(type)) {
      throw invalidFormBody(
        [{ path: ['type'], code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Callback type ${type} is not valid for interaction type ${this.payload.type}` }],
        'invalid-callback-type',
      );
    }
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        this.response = this.createMessage(data, files, 'reply');
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = (typeof data['flags'] === 'number' ? data['flags'] & MessageFlags.Ephemeral : 0) | MessageFlags.Loading;
        this.response = this.storeMessage(createStoredMessage({ ...this.newMessageInit(), thinking: true, flags }));
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        this.response = this.sourceMessage;
        break;
      case InteractionResponseType.UpdateMessage:
        if (this.sourceMessage) this.applyEdit(this.sourceMessage, data, files, 'update');
        this.response = this.sourceMessage;
        break;
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        this.rejectIfInvalid(checkAutocompleteChoices(data));
        break;
      case InteractionResponseType.Modal:
        this.rejectIfInvalid(checkModal(data));
        break;
    }
    this.acknowledged = true;
    return withResponse ? { status: 200, body: this.callbackResponse(type) } : { status: 204 };
  }

  private callbackResponse(type: InteractionResponseType): RESTPostAPIInteractionCallbackWithResponseResult {
    const message = this.response;
    return {
      interaction: {
        id: this.id,
        type: this.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: message.thinking,
              response_message_ephemeral: (message.flags & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type, ...(message ? { message: this.toApiMessage(message) } : {}) },
    };
  }

  editMessage(messageId: string, body: unknown, files: RecordedFile[]): RestResult {
    const record: RecordedEdit = { messageId, body: isRecord(body) ? body : {}, files, status: 0, accepted: false, at: new Date() };
    this.edits.push(record);
    try {
      this.checkToken();
      const target = this.resolveMessage(messageId);
      this.applyEdit(target, record.body, files, messageId === ORIGINAL || target === this.response ? 'edit-original' : 'edit-follow-up');
      record.status = 200;
      record.accepted = true;
      return { status: 200, body: this.toApiMessage(target) };
    } catch (error) {
      record.status = (error as DiscordHttpError).status ?? 500;
      throw error;
    }
  }

  getMessage(messageId: string): RestResult {
    this.checkToken();
    return { status: 200, body: this.toApiMessage(this.resolveMessage(messageId)) };
  }

  deleteMessage(messageId: string): RestResult {
    this.checkToken();
    this.resolveMessage(messageId).deleted = true;
    return { status: 204 };
  }

  createFollowUp(body: unknown, files: RecordedFile[], wait: boolean): RestResult {
    const json = isRecord(body) ? body : {};
    const ephemeral = typeof json['flags'] === 'number' && (json['flags'] & MessageFlags.Ephemeral) !== 0;
    const record: RecordedFollowUp = {
      messageId: undefined, body: json, files, ephemeral, replacedThinking: false, status: 0, accepted: false, at: new Date(),
    };
    this.followUps.push(record);
    try {
      this.checkToken();
      if (!this.acknowledged) throw unknownWebhook('followup-before-callback', 'follow-up sent before any initial callback');
      let message: StoredMessage;
      if (this.response?.thinking && this.initialCallbackType() === InteractionResponseType.DeferredChannelMessageWithSource) {
        // Discord turns the "thinking…" placeholder into the first follow-up, keeping the deferral's ephemerality.
        message = this.response;
        this.applyEdit(message, json, files, 'follow-up');
        record.replacedThinking = true;
      } else {
        message = this.createMessage(json, files, 'follow-up');
        this.followUpIds.push(message.id);
      }
      record.messageId = message.id;
      record.status = wait ? 200 : 204;
      record.accepted = true;
      return wait ? { status: 200, body: this.toApiMessage(message) } : { status: 204 };
    } catch (error) {
      record.status = (error as DiscordHttpError).status ?? 500;
      throw error;
    }
  }

  // ----- internals -----

  private initialCallbackType(): InteractionResponseType | undefined {
    return this.callbacks.find((callback) => callback.accepted)?.type;
  }

  private hasFinalMessage(): boolean {
    const type = this.initialCallbackType();
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage) return true;
    if (type === undefined || !DEFERRALS.has(type)) return false;
    return this.edits.some((edit) => edit.accepted) || this.followUps.some((followUp) => followUp.accepted && followUp.replacedThinking);
  }

  private checkToken(): void {
    if (performance.now() - this.dispatchedAt > this.context.tokenLifetimeMs) throw invalidWebhookToken();
  }

  private resolveMessage(messageId: string): StoredMessage {
    if (!this.acknowledged) {
      throw unknownMessage('edit-before-callback', `${messageId} used before any initial callback`);
    }
    const message = messageId === ORIGINAL
      ? this.response
      : [this.response, ...this.followUpIds.map((id) => this.context.messages.get(id))].find((candidate) => candidate?.id === messageId);
    if (!message || message.deleted) throw unknownMessage('unknown-message', `no message ${messageId} for this interaction`);
    return message;
  }

  private newMessageInit() {
    return {
      id: this.context.nextId(),
      channelId: this.payload.channel?.id ?? this.context.world.textChannel.id,
      interactionId: this.id,
      isCommandResponse: this.payload.type === InteractionType.ApplicationCommand,
    };
  }

  private storeMessage(message: StoredMessage): StoredMessage {
    this.context.messages.set(message.id, message);
    return message;
  }

  private createMessage(body: Record<string, unknown>, files: RecordedFile[], kind: MessageWriteKind): StoredMessage {
    this.validateWrite(body, files, kind, true);
    const flags = typeof body['flags'] === 'number' ? body['flags'] : 0;
    const message = createStoredMessage({ ...this.newMessageInit(), thinking: false, flags });
    applyMessageBody(message, body, files, this.context.nextId);
    this.recordWrite(kind, body, true);
    return this.storeMessage(message);
  }

  private applyEdit(message: StoredMessage, body: Record<string, unknown>, files: RecordedFile[], kind: MessageWriteKind): void {
    // Replacing "thinking…" creates the visible message, so it must not be empty either.
    this.validateWrite(body, files, kind, message.thinking);
    applyMessageBody(message, body, files, this.context.nextId);
    if (message.thinking) {
      message.thinking = false;
      message.flags &= ~MessageFlags.Loading;
    } else {
      message.editCount += 1;
      message.editedAt = new Date();
    }
    this.recordWrite(kind, body, true);
  }

  /** Rejected writes are recorded too, so mention safety can be checked on every attempt. */
  private validateWrite(body: Record<string, unknown>, files: RecordedFile[], kind: MessageWriteKind, mustShowSomething: boolean): void {
    const errors = checkMessageLimits(body, files.length);
    const error = errors.length > 0
      ? invalidFormBody(errors)
      : mustShowSomething && isEmptyMessage(body, files.length) ? emptyMessage() : undefined;
    if (!error) return;
    this.recordWrite(kind, body, false);
    throw error;
  }

  private rejectIfInvalid(errors: FieldError[]): void {
    if (errors.length > 0) throw invalidFormBody(errors);
  }

  private recordWrite(kind: MessageWriteKind, body: Record<string, unknown>, accepted: boolean): void {
    this.context.recordMessageWrite({
      kind,
      interactionId: this.id,
      allowedMentions: isRecord(body['allowed_mentions']) ? (body['allowed_mentions'] as MessageWrite['allowedMentions']) : undefined,
      content: typeof body['content'] === 'string' ? body['content'] : undefined,
      accepted,
      at: new Date(),
    });
  }

  private toApiMessage(message: StoredMessage): APIMessage {
    return buildMessage(this.context.world, message);
  }

  /** Rejects pending waits so a closed fake leaves no timers behind. */
  cancelWaits(reason: string): void {
    this.waiters.cancelAll(reason);
  }

  private waitUntil<T>(check: () => T | undefined, timeoutMs: number, failure: string): Promise<T> {
    return this.waiters.until(check, timeoutMs, failure, () => this.describe());
  }
}
