/**
 * The two small models the answerer learns from training questions, fitted by gradient descent
 * with an L2 penalty (a few hundred questions, a few dozen features: exact methods are not needed).
 */

/** The candidates of one question: a feature row each, and which of them answer it. */
export interface RankingGroup {
  rows: number[][];
  positive: boolean[];
}

export interface FitOptions {
  iterations?: number;
  learningRate?: number;
  l2?: number;
}

export const dot = (w: number[], x: number[]) => x.reduce((s, v, i) => s + v * w[i]!, 0);

function logSumExp(values: number[]): number {
  const max = Math.max(...values);
  return max + Math.log(values.reduce((s, v) => s + Math.exp(v - max), 0));
}

/** Mean negative log-likelihood that the answering candidates win a softmax over their question's candidates. */
export function rankingLoss(weights: number[], groups: RankingGroup[]): number {
  let loss = 0;
  for (const { rows, positive } of groups) {
    const scores = rows.map((x) => dot(weights, x));
    loss += logSumExp(scores) - logSumExp(scores.filter((_, i) => positive[i]));
  }
  return loss / groups.length;
}

/**
 * Listwise ranking (a conditional logit): weights under which, in each question, the candidates
 * that answer get the most of a softmax over that question's candidates. Only differences within
 * a question count, so no feature needs to be comparable across questions.
 */
export function fitRanking(groups: RankingGroup[], dims: number, options: FitOptions = {}): number[] {
  const { iterations = 3000, learningRate = 0.5, l2 = 0.01 } = options;
  const usable = groups.filter((g) => g.positive.some(Boolean) && g.positive.some((p) => !p));
  const w = new Array<number>(dims).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((v) => 2 * l2 * v);
    for (const { rows, positive } of usable) {
      const scores = rows.map((x) => dot(w, x));
      const all = logSumExp(scores);
      const pos = logSumExp(scores.filter((_, i) => positive[i]));
      rows.forEach((x, i) => {
        const coefficient = Math.exp(scores[i]! - all) - (positive[i] ? Math.exp(scores[i]! - pos) : 0);
        x.forEach((v, d) => (grad[d]! += (coefficient * v) / usable.length));
      });
    }
    w.forEach((_, d) => (w[d]! -= learningRate * grad[d]!));
  }
  return w;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression: weights and bias giving the probability that a row is positive. Features are
 * standardized while fitting (so the penalty treats them alike) and the weights mapped back.
 */
export function fitLogistic(rows: number[][], labels: boolean[], options: FitOptions = {}): { weights: number[]; bias: number } {
  const { iterations = 3000, learningRate = 0.5, l2 = 0.01 } = options;
  const dims = rows[0]?.length ?? 0;
  const mean = Array.from({ length: dims }, (_, d) => rows.reduce((s, x) => s + x[d]!, 0) / rows.length);
  const std = Array.from({ length: dims }, (_, d) => Math.sqrt(rows.reduce((s, x) => s + (x[d]! - mean[d]!) ** 2, 0) / rows.length) || 1);
  const z = rows.map((x) => x.map((v, d) => (v - mean[d]!) / std[d]!));
  const w = new Array<number>(dims).fill(0);
  let bias = 0;
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((v) => 2 * l2 * v);
    let gradBias = 0;
    z.forEach((x, i) => {
      const error = sigmoid(dot(w, x) + bias) - (labels[i] ? 1 : 0);
      x.forEach((v, d) => (grad[d]! += (error * v) / z.length));
      gradBias += error / z.length;
    });
    w.forEach((_, d) => (w[d]! -= learningRate * grad[d]!));
    bias -= learningRate * gradBias;
  }
  const weights = w.map((v, d) => v / std[d]!);
  return { weights, bias: bias - weights.reduce((s, v, d) => s + v * mean[d]!, 0) };
}
