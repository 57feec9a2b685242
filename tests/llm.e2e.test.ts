import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerCommands } from '../src/bot/register.js';
import { startFakeDiscord, type FakeDiscord, type VisibleMessage } from './support/fake-discord/index.js';
import { startFakeLlm, type FakeLlm } from './support/fake-llm.js';
import { scratchWorkspace, startEntryPoint, type BotProcess } from './support/botProcess.js';

const TOKEN = 'llm-e2e-token';
let fake: FakeDiscord;
let llm: FakeLlm;
let bot: BotProcess;

beforeAll(async () => {
  fake = await startFakeDiscord({ botToken: TOKEN });
  llm = await startFakeLlm();
  await registerCommands({ token: TOKEN, apiBase: fake.apiBase, guildId: fake.world.guildId, moderatorRoleIds: [], cooldownSeconds: 0, shutdownGraceMs: 0 });
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, COOLDOWN_SECONDS: '0', LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '1500' };
  bot = startEntryPoint(env, await scratchWorkspace(inject('realIndexDir')));
  await fake.waitForGatewayReady(30_000);
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.close();
  await llm?.close();
});

const final = (m: VisibleMessage) => !m.thinking && m.embeds[0]?.footer?.text !== 'Writing from the sources…' && m.embeds.length > 0;

describe('/ask with a chat model configured', () => {
  it('streams the generated answer into the reply, then shows it with only the passages it cites', async () => {
    llm.script({ reply: 'The film grossed $25.8 million worldwide [1], and it did well in France [9].', chunkSize: 3 });
    const handle = fake.sendCommand({ name: 'ask', options: { question: 'How much did the film gross worldwide?' } });
    const message = await handle.waitFor(final, 20_000);
    const [embed] = message.embeds;
    expect(embed!.description).toBe('The film grossed $25.8 million worldwide, and it did well in France. [1]'); // [9] removed: only 5 passages were given
    expect(embed!.footer!.text).toBe('Written by fake-model from the sources');
    expect(embed!.fields!.map((f) => f.name)).toEqual([expect.stringMatching(/^\[1\] Rust and Bone › Reception › Box office performance/)]);
    expect(handle.edits.some((e) => JSON.stringify(e).includes('Writing from the sources'))).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('shows the extractive answer, labelled so, when the model cites nothing valid or fails', async () => {
    for (const script of [{ reply: 'It made a fortune [7].' }, { status: 500 }, { hang: true as const }]) {
      llm.script(script);
      const message = await fake.sendCommand({ name: 'ask', options: { question: 'How much did the film gross worldwide?' } }).waitFor(final, 20_000);
      expect(message.embeds[0]!.footer!.text, JSON.stringify(script)).toBe('Extracted from the sources');
      expect(message.embeds[0]!.description).toContain('$25.8 million');
    }
  });
});
