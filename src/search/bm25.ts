import type { Chunk } from '../corpus/types.js';
import type { TermGroup } from './query.js';
import { indexTerms } from './text.js';

const K1 = 1.2;
const B = 0.75;
/** What a light word ("happen", "make") weighs, relative to its rarity. */
const LIGHT_WEIGHT = 0.3;

export interface LexicalScore {
  /** BM25 divided by the best score the query could reach, so 1 means every word matched strongly. */
  score: number;
  /** Share of the question's weight (by idf) whose words the text contains. */
  coverage: number;
  matched: Set<string>;
}

/** How often each term occurs in a list of terms. */
export function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export function totalCount(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

/** Okapi BM25 over chunks, where a question word scores by its best-matching variant. */
export class Bm25Index {
  private readonly termFrequencies: Map<string, number>[];
  private readonly lengths: number[];
  /** The chunks that hold each term. */
  private readonly postings = new Map<string, number[]>();
  private readonly groupWeights = new WeakMap<TermGroup, number>();
  private readonly averageLength: number;

  constructor(chunks: Chunk[]) {
    this.termFrequencies = chunks.map((chunk) => termCounts(indexTerms(`${chunk.section.join(' ')} ${chunk.text}`, chunk.lang)));
    this.lengths = this.termFrequencies.map(totalCount);
    this.termFrequencies.forEach((tf, i) => {
      for (const term of tf.keys()) {
        const chunks = this.postings.get(term);
        if (chunks) chunks.push(i);
        else this.postings.set(term, [i]);
      }
    });
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Whether any chunk contains the term. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /**
   * A question word's weight: the idf of the word in any of its forms, counting the chunks that
   * hold any stem, spelling or translation of it (unknown words weigh the most). Taking the word
   * and its translations as one term keeps a Portuguese word that is rare only because the synopsis
   * is short ("dinheiro", common as "money") from outweighing the rest of the question. A light
   * word weighs less.
   */
  groupWeight(group: TermGroup): number {
    let weight = this.groupWeights.get(group);
    if (weight === undefined) {
      const chunks = new Set<number>();
      for (const { term } of group.variants) for (const i of this.postings.get(term) ?? []) chunks.add(i);
      weight = Math.log(1 + (this.size - chunks.size + 0.5) / (chunks.size + 0.5)) * (group.light ? LIGHT_WEIGHT : 1);
      this.groupWeights.set(group, weight);
    }
    return weight;
  }

  score(groups: TermGroup[], chunk: number): LexicalScore {
    return scoreTerms(groups, this.termFrequencies[chunk]!, this.lengths[chunk]! / this.averageLength, (g) => this.groupWeight(g));
  }
}

/** BM25 of term groups against one text's term counts; shared by chunks and single sentences. */
export function scoreTerms(
  groups: TermGroup[],
  counts: Map<string, number>,
  relativeLength: number,
  groupWeight: (group: TermGroup) => number,
): LexicalScore {
  let score = 0;
  let best = 0;
  let covered = 0;
  let total = 0;
  const matched = new Set<string>();
  for (const group of groups) {
    const weight = groupWeight(group);
    total += weight;
    best += weight * (K1 + 1);
    let groupScore = 0;
    for (const { term, weight: w } of group.variants) {
      const tf = counts.get(term) ?? 0;
      if (tf === 0) continue;
      const s = w * weight * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + B * relativeLength)));
      if (s > groupScore) groupScore = s;
    }
    if (groupScore > 0) {
      score += groupScore;
      covered += weight;
      matched.add(group.word);
    }
  }
  return { score: best ? score / best : 0, coverage: total ? covered / total : 0, matched };
}
