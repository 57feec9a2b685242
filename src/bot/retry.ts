import { setTimeout as sleep } from 'node:timers/promises';

/** Network failures where the request may simply be sent again (the connection, not Discord, failed). */
const TRANSIENT_CODES = new Set([
  'UND_ERR_SOCKET', // "other side closed": a kept-alive connection the server had just closed
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/** True for a connection-level failure (discord.js retries ECONNRESET itself, but not a closed kept-alive socket). */
export function isTransient(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  }
  return false;
}

/**
 * Runs an idempotent request (an edit, never an initial response, which Discord accepts only
 * once) again after a transient network failure, so a computed answer is not lost to a dropped connection.
 */
export async function retryTransient<T>(request: () => Promise<T>, attempts = 3, delayMs = 200): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await sleep(delayMs * attempt);
    }
  }
}
