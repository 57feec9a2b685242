/**
 * Dense and lexical evidence are mixed as a weighted sum of two absolute scores (cosine similarity
 * and BM25 relative to the best the question could reach), not by rank: ranks throw away how
 * strong a match is, and that strength is also what abstention is decided on.
 */
export interface FusionWeights {
  dense: number;
  lexical: number;
}

export const DEFAULT_FUSION: FusionWeights = { dense: 0.55, lexical: 0.45 };

export function fuse(dense: number, lexical: number, weights: FusionWeights = DEFAULT_FUSION): number {
  return weights.dense * Math.max(0, dense) + weights.lexical * lexical;
}
