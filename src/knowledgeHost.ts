import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder } from './embed/types.js';
import type { IngestReport } from './ingest.js';
import type { Logger } from './log.js';
import { Knowledge, rebuild, type OpenOptions } from './knowledge.js';

type HostConfig = Parameters<typeof Knowledge.open>[0];

export class ReindexRunningError extends Error {
  constructor() {
    super('A re-index is already running.');
  }
}

/** Texts embedded per step while re-indexing: about 0.1 s of work each with USE-Lite (a batch of 8 holds the thread for 0.6 s). */
const PACED_STEP = 2;

/**
 * The serving embedder, embedding documents in small steps with a pause before each, so a re-index
 * running beside a live bot never holds the JavaScript thread for long. Queries pass straight through.
 */
class PacedEmbedder extends Embeddings implements Embedder {
  readonly info: Embedder['info'];

  constructor(
    readonly inner: Embedder,
    private readonly pause: () => Promise<void>,
  ) {
    super({});
    this.info = inner.info;
  }

  static unwrap(embedder: Embedder): Embedder {
    return embedder instanceof PacedEmbedder ? embedder.inner : embedder;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += PACED_STEP) {
      await this.pause();
      vectors.push(...(await this.inner.embedDocuments(texts.slice(i, i + PACED_STEP))));
    }
    return vectors;
  }

  embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}

export interface ReindexOptions {
  /**
   * Awaited before each small embedding step, so the caller's urgent work goes first (the bot
   * waits for Discord acknowledgements in flight). The thread is always yielded to I/O as well.
   */
  pause?: () => Promise<void>;
}

/**
 * Holds the Knowledge that answers questions. A re-index builds a new one off to the side and
 * swaps the reference only when it is complete, so questions in flight finish on the old one and
 * a failed re-index changes nothing.
 */
export class KnowledgeHost {
  private running: Promise<IngestReport> | undefined;

  private constructor(
    private knowledge: Knowledge,
    private readonly config: HostConfig,
    private readonly log: Logger,
    private readonly options: OpenOptions,
  ) {}

  static async open(config: HostConfig, log: Logger, options: OpenOptions = {}): Promise<KnowledgeHost> {
    return new KnowledgeHost(await Knowledge.open(config, log, options), config, log, options);
  }

  get current(): Knowledge {
    return this.knowledge;
  }

  get reindexing(): boolean {
    return this.running !== undefined;
  }

  /** Rebuilds the index from the corpus and swaps it in; refuses while another rebuild runs. */
  async reindex(onProgress?: (done: number, total: number) => void, { pause }: ReindexOptions = {}): Promise<IngestReport> {
    if (this.running) throw new ReindexRunningError();
    const embedder = new PacedEmbedder(PacedEmbedder.unwrap(this.knowledge.embedder), async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await pause?.();
    });
    this.running = rebuild(this.config, this.log, embedder, onProgress, { llm: this.options.llm }).then(({ knowledge, report }) => {
      this.knowledge = knowledge;
      return report;
    });
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }
}
