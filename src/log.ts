import pino from 'pino';

/** Paths pino blanks wherever they appear, so a token can't reach a log line by accident. */
export const redactedPaths = [
  'token', '*.token', '*.*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization',
  '*.headers.authorization', 'authorization', '*.authorization', 'apiKey', '*.apiKey', 'LLM_API_KEY',
];

export type Logger = pino.Logger;

/** JSON lines when piped (production), pretty when a person watches a terminal; logs go to stderr so stdout stays clean for answers and JSON. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination: pino.DestinationStream | number = 2): Logger {
  const pretty = typeof destination === 'number' && process.stderr.isTTY && process.env.LOG_FORMAT !== 'json';
  const options: pino.LoggerOptions = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination, colorize: true, ignore: 'pid,hostname' } } });
  }
  return pino(options, typeof destination === 'number' ? pino.destination(destination) : destination);
}
