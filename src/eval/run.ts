import { readFile } from 'node:fs/promises';
import type { Knowledge } from '../knowledge.js';
import type { EvalOutcome, EvalQuestion } from './types.js';

export async function readEvalFile(file: string): Promise<EvalQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const q = JSON.parse(line) as Partial<Omit<EvalQuestion, 'evidence'>> & { evidence?: unknown };
    if (typeof q.question !== 'string') throw new Error(`${file}:${i + 1}: no "question"`);
    return { id: String(q.id ?? i + 1), kind: q.kind ?? 'unknown', lang: q.lang ?? '', question: q.question, answers: q.answers ?? [], must_contain_any: q.must_contain_any ?? [], source: q.source ?? '', evidence: evidenceList(q.evidence) };
  });
}

/** `evidence` is one string (as in shared/eval/dev.jsonl) or a list of strings that each state the fact, or one of its parts. */
function evidenceList(evidence: unknown): string[] {
  const list = Array.isArray(evidence) ? evidence : [evidence];
  return list.filter((e): e is string => typeof e === 'string' && e.trim() !== '');
}

/** Asks every question through the same path as /ask and keeps what the metrics need. */
export async function runEval(knowledge: Knowledge, questions: EvalQuestion[]): Promise<EvalOutcome[]> {
  const outcomes: EvalOutcome[] = [];
  for (const question of questions) {
    const result = await knowledge.ask(question.question);
    outcomes.push({
      question,
      answer: result.answer.text,
      abstained: result.answer.abstained,
      confidence: result.answer.confidence,
      passages: result.passages.map((p) => p.chunk.text),
      citations: result.answer.citations.map((c) => ({ quote: c.quote, passage: c.chunk.text })),
      ms: result.timings_ms.total ?? 0,
    });
  }
  return outcomes;
}
