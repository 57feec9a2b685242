import type { Chunk } from '../corpus/types.js';
import type { AnalyzedQuery } from './query.js';
import { stem, words } from './text.js';

/**
 * Whether a question names the document of a chunk by what its title says it is, in brackets:
 * "segundo a sinopse" and "in the synopsis" name "Ferrugem e Osso (sinopse)".
 */
export function namesDocumentOf(query: AnalyzedQuery, chunk: Chunk): boolean {
  const description = chunk.title.match(/\(([^)]*)\)/)?.[1] ?? '';
  const terms = words(description).map((w) => stem(w, chunk.lang));
  return terms.some((term) => query.groups.some((g) => g.variants.some((v) => v.term === term)));
}
