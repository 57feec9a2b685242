import type { Chunk, Span } from '../corpus/types.js';

export interface Citation {
  n: number;
  chunk: Chunk;
  /** The exact source text the answer relies on (one or more whole sentences of the chunk). */
  quote: string;
  quoteSpan: Span;
}

export interface Answer {
  text: string;
  abstained: boolean;
  citations: Citation[];
  /** 0–1: how strongly the best evidence matches the question. */
  confidence: number;
  lang: 'en' | 'pt';
  /** Extracted: sentences quoted from the sources. Calculated: a sum or difference of numbers they state, with those sentences. Generated: written by `model` from them. */
  kind: 'extracted' | 'calculated' | 'generated';
  model?: string;
}
