import pino from 'pino';

/** Paths pino blanks wherever they appear, so a token can't reach a log line by accident. */
export const redactedPaths = [
  'token', '*.token', '*.*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization',
  '*.headers.authorization', 'authorization', '*.authorization', 'apiKey', '*.apiKey', 'LLM_API_KEY',
];

export type Logger = pino.Logger;

const REDACTED = '[redacted]';
/** Interaction tokens travel in webhook and callback URLs, which discord.js errors carry. */
const INTERACTION_TOKEN_IN_URL = /(\/(?:webhooks|interactions)\/\d+\/)[^/?#"\s\\]+/g;
/** Shorter values would blank ordinary words; real bot tokens are about 70 characters. */
const MIN_SECRET_LENGTH = 8;

/** The secrets to keep out of output: the bot token and an LLM key from the environment, unless given. */
function secretsToScrub(secrets: readonly (string | undefined)[] | undefined): string[] {
  const candidates = secrets ?? [process.env.DISCORD_TOKEN?.trim(), process.env.LLM_API_KEY?.trim()];
  return candidates.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
}

/**
 * Removes every given secret, and interaction tokens in URLs, from a text: the last line of
 * defence behind redaction, for secrets quoted inside messages (an error's text, a URL).
 */
export function scrubSecrets(text: string, secrets?: readonly (string | undefined)[]): string {
  let out = text.replace(INTERACTION_TOKEN_IN_URL, `$1${REDACTED}`);
  for (const secret of secretsToScrub(secrets)) out = out.split(secret).join(REDACTED);
  return out;
}

export interface LoggerOptions {
  /** Values never written, wherever they appear in a line. Default: DISCORD_TOKEN and LLM_API_KEY from the environment. */
  secrets?: readonly (string | undefined)[];
}

/** JSON lines when piped (production), pretty when a person watches a terminal; logs go to stderr so stdout stays clean for answers and JSON. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination: pino.DestinationStream | number = 2, { secrets }: LoggerOptions = {}): Logger {
  const pretty = typeof destination === 'number' && process.stderr.isTTY && process.env.LOG_FORMAT !== 'json';
  const scrubbed = secretsToScrub(secrets);
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: redactedPaths, censor: REDACTED },
    // Redaction covers known fields; this covers a secret quoted anywhere else (an error message, a URL).
    hooks: { streamWrite: (line) => scrubSecrets(line, scrubbed) },
  };
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination, colorize: true, ignore: 'pid,hostname' } } });
  }
  // Written synchronously, so the last lines before an exit are neither lost nor reordered.
  return pino(options, typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination);
}
