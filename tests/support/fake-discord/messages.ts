import { MessageFlags, type APIAttachment, type APIEmbed, type APIMessageTopLevelComponent } from 'discord-api-types/v10';
import { isRecord } from './limits.js';
import type { RecordedFile, VisibleMessage } from './types.js';

/** The fake's own copy of a message the bot produced through an interaction. */
export interface StoredMessage {
  id: string;
  channelId: string;
  interactionId: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: APIAttachment[];
  flags: number;
  thinking: boolean;
  deleted: boolean;
  editCount: number;
  isCommandResponse: boolean;
  createdAt: Date;
  editedAt: Date | undefined;
}

export interface NewMessageInit {
  id: string;
  channelId: string;
  interactionId: string;
  isCommandResponse: boolean;
  thinking: boolean;
  flags: number;
}

export function createStoredMessage(init: NewMessageInit): StoredMessage {
  return {
    ...init,
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    deleted: false,
    editCount: 0,
    createdAt: new Date(),
    editedAt: undefined,
  };
}

// Ephemerality is fixed by the initial response; edits cannot change it.
const FIXED_FLAGS = MessageFlags.Ephemeral;

/**
 * Applies a create/edit body the way Discord does: fields present replace, fields absent
 * stay, `null` clears.
 */
export function applyMessageBody(
  message: StoredMessage,
  body: Record<string, unknown>,
  files: readonly RecordedFile[],
  nextId: () => string,
): void {
  if ('content' in body) message.content = typeof body['content'] === 'string' ? body['content'] : '';
  if ('embeds' in body) {
    message.embeds = Array.isArray(body['embeds'])
      ? body['embeds'].filter(isRecord).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed)
      : [];
  }
  if ('components' in body) {
    message.components = Array.isArray(body['components']) ? (body['components'] as APIMessageTopLevelComponent[]) : [];
  }
  if (typeof body['flags'] === 'number') {
    message.flags = (message.flags & FIXED_FLAGS) | (body['flags'] & ~FIXED_FLAGS);
  }
  if ('attachments' in body || files.length > 0) {
    message.attachments = mergeAttachments(message.attachments, body['attachments'], files, nextId);
  }
}

function mergeAttachments(
  existing: readonly APIAttachment[],
  requested: unknown,
  files: readonly RecordedFile[],
  nextId: () => string,
): APIAttachment[] {
  const entries = Array.isArray(requested) ? requested.filter(isRecord) : [];
  // Without an `attachments` list Discord keeps what was there and appends new files.
  const kept = Array.isArray(requested)
    ? existing.filter((attachment) => entries.some((entry) => String(entry['id']) === attachment.id))
    : [...existing];
  const added = files.map((file, index): APIAttachment => {
    const fileIndex = /\[(\d+)\]/.exec(file.field)?.[1] ?? String(index);
    const entry = entries.find((candidate) => String(candidate['id']) === fileIndex);
    const filename = typeof entry?.['filename'] === 'string' ? entry['filename'] : file.filename;
    const id = nextId();
    return {
      id,
      filename,
      size: file.size,
      url: `https://cdn.fake-discord.invalid/attachments/${id}/${encodeURIComponent(filename)}`,
      proxy_url: `https://media.fake-discord.invalid/attachments/${id}/${encodeURIComponent(filename)}`,
      ...(file.contentType ? { content_type: file.contentType } : {}),
    };
  });
  return [...kept, ...added];
}

export function toVisibleMessage(message: StoredMessage): VisibleMessage {
  return structuredClone({
    id: message.id,
    channelId: message.channelId,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments,
    flags: message.flags,
    ephemeral: (message.flags & MessageFlags.Ephemeral) !== 0,
    thinking: message.thinking,
    deleted: message.deleted,
    editCount: message.editCount,
  });
}
