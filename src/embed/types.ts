import type { Embeddings } from '@langchain/core/embeddings';

/** What an index records about the model that built it; questions must be embedded by the same one. */
export interface EmbedderInfo {
  /** Stable identity, e.g. `transformers:Xenova/multilingual-e5-small:q8` or `use-lite:0.2.0`. */
  id: string;
  dims: number;
  /** Whether the model places English and Portuguese in one space (then no glossing is needed). */
  multilingual: boolean;
}

/** LangChain's Embeddings, plus the identity the index manifest needs. Vectors are L2-normalised. */
export type Embedder = Embeddings & { readonly info: EmbedderInfo };
