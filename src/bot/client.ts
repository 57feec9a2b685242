import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import type { Config } from '../config.js';
import type { KnowledgeHost } from '../knowledgeHost.js';
import type { Logger } from '../log.js';
import { NO_MENTIONS, type BotContext } from './context.js';
import { FeedbackStore } from './feedback.js';
import { Cooldowns } from './guards.js';
import { handleInteraction } from './handler.js';

export interface RunningBot {
  client: Client;
  /** Stops taking interactions, waits for those in flight (bounded), and disconnects. */
  stop(): Promise<void>;
}

/** Logs in with the Guilds intent only and answers interactions through the shared Knowledge. */
export async function startBot(config: Config, log: Logger, host: KnowledgeHost): Promise<RunningBot> {
  const { discord } = config;
  if (!discord.token) throw new Error('DISCORD_TOKEN is not set');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(discord.apiBase ? { rest: { api: discord.apiBase } } : {}),
  });
  const ctx: BotContext = { host, config, log, cooldowns: new Cooldowns(discord.cooldownSeconds), feedback: new FeedbackStore() };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (stopping) {
      if (interaction.isRepliable()) {
        interaction.reply({ content: 'I am restarting; please ask again in a minute.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch(() => undefined);
      }
      return;
    }
    const work = handleInteraction(interaction, ctx)
      .catch((err: unknown) => log.error({ err }, 'interaction failed'))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardResume, () => log.info('gateway connection resumed'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');

  return {
    client,
    async stop() {
      stopping = true;
      const grace = new Promise((resolve) => setTimeout(resolve, discord.shutdownGraceMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      await client.destroy();
    },
  };
}
