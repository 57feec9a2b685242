import type { Chunk } from '../corpus/types.js';
import type { AnalyzedQuery } from './query.js';
import { stem, words } from './text.js';

/** The work a document title names, without what the document is in brackets: "Ferrugem e Osso (sinopse)" → "Ferrugem e Osso". */
export function workTitle(title: string): string {
  return title.replace(/\s*\(.*?\)/g, '').trim();
}

/** The words of the works the chunks' documents are about ("rust", "and", "bone", "ferrugem", …). */
export function titleWords(chunks: Chunk[]): Set<string> {
  return new Set(chunks.flatMap((c) => words(workTitle(c.title))));
}

const descriptionCache = new WeakMap<Chunk, string[]>();

/** The index terms of what a chunk's document title says it is, in brackets ("sinopse"), read once per chunk. */
function descriptionTerms(chunk: Chunk): string[] {
  let terms = descriptionCache.get(chunk);
  if (!terms) {
    const description = chunk.title.match(/\(([^)]*)\)/)?.[1] ?? '';
    descriptionCache.set(chunk, (terms = words(description).map((w) => stem(w, chunk.lang))));
  }
  return terms;
}

/**
 * Whether a question names the document of a chunk by what its title says it is, in brackets:
 * "segundo a sinopse" and "in the synopsis" name "Ferrugem e Osso (sinopse)".
 */
export function namesDocumentOf(query: AnalyzedQuery, chunk: Chunk): boolean {
  const terms = descriptionTerms(chunk);
  return terms.length > 0 && query.groups.some((g) => g.variants.some((v) => terms.includes(v.term)));
}
