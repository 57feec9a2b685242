import type { Lang } from '../corpus/types.js';
import { titleWords, workTitle } from '../search/describedAs.js';
import type { AnalyzedQuery, TermGroup } from '../search/query.js';
import type { Retrieval } from '../search/retriever.js';
import { bundledLexicon, contentWords, translateWords } from '../search/lexicon.js';
import { escapeRegExp, foldAccents, isLightWord, isStopword, stem, words } from '../search/text.js';
import { acronymsIn, answerTokens, askedAcronym, askedNameAndVerb, askedWhatLike, askedWhoIs, asksAuthor, asksCalendarDate, asksComposer, asksEdition, asksRank, asksForOrganization, asksGenre, asksNationality, asksOccupation, asksPay, asksYesOrNo, describes, editionsIn, hasAnswerOfType, kindAsked, mentionsAnyOf, nameActs, namesAnotherWork, namesBeside, namesBeyondTitles, namesIn, namesRoleOf, namesSomeone, nounAsked, qualifiesNoun, quotedTitles, relativeAsked, saysNameIs, speaksOfBirth, statesAuthor, statesCalendarDate, statesComposer, statesCount, statesRank, statesGenre, statesNationality, statesOccupation, statesOccupationOf, THE_WORK, titlesIn, wordAfterWho, type AnswerType } from './answerType.js';
import { betweenHoles, countsAsked, givesAnswerOfType, missingBesideQuestion, questionTermsBeforeHoles, type Candidate, type QuestionContext } from './features.js';
import { beyondTitle, type RankedCandidate, type Ranking } from './ranker.js';
import { castingSentence, castListSentence, describedRoleSentence } from './casting.js';
import { unnamedRole } from './roles.js';
import { asksAboutAwards } from './awards.js';
import { askedCalculation } from './calculation.js';
import type { Answer, Citation } from './types.js';

export interface AnswerSettings {
  /** A second sentence joins the answer when it covers words the first missed and is at least this likely, relative to the first. */
  secondSentenceRatio: number;
}

export const DEFAULT_ANSWER_SETTINGS: AnswerSettings = { secondSentenceRatio: 0.5 };

const NOT_COVERED: Record<Lang, string> = {
  en: "The documents don't say. These are the closest passages I found:",
  pt: 'Os documentos não dizem isso. Estas são as passagens mais próximas que encontrei:',
};

const sentenceOf = (c: Candidate) => c.passage.sentences[c.index]!;
const chunksOf = (ranked: RankedCandidate[]) => ranked.map((c) => c.passage.chunk);

/**
 * When the best sentence is in the other language, the best sentence in the asker's language reads
 * better if it gives the same answer (names, numbers or titles, as asked) and matches the question
 * too. Only the best one: a weaker sentence that shares some name ("BAFTA") with the answer is
 * usually about something else.
 */
function inAskersLanguage(best: RankedCandidate, ranked: RankedCandidate[], lang: Lang, question: QuestionContext): RankedCandidate {
  if (best.passage.chunk.lang === lang) return best;
  const native = ranked.find((c) => c.passage.chunk.lang === lang);
  if (!native || sentenceOf(native).lexical.matched.size === 0) return best;
  // It must match the question as well: one that shares a name but fewer of the question's words is likely about something else.
  if (sentenceOf(native).lexical.coverage < sentenceOf(best).lexical.coverage) return best;
  const wanted = answerTokens(sentenceOf(best).sentence.text, question.text, question.type);
  return [...answerTokens(sentenceOf(native).sentence.text, question.text)].some((t) => wanted.has(t)) ? native : best;
}

/** The best-ranked sentence scoring at most `margin` below `best` that `fits`, or `best` when none does. */
function nearlyAsGood(best: RankedCandidate, ranked: RankedCandidate[], margin: number, fits: (c: RankedCandidate) => boolean): RankedCandidate {
  return ranked.find((c) => c.score >= best.score - margin && fits(c)) ?? best;
}

/** Whether a sentence matches as many of the question's words as another: one that matches fewer answers less of it. */
const matchesAsMany = (c: Candidate, other: Candidate) => sentenceOf(c).lexical.matched.size >= sentenceOf(other).lexical.matched.size;

/** Kinds of answer that are names, which a scraped page loses with its links (numbers it keeps). */
const NAMED_TYPES: ReadonlySet<AnswerType> = new Set(['person', 'place', 'title', 'name']);

/** How far below the best a sentence that names what the best one lacks may score and still be taken. */
const HOLE_MARGIN = 3;

/**
 * Scraped pages lose the words of their links: "written and directed by ." names no one. When
 * the best sentence misses words right beside the question's and a nearly as good one gives the
 * kind of answer asked for without such a hole, that one answers.
 */
function filledIn(best: RankedCandidate, ranked: RankedCandidate[], question: QuestionContext): RankedCandidate {
  const ofNamedType = NAMED_TYPES.has(question.type);
  // "…such as Cinéma and , alongside co-producers Page 114…" lost a name, but not the one asked for.
  if ((!ofNamedType && !asksForOrganization(question.text)) || !missingBesideQuestion(best, question) || putsNameBesideQuestion(best, question)) return best;
  // An organization is no kind the ranker scores: a name must follow the words the best sentence lost one after ("released by Polydor" for "released by .").
  const lost = questionTermsBeforeHoles(best, question);
  const names = (c: RankedCandidate) => (ofNamedType ? givesAnswerOfType(c, question) : putsNameBeside(c, question, (t) => lost.has(t)));
  return nearlyAsGood(best, ranked, HOLE_MARGIN, (c) => names(c) && !missingBesideQuestion(c, question));
}

