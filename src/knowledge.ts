import type { Config } from './config.js';
import type { Chunk } from './corpus/types.js';
import { composeCalculated } from './answer/calculated.js';
import { askedCalculation } from './answer/calculation.js';
import { composeAnswer, DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from './answer/extractive.js';
import type { LlmAnswerer, LlmSettings } from './answer/llm.js';
import { findOperands } from './answer/operands.js';
import { Openings } from './answer/overview.js';
import { composeParts, questionParts } from './answer/parts.js';
import { loadRanker, rankRetrieval, type RankerModel } from './answer/ranker.js';
import type { Answer } from './answer/types.js';
import { EmbedderMismatchError, loadEmbedder, loadEmbedderFor } from './embed/choose.js';
import type { Embedder } from './embed/types.js';
import { indexItems, ingest, type IngestReport } from './ingest.js';
import type { Logger } from './log.js';
import { bundledLexicon } from './search/lexicon.js';
import { Retriever, type Passage, type Retrieval } from './search/retriever.js';
import { Truecaser } from './search/truecase.js';
import { IndexMissingError, openBuild } from './store/indexFiles.js';
import type { HnswVectorStore } from './store/hnswVectorStore.js';
import { loadIndex } from './store/loadIndex.js';
import type { Manifest } from './store/manifest.js';

export interface AskResult {
  question: string;
  answer: Answer;
  passages: Passage[];
  timings_ms: Record<string, number>;
}

export interface OpenOptions {
  /** Build the index first when there is none, or rebuild it when another version of the bot made it (saying so), instead of failing. */
  buildIfNeeded?: boolean;
  onIngestProgress?: (done: number, total: number) => void;
  answerSettings?: AnswerSettings;
  /** Generated answers from this chat model, with the extractive answer as the fallback. */
  llm?: LlmSettings;
  /** An embedder already loaded (used when it is the one that built the index), to avoid loading it twice. */
  embedder?: Embedder;
  /** Open without the answer ranker, for the script that fits it: only `retrieve` works then. */
  withoutRanker?: boolean;
}

/** The passages in order, each chunk once (the parts of a calculation are retrieved apart). */
function firstPerChunk(passages: Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((p) => !seen.has(p.chunk.id) && seen.add(p.chunk.id));
}

/** How many of the best passages the answerer reads sentence by sentence. */
const READ_DEPTH = 12;

/**
 * Whether the index holds what this version of the bot makes of its chunks. An update that
 * changes the lexicon changes the English glosses of the Portuguese text, and an index built
 * before it would go on searching the old ones.
 */
function builtByThisVersion(chunks: Chunk[], store: HnswVectorStore, embedder: Embedder): boolean {
  const stored = new Set(store.documents.map((d) => d.metadata.hash as string));
  const wanted = new Set(indexItems(chunks, embedder).map((item) => item.metadata.hash));
  return stored.size === wanted.size && [...wanted].every((hash) => stored.has(hash));
}

type KnowledgeConfig = Pick<Config, 'corpusDir' | 'indexDir' | 'modelDir' | 'embeddingModel' | 'transformersModel' | 'hubTimeoutMs' | 'chunkSize' | 'chunkOverlap'>;

/** The loaded index, its retriever and the answerer: what every front end asks. */
export class Knowledge {
  /** Answers questions about the film, or one of its sections, as a whole. */
  private readonly openings: Openings;
  private readonly truecaser: Truecaser;

  private constructor(
    readonly manifest: Manifest,
    readonly embedder: Embedder,
    private readonly retriever: Retriever,
    private readonly rankerModel: RankerModel | undefined,
    private readonly answerSettings: AnswerSettings,
    private readonly llm: LlmAnswerer | undefined,
  ) {
    this.openings = new Openings(retriever.chunks, bundledLexicon());
    this.truecaser = new Truecaser(retriever.chunks);
  }

  /** Opens the current index with the embedder that built it. */
  static async open(config: KnowledgeConfig, log: Logger, options: OpenOptions = {}): Promise<Knowledge> {
    let built: Manifest;
    try {
      built = (await openBuild(config.indexDir)).manifest;
    } catch (error) {
      if (!(error instanceof IndexMissingError) || !options.buildIfNeeded) throw error;
      log.info(`No index yet in ${config.indexDir}: building it from ${config.corpusDir} first.`);
      const embedder = options.embedder ?? (await loadEmbedder(config, log));
      await ingest({ config, embedder, log, onProgress: options.onIngestProgress });
      return Knowledge.open(config, log, { ...options, embedder, buildIfNeeded: false });
    }
    const wanted = config.embeddingModel;
    const builtBy = built.embedder.id;
    if (wanted !== 'auto' && !builtBy.startsWith(wanted === 'use-lite' ? 'use-lite:' : 'transformers:')) {
      throw new EmbedderMismatchError(`The index was built with ${builtBy} but EMBEDDING_MODEL=${wanted}. Run "npm run ingest" to rebuild it with ${wanted}.`);
    }
    const embedder = options.embedder?.info.id === builtBy ? options.embedder : await loadEmbedderFor(builtBy, config, log);
    const { manifest, chunks, store } = await loadIndex(config.indexDir, embedder);
    if (options.buildIfNeeded && !builtByThisVersion(chunks, store, embedder)) {
      log.info(`The index in ${config.indexDir} was built by another version of the bot: rebuilding it (unchanged text keeps its vectors).`);
      try {
        await ingest({ config, embedder, log, onProgress: options.onIngestProgress });
        return Knowledge.open(config, log, { ...options, embedder, buildIfNeeded: false });
      } catch (error) {
        log.warn({ err: error }, 'Rebuilding the index failed: answering from the one there is.');
      }
    }
    const retriever = new Retriever(chunks, store, embedder, bundledLexicon());
    // Loaded only when configured: the OpenAI client costs about 0.5 s of start-up.
    const llm = options.llm ? new (await import('./answer/llm.js')).LlmAnswerer(options.llm, log) : undefined;
    const ranker = options.withoutRanker ? undefined : loadRanker();
    return new Knowledge(manifest, embedder, retriever, ranker, options.answerSettings ?? DEFAULT_ANSWER_SETTINGS, llm);
  }

  /**
   * Answers from the sources: extracted sentences, or (when a chat model is configured and the
   * evidence is strong enough to answer at all) a generated answer whose citations were checked.
   * `onText` sees a generated answer as it streams.
   */
  async ask(question: string, passageCount = 5, onText?: (text: string) => void): Promise<AskResult> {
    const started = performance.now();
    const asked = this.truecaser.apply(question);
    const retrieved = await this.retrieveWritten(asked, passageCount);
    const t = performance.now();
    const ranking = rankRetrieval(this.ranker, retrieved);
    const { retrieval } = ranking;
    const parts = await this.answerParts(asked, retrieval.query.lang);
    const quoted = parts?.answer ?? composeAnswer(ranking, this.ranker.abstain.threshold, this.answerSettings);
    const composed = parts ?? this.openings.answer(ranking) ?? (quoted.abstained ? undefined : await this.calculate(asked, quoted.lang, quoted.confidence));
    const extracted = composed?.answer ?? quoted;
    // The passages an opening, a calculation or the parts of a question quote come first, for the reader and for the chat model.
    const passages = firstPerChunk([...(composed?.passages ?? []), ...retrieval.passages]);
    const answer = (this.llm && !extracted.abstained && (await this.llm.answer({ ...retrieval, passages }, extracted.confidence, onText))) || extracted;
    const answerMs = performance.now() - t;
    const timings = { ...retrieval.timings, answer: answerMs, total: performance.now() - started };
    return {
      question,
      answer,
      passages: passages.slice(0, passageCount),
      timings_ms: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    };
  }

  /**
   * For a question that asks for a sum or difference of two facts: each part asked on its own, its
   * number found, and the result with both facts cited, with the passages that hold them.
   * Undefined when it asks for none or a part has no number that answers it.
   */
  private async calculate(question: string, lang: 'en' | 'pt', confidence: number): Promise<{ answer: Answer; passages: Passage[] } | undefined> {
    const calculation = askedCalculation(question, lang);
    if (!calculation) return undefined;
    const rankings = await Promise.all(
      calculation.parts.map(async (part) => {
        const ranking = rankRetrieval(this.ranker, await this.retrieve(part.question));
        return { part, ...ranking, confident: ranking.answerability >= this.ranker.abstain.threshold };
      }),
    );
    const operands = findOperands(rankings, calculation.quantity);
    const answer = composeCalculated(calculation, operands, confidence);
    // The passages that hold the numbers are the first sources shown.
    return answer && { answer, passages: operands.flatMap((o) => (o ? [o.candidate.passage] : [])) };
  }

  /**
   * For a question of two parts ("Who directed the film and who composed the score?"): each part
   * asked on its own and answered with its own citation, with the passages that answer them.
   * Undefined when it is one question or a part has no answer.
   */
  private async answerParts(question: string, lang: 'en' | 'pt'): Promise<{ answer: Answer; passages: Passage[] } | undefined> {
    const parts = questionParts(question);
    if (!parts) return undefined;
    const rankings = await Promise.all(parts.map(async (part) => rankRetrieval(this.ranker, await this.retrieve(part))));
    const answer = composeParts(rankings, lang, this.ranker.abstain.threshold, this.answerSettings);
    if (!answer) return undefined;
    // The passages of the cited sentences, in the order cited, come first, as a calculation's do.
    const read = rankings.flatMap((r) => [...r.retrieval.passages, ...r.retrieval.native]);
    return { answer, passages: answer.citations.flatMap((c) => read.find((p) => p.chunk.id === c.chunk.id) ?? []) };
  }

  /** The same index and retriever answering with other ranker weights (for cross-validating the ranker). */
  withRanker(model: RankerModel): Knowledge {
    return new Knowledge(this.manifest, this.embedder, this.retriever, model, this.answerSettings, this.llm);
  }

  private get ranker(): RankerModel {
    if (!this.rankerModel) throw new Error('Knowledge was opened without the answer ranker');
    return this.rankerModel;
  }

  get chunks(): Chunk[] {
    return this.retriever.chunks;
  }

  /** The passages for a question in retrieval order, with the sentences of those the answerer reads scored. */
  retrieve(question: string, passageCount = 5): Promise<Retrieval> {
    return this.retrieveWritten(this.truecaser.apply(question), passageCount);
  }

  /** `retrieve` for a question already written as the documents write it (see `Truecaser`). */
  private retrieveWritten(question: string, passageCount = 5): Promise<Retrieval> {
    return this.retriever.retrieve(question, passageCount, READ_DEPTH);
  }

  /** The passages that best match a query, the one holding the best-matching sentence first. */
  async search(query: string, limit: number): Promise<Passage[]> {
    return rankRetrieval(this.ranker, await this.retrieve(query, limit)).retrieval.passages.slice(0, limit);
  }
}

/**
 * Re-reads the corpus into a new build and opens it; the caller swaps it in when this resolves.
 * The serving embedder is reused unless the configuration asks for another one.
 */
export async function rebuild(
  config: KnowledgeConfig,
  log: Logger,
  serving: Embedder,
  onProgress?: (done: number, total: number) => void,
  options: Pick<OpenOptions, 'llm'> = {},
): Promise<{ knowledge: Knowledge; report: IngestReport }> {
  const keep = config.embeddingModel === 'auto' || serving.info.id.startsWith(config.embeddingModel === 'use-lite' ? 'use-lite:' : 'transformers:');
  const embedder = keep ? serving : await loadEmbedder(config, log);
  const report = await ingest({ config, embedder, log, onProgress });
  return { knowledge: await Knowledge.open(config, log, { embedder }), report };
}
