import { AllowedMentionsTypes, type APIAllowedMentions } from 'discord-api-types/v10';

/**
 * True when a message with these allowed_mentions cannot ping anyone through parsing:
 * Discord parses every mention when the field is missing, and whatever `parse` lists otherwise.
 * Explicit `users`/`roles` id lists are allowed (they are deliberate).
 */
export function mentionsAreSuppressed(allowedMentions: APIAllowedMentions | undefined): boolean {
  if (allowedMentions === undefined) return false;
  const parse = allowedMentions.parse ?? [];
  return ![AllowedMentionsTypes.Everyone, AllowedMentionsTypes.Role, AllowedMentionsTypes.User].some((type) => parse.includes(type));
}
