import type { Chunk, Sentence } from '../corpus/types.js';
import type { Embedder } from '../embed/types.js';
import type { HnswVectorStore } from '../store/hnswVectorStore.js';
import { sentenceKey, type ItemMetadata } from '../store/items.js';
import { Bm25Index, scoreTerms, termCounts, totalCount, type LexicalScore } from './bm25.js';
import { balanceLanguages, DEFAULT_FUSION, fuse, type FusionWeights } from './fusion.js';
import type { Lexicon } from './lexicon.js';
import { namesDocumentOf } from './describedAs.js';
import { analyzeQuery, type AnalyzedQuery } from './query.js';
import { pronounReferents } from './referents.js';
import { indexTerms } from './text.js';

export interface ScoredSentence {
  sentence: Sentence;
  dense: number;
  lexical: LexicalScore;
}

export interface Passage {
  chunk: Chunk;
  score: number;
  dense: number;
  lexical: LexicalScore;
  /** Filled for the best few passages, which the answerer reads. */
  sentences: ScoredSentence[];
}

export interface Retrieval {
  query: AnalyzedQuery;
  /** Question words that no passage contains in any form (stem, spelling or translation). */
  unknownWords: string[];
  /** How much each question word (of `query.groups`) weighs: the idf of its rarest form. */
  wordWeights: number[];
  passages: Passage[];
  /** The best passages in the question's language, so an answer can be given in that language, and those of a document the question names (their sentences scored). */
  native: Passage[];
  timings: { embed: number; dense: number; lexical: number; fusion: number };
}

export interface RetrieverOptions {
  weights?: FusionWeights;
  /** How many items the HNSW search returns to seed the candidates. */
  denseK?: number;
  /** How many of the best BM25 chunks join the candidates. */
  lexicalK?: number;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** How many passages in the asker's language are read besides the best ones overall. */
const NATIVE_DEPTH = 3;

/** Hybrid retrieval: HNSW kNN and BM25 propose candidates; each is scored on both and fused. */
export class Retriever {
  private readonly bm25: Bm25Index;
  private readonly chunkIndex = new Map<string, number>();
  /** Vector labels that speak for each chunk: its own item(s) and its sentences'. */
  private readonly labelsOfChunk: number[][];
  private readonly labelsOfSentence = new Map<string, number[]>();
  private readonly chunksOfLabel: number[][];
  private readonly vectors = new Map<number, Float32Array>();
  private readonly labelOfDocument: Map<object, number>;
  /** Term counts of each chunk's sentences, computed once: every question scores the sentences it reads. */
  private readonly sentenceTerms: Map<string, number>[][];
  private readonly averageSentenceLength: number;
  private readonly weights: FusionWeights;
  private readonly denseK: number;
  private readonly lexicalK: number;

  constructor(
    readonly chunks: Chunk[],
    private readonly store: HnswVectorStore,
    private readonly embedder: Embedder,
    private readonly lexicon: Lexicon,
    options: RetrieverOptions = {},
  ) {
    this.weights = options.weights ?? DEFAULT_FUSION;
    this.denseK = options.denseK ?? 100;
    this.lexicalK = options.lexicalK ?? 100;
    this.bm25 = new Bm25Index(chunks);
    this.labelOfDocument = new Map(store.documents.map((doc, label) => [doc, label]));
    chunks.forEach((chunk, i) => this.chunkIndex.set(chunk.id, i));
    this.labelsOfChunk = chunks.map(() => []);
    this.chunksOfLabel = store.documents.map(() => []);
    store.documents.forEach((doc, label) => {
      const meta = doc.metadata as ItemMetadata;
      if (meta.kind === 'chunk') {
        const i = this.chunkIndex.get(meta.chunk!)!;
        this.labelsOfChunk[i]!.push(label);
        this.chunksOfLabel[label]!.push(i);
      } else {
        const key = sentenceKey(meta.file, meta.start);
        this.labelsOfSentence.set(key, [...(this.labelsOfSentence.get(key) ?? []), label]);
      }
    });
    chunks.forEach((chunk, i) => {
      for (const s of chunk.sentences) {
        for (const label of this.labelsOfSentence.get(sentenceKey(chunk.file, s.start)) ?? []) {
          this.labelsOfChunk[i]!.push(label);
          this.chunksOfLabel[label]!.push(i);
        }
      }
    });
    const referents = pronounReferents(chunks);
    // A sentence that says "he" or "ela" for someone named just before also matches their name.
    this.sentenceTerms = chunks.map((c) =>
      c.sentences.map((s) => termCounts(indexTerms([s.text, ...(referents.get(sentenceKey(c.file, s.start)) ?? [])].join(' '), c.lang))),
    );
    const lengths = this.sentenceTerms.flat().map(totalCount);
    this.averageSentenceLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  }