/** How far below the best a sentence that names the award a question names may score and still be taken. */
const AWARD_MARGIN = 2;

/**
 * "Which Lumière categories was the film nominated in?" is answered by a sentence that names the
 * award asked about ("At the 18th Lumière Awards…") when the best one names none of the question's
 * names ("Among its nominations were Best Film…", which are the César's) and it scores nearly as well.
 */
function namesAwardAsked(best: RankedCandidate, ranked: RankedCandidate[], question: string): RankedCandidate {
  if (!asksAboutAwards(question)) return best;
  const names = namesBeyondTitles(question, chunksOf(ranked));
  const namesOne = (c: RankedCandidate) => names.some((name) => sentenceOf(c).lexical.matched.has(name));
  if (names.length === 0 || namesOne(best)) return best;
  return nearlyAsGood(best, ranked, AWARD_MARGIN, namesOne);
}

/** How far below the best a sentence that gives the kind of answer asked for may score and still be taken. */
const KIND_MARGIN = 2;

/**
 * A question that asks for a kind of answer (an amount, a date, a person, a title) is answered by
 * a sentence that gives one, when the best gives none and such a sentence scores nearly as well,
 * or, however far below, matches every question word the best one does but light ones: the best
 * may owe its place to a light word alone ("making-of" for "How much did the film make?").
 * Of those, one in the asker's language comes first: it matched the question's own words, not
 * their translations.
 */
function givesKindAsked(best: RankedCandidate, ranked: RankedCandidate[], question: QuestionContext): RankedCandidate {
  if (question.type === 'any' || givesAnswerOfType(best, question)) return best;
  // It must name whom the best one names of those the question does: "Schoenaerts, known for the 2011 film Bullhead" gives a date, but not of when Ali meets Stéphanie.
  const names = namesIn(question.text).map((name) => name.toLowerCase()).filter((name) => sentenceOf(best).lexical.matched.has(name));
  const namesThem = (c: RankedCandidate) => names.every((name) => sentenceOf(c).lexical.matched.has(name));
  const weighty = [...sentenceOf(best).lexical.matched].filter((w) => !isLightWord(w));
  const matchesAsWell = (c: RankedCandidate) => weighty.every((w) => sentenceOf(c).lexical.matched.has(w));
  const fitting = ranked.filter((c) => givesAnswerOfType(c, question) && namesThem(c) && (c.score >= best.score - KIND_MARGIN || matchesAsWell(c)));
  return fitting.find((c) => c.passage.chunk.lang === question.lang) ?? fitting[0] ?? best;
}

/** The question's names, lower-cased, with the words of the work's title and the words for the work itself: what every sentence may share with it. */
function namesAndWork(question: string, title: ReadonlySet<string>): Set<string> {
  return new Set([...namesIn(question).map((n) => n.toLowerCase()), ...title, ...THE_WORK]);
}

/** The index terms a question word is searched by (its stems, translations and aliases). */
const formsOf = (group: TermGroup) => new Set(group.variants.map((v) => v.term));

/** Pairs of neighbouring words of a text, each an ordinary word (no name, number or function word), in their singular forms. */
function wordPairs(text: string, isOrdinary: (word: string) => boolean): Set<string> {
  const ws = words(text).map((w) => (isOrdinary(w) ? singularForms(w)[1]! : ''));
  return new Set(ws.slice(1).flatMap((w, i) => (w && ws[i] ? [`${ws[i]} ${w}`] : [])));
}

/** How far below the best a sentence that has the question's words together as it does may score and still be taken. */
const PHRASE_MARGIN = 3;

/**
 * "Is the love story in the original book?" asks whether something holds of a love story: a
 * sentence that has the question's words together as it does ("There isn't a love story in the
 * collection…") speaks of that, when the best one has them apart ("The story centers on Ali…")
 * and it scores nearly as well.
 */
function keepsPhraseAsked(best: RankedCandidate, ranked: RankedCandidate[], query: AnalyzedQuery): RankedCandidate {
  if (!asksYesOrNo(query.text, query.lang)) return best;
  const names = namesAndWork(query.text, titleWords(chunksOf(ranked)));
  const ordinary = (w: string) => !names.has(w) && !isStopword(w) && !isLightWord(w) && !/\d/.test(w);
  const asked = wordPairs(query.text, ordinary);
  const keeps = (c: RankedCandidate) => [...wordPairs(sentenceOf(c).sentence.text, ordinary)].some((pair) => asked.has(pair));
  if (asked.size === 0 || keeps(best)) return best;
  return nearlyAsGood(best, ranked, PHRASE_MARGIN, keeps);
}

