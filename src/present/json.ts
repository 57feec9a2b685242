import type { AskResult } from '../knowledge.js';

export function sectionLabel(section: string[]): string {
  return section.join(' › ');
}

/** The machine-readable form of an answer, as printed by `ask --json` and read by the evaluation. */
export function answerJson(result: AskResult) {
  const { answer } = result;
  return {
    question: result.question,
    answer: answer.text,
    abstained: answer.abstained,
    confidence: Math.round(answer.confidence * 1000) / 1000,
    citations: answer.citations.map((c) => ({
      n: c.n,
      title: c.chunk.title,
      section: sectionLabel(c.chunk.section),
      source: c.chunk.file,
      start: c.quoteSpan.start,
      end: c.quoteSpan.end,
      quote: c.quote,
    })),
    passages: result.passages.map((p, i) => ({
      rank: i + 1,
      title: p.chunk.title,
      section: sectionLabel(p.chunk.section),
      source: p.chunk.file,
      start: p.chunk.start,
      end: p.chunk.end,
      text: p.chunk.text,
      score: Math.round(p.score * 1000) / 1000,
    })),
    timings_ms: result.timings_ms,
  };
}

