import type { ChunkSettings } from '../corpus/chunk.js';
import type { Lang } from '../corpus/types.js';
import type { EmbedderInfo } from '../embed/types.js';
import type { HnswSettings } from './hnswVectorStore.js';

export const INDEX_FORMAT = 'rust-and-bone-index/1';

export interface SourceEntry {
  file: string;
  title: string;
  lang: Lang;
  source: string;
  sha256: string;
  chunks: number;
}

export interface FileEntry {
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof INDEX_FORMAT;
  builtAt: string;
  embedder: EmbedderInfo;
  chunker: ChunkSettings;
  hnsw: HnswSettings;
  sources: SourceEntry[];
  counts: { documents: number; chunks: number; vectors: number; embedded: number; reused: number };
  /** Size and hash of every other file of the build, so a truncated or swapped file is caught on load. */
  files: Record<string, FileEntry>;
}

export class IndexError extends Error {}

/** Checks that parsed JSON is a manifest this version can serve; the message says what to do otherwise. */
export function validateManifest(value: unknown, where: string): Manifest {
  const manifest = value as Partial<Manifest> | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== INDEX_FORMAT) {
    throw new IndexError(`${where} is not an index this bot can read (format ${String(manifest?.format)}). Run "npm run ingest" to rebuild it.`);
  }
  const complete =
    typeof manifest.embedder?.id === 'string' &&
    Number.isInteger(manifest.embedder?.dims) &&
    Array.isArray(manifest.sources) &&
    typeof manifest.files === 'object' &&
    manifest.files !== null &&
    typeof manifest.counts?.chunks === 'number';
  if (!complete) throw new IndexError(`${where} is incomplete. Run "npm run ingest" to rebuild the index.`);
  return manifest as Manifest;
}
