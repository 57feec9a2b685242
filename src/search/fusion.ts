/**
 * Dense and lexical evidence are mixed as a weighted sum of two absolute scores (cosine similarity
 * and BM25 relative to the best the question could reach), not by rank: ranks throw away how
 * strong a match is, and that strength is also what abstention is decided on.
 */
export interface FusionWeights {
  dense: number;
  lexical: number;
}

export const DEFAULT_FUSION: FusionWeights = { dense: 0.5, lexical: 0.5 };

export function fuse(dense: number, lexical: number, weights: FusionWeights = DEFAULT_FUSION): number {
  return weights.dense * Math.max(0, dense) + weights.lexical * lexical;
}

/**
 * Removes each passage language's average similarity from its passages' similarities (keeping the
 * overall average), so that a question is not drawn to every passage in its own language, or in
 * the gloss it shares their vocabulary with, whatever they say.
 */
export function balanceLanguages(similarities: number[], languages: string[]): number[] {
  const sums = new Map<string, { total: number; count: number }>();
  similarities.forEach((s, i) => {
    const entry = sums.get(languages[i]!) ?? { total: 0, count: 0 };
    entry.total += s;
    entry.count += 1;
    sums.set(languages[i]!, entry);
  });
  const overall = similarities.reduce((a, b) => a + b, 0) / Math.max(1, similarities.length);
  return similarities.map((s, i) => {
    const { total, count } = sums.get(languages[i]!)!;
    return s - total / count + overall;
  });
}
