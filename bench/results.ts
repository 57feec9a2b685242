import type { DiscordSection } from './discord.js';
import type { IngestSection } from './ingest.js';
import type { MemorySection } from './memory.js';
import type { QuestionSection } from './questions.js';
import type { ScalingSection } from './scaling.js';
import type { Machine } from './stats.js';
import type { StartupSection } from './startup.js';

/** What results.json holds; RESULTS.md is rendered from exactly this. */
export interface BenchResults {
  generatedAt: string;
  wallMs: number;
  machine: Machine;
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  loadAverage: { before: number; after: number };
  product: { chunkSize: number; chunkOverlap: number; hnsw: { m: number; efConstruction: number; efSearch: number } };
  ingest?: Omit<IngestSection, 'useLiteIndexDir'>;
  questions?: QuestionSection;
  discord?: DiscordSection;
  startup?: StartupSection;
  memory?: MemorySection;
  scaling?: ScalingSection;
  /** Sections that failed, with the error, so a partial run still says what it measured. */
  errors: Record<string, string>;
}
