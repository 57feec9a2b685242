import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerCommands } from '../src/bot/register.js';
import { startFakeDiscord, mentionsAreSuppressed, type FakeDiscord, type InteractionHandle, type VisibleMessage } from './support/fake-discord/index.js';
import { logLines, scratchWorkspace, startEntryPoint, type BotProcess } from './support/botProcess.js';

const TOKEN = 'test-token.not-a-secret-but-treated-like-one';
const MANAGE_GUILD = (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.UseApplicationCommands).toString();

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await startFakeDiscord({ botToken: TOKEN });
  const workspace = await scratchWorkspace(inject('realIndexDir'));
  await registerCommands({ token: TOKEN, apiBase: fake.apiBase, guildId: fake.world.guildId, moderatorRoleIds: [], cooldownSeconds: 0, shutdownGraceMs: 0 });
  bot = startEntryPoint({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, COOLDOWN_SECONDS: '0' }, workspace);
  await fake.waitForGatewayReady(30_000);
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.close();
});

const ask = (question: string, extra: object = {}) => fake.sendCommand({ name: 'ask', options: { question }, ...extra });
const text = (m: VisibleMessage) => [m.content, ...m.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])].join('\n');

async function answered(handle: InteractionHandle): Promise<VisibleMessage> {
  return handle.waitFor((m) => !m.thinking && (m.embeds.length > 0 || m.content !== ''), 20_000);
}

