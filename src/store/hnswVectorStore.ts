import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface HnswSettings {
  /** Graph degree and build-time search width (hnswlib's M and efConstruction). */
  m: number;
  efConstruction: number;
  /** Query-time search width; at least k is always used. */
  efSearch: number;
}

export const DEFAULT_HNSW: HnswSettings = { m: 16, efConstruction: 200, efSearch: 400 };

export const HNSW_FILE = 'hnsw.bin';
export const DOCSTORE_FILE = 'docstore.json';
/** hnswlib's file records neither space nor dimensions, so they are kept beside it. */
export const HNSW_CONFIG_FILE = 'hnsw.json';

interface StoreConfig {
  dims: number;
  settings: HnswSettings;
}

/**
 * LangChain VectorStore over hnswlib-node (cosine). Labels are positions in `documents`, so a
 * document's vector can be read back (for reuse on re-ingest and for scoring single sentences).
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (document: Document) => boolean;
  readonly documents: Document[] = [];
  private index: InstanceType<typeof HierarchicalNSW>;

  constructor(embeddings: EmbeddingsInterface, readonly config: StoreConfig) {
    super(embeddings, config);
    this.index = new HierarchicalNSW('cosine', config.dims);
    this.index.initIndex({ maxElements: 16, m: config.settings.m, efConstruction: config.settings.efConstruction, randomSeed: 42 });
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  get size(): number {
    return this.documents.length;
  }

  async addDocuments(documents: Document[]): Promise<void> {
    await this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async addVectors(vectors: number[][], documents: Document[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error('addVectors needs one vector per document');
    const needed = this.documents.length + vectors.length;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    vectors.forEach((vector, i) => {
      if (vector.length !== this.config.dims) throw new Error(`vector has ${vector.length} dimensions, the index ${this.config.dims}`);
      this.index.addPoint(vector, this.documents.length);
      this.documents.push(documents[i]!);
    });
  }

  /** The k nearest documents with their cosine similarity, best first. */
  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[Document, number][]> {
    const count = Math.min(k, this.documents.length);
    if (count === 0) return [];
    this.index.setEf(Math.max(this.config.settings.efSearch, count));
    const labelFilter = filter ? (label: number) => filter(this.documents[label]!) : undefined;
    const { neighbors, distances } = this.index.searchKnn(query, count, labelFilter);
    return neighbors.map((label, i) => [this.documents[label]!, 1 - distances[i]!]);
  }

  /** The stored (normalised) vector of the document at `label`. */
  vector(label: number): number[] {
    return this.index.getPoint(label);
  }

  async save(directory: string): Promise<void> {
    await this.index.writeIndex(path.join(directory, HNSW_FILE));
    const docs = this.documents.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata }));
    await writeFile(path.join(directory, DOCSTORE_FILE), JSON.stringify(docs));
    await writeFile(path.join(directory, HNSW_CONFIG_FILE), JSON.stringify({ space: 'cosine', ...this.config }));
  }

  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const config = JSON.parse(await readFile(path.join(directory, HNSW_CONFIG_FILE), 'utf8')) as StoreConfig;
    const store = new HnswVectorStore(embeddings, config);
    const docs = JSON.parse(await readFile(path.join(directory, DOCSTORE_FILE), 'utf8')) as { pageContent: string; metadata: Record<string, unknown> }[];
    await store.index.readIndex(path.join(directory, HNSW_FILE));
    if (store.index.getCurrentCount() !== docs.length) {
      throw new Error(`${HNSW_FILE} holds ${store.index.getCurrentCount()} vectors but ${DOCSTORE_FILE} ${docs.length} documents`);
    }
    if (store.index.getNumDimensions() !== config.dims) throw new Error(`${HNSW_FILE} has ${store.index.getNumDimensions()} dimensions, expected ${config.dims}`);
    store.documents.push(...docs.map((d) => new Document(d)));
    return store;
  }
}
