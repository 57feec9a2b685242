import { splitSections } from './sections.js';
import { splitSentences } from './sentences.js';
import type { Chunk, Sentence, SourceDocument } from './types.js';

export interface ChunkSettings {
  /** Target characters per chunk; a chunk ends on a sentence boundary at or before it (a longer sentence stands alone). */
  size: number;
  /** Characters of whole sentences repeated from the end of one chunk at the start of the next. */
  overlap: number;
}

function packSentences(sentences: Sentence[], { size, overlap }: ChunkSettings): Sentence[][] {
  const groups: Sentence[][] = [];
  let current: Sentence[] = [];
  let fresh = 0; // sentences in `current` not carried over from the previous chunk
  const length = (group: Sentence[]) => (group.length ? group[group.length - 1]!.end - group[0]!.start : 0);
  for (const sentence of sentences) {
    if (fresh > 0 && length([...current, sentence]) > size) {
      groups.push(current);
      const carried: Sentence[] = [];
      for (let i = current.length - 1; i > 0; i--) {
        if (length([current[i]!, ...carried]) > overlap) break;
        carried.unshift(current[i]!);
      }
      current = carried;
      fresh = 0;
    }
    current.push(sentence);
    fresh++;
  }
  if (fresh > 0) {
    const previous = groups[groups.length - 1];
    const tail = current.slice(current.length - fresh);
    // A short tail reads better merged into the chunk before it than as a scrap of its own.
    if (previous && length(tail) < size / 3 && length([...previous, ...tail]) <= size * 1.5) previous.push(...tail);
    else groups.push(current);
  }
  return groups;
}

/** Section-aware chunks that start and end on sentence boundaries and keep their offsets in the source file. */
export function chunkDocument(doc: SourceDocument, settings: ChunkSettings): Chunk[] {
  const stem = doc.file.replace(/\.[^.]+$/, '');
  const chunks: Chunk[] = [];
  for (const section of splitSections(doc.text, doc.bodyStart, doc.ignore)) {
    const sentences = splitSentences(doc.text, section.start, section.end);
    for (const group of packSentences(sentences, settings)) {
      const start = group[0]!.start;
      const end = group[group.length - 1]!.end;
      chunks.push({
        id: `${stem}#${chunks.length}`,
        file: doc.file,
        title: doc.title,
        lang: doc.lang,
        section: section.path,
        start,
        end,
        text: doc.text.slice(start, end),
        sentences: group,
      });
    }
  }
  return chunks;
}
