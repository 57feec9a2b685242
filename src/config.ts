import path from 'node:path';
import type { LlmSettings } from './answer/llm.js';

/** Which embedder to use: `auto` prefers transformers.js and falls back to the bundled USE-Lite. */
export type EmbeddingChoice = 'auto' | 'transformers' | 'use-lite';

export interface Config {
  corpusDir: string;
  indexDir: string;
  modelDir: string;
  embeddingModel: EmbeddingChoice;
  transformersModel: string;
  hubTimeoutMs: number;
  chunkSize: number;
  chunkOverlap: number;
  logLevel: string;
  /** Answers (/ask, /search) computed at once; more wait in a queue. */
  maxConcurrentAnswers: number;
  /** Answers that may wait for a slot; past this, users are told the bot is busy. */
  maxQueuedAnswers: number;
  discord: DiscordConfig;
  /** Generated answers from an OpenAI-compatible chat model; absent: extractive answers only. */
  llm?: LlmSettings;
}

export interface DiscordConfig {
  /** Absent: `npm start` opens terminal mode instead of connecting. */
  token?: string;
  guildId?: string;
  /** REST base override (tests, proxies), e.g. http://127.0.0.1:PORT/api. */
  apiBase?: string;
  moderatorRoleIds: string[];
  cooldownSeconds: number;
  shutdownGraceMs: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/**
 * Unset means terminal mode. Set but blank, or pasted with a prefix or spaces, is a mistake worth
 * one clear line; the message never repeats the value, since it is a secret.
 */
function discordToken(env: Env): string | undefined {
  const raw = env.DISCORD_TOKEN;
  if (raw === undefined) return undefined;
  const token = raw.trim();
  if (token === '') {
    throw new ConfigError('DISCORD_TOKEN is set but empty: put the bot token after DISCORD_TOKEN=, or remove the line to use terminal mode');
  }
  if (/^Bot\s/i.test(token)) throw new ConfigError('DISCORD_TOKEN starts with "Bot ": set the token alone, without the prefix');
  if (/[\s\p{Cc}]/u.test(token)) throw new ConfigError('DISCORD_TOKEN contains spaces or control characters: paste the token alone, on one line');
  return token;
}

const SNOWFLAKE = /^\d{15,21}$/;

function snowflakes(env: Env, name: string): string[] {
  const ids = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.find((id) => !SNOWFLAKE.test(id));
  if (bad) throw new ConfigError(`${name} must be Discord ids separated by commas (got "${bad}")`);
  return ids;
}

function url(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL such as http://127.0.0.1:8080/api (got "${raw}")`);
  }
  return raw.replace(/\/+$/, '');
}

function choice<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function llmSettings(env: Env): LlmSettings | undefined {
  const baseUrl = url(env, 'LLM_BASE_URL');
  if (!baseUrl) return undefined;
  const model = env.LLM_MODEL?.trim();
  if (!model) throw new ConfigError('LLM_MODEL must name the chat model when LLM_BASE_URL is set (e.g. llama3.1 for Ollama)');
  return { baseUrl, model, apiKey: env.LLM_API_KEY?.trim() || undefined, timeoutMs: integer(env, 'LLM_TIMEOUT_MS', 20000, 500, 300000) };
}

/** Reads and validates every setting once; a bad value is one clear line, not a stack trace later. */
export function loadConfig(env: Env = process.env): Config {
  const chunkSize = integer(env, 'CHUNK_SIZE', 900, 200, 8000);
  const chunkOverlap = integer(env, 'CHUNK_OVERLAP', 180, 0, 4000);
  if (chunkOverlap >= chunkSize) throw new ConfigError('CHUNK_OVERLAP must be smaller than CHUNK_SIZE');
  return {
    corpusDir: path.resolve(env.CORPUS_DIR?.trim() || 'corpus'),
    indexDir: path.resolve(env.INDEX_DIR?.trim() || 'index'),
    modelDir: path.resolve(env.MODEL_DIR?.trim() || 'models'),
    embeddingModel: choice(env, 'EMBEDDING_MODEL', ['auto', 'transformers', 'use-lite'] as const, 'auto'),
    transformersModel: env.TRANSFORMERS_MODEL?.trim() || 'Xenova/multilingual-e5-small',
    hubTimeoutMs: integer(env, 'HUB_TIMEOUT_MS', 3000, 100, 120000),
    chunkSize,
    chunkOverlap,
    logLevel: choice(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    maxConcurrentAnswers: integer(env, 'MAX_CONCURRENT_ANSWERS', 4, 1, 64),
    maxQueuedAnswers: integer(env, 'MAX_QUEUED_ANSWERS', 200, 0, 10000),
    llm: llmSettings(env),
    discord: {
      token: discordToken(env),
      guildId: snowflakes(env, 'DISCORD_GUILD_ID')[0],
      apiBase: url(env, 'DISCORD_API_BASE'),
      moderatorRoleIds: snowflakes(env, 'MODERATOR_ROLE_IDS'),
      cooldownSeconds: integer(env, 'COOLDOWN_SECONDS', 5, 0, 3600),
      shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10000, 0, 120000),
    },
  };
}
