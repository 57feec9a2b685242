import type { IngestReport } from '../ingest.js';
import type { Answer } from '../answer/types.js';
import type { AskResult } from '../knowledge.js';
import type { Passage } from '../search/retriever.js';
import { snippet } from '../search/snippet.js';
import { sectionLabel } from './json.js';

const QUOTE_WIDTH = 300;

function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const cut = flat.slice(0, width);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), width * 0.6))}…`;
}

function where(p: { chunk: Passage['chunk'] }): string {
  const section = sectionLabel(p.chunk.section);
  return section ? `${p.chunk.title} › ${section}` : p.chunk.title;
}

export function passagesText(passages: Passage[]): string {
  return passages.map((p, i) => `  ${i + 1}. ${where(p)}  (score ${p.score.toFixed(2)})\n     "${shorten(snippet(p, QUOTE_WIDTH), QUOTE_WIDTH)}"`).join('\n');
}

/** The footer that says how an answer was made. */
export function answerKindLabel(answer: Answer): string {
  if (answer.kind === 'generated') return `written by ${answer.model} from the sources`;
  return answer.kind === 'calculated' ? 'worked out from the sources' : 'extracted from the sources';
}

/** An answer for a person at a terminal: the answer, then its numbered sources. */
export function answerText(result: AskResult): string {
  const { answer } = result;
  if (answer.abstained) return `${answer.text}\n\n${passagesText(result.passages.slice(0, 3))}`;
  const sources = answer.citations.map((c) => `  [${c.n}] ${where(c)}\n      "${shorten(c.quote, QUOTE_WIDTH)}"`).join('\n');
  return `${answer.text}\n\nSources:\n${sources}\n(${answerKindLabel(answer)})`;
}

export function ingestSummary(report: IngestReport): string {
  const changes = [
    report.added.length ? `added ${report.added.join(', ')}` : '',
    report.changed.length ? `changed ${report.changed.join(', ')}` : '',
    report.removed.length ? `removed ${report.removed.join(', ')}` : '',
  ].filter(Boolean);
  return [
    `Indexed ${report.files} files into ${report.chunks} chunks (${report.vectors} vectors) in ${(report.ms / 1000).toFixed(1)} s.`,
    `Re-embedded ${report.embedded}, reused ${report.reused}${report.embedded === 0 ? ' (nothing changed)' : ''}. Embedder: ${report.embedder}.`,
    changes.length ? `Sources: ${changes.join('; ')}.` : 'Sources: no changes.',
    ...report.skipped.map((f) => `Skipped ${f} (only .md and .txt are read).`),
  ].join('\n');
}

/** A one-line progress bar for stderr on a terminal. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total ? Math.round((done / total) * width) : width;
  return `\rEmbedding [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`;
}
