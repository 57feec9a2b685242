import { Document } from '@langchain/core/documents';
import { sha256 } from '../corpus/load.js';
import type { Chunk } from '../corpus/types.js';
import { glossToEnglish, type Lexicon } from '../search/lexicon.js';

/**
 * What gets a vector: every chunk (with its section path as context) and every sentence, so a
 * small fact inside a long passage can still be found. Without a multilingual model, Portuguese
 * text also gets an English gloss, so English questions can reach it.
 */
export interface ItemMetadata {
  kind: 'chunk' | 'sentence';
  /** Chunk id for chunk items; the span identifies sentences, which overlapping chunks share. */
  chunk?: string;
  file: string;
  start: number;
  end: number;
  gloss: boolean;
  hash: string;
}

export function sentenceKey(file: string, start: number): string {
  return `${file}@${start}`;
}

export function chunkContextText(chunk: Chunk): string {
  return chunk.section.length ? `${chunk.section.join(' › ')}\n${chunk.text}` : chunk.text;
}

export function buildItems(chunks: Chunk[], embedderId: string, gloss: Lexicon | undefined): Document<ItemMetadata>[] {
  const items: Document<ItemMetadata>[] = [];
  const add = (text: string, metadata: Omit<ItemMetadata, 'hash' | 'gloss'>, glossed: boolean) =>
    items.push(new Document({ pageContent: text, metadata: { ...metadata, gloss: glossed, hash: sha256(`${embedderId}\n${text}`) } }));
  const withGloss = (chunk: Chunk, text: string, metadata: Omit<ItemMetadata, 'hash' | 'gloss'>) => {
    add(text, metadata, false);
    if (gloss && chunk.lang !== 'en') add(glossToEnglish(text, gloss), metadata, true);
  };
  const seen = new Set<string>();
  for (const chunk of chunks) {
    withGloss(chunk, chunkContextText(chunk), { kind: 'chunk', chunk: chunk.id, file: chunk.file, start: chunk.start, end: chunk.end });
    for (const sentence of chunk.sentences) {
      const key = sentenceKey(chunk.file, sentence.start);
      if (seen.has(key)) continue;
      seen.add(key);
      withGloss(chunk, sentence.text, { kind: 'sentence', file: chunk.file, start: sentence.start, end: sentence.end });
    }
  }
  return items;
}
