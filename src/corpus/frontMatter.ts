export interface FrontMatter {
  fields: Map<string, string[]>;
  /** Offset where the body starts (0 when there is no front matter). */
  bodyStart: number;
}

const OPENING = /^---\r?\n/;
const CLOSING = /\r?\n---[ \t]*(\r?\n|$)/;

/** Parses a small `key: value` front matter between `---` lines. Repeated keys collect into lists. */
export function parseFrontMatter(text: string): FrontMatter {
  const fields = new Map<string, string[]>();
  if (!OPENING.test(text)) return { fields, bodyStart: 0 };
  const close = CLOSING.exec(text.slice(3));
  if (!close) return { fields, bodyStart: 0 };
  const block = text.slice(text.indexOf('\n') + 1, 3 + close.index);
  for (const line of block.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    const value = match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    fields.set(key, [...(fields.get(key) ?? []), value]);
  }
  return { fields, bodyStart: 3 + close.index + close[0].length };
}