/** A word written in lower case: a common word, not part of a name ("the English Language"). */
const LOWER_CASE_WORD = /(?<![\p{L}'’-])\p{Ll}\p{L}*/gu;

/**
 * "What footage did Marion Cotillard study?" asks which footage. When the best sentence lacks the
 * noun, a sentence that has it in some form, as a common noun ("watching videos of double
 * amputees"), answers if it scores nearly as well and matches as many of the question's words:
 * "What effects were used for the legs?" keeps "…digital leg removal using…" over a sentence
 * that says only "effects". Inside a name the word names something else: "Best Film Not in the
 * English Language" is no language Cotillard learned. Only for questions of no particular kind:
 * "What year…?" is answered by a date, which `givesKindAsked` sees to.
 */
function hasNounAsked(best: RankedCandidate, ranked: RankedCandidate[], query: AnalyzedQuery, question: QuestionContext): RankedCandidate {
  const noun = nounAsked(query.text);
  const group = query.groups.find((g) => g.word === noun);
  if (question.type !== 'any' || !group) return best;
  const forms = formsOf(group);
  const has = (c: RankedCandidate) => (sentenceOf(c).sentence.text.match(LOWER_CASE_WORD) ?? []).some((w) => forms.has(stem(w, c.passage.chunk.lang)));
  return has(best) ? best : nearlyAsGood(best, ranked, KIND_MARGIN, (c) => has(c) && matchesAsMany(c, best));
}

/** How far below the best a sentence that names someone right beside the question's words may score and still be taken. */
const BESIDE_MARGIN = 2;

/** Whether a sentence gives a name right after a word whose index term `isAsked` accepts. */
function putsNameBeside(c: Candidate, question: QuestionContext, isAsked: (term: string) => boolean): boolean {
  const lang = c.passage.chunk.lang;
  return betweenHoles(sentenceOf(c).sentence.text, lang).some((part) => namesBeside(part, `${question.text} ${c.passage.chunk.title}`, (t) => isAsked(stem(t, lang))));
}

/**
 * Whether a sentence gives a name right after a word of the question: "director Jacques Audiard"
 * for "Who is the director?". Not after the title of the work: "Rust and Bone (De rouille et d'os)"
 * names the film again, not who directed it.
 */
function putsNameBesideQuestion(c: Candidate, question: QuestionContext): boolean {
  const lang = c.passage.chunk.lang;
  const title = new Set(words(workTitle(c.passage.chunk.title)).map((w) => stem(w, lang)));
  // In the asker's language, the asker's own words: "cinematographer" is translated "director de fotografia", but "director Jacques Audiard" names no cinematographer.
  const asked = lang === question.lang ? question.ownTerms : question.terms;
  return putsNameBeside(c, question, (t) => asked.has(t) && !title.has(t));
}

/**
 * "Who is the director?" is answered by the sentence that puts a name right beside "director",
 * rather than by one that names someone else further on ("…by director and his collaborator
 * Thomas Bidegain"), when it scores nearly as well; "Qual gravadora lançou…?" by "…released by
 * Polydor" rather than "Released in May 2012, the score…".
 */
function namedBeside(best: RankedCandidate, ranked: RankedCandidate[], question: QuestionContext): RankedCandidate {
  // "Which company…" whose best sentence lost a name beside the question's words is for `filledIn` and `lostTheName` to settle.
  const asksCompany = asksForOrganization(question.text) && !missingBesideQuestion(best, question);
  if ((question.type !== 'person' && !asksCompany) || putsNameBesideQuestion(best, question)) return best;
  return nearlyAsGood(best, ranked, BESIDE_MARGIN, (c) => putsNameBesideQuestion(c, question));
}

/**
 * "Who cut this footage together?" asks who did the cutting. When the best sentence names no one
 * beside the question's words and has no form of the verb, it matched only the rest ("…blending
 * with live-action footage", of the visual effects). Then the best-ranked one that names someone
 * right after a form of the verb ("Editing by Juliette Welfling") answers, however far below it
 * scores, if it matches as many of the question's words: "Who performs the song that opens the
 * movie?" is still answered by Bon Iver's "Wash", which opens the film, not by an award for a
 * "Performance by an Actress".
 */
function namedAfterActAsked(best: RankedCandidate, ranked: RankedCandidate[], query: AnalyzedQuery, question: QuestionContext): RankedCandidate {
  const word = wordAfterWho(query.text)?.toLowerCase();
  const act = query.groups.find((g) => g.word === word && !g.light);
  if (!act || sentenceOf(best).lexical.matched.has(act.word) || putsNameBesideQuestion(best, question)) return best;
  const forms = formsOf(act);
  return ranked.find((c) => matchesAsMany(c, best) && putsNameBeside(c, question, (t) => forms.has(t))) ?? best;
}

/** How far below the best a sentence whose named person does what the question asks may score and still be taken. */
const SUBJECT_MARGIN = 2;

/**
 * "Where does Stéphanie work?" is answered by the sentence in which she is the one who works
 * ("Stéphanie trabalha como treinadora…"), rather than one where someone else does and she is only
 * mentioned, when it scores nearly as well.
 */
function namedActs(best: RankedCandidate, ranked: RankedCandidate[], query: AnalyzedQuery): RankedCandidate {
  const asked = askedNameAndVerb(query.text);
  const verb = asked && query.groups.find((g) => g.word === asked.verb.toLowerCase());
  if (!asked || !verb) return best;
  const forms = formsOf(verb);
  const acts = (c: RankedCandidate) => nameActs(sentenceOf(c).sentence.text, asked.name, (t) => forms.has(stem(t, c.passage.chunk.lang)));
  if (acts(best)) return best;
  return nearlyAsGood(best, ranked, SUBJECT_MARGIN, acts);
}

/**
 * The best-ranked sentence that `fits` and names someone the question names (one of their names
 * will do: pages lose surnames with their links), however far below the best it scores: every
 * sentence that names them matches "What nationality is Marion Cotillard?" about equally well.
 * For a question that names no one, one that fits scoring at most `margin` lower.
 */
function fittingAboutNamed(best: RankedCandidate, ranked: RankedCandidate[], question: string, margin: number, fits: (c: RankedCandidate) => boolean): RankedCandidate {
  if (fits(best)) return best;
  const names = namesIn(question).map((name) => name.toLowerCase());
  if (names.length === 0) return nearlyAsGood(best, ranked, margin, fits);
  return ranked.find((c) => fits(c) && names.some((name) => sentenceOf(c).lexical.matched.has(name))) ?? best;
}

/** How far below the best a sentence that says what someone works as, or a nationality, may score and still be taken, when the question names no one. */
const UNNAMED_MARGIN = 2;

/**
 * "What does Ali do for a living?", "Qual é o trabalho de Alain?" are answered by a sentence that
 * names him and says what he works as ("…taking odd jobs including as a nightclub…", "…trabalhar
 * como vigia…"), not by one that merely has the words ("Ali's transient living spaces",
 * "…instrumento de trabalho").
 */
function saysOccupation(best: RankedCandidate, ranked: RankedCandidate[], question: string): RankedCandidate {
  if (!asksOccupation(question)) return best;
  const names = namesIn(question);
  const text = (c: RankedCandidate) => sentenceOf(c).sentence.text;
  // Of the one asked about, not of someone in the same sentence ("What does Stéphanie do?" is not answered by Ali's odd jobs).
  const says = (c: RankedCandidate) => (names.length === 0 ? statesOccupation(text(c)) : names.some((name) => statesOccupationOf(text(c), name)));
  return fittingAboutNamed(best, ranked, question, UNNAMED_MARGIN, says);
}

/** "What nationality is Marion Cotillard?" is answered by a sentence that names her and gives one ("…and French Marion as Stéphanie"). */
function saysNationality(best: RankedCandidate, ranked: RankedCandidate[], question: string): RankedCandidate {
  if (!asksNationality(question)) return best;
  return fittingAboutNamed(best, ranked, question, UNNAMED_MARGIN, (c) => statesNationality(sentenceOf(c).sentence.text));
}

/** A word's accent-folded forms with and without a plural ending ("câmeras": "cameras", "camera"; "lutadores": "lutador"). */
const singularForms = (word: string) => {
  const folded = foldAccents(word.toLowerCase());
  return [folded, folded.replace(/s$/, ''), folded.replace(/es$/, '')];
};

/**
 * "What kind of fighter is Ali?" is answered by a sentence that qualifies the
 * noun ("…single father and bare-knuckle fighter"), in the asker's language by the very word,
 * in the other by its translations ("forte laço" for "bond"), chosen as a job is, when the best
 * one lacks the noun; by one in the asker's language when one does.
 */
function saysWhichKind(best: RankedCandidate, ranked: RankedCandidate[], query: AnalyzedQuery): RankedCandidate {
  const noun = kindAsked(query.text);
  if (!noun || !query.groups.some((g) => foldAccents(g.word) === noun)) return best;
  // In the asker's language the word itself: "underground fighting" is no kind of fighter. In the
  // other, its translations: in English by their stems ("setting" for "cenário", which gives "set"),
  // in Portuguese as the lexicon lists them, whose stems are too short ("câmera" and "cama" share "cam").
  const own = new Set(singularForms(noun));
  const translatedForms = (w: string) => (query.lang === 'pt' ? [stem(w, 'en')] : singularForms(w));
  const translated = new Set(translateWords([noun], query.lang, bundledLexicon()).flatMap((t) => t.targets.flatMap(translatedForms)));
  const isNoun = (lang: Lang) => (w: string) => (lang === query.lang ? singularForms(w).some((f) => own.has(f)) : translatedForms(w).some((f) => translated.has(f)));
  // One that has the noun may say its kind after it: "Their relationship evolves … to a profound connection".
  if (words(sentenceOf(best).sentence.text).some(isNoun(best.passage.chunk.lang))) return best;
  const qualifies = (c: RankedCandidate) => qualifiesNoun(sentenceOf(c).sentence.text, c.passage.chunk.lang, isNoun(c.passage.chunk.lang));
  const native = fittingAboutNamed(best, ranked, query.text, UNNAMED_MARGIN, (c) => qualifies(c) && c.passage.chunk.lang === query.lang);
  return native !== best ? native : fittingAboutNamed(best, ranked, query.text, UNNAMED_MARGIN, qualifies);
}

/**
 * "What genre is the film?" is answered by the best-ranked sentence that says what kind of film
 * it is ("…is a 2012 French romantic drama film"), in the asker's language when one does, however
 * much better one that merely has the word scores ("…blending genre with social realism").
 */
function saysGenre(best: RankedCandidate, ranked: RankedCandidate[], question: QuestionContext): RankedCandidate {
  const states = (c: RankedCandidate) => statesGenre(sentenceOf(c).sentence.text);
  if (!asksGenre(question.text) || namesAnotherWork(question.text, chunksOf(ranked)) || states(best)) return best;
  return ranked.find((c) => states(c) && c.passage.chunk.lang === question.lang) ?? ranked.find(states) ?? best;
}

/**
 * "Who wrote the book?" ("Quem escreveu o livro?") is answered by the best-ranked sentence that
 * names someone right after a writer's role ("…Canadian author Craig Davidson's 2005 short story
 * collection"), however much better one about who wrote the screenplay scores ("Audiard co-wrote
 * the screenplay with Thomas Bidegain"); "Who wrote the music?" by one that names a composer
 * ("…alongside Alexandre Desplat's score…").
 */
function namesCreator(best: RankedCandidate, ranked: RankedCandidate[], question: string): RankedCandidate {
  const asked = [
    { asks: asksAuthor, states: statesAuthor },
    { asks: asksComposer, states: statesComposer },
  ].find((creator) => creator.asks(question));
  const states = (c: RankedCandidate) => asked !== undefined && asked.states(sentenceOf(c).sentence.text);
  if (!asked || namesAnotherWork(question, chunksOf(ranked)) || states(best)) return best;
  return ranked.find(states) ?? best;
}

/** Names in a passage's headings ("César Awards"): what its numbered editions are of where the page lost the name. */
function headingNames(c: Candidate): string[] {
  return c.passage.chunk.section.flatMap((heading) => [...heading.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)+/gu)].flatMap((m) => words(m[0])));
}

