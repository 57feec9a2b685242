import type { Lang } from '../corpus/types.js';
import type { Passage } from '../search/retriever.js';
import { foldAccents, isStopword, words } from '../search/text.js';
import { answerType } from './answerType.js';
import { cite } from './extractive.js';
import type { Answer } from './types.js';

/**
 * Words that ask about the film as a whole ("what is the film about?", "do que se trata o
 * filme?"), accent-folded. A question made only of these, function words and the documents'
 * titles names nothing in particular: no sentence matches it better than the documents' leads.
 */
const WHOLE_FILM_WORDS = new Set(
  `film films movie picture story storyline plot synopsis summary summarize summarise overview premise happens happen tell describe explain
  sobre filme historia enredo trama sinopse resumo resuma resumir resume premissa acontece trata tratar fala conta conte explique descreva`.split(/\s+/),
);

/** How many of its lead's sentences an overview quotes. */
const LEAD_SENTENCES = 2;

/** Whether a question asks what the film is, or is about, and nothing more particular. */
export function asksForOverview(question: string, titles: string[]): boolean {
  const titleWords = new Set(titles.flatMap((t) => words(foldAccents(t))));
  const content = words(foldAccents(question)).filter((w) => !isStopword(w));
  return content.length > 0 && answerType(question) === 'any' && content.every((w) => WHOLE_FILM_WORDS.has(w) || titleWords.has(w));
}

/** The first sentences of the best-matching document lead in the asker's language (of any language when none is). */
export function composeOverview(leads: Passage[], lang: Lang): Answer | undefined {
  const lead = leads.find((p) => p.chunk.lang === lang) ?? leads[0];
  if (!lead || lead.sentences.length === 0) return undefined;
  const opening = lead.sentences.slice(0, LEAD_SENTENCES).map((_, index) => ({ passage: lead, rank: 0, index }));
  // The documents are about the film: their own opening is the answer, however weakly the words match.
  return { ...cite(opening), abstained: false, confidence: 1, lang, kind: 'extracted' };
}
