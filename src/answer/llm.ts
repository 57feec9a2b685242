import { ChatOpenAI } from '@langchain/openai';
import type { Logger } from '../log.js';
import type { Retrieval } from '../search/retriever.js';
import { snippet, snippetSpan } from '../search/snippet.js';
import { checkCitations } from './citations.js';
import { answerPrompt, promptValues } from './prompt.js';
import type { Answer } from './types.js';

export interface LlmSettings {
  /** An OpenAI-compatible API, e.g. http://localhost:11434/v1 for Ollama. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

/** How many retrieved passages the model is given. */
const PASSAGES = 5;
const QUOTE = 300;

/**
 * Answers from the retrieved passages with a chat model (any OpenAI-compatible server). Every
 * citation is checked before anything is shown; on any failure it returns undefined, logs the
 * cause once, and the caller keeps the extractive answer.
 */
export class LlmAnswerer {
  private readonly chat: ChatOpenAI;

  constructor(
    readonly settings: LlmSettings,
    private readonly log: Logger,
  ) {
    this.chat = new ChatOpenAI({
      model: settings.model,
      apiKey: settings.apiKey || 'not-needed', // local servers ignore it; the client requires one
      configuration: { baseURL: settings.baseUrl },
      timeout: settings.timeoutMs,
      maxRetries: 0,
      temperature: 0,
      streaming: true,
    });
  }

  /** `confidence` is the retrieval's (the model's own is not known); `onText` receives the growing raw text while it streams (the bot shows it, throttled). */
  async answer(retrieval: Retrieval, confidence: number, onText?: (text: string) => void): Promise<Answer | undefined> {
    const passages = retrieval.passages.slice(0, PASSAGES);
    const { query } = retrieval;
    let raw = '';
    try {
      const stream = await answerPrompt.pipe(this.chat).stream(promptValues(query.text, passages, query.lang), { signal: AbortSignal.timeout(this.settings.timeoutMs) });
      for await (const chunk of stream) {
        raw += typeof chunk.content === 'string' ? chunk.content : '';
        onText?.(raw);
      }
    } catch (error) {
      this.log.warn({ cause: (error as Error).message, model: this.settings.model }, 'LLM answer failed; using the extractive answer');
      return undefined;
    }
    const checked = raw.includes('NOT_COVERED') ? undefined : checkCitations(raw, passages.length);
    if (!checked) {
      this.log.warn({ model: this.settings.model, reply: raw.slice(0, 200) }, 'LLM answer had no valid citation; using the extractive answer');
      return undefined;
    }
    if (checked.invalidNumbers.length || checked.droppedSentences) {
      this.log.info({ invalid: checked.invalidNumbers, dropped: checked.droppedSentences }, 'removed unsupported parts of the LLM answer');
    }
    const citations = checked.cited.map((original, i) => {
      const passage = passages[original - 1]!;
      return { n: i + 1, chunk: passage.chunk, quote: snippet(passage, QUOTE), quoteSpan: snippetSpan(passage, QUOTE) };
    });
    return { text: checked.text, abstained: false, citations, confidence, lang: query.lang, kind: 'generated', model: this.settings.model };
  }
}
