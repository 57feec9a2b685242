import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics, evidenceRank, supportedCitations } from '../src/eval/metrics.js';
import { readEvalFile } from '../src/eval/run.js';
import type { EvalOutcome, EvalQuestion } from '../src/eval/types.js';

const base = { kind: 'fact_en', lang: 'en', answers: ['Fontaine'], must_contain_any: ['fontaine'], source: '001' };

async function evalFile(lines: object[]): Promise<EvalQuestion[]> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'eval-')), 'set.jsonl');
  await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return readEvalFile(file);
}

const outcome = (question: EvalQuestion, passages: string[], cited: string[]): EvalOutcome => ({
  question, answer: 'Stéphane Fontaine.', abstained: false, confidence: 0.9, passages,
  citations: cited.map((passage) => ({ quote: passage, passage })), ms: 1,
});

describe('evaluation evidence', () => {
  it('reads one string, as in shared/eval/dev.jsonl, or a list of strings that each state the fact', async () => {
    const [single, listed] = await evalFile([
      { ...base, id: 'a', question: 'Who shot it?', evidence: 'Cinematographer Stéphane Fontaine' },
      { ...base, id: 'b', question: 'Who shot it?', evidence: ['Cinematographer Stéphane Fontaine', 'Best Cinematography (Stéphane Fontaine)'] },
    ]);
    expect(single!.evidence).toEqual(['Cinematographer Stéphane Fontaine']);
    expect(listed!.evidence).toHaveLength(2);
  });

  it('counts a passage holding any of the listed strings as a hit, and nothing else', async () => {
    const [q] = await evalFile([{ ...base, id: 'b', question: 'Who shot it?', evidence: ['Cinematographer Stéphane Fontaine', 'Best Cinematography (Stéphane Fontaine)'] }]);
    const passages = ['The score was by Alexandre Desplat.', 'Nominations: Best Cinematography (Stéphane Fontaine).'];
    expect(evidenceRank(outcome(q!, passages, []))).toBe(2);
    expect(evidenceRank(outcome(q!, passages.slice(0, 1), []))).toBe(0);
    expect(supportedCitations(outcome(q!, passages, passages))).toBe(1);
  });

  it('leaves questions without evidence out of hit@k', async () => {
    const [q] = await evalFile([{ ...base, id: 'c', question: 'Who shot it?' }]);
    expect(q!.evidence).toEqual([]);
    const m = computeMetrics([outcome(q!, ['Stéphane Fontaine shot it.'], [])]);
    expect(m.hit1).toBeNaN();
    expect(m.accuracy).toBe(1);
  });
});
