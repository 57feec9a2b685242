import type { Span } from './types.js';

export interface Section extends Span {
  path: string[];
}

interface Line extends Span {
  text: string;
}

function linesOf(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** A heading is a short line that starts with a capital and has no closing punctuation. */
export function isHeading(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > 90) return false;
  if (text.split(/\s+/).length > 12) return false;
  return /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?:;,"”)\]]$/u.test(text);
}

/**
 * Splits a body into sections. A heading followed directly by another heading is a parent
 * ("Reception" › "Critical response"); text before the first heading has an empty path.
 */
export function splitSections(text: string, bodyStart: number, ignore: readonly string[] = []): Section[] {
  const lines = linesOf(text, bodyStart).filter((l) => l.text.trim() !== '' && !ignore.some((i) => l.text.trim().startsWith(i)));
  const sections: Section[] = [];
  let parent: string | undefined;
  let path: string[] = [];
  let open: Section | undefined;
  lines.forEach((line, i) => {
    if (isHeading(line.text)) {
      const heading = line.text.trim();
      const next = lines[i + 1];
      if (next && isHeading(next.text)) {
        parent = heading;
        path = [heading];
      } else {
        path = parent ? [parent, heading] : [heading];
      }
      open = undefined;
      return;
    }
    if (open) open.end = line.end;
    else sections.push((open = { path, start: line.start, end: line.end }));
  });
  return sections;
}
