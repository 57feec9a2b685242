import type { Passage } from '../search/retriever.js';
import { isStopword, stem, words } from '../search/text.js';

// The modifier is a word of its own, not the "s" of "the film's editor".
const ROLE = /(?<![\p{L}'’])([a-z]+)[ -](director|designer|producer|editor|supervisor|coordinator|composer|writer|manager|artist|operator|mixer|photographer|choreographer|consultant|advisor|engineer)s?\b/iu;

/** Words before a role that name no other role: "the film editor" is the editor. */
const PLAIN_ROLE = new Set(['film', 'movie', 'picture', 'main', 'lead']);

/**
 * The crew role a "who" question asks about ("casting director", "costume designer") when none of
 * the passages read names that role: then they do not say who held it, however well the rest of
 * the question matches (every film has a director, and "cast" is everywhere).
 */
export function unnamedRole(question: string, passages: Passage[]): string | undefined {
  if (!/\b(who|whom|whose)\b/i.test(question)) return undefined;
  const m = question.match(ROLE);
  if (!m || isStopword(m[1]!.toLowerCase()) || PLAIN_ROLE.has(m[1]!.toLowerCase())) return undefined;
  const modifier = stem(m[1]!.toLowerCase(), 'en');
  // The role's root, so that "editor" is named by "editing" and "producer" by "production".
  const role = m[2]!.toLowerCase().slice(0, 4);
  const named = passages.some((p) => {
    const terms = words(`${p.chunk.section.join(' ')} ${p.chunk.text}`).map((w) => stem(w, 'en'));
    return terms.some((t, i) => t === modifier && terms[i + 1]?.startsWith(role));
  });
  return named ? undefined : m[0];
}
