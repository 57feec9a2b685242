import { splitSentences } from '../corpus/sentences.js';

export interface CheckedText {
  /** The answer with only valid citations, renumbered 1..k in order of first use. */
  text: string;
  /** For each new number (index + 1), the passage number it pointed at in the prompt. */
  cited: number[];
  /** Sentences removed because no valid citation supported them. */
  droppedSentences: number;
  /** Citation numbers removed because no such passage was given. */
  invalidNumbers: number[];
}

const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/**
 * Keeps only what the passages support: numbers that are not one of the `passageCount` passages
 * are removed, a sentence left with no valid citation is dropped. Undefined when nothing cited is left.
 */
export function checkCitations(raw: string, passageCount: number): CheckedText | undefined {
  const invalid = new Set<number>();
  const order: number[] = [];
  const kept: string[] = [];
  let dropped = 0;
  for (const { text } of splitSentences(raw.trim())) {
    const valid: number[] = [];
    const withoutMarkers = text.replace(MARKER, (_, list: string) => {
      for (const n of list.split(',').map((x) => Number(x.trim()))) {
        if (Number.isInteger(n) && n >= 1 && n <= passageCount) valid.push(n);
        else invalid.add(n);
      }
      return '';
    });
    const sentence = withoutMarkers.replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
    if (valid.length === 0 || sentence === '') {
      dropped++;
      continue;
    }
    const numbers = [...new Set(valid)].map((n) => {
      if (!order.includes(n)) order.push(n);
      return order.indexOf(n) + 1;
    });
    kept.push(`${sentence} ${numbers.map((n) => `[${n}]`).join('')}`);
  }
  if (kept.length === 0) return undefined;
  return { text: kept.join(' '), cited: order, droppedSentences: dropped, invalidNumbers: [...invalid] };
}
