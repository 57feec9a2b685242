import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Chunk } from '../corpus/types.js';
import { HnswVectorStore } from './hnswVectorStore.js';
import { openBuild } from './indexFiles.js';
import { IndexError, type Manifest } from './manifest.js';

export const CHUNKS_FILE = 'chunks.json';

export interface LoadedIndex {
  manifest: Manifest;
  chunks: Chunk[];
  store: HnswVectorStore;
}

/** Opens the current build after checking its files against the manifest. */
export async function loadIndex(indexDir: string, embeddings: EmbeddingsInterface): Promise<LoadedIndex> {
  const { dir, manifest } = await openBuild(indexDir);
  try {
    const chunks = JSON.parse(await readFile(path.join(dir, CHUNKS_FILE), 'utf8')) as Chunk[];
    const store = await HnswVectorStore.load(dir, embeddings);
    if (store.config.dims !== manifest.embedder.dims) throw new Error(`the vectors have ${store.config.dims} dimensions, the embedder ${manifest.embedder.dims}`);
    if (chunks.length !== manifest.counts.chunks) throw new Error(`${CHUNKS_FILE} holds ${chunks.length} chunks, the manifest ${manifest.counts.chunks}`);
    return { manifest, chunks, store };
  } catch (error) {
    if (error instanceof IndexError) throw error;
    throw new IndexError(`The index in ${indexDir} could not be read (${(error as Error).message}). Run "npm run ingest" to rebuild it.`);
  }
}
