import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  type ChatInputApplicationCommandData,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type Interaction,
} from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { mentionsAreSuppressed, startFakeDiscord, type FakeDiscord } from './support/fake-discord/index.js';

const TOKEN = 'fake-bot-token';

const COMMANDS: ChatInputApplicationCommandData[] = [
  {
    name: 'ask',
    description: 'Ask about the film',
    options: [{ name: 'question', description: 'Your question', type: ApplicationCommandOptionType.String, required: true, autocomplete: true }],
  },
  { name: 'ping', description: 'Ephemeral pong' },
  { name: 'file', description: 'Replies with an attachment' },
  { name: 'slow', description: 'Answers too late' },
  { name: 'long', description: 'Answers with too much text' },
];

/** A tiny bot: just enough behaviour to exercise each kind of response. */
async function handleInteraction(interaction: Interaction, errors: Map<string, unknown>): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond([{ name: `${typed}?`, value: `${typed}?` }]);
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: 'expanded', components: [] });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  const name = interaction.commandName;
  try {
    if (name === 'ask') {
      await interaction.deferReply();
      const question = interaction.options.getString('question', true);
      const more = new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Secondary);
      await interaction.editReply({
        embeds: [new EmbedBuilder().setTitle('Answer').setDescription(`You asked: ${question}`)],
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(more)],
      });
    } else if (name === 'ping') {
      await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
    } else if (name === 'file') {
      await interaction.reply({ content: 'see file', files: [new AttachmentBuilder(Buffer.from('hello'), { name: 'answer.txt' })] });
    } else if (name === 'slow') {
      await sleep(3_200);
      await interaction.reply({ content: 'too late' });
    } else if (name === 'long') {
      await interaction.reply({ content: 'x'.repeat(2_001) });
    }
  } catch (error) {
    errors.set(name, error);
  }
}

