import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger, scrubSecrets } from '../src/log.js';
import type { KnowledgeHost } from '../src/knowledgeHost.js';
import { startFakeDiscord } from './support/fake-discord/index.js';
import { startEntryPoint } from './support/botProcess.js';
import { APOLOGY_TEXT, MANAGE_GUILD, STACK_TRACE, TOKEN, answered, someUser, startBotAgainstFake, visibleText, removeScratch, scratch } from './support/harness.js';
import { LogCapture, startInProcessBot } from './support/inProcessBot.js';

const run = promisify(execFile);

/** Lines a person reads on stderr, leaving out the JSON log lines. */
const plainLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));

describe('the token never reaches the logs', () => {
  it('is blanked by redaction in known fields and scrubbed from any other text of a log line', () => {
    const capture = new LogCapture();
    const log = createLogger('trace', capture, { secrets: [TOKEN] });
    log.info({ token: TOKEN, config: { discord: { token: TOKEN } }, headers: { authorization: `Bot ${TOKEN}` } }, 'settings');
    log.info({ deep: { down: { below: { token: TOKEN } } } }, `the message quotes ${TOKEN}`);
    log.error({ err: new Error(`login failed for ${TOKEN}`) }, 'failed');
    log.warn({ url: 'http://127.0.0.1/api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb24+abc/messages/@original' }, 'edit failed');
    log.warn({ url: 'http://127.0.0.1/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb24+abc/callback' }, 'callback failed');
    expect(capture.lines).toHaveLength(5);
    expect(capture.text).not.toContain(TOKEN);
    expect(capture.text).not.toContain('aW50ZXJhY3Rpb24+abc');
    expect(capture.text).toContain('[redacted]');
    expect(capture.parsed().map((l) => l.msg)).toEqual(['settings', 'the message quotes [redacted]', 'failed', 'edit failed', 'callback failed']);
    expect(scrubSecrets(`x ${TOKEN} y`, [TOKEN])).toBe('x [redacted] y');
    // A one-letter "secret" would blank every such letter: too short to be a token, so left alone.
    expect(scrubSecrets('a b c', ['a'])).toBe('a b c');
  });

  it('during start-up, answering and shutdown of the bot process, even at LOG_LEVEL=trace', async () => {
    const bot = await startBotAgainstFake(inject('realIndexDir'), { LOG_LEVEL: 'trace' });
    try {
      const message = await answered(bot.ask('Who composed the score?'));
      expect(visibleText(message)).toContain('Desplat');
      bot.bot.child.kill('SIGTERM');
      expect(await bot.bot.exited).toBe(0);
      expect(bot.bot.stderr()).toContain('connected to Discord');
      expect(bot.bot.stderr()).not.toContain(TOKEN);
      expect(bot.bot.stdout()).not.toContain(TOKEN);
      for (const write of bot.fake.messageWrites) expect(JSON.stringify(write)).not.toContain(TOKEN);
      // The token goes to Discord only in the Authorization header (REST) and IDENTIFY (gateway).
      for (const request of bot.fake.requests) expect(JSON.stringify({ ...request, authorization: undefined })).not.toContain(TOKEN);
    } finally {
      await bot.close();
    }
  });

  it('when Discord refuses the token: one clear line without it, and a non-zero exit', async () => {
    const fake = await startFakeDiscord({ botToken: TOKEN });
    const wrong = 'wrong-token.MTIzNDU2Nzg5MDEyMzQ1Njc4.revoked-yesterday-abcdef';
    try {
      const bot = startEntryPoint({ DISCORD_TOKEN: wrong, DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: 'trace' }, await scratch(inject('realIndexDir')));
      expect(await bot.exited).toBe(1);
      expect(plainLines(bot.stderr())).toEqual(['Could not start: Discord refused the bot token. Check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token).']);
      expect(bot.stderr() + bot.stdout()).not.toContain(wrong);
      expect(fake.identifies).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('when Discord cannot be reached: one clear line, a non-zero exit', async () => {
    const bot = startEntryPoint({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: 'http://127.0.0.1:9/api' }, await scratch(inject('realIndexDir')));
    expect(await bot.exited).toBe(1);
    expect(plainLines(bot.stderr())).toEqual([expect.stringMatching(/^Could not start: Could not connect to Discord: .*ECONNREFUSED/)]);
    expect(bot.stderr()).not.toContain(TOKEN);
  });
});

describe('the token never reaches users, even through an error', () => {
  const failure = new Error(`embedder crashed while holding ${TOKEN}`);
  const manifest = { sources: [], embedder: { id: 'stub' }, counts: { chunks: 0 }, builtAt: new Date().toISOString() };
  const host = {
    current: { manifest, ask: () => Promise.reject(failure), search: () => Promise.reject(failure) },
    reindexing: false,
    reindex: () => Promise.reject(new Error(`disk full writing /tmp/${TOKEN}/index`)),
  } as unknown as KnowledgeHost;
  let bot: Awaited<ReturnType<typeof startInProcessBot>>;

  beforeAll(async () => {
    bot = await startInProcessBot({ indexDir: '/nonexistent', host });
  });
  afterAll(async () => bot?.close());

  it('a failing answer shows only the apology; the log records the error without the token', async () => {
    for (const name of ['ask', 'search'] as const) {
      const message = await answered(bot.fake.sendCommand({ name, options: name === 'ask' ? { question: 'Who?' } : { query: 'orca' }, ...someUser() }));
      expect(message.content).toMatch(new RegExp(`^${APOLOGY_TEXT}`));
      expect(message.content).not.toMatch(STACK_TRACE);
      expect(message.content).not.toContain(TOKEN);
    }
    const failures = bot.logs.parsed().filter((l) => l.msg === 'command failed');
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures[0])).toContain('embedder crashed while holding [redacted]');
    expect(bot.logs.text).not.toContain(TOKEN);
  });

  it('a failing re-index tells the moderator why, without the token', async () => {
    const done = await bot.fake.sendCommand({ name: 'reindex', member: { permissions: MANAGE_GUILD }, ...someUser() }).waitFor((m) => /complete|failed/.test(m.content), 10_000);
    expect(done.content).toBe('Re-index failed: disk full writing /tmp/[redacted]/index\nThe previous index is still answering.');
    expect(bot.logs.text).not.toContain(TOKEN);
    expect(bot.fake.violations).toEqual([]);
  });
});

describe('configuration', () => {
  it('.env is git-ignored, and .env.example holds no token', async () => {
    await expect(run('git', ['check-ignore', '-q', '.env'])).resolves.toBeDefined();
    await expect(run('git', ['check-ignore', '-q', '.env.local'])).resolves.toBeDefined();
    await expect(run('git', ['check-ignore', '-q', '.env.example'])).rejects.toMatchObject({ code: 1 }); // the template is tracked
    const tracked = await run('git', ['ls-files', '--', '.env']);
    expect(tracked.stdout).toBe('');
    const example = await readFile('.env.example', 'utf8');
    expect(example).toMatch(/^# DISCORD_TOKEN=$/m);
    expect(example).not.toMatch(/^DISCORD_TOKEN=\S/m);
  });

  it('a token that is set but blank, prefixed or broken, and bad numbers, are each one clear line that never repeats the token', () => {
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.secret-part';
    const cases: [Record<string, string>, string][] = [
      [{ DISCORD_TOKEN: '' }, 'DISCORD_TOKEN is set but empty: put the bot token after DISCORD_TOKEN=, or remove the line to use terminal mode'],
      [{ DISCORD_TOKEN: '  \t ' }, 'DISCORD_TOKEN is set but empty: put the bot token after DISCORD_TOKEN=, or remove the line to use terminal mode'],
      [{ DISCORD_TOKEN: `Bot ${secret}` }, 'DISCORD_TOKEN starts with "Bot ": set the token alone, without the prefix'],
      [{ DISCORD_TOKEN: `${secret} ${secret}` }, 'DISCORD_TOKEN contains spaces or control characters: paste the token alone, on one line'],
      [{ DISCORD_TOKEN: `${secret}\u0000` }, 'DISCORD_TOKEN contains spaces or control characters: paste the token alone, on one line'],
      [{ COOLDOWN_SECONDS: '-1' }, 'COOLDOWN_SECONDS must be a whole number from 0 to 3600 (got "-1")'],
      [{ COOLDOWN_SECONDS: '1e3' }, 'COOLDOWN_SECONDS must be a whole number from 0 to 3600 (got "1e3")'],
      [{ SHUTDOWN_GRACE_MS: '2.5' }, 'SHUTDOWN_GRACE_MS must be a whole number from 0 to 120000 (got "2.5")'],
      [{ MAX_CONCURRENT_ANSWERS: '0x10' }, 'MAX_CONCURRENT_ANSWERS must be a whole number from 1 to 64 (got "0x10")'],
      [{ MAX_QUEUED_ANSWERS: '-3' }, 'MAX_QUEUED_ANSWERS must be a whole number from 0 to 10000 (got "-3")'],
      [{ CHUNK_SIZE: 'big' }, 'CHUNK_SIZE must be a whole number from 200 to 8000 (got "big")'],
    ];
    for (const [env, message] of cases) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(message);
      expect((error as Error).message).not.toContain(secret);
    }
    expect(loadConfig({ DISCORD_TOKEN: `  ${secret}\n` }).discord.token).toBe(secret);
    expect(loadConfig({}).discord.token).toBeUndefined(); // unset: terminal mode, as documented
  });

  it('npm start with such a setting exits 2 after one line, before loading anything', async () => {
    const workspace = await scratch(inject('realIndexDir'));
    const cases: { env: Record<string, string>; line: RegExp }[] = [
      { env: { DISCORD_TOKEN: '   ' }, line: /^Configuration error: DISCORD_TOKEN is set but empty/ },
      { env: { DISCORD_TOKEN: `Bot ${TOKEN}` }, line: /^Configuration error: DISCORD_TOKEN starts with "Bot "/ },
      { env: { DISCORD_TOKEN: TOKEN, MAX_QUEUED_ANSWERS: 'many' }, line: /^Configuration error: MAX_QUEUED_ANSWERS must be a whole number from 0 to 10000 \(got "many"\)$/ },
    ];
    for (const { env, line } of cases) {
      const bot = startEntryPoint(env, workspace, '');
      expect(await bot.exited).toBe(2);
      const err = bot.stderr().trim();
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toMatch(line);
      expect(err + bot.stdout()).not.toContain(TOKEN);
    }
  });
});

afterAll(removeScratch);
