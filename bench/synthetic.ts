import { Document } from '@langchain/core/documents';

/** mulberry32: deterministic, so every run builds the same corpora. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['The fighter', 'The trainer', 'His sister', 'The director', 'The boy', 'The promoter', 'A critic', 'The crew', 'The orca', 'The composer', 'An editor', 'The actress'];
const VERBS = ['watches', 'rebuilds', 'loses', 'films', 'remembers', 'carries', 'questions', 'rehearses', 'abandons', 'follows', 'scores', 'repairs'];
const OBJECTS = ['the harbour at dawn', 'a borrowed car', 'the marine park', 'an underground match', 'the hospital corridor', 'a frozen lake', 'the night shift', 'a festival crowd', 'the prosthetic legs', 'an old photograph', 'the beach in winter', 'a torn contract'];
const TAILS = ['before the season ends.', 'without saying a word.', 'while the camera keeps rolling.', 'as the money runs out.', 'for the second time that week.', 'under a grey northern sky.', 'and nobody notices.', 'despite the warnings.'];
const SECTIONS = ['Plot', 'Production', 'Casting', 'Music', 'Release', 'Reception', 'Legacy', 'Themes'];

/** A chunk-sized passage (about 3–5 sentences) of film-like prose. */
export function syntheticText(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentences = 3 + Math.floor(random() * 3);
  return Array.from({ length: sentences }, () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`).join(' ');
}

/** Documents shaped like the product's chunk items, so the docstore file has a realistic size. */
export function syntheticDocuments(count: number, seed: number): Document[] {
  const random = prng(seed);
  let offset = 0;
  return Array.from({ length: count }, (_, i) => {
    const text = syntheticText(random);
    const section = SECTIONS[i % SECTIONS.length]!;
    const doc = new Document({
      pageContent: `Synthetic › ${section}\n${text}`,
      metadata: { kind: 'chunk', chunk: `synthetic.txt#${i}`, file: 'synthetic.txt', start: offset, end: offset + text.length, gloss: false, hash: `synthetic-${seed}-${i}` },
    });
    offset += text.length + 1;
    return doc;
  });
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() + 1e-300)) * Math.cos(2 * Math.PI * random());
}

function normalise(v: number[]): number[] {
  let sum = 0;
  for (const x of v) sum += x * x;
  const scale = 1 / Math.sqrt(sum);
  return v.map((x) => x * scale);
}

export function uniformUnitVectors(count: number, dims: number, seed: number): number[][] {
  const random = prng(seed);
  return Array.from({ length: count }, () => normalise(Array.from({ length: dims }, () => gaussian(random))));
}

/**
 * Random unit vectors scattered around real embeddings: each is a seed vector plus isotropic
 * Gaussian noise, scaled so its cosine to the seed is about `cosine`. Like paraphrases of real
 * passages, they keep the neighbourhood structure that nearest-neighbour search relies on.
 */
export function perturbedUnitVectors(seeds: number[][], count: number, seed: number, cosine = 0.7): number[][] {
  const random = prng(seed);
  const dims = seeds[0]!.length;
  const sigma = Math.sqrt((1 / cosine ** 2 - 1) / dims);
  return Array.from({ length: count }, () => {
    const base = seeds[Math.floor(random() * seeds.length)]!;
    return normalise(base.map((x) => x + sigma * gaussian(random)));
  });
}

export function toMatrix(vectors: number[][]): Float32Array {
  const dims = vectors[0]!.length;
  const matrix = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => matrix.set(v, i * dims));
  return matrix;
}

/** Exact top-k by inner product (the vectors are unit length, so cosine), best first. */
export function exactTopK(matrix: Float32Array, dims: number, queryVector: number[], k: number): number[] {
  // Typed on both sides keeps the inner loop monomorphic (several times faster than number[]).
  const query = Float32Array.from(queryVector);
  const count = matrix.length / dims;
  const scores = new Float32Array(count);
  for (let row = 0; row < count; row++) {
    let dot = 0;
    const offset = row * dims;
    for (let j = 0; j < dims; j++) dot += matrix[offset + j]! * query[j]!;
    scores[row] = dot;
  }
  const top: number[] = [];
  for (let row = 0; row < count; row++) {
    if (top.length < k || scores[row]! > scores[top[top.length - 1]!]!) {
      top.push(row);
      top.sort((a, b) => scores[b]! - scores[a]!);
      if (top.length > k) top.pop();
    }
  }
  return top;
}
