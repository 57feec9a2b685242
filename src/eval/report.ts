import { computeMetrics, evidenceRank, isAnswerable, isCorrect, metricsByKind } from './metrics.js';
import type { EvalOutcome, Metrics } from './types.js';

const pct = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));

function row(name: string, m: Metrics): string {
  return `| ${name} | ${m.n} | ${pct(m.hit1)} | ${pct(m.hit3)} | ${pct(m.hit5)} | ${pct(m.mrr)} | ${pct(m.accuracy)} | ${pct(m.citationSupport)} | ${pct(m.abstention)} | ${pct(m.falseAbstention)} | ${m.p50.toFixed(0)} | ${m.p95.toFixed(0)} |`;
}

const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ').replace(/\|/g, '\\|');

/** The head of the report: what was measured, and the metrics table overall and per kind. */
export function metricsSummary(file: string, embedder: string, outcomes: EvalOutcome[]): string {
  return [
    `# Evaluation of ${file}`,
    '',
    `Embedder: \`${embedder}\`. ${outcomes.length} questions. hit@k: the evidence is in the top k passages; accuracy: an expected token is in the answer text; citation support: cited passages that hold the evidence or the answer; abstention on questions with no answer; false abstention on answerable ones; latency in ms.`,
    '',
    '| kind | n | hit@1 | hit@3 | hit@5 | MRR | accuracy | citation support | abstention | false abstention | p50 ms | p95 ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    row('**all**', computeMetrics(outcomes)),
    ...[...metricsByKind(outcomes)].map(([kind, m]) => row(kind, m)),
  ].join('\n');
}

/** A markdown report: the metrics summary, then every miss with what came first. */
export function markdownReport(file: string, embedder: string, outcomes: EvalOutcome[]): string {
  const lines = [metricsSummary(file, embedder, outcomes), '', '## Misses', ''];
  for (const o of outcomes) {
    const q = o.question;
    const problems: string[] = [];
    if (isAnswerable(o)) {
      const rank = evidenceRank(o);
      if (q.evidence.length > 0 && (rank === 0 || rank > 5)) problems.push('evidence not in top 5');
      if (o.abstained) problems.push('abstained');
      else if (!isCorrect(o)) problems.push('answer lacks the expected token');
    } else if (!o.abstained) problems.push('answered instead of abstaining');
    if (problems.length === 0) continue;
    lines.push(`- **${q.id}** (${q.kind}) ${clip(q.question)} — ${problems.join('; ')}`);
    lines.push(`  - expected: ${clip(q.must_contain_any.join(' / ') || 'abstain')}; answer: ${clip(o.answer)}`);
    lines.push(`  - first passage: ${clip(o.passages[0] ?? '(none)')}`);
  }
  if (lines[lines.length - 1] === '') lines.push('None.');
  return lines.join('\n') + '\n';
}
