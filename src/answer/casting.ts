import type { Lang } from '../corpus/types.js';
import { isDictionaryWord } from '../search/lexicon.js';
import type { AnalyzedQuery } from '../search/query.js';
import { foldAccents, stem, words } from '../search/text.js';
import { namesAnotherWork } from './answerType.js';
import { asksAboutAwards } from './awards.js';
import type { RankedCandidate } from './ranker.js';

/** "Who plays Ali?", "Which actress portrays Stéphanie?", "Quem interpreta (o) Ali?", "Quem faz o papel de (da) Stéphanie?" */
const WHO = /\b(who|which (actor|actress|performer)|quem|qual (ator|atriz))\b/i;
const PLAYS_CHARACTER =
  /\b(?:plays|played|playing|portrays|portrayed|portraying|stars as|starred as|interpreta|interpretou|interpretando|vive|viveu|(?:faz|fez) o papel d[eoa]|no papel d[eoa])\s+(?:(?:the role|the part) of\s+|(?:o|a)\s+)?(\p{Lu}[\p{L}-]*)(?!['’]s?\b|\p{L})/u;

/** The character a question asks the actor of, if it asks that (not "Ali's son": his own role). */
export function characterAsked(question: string): string | undefined {
  if (!WHO.test(question)) return undefined;
  return question.match(PLAYS_CHARACTER)?.[1];
}

const NAME = /\p{Lu}[\p{L}'’-]+/gu;

const fold = (text: string) => foldAccents(text).toLowerCase();

/** Whether a stretch of a sentence names someone: a capitalized word that is no ordinary word and not `except`. */
function namesSomeone(text: string, except: string[]): boolean {
  return [...text.matchAll(NAME)].some(([w]) => !except.includes(fold(w)) && !isDictionaryWord(w.replace(/['’]s?$/, '')));
}

/** The three ways a sentence says who plays a character (letters and hyphens only, as `characterAsked` reads it). */
function castingPatterns(character: string) {
  const x = fold(character);
  return {
    before: new RegExp(`\\b(?:as|plays|portrays|embodies|portrayal of|interpreta|vive|papel de)\\s+(?:the [a-z-]+ )?${x}\\b(?!\\s+(?:is|was|has|had|gets|got|foi)\\b)`),
    bracket: new RegExp(`\\b${x}\\s*\\(`),
    by: new RegExp(`\\b${x}\\b[^.;]{0,60}?\\b(?:(?:played|portrayed) by|interpretad[oa] por)\\s`),
  };
}

/**
 * Whether a sentence says who plays the character: "Marion as Stéphanie", "Cotillard … was cast
 * as Stéphanie", "Céline Sallette embodies Louise", "Cotillard's portrayal of Stéphanie",
 * "Stephanie (Marion Cotillard)", "Ali, played by (interpretado por) Matthias Schoenaerts".
 * "as Sam is discharged" is a time, not a role.
 */
export function castsCharacter(sentence: string, character: string, known: string[], patterns = castingPatterns(character)): boolean {
  const folded = fold(sentence);
  const except = [fold(character), ...known];
  const before = folded.match(patterns.before);
  if (before && namesSomeone(sentence.slice(0, before.index), except)) return true;
  const bracket = folded.match(patterns.bracket);
  if (bracket && namesSomeone(sentence.slice(bracket.index! + bracket[0].length).split(')')[0]!, except)) return true;
  const by = folded.match(patterns.by);
  return by !== null && namesSomeone(sentence.slice(by.index! + by[0].length).split(/[,;.]/)[0]!, except);
}

/**
 * For "who plays X", the best-ranked sentence that says who plays X, in the asker's language when
 * one is; `null` when none does (the documents do not say), `undefined` for other questions.
 */
export function castingSentence(ranked: RankedCandidate[], question: string, lang: Lang): RankedCandidate | null | undefined {
  const character = characterAsked(question);
  if (!character) return undefined;
  const known = [...question.matchAll(NAME)].map(([w]) => fold(w));
  const patterns = castingPatterns(character);
  const casting = ranked.filter((c) => castsCharacter(c.passage.sentences[c.index]!.sentence.text, character, known, patterns));
  return casting.find((c) => c.passage.chunk.lang === lang) ?? casting[0] ?? null;
}

/** "Who are the main actors?", "Who stars in it?", "Quem está no elenco?": who is in the cast, no character named. */
const ASKS_CAST = /^\W*(who|quem)\b.*\b(actors?|actress(es)?|cast|stars?|starred|starring|atores|atrizes|elenco|estrela|estrelam|estrelou)\b/;

/** Whether a question asks who is in the cast, rather than who plays a character or who won an award. */
export function asksForCast(question: string): boolean {
  return ASKS_CAST.test(fold(question)) && !characterAsked(question) && !asksAboutAwards(question);
}

/**
 * For "Who are the main actors?", the best-ranked sentence that casts someone as some character
 * ("…features Belgian Matthias as Ali, … and French Marion as Stéphanie"), in the asker's language
 * when one is; `undefined` for other questions, for the cast of another work ("Who starred in The
 * Immigrant?" names more than the documents' titles) or when none was read.
 */
export function castListSentence(ranked: RankedCandidate[], question: string, lang: Lang): RankedCandidate | undefined {
  if (!asksForCast(question) || namesAnotherWork(question, ranked.map((c) => c.passage.chunk))) return undefined;
  // A character has a name, not an ordinary word: "Best Actress in a Leading Role (Cotillard)" casts no one.
  const castsAnyone = (text: string) => [...text.matchAll(NAME)].some(([name]) => !isDictionaryWord(name) && castsCharacter(text, name, []));
  const casting = ranked.filter((c) => castsAnyone(c.passage.sentences[c.index]!.sentence.text));
  return casting.find((c) => c.passage.chunk.lang === lang) ?? casting[0];
}

/** "Who plays Ali's son?", "Quem faz o papel da irmã do Ali?": the role asked by what it is, after the verb. */
const PLAYS_DESCRIBED = /\b(?:plays|played|portrays|portrayed|interpreta|interpretou|vive|viveu|faz o papel|fez o papel)\b/iu;
/** Where a sentence casts someone, who stands before it: "Armand Verdure portrays , the young son…", "Matthias as Ali, a rough-hewn single father". */
const CASTS = /\b(?:plays|played|portrays|portrayed|embodies|embodied|appears as|appeared as|stars as|starred as|(?:is|was) cast as|interpreta|interpretou|vive|viveu|no papel de)\b|(?<=\p{Lu}[\p{L}-]+) as\b/gu;
/** How many words after the casting verb the role's description may reach ("appears as , the gruff organizer of underground boxing matches"). */
const DESCRIPTION_REACH = 8;
/** Where a description gives way to what the role does: "…boxing matches who recruits Ali". */
const RELATIVE = /\b(?:who|whose|which|que|cujo|cuja)\b/u;

/**
 * Whether a sentence casts someone named as a role that `isRole` accepts a word of, right after
 * the casting verb: "Armand Verdure portrays , the young son of…", "Corinne Masiero plays Anna,
 * Ali's sister".
 */
export function castsAsDescribed(sentence: string, isRole: (word: string) => boolean): boolean {
  return [...sentence.matchAll(CASTS)].some((m) => {
    const after = words(sentence.slice(m.index + m[0].length).split(RELATIVE)[0]!).slice(0, DESCRIPTION_REACH);
    return namesSomeone(sentence.slice(0, m.index), []) && after.some(isRole);
  });
}

/**
 * For "who plays" a role described rather than named ("Ali's son", "o filho do Ali", "the
 * organizer of the fights"), the best-ranked sentence that casts someone as a role described by
 * the question's words ("Armand Verdure portrays , the young son of…"), in the asker's language
 * when one is; `undefined` when none does or the question asks no such thing.
 */
export function describedRoleSentence(ranked: RankedCandidate[], query: AnalyzedQuery): RankedCandidate | undefined {
  const verb = query.text.match(PLAYS_DESCRIBED);
  if (!WHO.test(query.text) || !verb || characterAsked(query.text)) return undefined;
  // The role's words: those after the verb that are not names ("Ali's" says whose son, not who).
  const described = new Set(words(query.text.slice(verb.index! + verb[0].length).replace(NAME, ' ')));
  const roleTerms = new Set(query.groups.filter((g) => described.has(g.word)).flatMap((g) => g.variants.map((v) => v.term)));
  if (roleTerms.size === 0) return undefined;
  const casting = ranked.filter((c) => castsAsDescribed(c.passage.sentences[c.index]!.sentence.text, (w) => roleTerms.has(stem(w, c.passage.chunk.lang))));
  return casting.find((c) => c.passage.chunk.lang === query.lang) ?? casting[0];
}