/**
 * "At which edition of the festival…?" is answered by the best-ranked sentence that numbers an
 * edition of what the question names ("the 18th Lumière Awards", or "the 38th ," under the
 * heading "César Awards"), else by one that numbers an edition whose name the page lost ("at the
 * 65th , where it competed"), under no heading naming another event and matching some word of
 * the question beyond the work's title and "film", however much better one without a number scores.
 */
function numbersEdition(best: RankedCandidate, ranked: RankedCandidate[], question: string): RankedCandidate {
  if (!asksEdition(question)) return best;
  const named = new Set(namesIn(question).map((name) => name.toLowerCase()));
  const title = titleWords(chunksOf(ranked));
  const editions = (c: RankedCandidate) => editionsIn(sentenceOf(c).sentence.text);
  const lost = (c: RankedCandidate) => editions(c).includes('');
  const ofNamed = (c: RankedCandidate) => editions(c).some((of) => named.has(of.toLowerCase())) || (lost(c) && headingNames(c).some((n) => named.has(n)));
  const matchesQuestion = (c: RankedCandidate) => [...sentenceOf(c).lexical.matched].some((w) => !title.has(w) && !THE_WORK.has(w));
  const ofUnnamed = (c: RankedCandidate) => lost(c) && headingNames(c).every((n) => named.has(n)) && matchesQuestion(c);
  return ranked.find(ofNamed) ?? ranked.find(ofUnnamed) ?? best;
}

