import { foldAccents } from '../search/text.js';
import type { EvalOutcome, EvalQuestion, Metrics } from './types.js';

export function normalize(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

export function contains(haystack: string, needle: string): boolean {
  return needle.trim() !== '' && normalize(haystack).includes(normalize(needle));
}

/** A question is answerable when it lists answer tokens (unanswerable and off-topic ones list none). */
export function isAnswerableQuestion(q: EvalQuestion): boolean {
  return q.must_contain_any.length > 0;
}

export function isAnswerable(o: EvalOutcome): boolean {
  return isAnswerableQuestion(o.question);
}

export function holdsEvidence(text: string, q: EvalQuestion): boolean {
  return q.evidence.some((e) => contains(text, e));
}

/** Rank (1-based) of the first passage holding the evidence, or 0. */
export function evidenceRank(o: EvalOutcome): number {
  const i = o.passages.findIndex((p) => holdsEvidence(p, o.question));
  return i + 1;
}

export function isCorrect(o: EvalOutcome): boolean {
  return !o.abstained && o.question.must_contain_any.some((token) => contains(o.answer, token));
}

/** A citation is supported when the passage it points at holds the evidence or the answer itself. */
export function supportedCitations(o: EvalOutcome): number {
  const { question } = o;
  return o.citations.filter((c) => holdsEvidence(c.passage, question) || question.must_contain_any.some((t) => contains(c.passage, t))).length;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);

export function computeMetrics(outcomes: EvalOutcome[]): Metrics {
  const answerable = outcomes.filter(isAnswerable);
  const withEvidence = answerable.filter((o) => o.question.evidence.length > 0);
  const abstainable = outcomes.filter((o) => !isAnswerable(o));
  const ranks = withEvidence.map(evidenceRank);
  const hit = (k: number) => ratio(ranks.filter((r) => r > 0 && r <= k).length, ranks.length);
  const answered = answerable.filter((o) => !o.abstained);
  const citations = answered.reduce((n, o) => n + o.citations.length, 0);
  return {
    n: outcomes.length,
    answerable: answerable.length,
    hit1: hit(1),
    hit3: hit(3),
    hit5: hit(5),
    mrr: ratio(ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0), ranks.length),
    accuracy: ratio(answerable.filter(isCorrect).length, answerable.length),
    citationSupport: ratio(answered.reduce((n, o) => n + supportedCitations(o), 0), citations),
    citations,
    abstention: ratio(abstainable.filter((o) => o.abstained).length, abstainable.length),
    abstainable: abstainable.length,
    falseAbstention: ratio(answerable.filter((o) => o.abstained).length, answerable.length),
    p50: percentile(outcomes.map((o) => o.ms), 50),
    p95: percentile(outcomes.map((o) => o.ms), 95),
  };
}

export function metricsByKind(outcomes: EvalOutcome[]): Map<string, Metrics> {
  const kinds = [...new Set(outcomes.map((o) => o.question.kind))].sort();
  return new Map(kinds.map((kind) => [kind, computeMetrics(outcomes.filter((o) => o.question.kind === kind))]));
}
