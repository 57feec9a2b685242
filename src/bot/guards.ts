import { PermissionFlagsBits, type Interaction } from 'discord.js';

export const MAX_QUESTION_LENGTH = 500;

export type Validated = { ok: true; text: string } | { ok: false; message: string };

/** A question or query as typed: not empty, not only invisible characters, not too long. */
export function validateQuestion(raw: string | null | undefined, what = 'question'): Validated {
  const text = (raw ?? '').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
  if (text === '') return { ok: false, message: `Please type a ${what}: it can't be empty.` };
  if (text.length > MAX_QUESTION_LENGTH) {
    return { ok: false, message: `That ${what} is ${text.length} characters long; please keep it under ${MAX_QUESTION_LENGTH}.` };
  }
  return { ok: true, text };
}

/** Per-user cooldown: how many seconds a user must still wait, or 0 (and the use is recorded). */
export class Cooldowns {
  private readonly last = new Map<string, number>();

  constructor(private readonly seconds: number) {}

  take(userId: string, now = Date.now()): number {
    const previous = this.last.get(userId);
    if (previous !== undefined && now - previous < this.seconds * 1000) return Math.ceil((previous + this.seconds * 1000 - now) / 1000);
    this.last.set(userId, now);
    if (this.last.size > 10_000) this.last.delete(this.last.keys().next().value!); // bounded: forget the oldest
    return 0;
  }
}

/** Manage Guild, or one of the configured moderator roles, inside a server. */
export function isModerator(interaction: Interaction, moderatorRoleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member.roles;
  const ids = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return ids.some((id) => moderatorRoleIds.includes(id));
}
