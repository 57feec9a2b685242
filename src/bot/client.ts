import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import type { Config } from '../config.js';
import type { KnowledgeHost } from '../knowledgeHost.js';
import type { Logger } from '../log.js';
import { NO_MENTIONS, type BotContext } from './context.js';
import { FeedbackStore } from './feedback.js';
import { Cooldowns } from './guards.js';
import { handleInteraction } from './handler.js';
import { AnswerQueue } from './queue.js';

export interface RunningBot {
  client: Client;
  /** Stops taking interactions, waits for those in flight (bounded), and disconnects. */
  stop(): Promise<void>;
}

/** Logging in failed; the message says why in one line, without the token. */
export class LoginError extends Error {
  constructor(cause: unknown) {
    const code = (cause as { code?: unknown } | undefined)?.code;
    super(
      code === 'TokenInvalid'
        ? 'Discord refused the bot token. Check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token).'
        : `Could not connect to Discord: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
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
  const ctx: BotContext = {
    host,
    config,
    log,
    cooldowns: new Cooldowns(discord.cooldownSeconds),
    feedback: new FeedbackStore(),
    answers: new AnswerQueue(config.maxConcurrentAnswers, config.maxQueuedAnswers),
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const track = (work: Promise<void>) => {
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (stopping) {
      if (interaction.isRepliable()) {
        track(
          interaction
            .reply({ content: 'I am restarting; please ask again in a minute.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
            .then(() => undefined, () => undefined),
        );
      }
      return;
    }
    track(handleInteraction(interaction, ctx).catch((err: unknown) => log.error({ err }, 'interaction failed')));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardResume, () => log.info('gateway connection resumed'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(discord.token);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw new LoginError(error);
  }
  await ready;
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');

  return {
    client,
    async stop() {
      stopping = true;
      // Answers still waiting in the queue count as in flight; so do the "restarting" notes sent meanwhile.
      const deadline = performance.now() + discord.shutdownGraceMs;
      while (inFlight.size > 0 && performance.now() < deadline) {
        await Promise.race([Promise.allSettled([...inFlight]), sleep(deadline - performance.now(), undefined, { ref: false })]);
      }
      if (inFlight.size > 0) log.warn({ unfinished: inFlight.size }, 'shutdown grace period over: disconnecting with answers unfinished');
      await client.destroy();
    },
  };
}
