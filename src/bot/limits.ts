/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedsTotal: 6000,
} as const;

const ELLIPSIS = '…';

/** The first `end` UTF-16 units, never ending on half of a surrogate pair (an emoji cut in two is invalid text). */
function sliceWhole(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** Cuts at the last space that fits, so no word is broken (unless there is no space at all); adds an ellipsis. */
export function trimAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = sliceWhole(text, max - ELLIPSIS.length);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut).trimEnd() + ELLIPSIS;
}

/** Keeps whole lines while they fit (a long first line is cut at a word), and says how many were left out. */
export function trimLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const more = `\n… and ${lines.length - kept.length} more lines`;
    if (length + line.length + 1 + more.length > max) break;
    kept.push(line);
    length += line.length + 1;
  }
  if (kept.length === 0) return trimAtWord(text.replace(/\n/g, ' '), max);
  return `${kept.join('\n')}\n… and ${lines.length - kept.length} more lines`;
}

/**
 * Cuts after the last whole sentence (and its citation marks, as in "… million. [1]") that fits,
 * so an answer is never cut mid-word or mid-citation; falls back to a word boundary.
 */
export function trimAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - ELLIPSIS.length - 1);
  const ends = [...room.matchAll(/[.!?]["”’)]*(?:\s*\[\d+\])*(?=\s|$)/g)];
  const last = ends.at(-1);
  if (last && last.index + last[0].length > max / 3) return room.slice(0, last.index + last[0].length) + ' ' + ELLIPSIS;
  return trimAtWord(text.replace(/\s*\[\d+\]/g, (m, offset: number) => (offset < max ? m : '')), max);
}

function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>');
}

/** User text shown back in Discord: all markdown escaped and mentions defused (allowedMentions also blocks pings). */
export function quoteUserText(text: string): string {
  return defuseMentions(text.replace(/[\\`*_~|>#[\]()-]/g, '\\$&'));
}

/** Source text on one line: emphasis and code marks escaped, mentions defused; brackets kept for citations. */
export function quoteSourceText(text: string): string {
  return defuseMentions(text.replace(/\s+/g, ' ').trim().replace(/[\\`*_~|]/g, '\\$&'));
}