describe('the bot against a fake Discord', () => {
  it('registered its commands, with /reindex limited to Manage Server by default', () => {
    const registered = fake.registeredCommands(fake.world.guildId);
    expect(registered.map((c) => c.name).sort()).toEqual(['ask', 'help', 'reindex', 'search', 'sources']);
    expect(registered.find((c) => c.name === 'reindex')!.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
  });

  it('/ask answers with the quoted, numbered sources, defers first, and takes feedback', async () => {
    const handle = ask('How much did the film gross worldwide?');
    expect((await handle.waitForCallback(3000)).type).toBe(5);
    const message = await answered(handle);
    const [embed] = message.embeds;
    expect(embed!.description).toContain('$25.8 million');
    expect(embed!.description).toMatch(/\[1\]/);
    expect(embed!.fields![0]!.name).toMatch(/^\[1\] Rust and Bone › Reception › Box office performance/);
    expect(embed!.fields![0]!.value).toContain('$25.8 million');
    expect(handle.firstResponseMs).toBeLessThan(3000);

    const click = fake.sendComponent({ customId: (message.components[0] as { components: { custom_id: string }[] }).components[0]!.custom_id, from: handle });
    const ack = await click.waitForFinal(5000);
    expect(ack.ephemeral).toBe(true);
    expect(ack.content).toMatch(/Thanks/);
    await expect.poll(() => logLines(bot.stderr()).some((l) => l.msg === 'answer feedback' && l.vote === 'up' && l.question === 'How much did the film gross worldwide?')).toBe(true);
  });

  it('/ask on something the documents do not cover says so and shows the closest passages', async () => {
    const message = await answered(ask('Who won the 2010 FIFA World Cup?'));
    expect(message.embeds[0]!.description).toMatch(/^The documents don't say/);
    expect(message.embeds[0]!.fields!.length).toBeGreaterThan(0);
  });

  it('/ask private:true is visible only to the asker', async () => {
    const message = await answered(ask('Quem dirigiu o filme?', { options: { question: 'Quem dirigiu o filme?', private: true } }));
    expect(message.ephemeral).toBe(true);
    expect(text(message)).toContain('Jacques Audiard');
  });

  it('/search returns the ranked passages with their sections and scores', async () => {
    const message = await answered(fake.sendCommand({ name: 'search', options: { query: 'Marineland orca scenes', limit: 3 } }));
    const fields = message.embeds[0]!.fields!;
    expect(fields).toHaveLength(3);
    expect(fields[0]!.name).toMatch(/^1\. Rust and Bone › .* · \d\.\d\d$/);
    expect(fields.some((f) => f.value.includes('Marineland'))).toBe(true);
  });

  it('/sources and /help describe the documents and the commands', async () => {
    const sources = await answered(fake.sendCommand({ name: 'sources' }));
    expect(text(sources)).toContain('Ferrugem e Osso (sinopse)');
    expect(text(sources)).toContain('use-lite:0.2.0');
    const help = await answered(fake.sendCommand({ name: 'help' }));
    expect(text(help)).toMatch(/\/ask[\s\S]*\/search[\s\S]*\/sources[\s\S]*\/reindex/);
  });

  it('answers an unknown command politely and logs it', async () => {
    const message = await fake.sendCommand({ name: 'summarize' }).waitForFinal(5000);
    expect(message.ephemeral).toBe(true);
    expect(message.content).toBe("I don't know the command /summarize. Try /help.");
    await expect.poll(() => logLines(bot.stderr()).some((l) => l.msg === 'unknown command' && l.command === 'summarize')).toBe(true);
  });

  it('rejects an empty or too long question with a clear private message', async () => {
    for (const question of ['   ', '\u200b', 'x'.repeat(501)]) {
      const message = await ask(question).waitForFinal(5000);
      expect(message.ephemeral).toBe(true);
      expect(message.content).toMatch(/can't be empty|under 500/);
    }
  });

  it('never pings: mentions in a question are shown defused and no reply allows mentions', async () => {
    const message = await answered(ask('@everyone <@&123456789012345678> who plays Ali? @here'));
    expect(message.embeds[0]!.title).not.toMatch(/@everyone|@here|<@&\d+>/);
    for (const write of fake.messageWrites) expect(mentionsAreSuppressed(write.allowedMentions)).toBe(true);
  });

  it('refuses /reindex to a member without Manage Server, privately, and logs the attempt', async () => {
    const message = await fake.sendCommand({ name: 'reindex' }).waitForFinal(5000);
    expect(message.ephemeral).toBe(true);
    expect(message.content).toMatch(/Only moderators/);
    await expect.poll(() => logLines(bot.stderr()).some((l) => l.msg === 'refused /reindex from a non-moderator')).toBe(true);
  });

  it('re-indexes for a moderator while answering others within 3 s from the old index, then swaps in the new one', async () => {
    // A new document whose text is all new, so the re-index has real embedding work to do.
    const article = (await import('node:fs/promises')).readFile(path.join(bot.corpusDir, 'rust-and-bone.en.txt'), 'utf8');
    await writeFile(path.join(bot.corpusDir, 'notes.md'), `---\ntitle: Festival notes\nlang: en\n---\nThe projectionist at the gala screening was named Bartholomew Quince.\n\n${(await article).toUpperCase().slice(200, 9000)}`);
    await appendFile(path.join(bot.corpusDir, 'ignored.pdf'), 'not text');
    const before = await answered(ask('Who was the projectionist at the gala screening?'));
    expect(text(before)).not.toContain('Bartholomew Quince');

    const reindex = fake.sendCommand({ name: 'reindex', member: { permissions: MANAGE_GUILD } });
    await reindex.waitFor((m) => m.content.startsWith('Re-indexing'), 10_000);
    const during = Array.from({ length: 20 }, (_, i) => ask(i % 2 ? 'Who composed the score?' : 'Quem dirigiu o filme?', { user: { id: `9000000000000000${10 + i}`, username: `u${i}` } }));
    const messages = await Promise.all(during.map(answered));
    for (const h of during) expect(h.firstResponseMs).toBeLessThan(3000);
    console.log(`20 /ask during /reindex: slowest first response ${Math.max(...during.map((h) => h.firstResponseMs!)).toFixed(0)} ms`);
    expect(messages.every((m) => m.embeds[0]!.description!.length > 0)).toBe(true);
    const done = await reindex.waitFor((m) => /complete|failed/.test(m.content), 60_000);
    expect(done.content).toMatch(/Re-index complete/);
    expect(done.content).toMatch(/added notes\.md/);
    expect(done.content).toMatch(/Skipped ignored\.pdf/);
    expect(reindex.edits.length).toBeGreaterThanOrEqual(2);

    const after = await answered(ask('Who was the projectionist at the gala screening?'));
    expect(text(after)).toContain('Bartholomew Quince');
  });

  it('keeps answering from the old index when a re-index fails, and tells the moderator why', async () => {
    await writeFile(path.join(bot.corpusDir, 'empty.md'), '');
    const message = await fake.sendCommand({ name: 'reindex', member: { permissions: MANAGE_GUILD } }).waitFor((m) => /complete|failed/.test(m.content), 30_000);
    expect(message.content).toMatch(/Re-index failed: empty\.md is empty[\s\S]*previous index is still answering/);
    expect(text(await answered(ask('Who was the projectionist at the gala screening?')))).toContain('Bartholomew Quince');
  });

  it('breaks no Discord rule and never logs the token', () => {
    expect(fake.violations).toEqual([]);
    expect(fake.unknownRoutes).toEqual([]);
    expect(bot.stderr()).not.toContain(TOKEN);
    expect(bot.stdout()).not.toContain(TOKEN);
    const interactions = logLines(bot.stderr()).filter((l) => l.msg === 'interaction');
    expect(interactions.length).toBeGreaterThan(20);
    expect(interactions[0]).toMatchObject({ command: expect.any(String), guild: fake.world.guildId, user: expect.any(String), latencyMs: expect.any(Number) });
  });

  it('stops on SIGTERM after finishing the answers in flight, exit code 0', async () => {
    const inFlight = ask('Who plays Anna?');
    await inFlight.waitForCallback(3000);
    bot.child.kill('SIGTERM');
    expect(text(await answered(inFlight))).toContain('[1]');
    expect(await bot.exited).toBe(0);
  });
});