/** "What position did the film debut at?" is answered by the best-ranked sentence that states a rank ("…debuting at number one"), however far below it scores. */
function statesRankAsked(best: RankedCandidate, ranked: RankedCandidate[], question: string): RankedCandidate {
  const states = (c: RankedCandidate) => statesRank(sentenceOf(c).sentence.text);
  if (!asksRank(question) || states(best)) return best;
  return ranked.find(states) ?? best;
}

/** "Ele é um sujeito grandalhão…": read after the sentence that names him, the pronoun is who the question asks about (the retriever matched it so). */
const PRONOUN_IS = /^(?:He|She|Ele|Ela)\s+(?:is|was|é|era)\s/u;

/**
 * "Who is Stéphanie?" is answered by the best sentence that says who she is ("…Stéphanie, a killer
 * whale trainer"), in the asker's language when one does, however much better one that merely
 * mentions her scores: every sentence that names her matches the question equally well. "What is
 * Alain like?" is answered first by one that says what he is ("Alain é…", or "Ele é um sujeito
 * grandalhão…" of "ele") rather than what else it says of him ("…Alain, um homem desempregado").
 */
function saysWhoTheyAre(best: RankedCandidate, ranked: RankedCandidate[], question: QuestionContext): RankedCandidate {
  const like = askedWhatLike(question.text);
  const name = askedWhoIs(question.text) ?? like;
  if (!name) return best;
  const text = (c: RankedCandidate) => sentenceOf(c).sentence.text;
  // "…transformed into Stéphanie, a female , enabling…" lost what she is.
  const complete = (c: RankedCandidate) => !missingBesideQuestion(c, question);
  const referredTo = (c: RankedCandidate) => name.split(/\s+/).some((part) => sentenceOf(c).lexical.matched.has(part.toLowerCase()));
  const saysWhatLike = (c: RankedCandidate) => like !== undefined && (saysNameIs(text(c), name) || (PRONOUN_IS.test(text(c)) && referredTo(c))) && complete(c);
  const says = (c: RankedCandidate) => describes(text(c), name) && complete(c);
  const namesRole = (c: RankedCandidate) => namesRoleOf(text(c), name) && complete(c);
  for (const fits of [saysWhatLike, says, namesRole]) {
    if (fits(best)) return best;
    const found = ranked.find((c) => fits(c) && c.passage.chunk.lang === question.lang) ?? ranked.find(fits);
    if (found) return found;
  }
  return best;
}

