import type { Span } from '../corpus/types.js';
import type { Passage } from './retriever.js';

/**
 * The part of a passage worth showing in a short quote: from its best-matching sentence on, as
 * many whole sentences as fit (the passage's start when its sentences were not scored).
 */
export function snippet(passage: Passage, max: number): string {
  const { start, end } = snippetSpan(passage, max);
  return passage.chunk.text.slice(start - passage.chunk.start, end - passage.chunk.start);
}

/** Where `snippet` lies in the source file. */
export function snippetSpan(passage: Passage, max: number): Span {
  const { chunk, sentences } = passage;
  if (sentences.length === 0) return { start: chunk.start, end: chunk.end };
  const score = (i: number) => sentences[i]!.lexical.score + 0.5 * Math.max(0, sentences[i]!.dense);
  let best = 0;
  for (let i = 1; i < sentences.length; i++) if (score(i) > score(best)) best = i;
  const start = sentences[best]!.sentence.start;
  let end = sentences[best]!.sentence.end;
  for (let i = best + 1; i < sentences.length && sentences[i]!.sentence.end - start <= max; i++) end = sentences[i]!.sentence.end;
  return { start, end };
}
