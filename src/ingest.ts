import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.js';
import { chunkDocument } from './corpus/chunk.js';
import { loadCorpus } from './corpus/load.js';
import type { Chunk } from './corpus/types.js';
import type { Embedder } from './embed/types.js';
import type { Logger } from './log.js';
import { bundledLexicon } from './search/lexicon.js';
import { DEFAULT_HNSW, HnswVectorStore } from './store/hnswVectorStore.js';
import { publishBuild, removeStaleBuilds, startBuild } from './store/indexFiles.js';
import { buildItems } from './store/items.js';
import { CHUNKS_FILE, loadIndex } from './store/loadIndex.js';
import { INDEX_FORMAT, type Manifest } from './store/manifest.js';

export interface IngestReport {
  files: number;
  skipped: string[];
  chunks: number;
  vectors: number;
  embedded: number;
  reused: number;
  embedder: string;
  added: string[];
  changed: string[];
  removed: string[];
  ms: number;
  manifest: Manifest;
}

export interface IngestOptions {
  config: Pick<Config, 'corpusDir' | 'indexDir' | 'chunkSize' | 'chunkOverlap'>;
  embedder: Embedder;
  log: Logger;
  onProgress?: (done: number, total: number) => void;
}

/** Small batches, with a pause between them, keep a serving bot responsive while it re-indexes. */
const EMBED_BATCH = 8;

/** What gets a vector, for this embedder: Portuguese text also gets an English gloss unless the model is multilingual. */
export function indexItems(chunks: Chunk[], embedder: Embedder) {
  return buildItems(chunks, embedder.info.id, embedder.info.multilingual ? undefined : bundledLexicon());
}

/** Vectors of the current index by item hash, when it was built by the same embedder. */
async function reusableVectors(indexDir: string, embedder: Embedder): Promise<{ vectors: Map<string, number[]>; previous?: Manifest }> {
  const vectors = new Map<string, number[]>();
  try {
    const { manifest, store } = await loadIndex(indexDir, embedder);
    if (manifest.embedder.id === embedder.info.id) {
      store.documents.forEach((doc, label) => vectors.set(doc.metadata.hash as string, store.vector(label)));
    }
    return { vectors, previous: manifest };
  } catch {
    return { vectors }; // no usable index: embed everything
  }
}

function sourceChanges(previous: Manifest | undefined, now: Manifest['sources']) {
  const before = new Map((previous?.sources ?? []).map((s) => [s.file, s.sha256]));
  const after = new Set(now.map((s) => s.file));
  return {
    added: now.filter((s) => !before.has(s.file)).map((s) => s.file),
    changed: now.filter((s) => before.has(s.file) && before.get(s.file) !== s.sha256).map((s) => s.file),
    removed: [...before.keys()].filter((f) => !after.has(f)),
  };
}

/**
 * Reads the corpus, chunks and embeds it (reusing every vector whose text is unchanged) and
 * publishes a new build atomically. Any error leaves the current index untouched.
 */
export async function ingest({ config, embedder, log, onProgress }: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const { documents, skipped } = await loadCorpus(config.corpusDir);
  for (const file of skipped) log.warn({ file }, `Skipping ${file}: only .md and .txt files are read.`);
  const settings = { size: config.chunkSize, overlap: config.chunkOverlap };
  const chunksByDoc = documents.map((doc) => chunkDocument(doc, settings));
  const chunks: Chunk[] = chunksByDoc.flat();
  const items = indexItems(chunks, embedder);

  const { vectors: known, previous } = await reusableVectors(config.indexDir, embedder);
  const missing = items.filter((item) => !known.has(item.metadata.hash));
  for (let i = 0; i < missing.length; i += EMBED_BATCH) {
    const batch = missing.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embedDocuments(batch.map((d) => d.pageContent));
    batch.forEach((item, j) => known.set(item.metadata.hash, vectors[j]!));
    onProgress?.(Math.min(i + EMBED_BATCH, missing.length), missing.length);
    await new Promise((resolve) => setImmediate(resolve));
  }

  const store = new HnswVectorStore(embedder, { dims: embedder.info.dims, settings: DEFAULT_HNSW });
  await store.addVectors(items.map((item) => known.get(item.metadata.hash)!), items);
  const dir = await startBuild(config.indexDir);
  await store.save(dir);
  await writeFile(path.join(dir, CHUNKS_FILE), JSON.stringify(chunks));
  const sources = documents.map((doc, i) => ({ file: doc.file, title: doc.title, lang: doc.lang, source: doc.source, sha256: doc.hash, chunks: chunksByDoc[i]!.length }));
  const manifest = await publishBuild(config.indexDir, dir, {
    format: INDEX_FORMAT,
    builtAt: new Date().toISOString(),
    embedder: embedder.info,
    chunker: settings,
    hnsw: DEFAULT_HNSW,
    sources,
    counts: { documents: documents.length, chunks: chunks.length, vectors: items.length, embedded: missing.length, reused: items.length - missing.length },
  });
  await removeStaleBuilds(config.indexDir, dir.replace(/\.partial$/, ''));
  return {
    files: documents.length,
    skipped,
    chunks: chunks.length,
    vectors: items.length,
    embedded: missing.length,
    reused: items.length - missing.length,
    embedder: embedder.info.id,
    ...sourceChanges(previous, sources),
    ms: Math.round(performance.now() - started),
    manifest,
  };
}