  private vector(label: number): Float32Array {
    let v = this.vectors.get(label);
    if (!v) this.vectors.set(label, (v = Float32Array.from(this.store.vector(label))));
    return v;
  }

  private similarity(labels: number[], queryVectors: number[][]): number {
    let best = -1;
    for (const label of labels) for (const q of queryVectors) best = Math.max(best, dot(q, this.vector(label)));
    return best;
  }

  scoreSentences(passage: Passage, query: AnalyzedQuery, queryVectors: number[][]): ScoredSentence[] {
    const { chunk } = passage;
    const terms = this.sentenceTerms[this.chunkIndex.get(chunk.id)!]!;
    return chunk.sentences.map((sentence, j) => {
      const counts = terms[j]!;
      const length = totalCount(counts) / this.averageSentenceLength;
      const lexical = scoreTerms(query.groups, counts, length, (g) => this.bm25.groupWeight(g));
      const labels = this.labelsOfSentence.get(sentenceKey(chunk.file, sentence.start)) ?? [];
      return { sentence, dense: this.similarity(labels, queryVectors), lexical };
    });
  }

  async retrieve(question: string, k: number, readDepth = 5): Promise<Retrieval> {
    const t0 = performance.now();
    const query = analyzeQuery(question, this.lexicon, !this.embedder.info.multilingual);
    const queryVectors = await Promise.all(query.denseTexts.map((t) => this.embedder.embedQuery(t)));
    const t1 = performance.now();

    const candidates = new Set<number>();
    for (const q of queryVectors) {
      for (const [doc] of await this.store.similaritySearchVectorWithScore(q, this.denseK)) {
        for (const i of this.chunksOfLabel[this.labelOfDocument.get(doc) ?? -1] ?? []) candidates.add(i);
      }
    }
    const t2 = performance.now();

    const lexical = this.chunks.map((_, i) => this.bm25.score(query.groups, i));
    lexical
      .map((score, i) => ({ score: score.score, i }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, this.lexicalK)
      .forEach((x) => candidates.add(x.i));
    const t3 = performance.now();

    const chunks = [...candidates].map((i) => this.chunks[i]!);
    const dense = [...candidates].map((i) => this.similarity(this.labelsOfChunk[i]!, queryVectors));
    const balanced = balanceLanguages(dense, chunks.map((c) => c.lang));
    const passages: Passage[] = [...candidates].map((i, j) => ({
      chunk: chunks[j]!,
      dense: dense[j]!,
      lexical: lexical[i]!,
      score: fuse(balanced[j]!, lexical[i]!.score, this.weights),
      sentences: [],
    }));
    passages.sort((a, b) => b.score - a.score);
    const top = passages.slice(0, Math.max(k, readDepth));
    // The best passages in the asker's language, and those of a document the question names ("segundo a sinopse").
    const inLanguage = passages.filter((p) => p.chunk.lang === query.lang).slice(0, NATIVE_DEPTH);
    const ofNamedDocument = passages.filter((p) => namesDocumentOf(query, p.chunk)).slice(0, NATIVE_DEPTH);
    const native = readDepth > 0 ? [...new Set([...inLanguage, ...ofNamedDocument])] : [];
    for (const passage of new Set([...top.slice(0, readDepth), ...native])) passage.sentences = this.scoreSentences(passage, query, queryVectors);
    const t4 = performance.now();
    const unknownWords = query.groups.filter((g) => !g.variants.some((v) => this.bm25.has(v.term))).map((g) => g.word);
    const wordWeights = query.groups.map((g) => this.bm25.groupWeight(g));
    return { query, unknownWords, wordWeights, passages: top, native, timings: { embed: t1 - t0, dense: t2 - t1, lexical: t3 - t2, fusion: t4 - t3 } };
  }
}
