import type { IngestReport } from './ingest.js';
import type { Logger } from './log.js';
import { Knowledge, rebuild, type OpenOptions } from './knowledge.js';

type HostConfig = Parameters<typeof Knowledge.open>[0];

export class ReindexRunningError extends Error {
  constructor() {
    super('A re-index is already running.');
  }
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
  ) {}

  static async open(config: HostConfig, log: Logger, options: OpenOptions = {}): Promise<KnowledgeHost> {
    return new KnowledgeHost(await Knowledge.open(config, log, options), config, log);
  }

  get current(): Knowledge {
    return this.knowledge;
  }

  get reindexing(): boolean {
    return this.running !== undefined;
  }

  /** Rebuilds the index from the corpus and swaps it in; refuses while another rebuild runs. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<IngestReport> {
    if (this.running) throw new ReindexRunningError();
    this.running = rebuild(this.config, this.log, this.knowledge.embedder, onProgress).then(({ knowledge, report }) => {
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