/**
 * "Which guild, known by a three-letter acronym, …?" is answered only by a sentence that states
 * such an acronym, when one was read, however much better one that names the guild in words scores.
 */
function statesAcronym(best: RankedCandidate, ranked: RankedCandidate[], question: string): RankedCandidate {
  const asked = askedAcronym(question);
  const states = (c: RankedCandidate) => acronymsIn(sentenceOf(c).sentence.text, question, asked?.letters).length > 0;
  if (!asked || states(best)) return best;
  return ranked.find(states) ?? best;
}

/**
 * Whether the name a question asks for was a link the page lost: "Who organizes the fights?" is
 * not answered by "The fights are organized by .", which names no one, nor "Where was the lake
 * scene shot?" by "…the frozen lake scene shot in ; … the final sequence at the Sheraton Hotel
 * in .", whose only name stands beside other words, nor "Which company acquired the rights?" by
 * "…acquired by in February 2012".
 */
function lostTheName(c: RankedCandidate, question: QuestionContext): boolean {
  const asksName = NAMED_TYPES.has(question.type) || asksForOrganization(question.text);
  if (!asksName || !missingBesideQuestion(c, question)) return false;
  return !givesAnswerOfType(c, question) || !putsNameBesideQuestion(c, question);
}

/** Kinds of number that only a number answers: "when" and "how long" may be answered without one ("after her accident", "throughout the shoot"). */
const ONLY_A_NUMBER_ANSWERS: ReadonlySet<AnswerType> = new Set(['count', 'money', 'percent', 'age', 'number']);

/**
 * A question that asks for a number of some kind is not answered by a sentence that gives none:
 * "How many orcas appear in the film?" by "…Academy Award-winning performance as in (2007)…", nor
 * "Em que ano nasceu a Marion Cotillard?" by "Em uma noite… conhecendo Stephanie (Marion Cotillard)",
 * which gives a time in the story, not a year. A rank is answered in words ("at number one").
 */
function lacksNumberAsked(c: Candidate, question: QuestionContext): boolean {
  if (asksCalendarDate(question.text)) return !statesCalendarDate(sentenceOf(c).sentence.text);
  if (asksPay(question.text)) return !hasAnswerOfType('money', sentenceOf(c).sentence.text, question.text);
  if (!ONLY_A_NUMBER_ANSWERS.has(question.type) || asksRank(question.text)) return false;
  return question.type === 'count' ? !statesCount(sentenceOf(c).sentence.text) : !givesAnswerOfType(c, question);
}

/** A title is a few words, the first capitalized ("Rocket Ride", "Stéphanie et Sam"); a quotation of what someone said is longer or starts in lower case ("raw power"). */
function looksLikeTitle(quoted: string): boolean {
  const titleWords = quoted.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return titleWords.length > 0 && titleWords.length <= 6 && /^\p{Lu}/u.test(titleWords[0]!);
}

/**
 * Whether a sentence matches the question only inside titles of works that the question does not
 * name: "Qual é o rio mais longo do mundo?" is not about Lykke Li's "I Follow Rivers", nor "O que
 * acontece no parque aquático?" about Desplat's Oscar for The Shape of Water (2017).
 */
function matchesOnlyInTitles(c: Candidate, question: QuestionContext): boolean {
  const lang = c.passage.chunk.lang;
  const asks = (part: string) => words(part).some((w) => question.terms.has(stem(w, lang)));
  // What someone said ("There isn't a love story in the collection, so we invented it") is no title: it is what the sentence says.
  const { titles: quoted, rest: unquoted } = titlesIn(sentenceOf(c).sentence.text);
  const titles = quoted.filter(looksLikeTitle);
  const rest = [unquoted, ...quoted.filter((q) => !looksLikeTitle(q))].join(' ');
  const named = new Set(namesIn(question.text).map((n) => n.toLowerCase()));
  if (!titles.some(asks) || titles.some((t) => words(t).some((w) => named.has(w)))) return false;
  return !asks(rest);
}

/**
 * A question that quotes a title asks about that work: "How many minutes long is the track "Le
 * Combattant"?" is not answered by "The full score runtime totals approximately 43 minutes", which
 * names none of its words.
 */
function missesQuotedTitle(chosen: Candidate[], question: string): boolean {
  const said = new Set(chosen.flatMap((c) => contentWords(foldAccents(sentenceOf(c).sentence.text))));
  return quotedTitles(question).titles.some((title) => {
    const named = contentWords(foldAccents(title));
    return named.length > 0 && !named.some((w) => said.has(w));
  });
}

/**
 * "What is the capital of France?" is not answered by a sentence that has only the question's
 * names ("…southern France's Côte d'Azur region…") when the documents have none of its other
 * words in any form: what it asks of them, they never say. The work itself, by its title or as
 * "the film", is one of those names ("Who was the gaffer on the movie?"). A sentence may still
 * answer in other words: by what it says of a work it quotes ("Who sings I Follow Rivers?":
 * "…Lykke Li's "I Follow Rivers"…"), of what someone works as or where they are from ("What is
 * Stéphanie's profession?": "Stéphanie trabalha como treinadora…"), or of what kind of film it is
 * ("Que tipo de filme é?": "…do gênero drama romântico…").
 */
