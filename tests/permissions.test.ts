import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationCommandOptionType, ComponentType, InteractionResponseType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { InteractionHandle, SendAutocompleteInput, SendCommandInput } from './support/fake-discord/index.js';
import { MANAGE_GUILD, answered, logLinesOf, someUser, startBotAgainstFake, type BotAgainstFake } from './support/harness.js';

const MANAGE_MESSAGES_ONLY = (PermissionFlagsBits.ManageMessages | PermissionFlagsBits.UseApplicationCommands | PermissionFlagsBits.SendMessages).toString();
const REFUSED = /^Only moderators \(Manage Server, or a moderator role\) can re-index\.$/;
const EXPIRED = /^This (button|form) has expired\.$/;

let run: BotAgainstFake;
let moderatorRoleId: string;
const currentBuild = () => readFile(path.join(run.bot.indexDir, 'CURRENT'), 'utf8');
const reindexLines = () => logLinesOf(run.bot).filter((l) => l.msg === 'reindexed' || l.msg === 're-index failed');

beforeAll(async () => {
  run = await startBotAgainstFake(inject('realIndexDir'), (fake) => {
    moderatorRoleId = fake.world.roles.find((r) => r.name === 'Moderator')!.id;
    return { MODERATOR_ROLE_IDS: moderatorRoleId, COOLDOWN_SECONDS: '0' };
  });
});
afterAll(async () => run?.close());

/** The interaction got exactly one private message saying no, and nothing else happened. */
async function expectPrivateRefusal(handle: InteractionHandle, text: RegExp): Promise<void> {
  const message = await handle.waitForSettled(150, 10_000);
  expect(message.ephemeral, handle.describe()).toBe(true);
  expect(message.content, handle.describe()).toMatch(text);
  expect(message.embeds).toEqual([]);
  expect(handle.violations).toEqual([]);
}

describe('/reindex is refused to members without Manage Server or a moderator role, every way it can be reached', () => {
  let buildBefore: string;
  beforeAll(async () => {
    buildBefore = await currentBuild();
  });

  it('the slash command, from a plain member and from one with another role and Manage Messages', async () => {
    const attempts: Partial<SendCommandInput>[] = [
      {},
      { member: { roles: ['123456789012345678'], permissions: MANAGE_MESSAGES_ONLY } },
      { member: { roles: [], permissions: '0' } },
    ];
    for (const actor of attempts) await expectPrivateRefusal(run.fake.sendCommand({ name: 'reindex', ...someUser(), ...actor }), REFUSED);
    await expect.poll(() => logLinesOf(run.bot).filter((l) => l.msg === 'refused /reindex from a non-moderator').length).toBe(attempts.length);
  });

  it('forged buttons and menus: "reindex" and "feedback:…" variants only ever say the button expired', async () => {
    const customIds = [
      'reindex', 'reindex:confirm', '/reindex', 'REINDEX', 'admin:reindex', 'feedback:up:reindex', 'feedback:down:reindex',
      'feedback:up:000000000000', 'feedback:up:../../reindex', 'feedback:up:0123456789ab:reindex', 'feedback:sideways:0123456789ab',
      'feedback:up:', 'feedback::', 'feedback:up:0123456789abc', ' feedback:up:0123456789ab', 'x'.repeat(100),
    ];
    for (const customId of customIds) {
      await expectPrivateRefusal(run.fake.sendComponent({ customId, ...someUser(), member: { permissions: MANAGE_MESSAGES_ONLY } }), EXPIRED);
    }
    for (const customId of ['reindex', 'feedback:up:0123456789ab']) {
      const select = run.fake.sendComponent({ customId, componentType: ComponentType.StringSelect, values: ['reindex'], ...someUser() });
      await expectPrivateRefusal(select, EXPIRED);
    }
  });

  it('an autocomplete interaction, for /reindex or any command, gets no choices and starts nothing', async () => {
    const typed: SendAutocompleteInput[] = [
      { name: 'reindex', options: [{ name: 'confirm', value: 'yes', type: ApplicationCommandOptionType.String }], focused: 'confirm' },
      { name: 'ask', options: { question: 'reindex' }, focused: 'question' },
      { name: 'search', options: { query: '/reindex' }, focused: 'query' },
    ];
    for (const input of typed) {
      const handle = run.fake.sendAutocomplete({ ...input, ...someUser() });
      const callback = await handle.waitForCallback(5000);
      expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      expect(callback.data).toEqual({ choices: [] });
      expect(handle.violations).toEqual([]);
    }
  });

  it('none of the attempts re-indexed anything', async () => {
    expect(reindexLines()).toEqual([]);
    expect(await currentBuild()).toBe(buildBefore);
    expect(run.fake.violations).toEqual([]);
  });
});

describe('direct messages', () => {
  it('every command in a DM gets a polite "use me in a server", even from someone claiming Manage Server', async () => {
    const inputs: SendCommandInput[] = [
      { name: 'ask', options: { question: 'Who composed the score?' } },
      { name: 'search', options: { query: 'orca' } },
      { name: 'sources' },
      { name: 'help' },
      { name: 'reindex' },
      { name: 'reindex', member: { permissions: MANAGE_GUILD } },
    ];
    for (const input of inputs) {
      await expectPrivateRefusal(run.fake.sendCommand({ ...input, dm: true, ...someUser() }), /^Please use me in a server: I answer slash commands there\.$/);
    }
    await expectPrivateRefusal(run.fake.sendComponent({ customId: 'reindex', dm: true, ...someUser() }), EXPIRED);
    const complete = await run.fake.sendAutocomplete({ name: 'reindex', options: [{ name: 'x', value: 'y', type: ApplicationCommandOptionType.String }], focused: 'x', dm: true, ...someUser() }).waitForCallback(5000);
    expect(complete.data).toEqual({ choices: [] });
    expect(reindexLines()).toEqual([]);
  });
});

describe('moderators', () => {
  it('a member with a role listed in MODERATOR_ROLE_IDS (and no Manage Server) may re-index', async () => {
    const before = await currentBuild();
    const handle = run.fake.sendCommand({ name: 'reindex', member: { roles: [moderatorRoleId] }, ...someUser() });
    const done = await handle.waitFor((m) => /complete|failed/.test(m.content), 60_000);
    expect(done.ephemeral).toBe(true);
    expect(done.content).toMatch(/^Re-index complete; the new index is answering now\.\nIndexed 2 files/);
    expect(await currentBuild()).not.toBe(before);
    const answer = await answered(run.ask('Who composed the score?'));
    expect(answer.embeds[0]!.description).toContain('Desplat');
  });

  it('a member with Manage Server may re-index too', async () => {
    const done = await run.fake.sendCommand({ name: 'reindex', member: { permissions: MANAGE_GUILD }, ...someUser() }).waitFor((m) => /complete|failed/.test(m.content), 60_000);
    expect(done.content).toMatch(/^Re-index complete/);
    expect(run.fake.violations).toEqual([]);
  });
});
