import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Returns a function producing unique, time-ordered snowflakes (as Discord does). */
export function createSnowflakeGenerator(): () => string {
  let increment = 0n;
  let lastTimestamp = 0n;
  return () => {
    let timestamp = BigInt(Date.now()) - DISCORD_EPOCH_MS;
    if (timestamp <= lastTimestamp) timestamp = lastTimestamp;
    if (timestamp !== lastTimestamp) increment = 0n;
    lastTimestamp = timestamp;
    const id = (timestamp << 22n) | (1n << 17n) | (1n << 12n) | (increment & 0xfffn);
    increment += 1n;
    return id.toString();
  };
}

/**
 * Interaction tokens are opaque; standard base64 makes sure '/', '+' and '='
 * appear, so a bot that forgets to URL-encode the token gets caught.
 */
export function randomInteractionToken(): string {
  return `aW50ZXJhY3Rpb24+${randomBytes(48).toString('base64')}`;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