describe('fake Discord server with a real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  const handlerErrors = new Map<string, unknown>();
  let torndown = false;

  beforeAll(async () => {
    fake = await startFakeDiscord({ botToken: TOKEN });
    client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.apiBase },
      allowedMentions: { parse: [] },
    });
    client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, handlerErrors));
    const ready = once(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    if (torndown) return;
    await client.destroy();
    await fake.close();
  });

  it('lets the client log in and become ready', () => {
    expect(client.isReady()).toBe(true);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: TOKEN, hasGuildsIntent: true });
    expect(client.guilds.cache.get(fake.world.guildId)?.available).toBe(true);
    expect(client.application?.id).toBe(fake.world.applicationId);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /v10/gateway/bot');
  });

  it('records guild command registration', async () => {
    const registered = await client.application!.commands.set(COMMANDS, fake.world.guildId);

    expect(fake.commandRegistrations).toHaveLength(1);
    expect(fake.commandRegistrations[0]).toMatchObject({ scope: 'guild', guildId: fake.world.guildId, status: 200 });
    expect(fake.commandRegistrations[0]?.commands.map((command) => command.name)).toEqual(COMMANDS.map((command) => command.name));
    expect([...registered.keys()].sort()).toEqual(fake.registeredCommands(fake.world.guildId).map((command) => command.id).sort());
  });

  it('shows a deferred reply that is then edited into an embed', async () => {
    const ask = fake.sendCommand({ name: 'ask', options: { question: 'Who plays Ali?' } });

    const callback = await ask.waitForCallback(3_000);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(ask.firstResponseMs).toBeLessThan(3_000);
    const final = await ask.waitForFinal(5_000);
    expect(final.thinking).toBe(false);
    expect(final.ephemeral).toBe(false);
    expect(final.embeds[0]).toMatchObject({ title: 'Answer', description: 'You asked: Who plays Ali?' });
    expect(ask.edits).toHaveLength(1);
    expect(ask.violations).toEqual([]);
  });

  it('shows the ephemeral flag of an immediate reply', async () => {
    const ping = fake.sendCommand({ name: 'ping', member: { permissions: '0', roles: [] } });

    const final = await ping.waitForFinal(3_000);
    expect(ping.callbacks[0]?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(final).toMatchObject({ content: 'pong', ephemeral: true });
  });

  it('acknowledges a button click on the bot reply with an update', async () => {
    const ask = fake.sendCommand({ name: 'ask', options: { question: 'Where is it set?' } });
    const answer = await ask.waitForFinal(5_000);

    const click = fake.sendComponent({ customId: 'more', from: ask });
    const updated = await click.waitForSettled(100, 3_000);
    expect(click.callbacks[0]?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(updated).toMatchObject({ id: answer.id, content: 'expanded', components: [] });
  });

  it('answers autocomplete', async () => {
    const typing = fake.sendAutocomplete({ name: 'ask', options: { question: 'Who dir' }, focused: 'question' });

    const callback = await typing.waitForCallback(3_000);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data).toEqual({ choices: [{ name: 'Who dir?', value: 'Who dir?' }] });
  });

  it('accepts multipart replies with files', async () => {
    const file = fake.sendCommand({ name: 'file' });

    const final = await file.waitForFinal(3_000);
    expect(final.attachments.map((attachment) => attachment.filename)).toEqual(['answer.txt']);
    expect(file.callbacks[0]?.files[0]).toMatchObject({ filename: 'answer.txt', size: 5 });
  });

  it('rejects content over 2000 characters with a 400 and records it', async () => {
    const long = fake.sendCommand({ name: 'long' });

    const callback = await long.waitForCallback(3_000);
    expect(callback.status).toBe(400);
    expect(long.visibleMessage()).toBeUndefined();
    expect(fake.violations).toContainEqual(expect.objectContaining({ rule: 'invalid-form-body', interactionId: long.id }));
    await expect.poll(() => handlerErrors.get('long')).toBeInstanceOf(DiscordAPIError);
    const error = handlerErrors.get('long') as DiscordAPIError;
    expect(error.code).toBe(50035);
    expect(error.message).toContain('content[BASE_TYPE_MAX_LENGTH]');
  });

  it('records a reply after the 3 s deadline as a violation', async () => {
    const slow = fake.sendCommand({ name: 'slow' });

    const callback = await slow.waitForCallback(4_500);
    expect(callback.status).toBe(404);
    expect(slow.firstResponseMs).toBeGreaterThan(3_000);
    expect(slow.violations.map((violation) => violation.rule)).toEqual(['late-initial-callback']);
    await expect.poll(() => (handlerErrors.get('slow') as DiscordAPIError | undefined)?.code).toBe(10062);
  });

  it('resumes after the gateway drops and replays a command sent meanwhile', async () => {
    const resumed = once(client, Events.ShardResume);
    fake.dropGatewayConnections();
    const ping = fake.sendCommand({ name: 'ping' });

    await resumed;
    expect(fake.resumes.at(-1)).toMatchObject({ outcome: 'resumed', replayedEvents: 1 });
    expect(fake.gatewayConnections.at(-1)?.path).toBe('/gateway-resume');
    expect(await ping.waitForFinal(3_000)).toMatchObject({ content: 'pong' });
  });

  it('re-identifies when the session cannot be resumed', async () => {
    fake.dropGatewayConnections({ mode: 'terminate', invalidateSessions: true });
    await fake.waitForGatewayReady(5_000);

    expect(fake.resumes.at(-1)?.outcome).toBe('invalid-session');
    expect(fake.identifies).toHaveLength(2);
    const ask = fake.sendCommand({ name: 'ask', options: { question: 'Still there?' } });
    expect((await ask.waitForFinal(3_000)).embeds[0]?.description).toBe('You asked: Still there?');
  });

  it('saw only the violations the tests provoked, no unknown routes, no pingable replies', () => {
    expect(fake.violations.map((violation) => violation.rule).sort()).toEqual(['invalid-form-body', 'late-initial-callback']);
    expect(fake.unknownRoutes).toEqual([]);
    expect(fake.messageWrites.length).toBeGreaterThan(0);
    for (const write of fake.messageWrites) expect(mentionsAreSuppressed(write.allowedMentions)).toBe(true);
  });

  it('leaves no open sockets after client.destroy() and fake.close()', async () => {
    const countSockets = (): number =>
      process.getActiveResourcesInfo().filter((resource) => resource.startsWith('TCP')).length;
    expect(countSockets()).toBeGreaterThan(0);

    await client.destroy();
    await fake.close();
    torndown = true;

    expect(countSockets()).toBe(0);
  });
});