function saysNothingAskedOfNames(chosen: Candidate[], retrieval: Retrieval, ranked: RankedCandidate[]): boolean {
  const { query, unknownWords } = retrieval;
  const title = titleWords(chunksOf(ranked));
  const names = namesAndWork(query.text, title);
  const asked = query.groups.filter((g) => !names.has(g.word) && !g.light);
  if (asked.length === 0 || !asked.every((g) => unknownWords.includes(g.word))) return false;
  const matched = chosen.flatMap((c) => [...sentenceOf(c).lexical.matched]);
  if (matched.length === 0 || !matched.every((w) => names.has(w))) return false;
  // "Was the film shown at Cannes?" asks whether two of them go together: a sentence that names both ("…its Cannes debut") says.
  const work = (w: string) => (THE_WORK.has(w) || title.has(w) ? 'the work' : w);
  if (asksYesOrNo(query.text, query.lang) && new Set(matched.map(work)).size >= 2) return false;
  const text = (c: Candidate) => sentenceOf(c).sentence.text;
  const quotesWorkAsked = (c: Candidate) => quotedTitles(text(c)).titles.some((title) => words(title).some((w) => names.has(w)));
  const saysInOtherWords = (c: Candidate) =>
    quotesWorkAsked(c) ||
    (asksOccupation(query.text) && statesOccupation(text(c))) ||
    (asksNationality(query.text) && statesNationality(text(c))) ||
    (asksGenre(query.text) && statesGenre(text(c)));
  return !chosen.some(saysInOtherWords);
}

/**
 * Whether the chosen sentences leave out what the question asks about: "What is the job of Ali's
 * sister?" is not answered by what Ali does, "When was Schoenaerts born?" by when he made Bullhead,
 * "Qual é o nome do filho do Alain?" by "Pai solteiro, com um filho… que sai da Bélgica…", which
 * names no one, a question about a quoted title by a sentence that never names it, nor one about a
 * place or person by a sentence that shares only their name.
 */
function leavesOutWhatIsAsked(chosen: Candidate[], retrieval: Retrieval, ranked: RankedCandidate[], context: QuestionContext): boolean {
  const question = retrieval.query.text;
  const says = (fits: (text: string) => boolean) => chosen.some((c) => fits(sentenceOf(c).sentence.text));
  const relative = relativeAsked(question);
  const title = chosen.map((c) => c.passage.chunk.title).join(' ');
  const namesNoOneNew = () => {
    // The question's names in the other language are no one new: "Palma de Ouro" for "Palme d'Or".
    const translated = translateWords(contentWords(question), retrieval.query.lang, bundledLexicon()).flatMap((t) => t.targets);
    const known = [question, ...translated, title].join(' ');
    return !says((text) => namesSomeone(text, known));
  };
  return (
    (relative !== undefined && !says((text) => mentionsAnyOf(text, relative))) ||
    (context.type === 'person' && namesNoOneNew()) ||
    (speaksOfBirth(question) && !says(speaksOfBirth)) ||
    missesQuotedTitle(chosen, question) ||
    saysNothingAskedOfNames(chosen, retrieval, ranked)
  );
}

/** A second sentence for the words of a multi-part question the first one leaves out. */
const MULTI_PART = /\b(and|both|e|ambos|ambas)\b|\?.*\?/i;

/** Overlapping chunks share sentences: one sentence may be a candidate twice. */
export const sameSentence = (a: Candidate, b: Candidate) => a.passage.chunk.file === b.passage.chunk.file && sentenceOf(a).sentence.start === sentenceOf(b).sentence.start;

/** The question without the documents' titles, whose "and" ("Rust and Bone") joins no two questions. */
function withoutTitles(question: string, ranked: RankedCandidate[]): string {
  const titles = new Set(ranked.map((c) => workTitle(c.passage.chunk.title)).filter((t) => t !== ''));
  const escaped = [...titles].map(escapeRegExp);
  return escaped.length ? question.replace(new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), ' ') : question;
}

/** Alternatives offered in a question ("Was the love story in the book, or invented?"), which a sentence each may answer. */
const ALTERNATIVES = /\b(or|ou)\b/i;

/**
 * Whether a question asks whether one thing holds: its "and" joins the names it is about ("Did the
 * book tell the love story of Ali and Stéphanie?"), not two questions, and one sentence answers it.
 */
const asksOneThing = (question: string, lang: Lang) => asksYesOrNo(question, lang) && !ALTERNATIVES.test(question);

function complement(best: RankedCandidate, ranked: RankedCandidate[], question: string, lang: Lang, settings: AnswerSettings): RankedCandidate | undefined {
  const covered = sentenceOf(best).lexical;
  if (!MULTI_PART.test(withoutTitles(question, ranked)) || covered.coverage >= 1 || asksOneThing(question, lang)) return undefined;
  const missing = (c: Candidate) => [...sentenceOf(c).lexical.matched].filter((w) => !covered.matched.has(w)).length;
  return ranked.find(
    (c) => !sameSentence(c, best) && missing(c) > 0 && Math.exp(c.score - best.score) >= settings.secondSentenceRatio,
  );
}

