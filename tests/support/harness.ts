import { rm } from 'node:fs/promises';
import { PermissionFlagsBits } from 'discord.js';
import { registerCommands } from '../../src/bot/register.js';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle, type SendCommandInput, type VisibleMessage } from './fake-discord/index.js';
import { logLines, scratchWorkspace, startEntryPoint, type BotProcess } from './botProcess.js';

export const TOKEN = 'test-token.MTIzNDU2Nzg5MDEyMzQ1Njc4.not-a-secret-but-treated-like-one';
export const MANAGE_GUILD = (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.UseApplicationCommands).toString();
export const BUSY_TEXT = "I'm busy right now, please try again in a moment.";
export const APOLOGY_TEXT = 'Sorry, something went wrong while answering.';

const scratchRoots: string[] = [];

/** A scratch copy of the corpus and the prebuilt index (as `scratchWorkspace`), removed by `removeScratch`. */
export async function scratch(realIndexDir: string) {
  const workspace = await scratchWorkspace(realIndexDir);
  scratchRoots.push(workspace.root);
  return workspace;
}

/** Removes every scratch folder this test file made; call it from `afterAll`. */
export async function removeScratch(): Promise<void> {
  await Promise.all(scratchRoots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** Everything a user can read in a message, as one text. */
export function visibleText(m: VisibleMessage): string {
  return [
    m.content,
    ...m.embeds.flatMap((e) => [e.title, e.description, e.author?.name, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]),
    ...m.components.flatMap((row) => JSON.stringify(row)),
  ]
    .filter((s): s is string => typeof s === 'string')
    .join('\n');
}

/** The final message of a command: a reply, or a deferral that was edited into content or an embed. */
export function answered(handle: InteractionHandle, timeoutMs = 20_000): Promise<VisibleMessage> {
  return handle.waitFor((m) => !m.thinking && (m.embeds.length > 0 || m.content !== ''), timeoutMs);
}

/** A distinct member for each interaction, so per-user cooldowns stay out of the way. */
let nextUser = 0;
export function someUser(): Pick<SendCommandInput, 'user'> {
  nextUser += 1;
  const id = `7${String(Date.now() % 1e9).padStart(9, '0')}${String(nextUser).padStart(8, '0')}`;
  return { user: { id, username: `user${nextUser}` } };
}

/** Mention syntax Discord would turn into a ping if it were parsed: @everyone, @here, <@id>, <@!id>, <@&id>. */
export const RAW_MENTION = /@(everyone|here)\b|<@[!&]?\d+>/;
/** What a stack trace or an internal error looks like in text. */
export const STACK_TRACE = /\n\s*at \S.*[:(]\d+:\d+\)?|\b(TypeError|ReferenceError|RangeError|SyntaxError):|node_modules|\bsrc\/\S+\.ts\b/;

export interface BotAgainstFake {
  fake: FakeDiscord;
  bot: BotProcess;
  ask(question: string, extra?: Partial<SendCommandInput>): InteractionHandle;
  /** Kills the bot (if still running) and closes the fake. */
  close(): Promise<void>;
}

/** The real entry point (`npm start`) connected to a fresh fake Discord, with its own copy of the corpus and index. */
export async function startBotAgainstFake(
  realIndexDir: string,
  env: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>) = {},
): Promise<BotAgainstFake> {
  const fake = await startFakeDiscord({ botToken: TOKEN });
  const workspace = await scratch(realIndexDir);
  await registerCommands({ token: TOKEN, apiBase: fake.apiBase, guildId: fake.world.guildId, moderatorRoleIds: [], cooldownSeconds: 0, shutdownGraceMs: 0 });
  const extra = typeof env === 'function' ? env(fake) : env;
  const bot = startEntryPoint({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, ...extra }, workspace);
  const early = bot.exited.then((code) => {
    throw new Error(`the bot exited (${code}) before connecting:\n${bot.stderr()}`);
  });
  await Promise.race([fake.waitForGatewayReady(60_000), early]);
  early.catch(() => undefined);
  return {
    fake,
    bot,
    ask: (question, extra = {}) => fake.sendCommand({ name: 'ask', options: { question }, ...someUser(), ...extra }),
    async close() {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
      await bot.exited;
      await fake.close();
      await rm(workspace.root, { recursive: true, force: true });
    },
  };
}

/** The JSON log lines a bot process wrote so far. */
export const logLinesOf = (bot: BotProcess) => logLines(bot.stderr());

/** Milliseconds since `start`, rounded. */
export const since = (start: number) => Math.round(performance.now() - start);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
