import type { Lang } from '../corpus/types.js';
import { words } from '../search/text.js';
import { chooseSentences, cite, DEFAULT_ANSWER_SETTINGS, sameSentence, type AnswerSettings } from './extractive.js';
import type { Ranking } from './ranker.js';
import type { Answer } from './types.js';

const ASKING = '(?:who|whom|whose|what|when|where|which|how|quem|qual|quais|quando|onde|como|quanto|quanta|quantos|quantas|o que)';
/** "Who directed the film and who composed the score?", "Quem dirigiu o filme e quem compôs a trilha?" */
const TWO_QUESTIONS = new RegExp(`^\\s*(${ASKING}\\b.+?)[,;]?\\s+(?:and|e)\\s+(${ASKING}\\b.+)$`, 'iu');

/** How many words each part needs to be a question of its own ("Where and when…?" is one question). */
const PART_WORDS = 3;
/** A second part that points back ("…and when did it end?") is no question on its own. */
const POINTS_BACK = /\b(it|its|they|them|their|he|him|his|she|her|ele|ela|eles|elas|dele|dela|deles|delas|isso|nisso)\b/i;

/**
 * The two questions a question joins with "and" ("Who directed the film and who composed the
 * score?" → "Who directed the film?", "who composed the score?"), or `undefined` for one question.
 */
export function questionParts(question: string): [string, string] | undefined {
  const m = question.match(TWO_QUESTIONS);
  if (!m) return undefined;
  const parts = [m[1]!, m[2]!].map((part) => part.replace(/[?!.\s]+$/, '') + '?') as [string, string];
  return parts.every((part) => words(part).length >= PART_WORDS) && !POINTS_BACK.test(parts[1]) ? parts : undefined;
}

/**
 * One answer to a question of two parts, each part answered on its own and cited ("…dirigido
 * por Jacques Audiard… [1] …composer Alexandre Desplat's… [2]"); `undefined` when a part has no
 * answer, for the question to be answered whole.
 */
export function composeParts(rankings: Ranking[], lang: Lang, abstainBelow: number, settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS): Answer | undefined {
  const chosen = rankings.map((ranking) => chooseSentences(ranking, abstainBelow, settings));
  if (chosen.some((c) => c === undefined)) return undefined;
  // One sentence may answer both parts.
  const sentences = chosen.flatMap((c) => c!).filter((c, i, all) => all.findIndex((d) => sameSentence(c, d)) === i);
  const confidence = Math.min(...rankings.map((r) => r.answerability));
  return { ...cite(sentences), abstained: false, confidence, lang, kind: 'extracted' };
}