export function cite(chosen: Candidate[]): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    const { sentence } = sentenceOf(c);
    let citation = citations.find((x) => x.chunk.id === c.passage.chunk.id);
    if (!citation) {
      citation = { n: citations.length + 1, chunk: c.passage.chunk, quote: '', quoteSpan: { start: sentence.start, end: sentence.end } };
      citations.push(citation);
    }
    citation.quoteSpan = { start: Math.min(citation.quoteSpan.start, sentence.start), end: Math.max(citation.quoteSpan.end, sentence.end) };
    parts.push(`${sentence.text} [${citation.n}]`);
  }
  for (const citation of citations) {
    const { chunk, quoteSpan } = citation;
    citation.quote = chunk.text.slice(quoteSpan.start - chunk.start, quoteSpan.end - chunk.start);
  }
  return { text: parts.join(' '), citations };
}

/**
 * Names in the question that no document mentions in any form ("Venice", "FIFA"): the documents
 * cannot answer a question about something they never name, however close the rest of it is.
 */
export function unknownNames(question: string, unknownWords: string[]): string[] {
  const unknown = new Set(unknownWords);
  return namesIn(question).filter((name) => unknown.has(name.toLowerCase()));
}

/** The sentence(s) that answer the question, or `undefined` when the documents do not seem to answer it. */
export function chooseSentences(ranking: Ranking, abstainBelow: number, settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS): Candidate[] | undefined {
  const { retrieval, answerability: confidence, question: context } = ranking;
  const { text: question, lang } = retrieval.query;
  const ranked = beyondTitle(ranking.ranked, retrieval.query);
  const best = ranked[0];
  const outOfReach = unknownNames(question, retrieval.unknownWords).length > 0 || unnamedRole(question, [...retrieval.passages, ...retrieval.native]) !== undefined;
  // "Who plays X?" is answered only by a sentence that says so; "Who are the main actors?" by one that casts anyone, which is evidence enough to answer.
  const cast = best && castingSentence(ranked, question, lang);
  const castList = best && castListSentence(ranked, question, lang);
  // So is a best sentence that puts a number right before what a "how many" question counts ("four out of five stars" for "Quantas estrelas…?").
  const counted = best && countsAsked(best, context);
  if (!best || (confidence < abstainBelow && !castList && !counted) || outOfReach || cast === null) return undefined;
  // Each step may move the answer from the best-ranked sentence to a nearly as good one that fits the question better.
  const steps: ((c: RankedCandidate) => RankedCandidate)[] = [
    (c) => inAskersLanguage(c, ranked, lang, context),
    (c) => namesAwardAsked(c, ranked, question),
    (c) => givesKindAsked(c, ranked, context),
    (c) => hasNounAsked(c, ranked, retrieval.query, context),
    (c) => keepsPhraseAsked(c, ranked, retrieval.query),
    (c) => filledIn(c, ranked, context),
    (c) => namedBeside(c, ranked, context),
    (c) => namedAfterActAsked(c, ranked, retrieval.query, context),
    (c) => namedActs(c, ranked, retrieval.query),
    (c) => saysOccupation(c, ranked, question),
    (c) => saysNationality(c, ranked, question),
    (c) => saysWhichKind(c, ranked, retrieval.query),
    (c) => saysGenre(c, ranked, context),
    (c) => namesCreator(c, ranked, question),
    (c) => numbersEdition(c, ranked, question),
    (c) => statesRankAsked(c, ranked, question),
    (c) => statesAcronym(c, ranked, question),
    (c) => saysWhoTheyAre(c, ranked, context),
  ];
  // A role described, not named ("Ali's son"): the actor's name stands before the casting verb, whatever name the page lost after it.
  const described = cast || castList ? undefined : describedRoleSentence(ranked, retrieval.query);
  const first = cast ?? castList ?? described ?? steps.reduce((c, step) => step(c), best);
  if ((!described && lostTheName(first, context)) || matchesOnlyInTitles(first, context)) return undefined;
  const second = complement(first, ranked, question, lang, settings);
  const chosen = second ? [first, second].sort((a, b) => (a.passage === b.passage ? a.index - b.index : 0)) : [first];
  if (leavesOutWhatIsAsked(chosen, retrieval, ranked, context)) return undefined;
  // A sum or a difference ("How many … in total?") is worked out from the sentences of its numbers, after this answer.
  const calculated = askedCalculation(question, lang) !== undefined;
  return !calculated && chosen.every((c) => lacksNumberAsked(c, context)) ? undefined : chosen;
}

/** Picks the sentence(s) that answer the question, each cited, or abstains when the documents do not seem to answer it. */
export function composeAnswer(ranking: Ranking, abstainBelow: number, settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS): Answer {
  const { answerability: confidence, retrieval } = ranking;
  const { lang } = retrieval.query;
  const chosen = chooseSentences(ranking, abstainBelow, settings);
  if (!chosen) return { text: NOT_COVERED[lang], abstained: true, citations: [], confidence, lang, kind: 'extracted' };
  return { ...cite(chosen), abstained: false, confidence, lang, kind: 'extracted' };
}
