import {
  ApplicationCommandType,
  type APIApplicationCommand,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { buildCommand } from './payloads.js';

const GLOBAL = 'global';
const keyOf = (definition: { type?: ApplicationCommandType; name: string }): string =>
  `${definition.type ?? ApplicationCommandType.ChatInput}:${definition.name}`;

/** Registered commands per scope; ids survive overwrites of a same-named command, as on Discord. */
export class CommandRegistry {
  private readonly scopes = new Map<string, Map<string, APIApplicationCommand>>();

  constructor(
    private readonly applicationId: string,
    private readonly nextId: () => string,
  ) {}

  overwrite(guildId: string | undefined, definitions: RESTPostAPIApplicationCommandsJSONBody[]): APIApplicationCommand[] {
    const previous = this.scope(guildId);
    const next = new Map<string, APIApplicationCommand>();
    for (const definition of definitions) {
      const id = previous.get(keyOf(definition))?.id ?? this.nextId();
      next.set(keyOf(definition), buildCommand(definition, id, this.applicationId, guildId, this.nextId()));
    }
    this.scopes.set(guildId ?? GLOBAL, next);
    return [...next.values()];
  }

  upsert(guildId: string | undefined, definition: RESTPostAPIApplicationCommandsJSONBody): { command: APIApplicationCommand; created: boolean } {
    const scope = this.scope(guildId);
    const existing = scope.get(keyOf(definition));
    const command = buildCommand(definition, existing?.id ?? this.nextId(), this.applicationId, guildId, this.nextId());
    scope.set(keyOf(definition), command);
    this.scopes.set(guildId ?? GLOBAL, scope);
    return { command, created: existing === undefined };
  }

  delete(guildId: string | undefined, commandId: string): boolean {
    const scope = this.scope(guildId);
    for (const [key, command] of scope) {
      if (command.id === commandId) return scope.delete(key);
    }
    return false;
  }

  list(guildId?: string): APIApplicationCommand[] {
    return [...this.scope(guildId).values()];
  }

  get(guildId: string | undefined, commandId: string): APIApplicationCommand | undefined {
    return this.list(guildId).find((command) => command.id === commandId);
  }

  /** What a user in `guildId` (or a DM) would be offered under that name: guild commands shadow global ones. */
  findChatInput(name: string, guildId: string | undefined): APIApplicationCommand | undefined {
    const key = keyOf({ name });
    return (guildId ? this.scopes.get(guildId)?.get(key) : undefined) ?? this.scopes.get(GLOBAL)?.get(key);
  }

  private scope(guildId: string | undefined): Map<string, APIApplicationCommand> {
    return this.scopes.get(guildId ?? GLOBAL) ?? new Map();
  }
}
