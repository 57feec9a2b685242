import type { Chunk, Lang } from '../corpus/types.js';
import { titleWords } from '../search/describedAs.js';
import { isDictionaryWord } from '../search/lexicon.js';
import { cached, escapeRegExp, foldAccents, isStopword, words } from '../search/text.js';

/** What kind of answer a question asks for, from its question words (English and Portuguese). */
export type AnswerType = 'money' | 'percent' | 'duration' | 'date' | 'age' | 'count' | 'number' | 'person' | 'title' | 'place' | 'name' | 'any';

/** The kinds whose answer is a number of some sort. */
export const NUMERIC_TYPES: ReadonlySet<AnswerType> = new Set(['money', 'percent', 'duration', 'date', 'age', 'count', 'number']);

// Tested on accent-folded, lower-cased questions, first match wins.
const QUESTION_KINDS: [AnswerType, RegExp][] = [
  ['percent', /\b(percent(age)?|what share|what proportion|porcentagem|percentual|que parte)\b/],
  ['money', /\b(how much\b.*\b(money|cost|budget|gross|earn|make|made|spend|spent|bring|brought|take|took|raise|pay|paid)|budget|box office|quanto\b.*\b(dinheiro|custou|faturou|arrecadou|rendeu|ganhou|gastou|custa)|orcamento|bilheteria)/],
  ['duration', /\b(how long|for how many (days|weeks|months|years)|quanto tempo|por quanto tempo|durante quanto|quanto dura|duracao|running time|run time|runtime|length)\b/],
  ['age', /\b(how old|what age|at what age|(que|qual a|qual e a) idade|quantos anos (tem|tinha))\b/],
  // "When" asks for a date only as the question's first word: "… plays when Sam leaves" asks for something else.
  ['date', /^\W*(when|quando)\b|\b(what (year|date|month|day)|which (year|date|month|day)|on what date|em que (ano|data|mes|dia)|que (ano|data|dia)|qual (ano|data))\b/],
  // Counting units of time asks how long: "Quantos minutos tem o filme?".
  ['duration', /\b(how many|quant[oa]s) (seconds|minutes|hours|days|weeks|months|years|segundos|minutos|horas|dias|semanas|meses|anos)\b/],
  ['count', /\b(how many|quant[oa]s)\b/],
  ['number', /\b(how much|what number|quanto)\b/],
  ['person', /\b(who|whom|whose|quem|which (actor|actress|director|composer|author|writer|person)|qual (ator|atriz|diretor|compositor|autor|escritor)|(name|nome) (of|of the|do|da|de) (actor|actress|director|composer|author|writer|person|ator|atriz|diretor|compositor|autor|escritor)|(name|nome) (of|do|da|de|dos|das)(\s+\S+){0,2}\s+(sister|brother|son|daughter|father|mother|wife|husband|friend|boyfriend|girlfriend|trainer|coach|character|child|irma|irmao|filh[oa]|pai|mae|esposa|marido|amig[oa]|namorad[oa]|treinadora?|personagem)s?)\b/],
  ['title', /\b(which|what|qual|que) (film|movie|picture|song|track|book|novel|story|album|work|filme|cancao|musica|livro|romance|conto|album|obra)s?\b/],
  ['place', /\b(where|onde|which (city|country|town|place|region|festival)|what (city|country|town|place|region|festival)|(em |de )?(qual|que) (cidade|pais|lugar|regiao|festival))\b/],
  ['name', /\b(name[ds]?|called|titled|nome|chamad[oa]s?|intitulad[oa])\b/],
];

const NUMBER_WORD = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|first|second|third|fourth|fifth|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|vinte|trinta|cem|mil|milhao|milhoes|bilhao|primeir[oa]|segund[oa]|terceir[oa])\b/;
export const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december|janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)\b/;
/** When something happens in a story: "one night", "uma noite", "certo dia". */
const STORY_TIME = /\b(one|that|the same|the next) (day|night|evening|morning|afternoon)\b|\b(um|uma|certo|certa|numa|num|naquela|naquele|no mesmo|na mesma) (dia|noite|manha|tarde)\b/;
const YEAR = /\b(1[89]|20)\d\d\b/;
/** A year or a month. */
const CALENDAR_DATE = new RegExp(`${YEAR.source}|${MONTH.source}`);
const ANSWER_OF: Partial<Record<AnswerType, RegExp>> = {
  money: /[$€£]\s?\d|\d\s?(million|billion|milhoes|milhao|bilhoes|dollars|euros|dolares)\b/,
  percent: /\d\s?%|\bpercent\b|\bpor cento\b/,
  duration: /(\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez))\S*\s+(\S+\s+)?(minutes?|hours?|days?|weeks?|months?|years?|minutos?|horas?|dias?|semanas?|meses|mes|anos?)\b/,
  age: /\b\d+[- ]years?[- ]old\b|\baged? \d+|\b\d+ anos( de idade)?\b|\bcom \d+ anos\b/,
  date: new RegExp(`${CALENDAR_DATE.source}|${STORY_TIME.source}`),
};

/** A date's number: a year, or a day beside its month ("May 17", "17 de maio"). */
const DATE_NUMBERS = new RegExp(`${YEAR.source}|${MONTH.source}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+(de\\s+)?${MONTH.source}`, 'g');
/** An amount of money: "$2.1 million", "€15 milhões", "14 million dollars". */
const MONEY_AMOUNT = /[$€£]\s?\d[\d.,]*(\s?(million|billion|milhoes|milhao|bilhoes|bilhao)\b)?|\d[\d.,]*\s?((million|billion|milhoes|milhao|bilhoes|bilhao)\s+)?(de\s+)?(dollars|euros|dolares)\b/g;

/** Whether a sentence gives a count: a number in digits or words that is not part of a date ("in 2005", "on May 17"), an amount of money nor an ordinal ("his third César"). */
export function statesCount(sentence: string): boolean {
  const tokens = words(foldAccents(sentence.toLowerCase()).replace(DATE_NUMBERS, ' ').replace(MONEY_AMOUNT, ' '));
  return tokens.some((_, i) => isCount(tokens, i));
}

const ASKS_CALENDAR_DATE = /\b(what|which|em que|que|qual) (year|date|month|day|ano|data|mes|dia)\b/;
/** A day named: of the week, or by its number ("the third day", "day 12", "no primeiro dia"). */
const DAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|sabado|domingo)\b|\b(first|second|third|last|final|\d+(st|nd|rd|th)) day\b|\bdays? \d|\b(primeiro|segundo|terceiro|ultimo) dia\b|\bdias? \d/;

/** Whether a question asks for a date on the calendar ("In what year…?", "Em que data…?", "On which day…?"), which a time in the story ("one night") does not give. */
export function asksCalendarDate(question: string): boolean {
  return ASKS_CALENDAR_DATE.test(foldAccents(question.toLowerCase()));
}

/** Whether a sentence gives a year, a month or a day. */
export function statesCalendarDate(sentence: string): boolean {
  const folded = foldAccents(sentence.toLowerCase());
  return CALENDAR_DATE.test(folded) || DAY.test(folded);
}

/** What someone was paid: "What was Cotillard's salary?", "Quanto ele recebeu de cachê?". */
const ASKS_PAY = /\b(salary|salaries|wages?|fees?|paycheck|salarios?|caches?)\b/;

/** Whether a question asks what someone was paid, which only an amount of money answers. */
export function asksPay(question: string): boolean {
  return ASKS_PAY.test(foldAccents(question.toLowerCase()));
}

/** Family and friends: their words in both languages (accent-folded), plurals included. */
const RELATIVES: string[][] = [
  ['sister', 'sisters', 'irma', 'irmas'],
  ['brother', 'brothers', 'irmao', 'irmaos'],
  ['mother', 'mothers', 'mae', 'maes'],
  // Not "pais" ("parents"), which is also "país" ("country").
  ['father', 'fathers', 'pai'],
  ['son', 'sons', 'filho', 'filhos'],
  ['daughter', 'daughters', 'filha', 'filhas'],
  ['wife', 'wives', 'esposa', 'mulher'],
  ['husband', 'husbands', 'marido'],
  ['boyfriend', 'boyfriends', 'namorado'],
  ['girlfriend', 'girlfriends', 'namorada'],
  ['friend', 'friends', 'amigo', 'amiga', 'amigos', 'amigas'],
  ['child', 'children', 'crianca', 'criancas'],
  ['parents'],
];
const RELATIVE_WORD = RELATIVES.flat().join('|');
/** "Ali's sister", "the sister of Ali", "a irmã do Alain": someone's relative, named by them. */
const RELATIVE_OF_NAMED = new RegExp(String.raw`\p{Lu}[\p{L}'’-]*['’]s?\s+(${RELATIVE_WORD})\b|\b(${RELATIVE_WORD})\s+(?:of|d[oae]|dos|das)\s+(?:the\s+|o\s+|a\s+)?\p{Lu}`, 'u');

/** The words of the relative a question asks about ("What is the job of Ali's sister?": sister, irma), if it asks about one. */
export function relativeAsked(question: string): string[] | undefined {
  const match = foldAccents(question).match(RELATIVE_OF_NAMED);
  const word = (match?.[1] ?? match?.[2])?.toLowerCase();
  return word === undefined ? undefined : RELATIVES.find((forms) => forms.includes(word));
}

/** Whether a sentence has one of these (accent-folded) words. */
export function mentionsAnyOf(sentence: string, forms: string[]): boolean {
  return words(foldAccents(sentence.toLowerCase())).some((w) => forms.includes(w));
}

/** Birth: "When was Cotillard born?", "Where was Audiard born?", "Onde nasceu o Audiard?", "data de nascimento". */
const BIRTH = /\b(born|birth|births|birthday|birthplace|nasce|nascer|nasceu|nascid[oa]s?|nascimento)\b/;

/** Whether a text speaks of birth: a question about someone's birth is answered only by a sentence that does too. */
export function speaksOfBirth(text: string): boolean {
  return BIRTH.test(foldAccents(text.toLowerCase()));
}

const ASKS_OCCUPATION = /\b(jobs?|professions?|occupations?|for a living|for work|(make|makes|earn|earns) a living|to (make|earn) money|trabalhos?|profissao|profissoes|ocupacao|emprego|faz da vida|(ganhar|ganha) a vida|para ganhar dinheiro)\b/;
/** "Onde Stéphanie trabalha?" is answered by what she works as ("treinadora de baleias orcas"), which names no place. */
const ASKS_WORKPLACE = /^\W*(where (does|did|do) \S+ work|onde ([oa] )?(\S+ )?(trabalha|trabalhava))\b/;
/** "What does Stéphanie do?", "O que a Stéphanie faz?": nothing after the verb, so what she does for a living. */
const ASKS_WHAT_SOMEONE_DOES = /^\W*(what (does|do) (\S+ ){1,3}do|o que ([oa] )?(\S+ ){1,3}faz)\W*$/;
const STATES_OCCUPATION = /\b(works?|worked|working|jobs?|employed|trabalh\w*|emprega\w*) ((including|such|incluindo) )?(as|como)\b|\b(profession|occupation|profissao|ocupacao)\b/;

/** Whether a question asks what someone does for a living ("What is Ali's job?", "Qual é o trabalho de Alain?"). */
export function asksOccupation(question: string): boolean {
  const q = foldAccents(question.toLowerCase());
  return ASKS_OCCUPATION.test(q) || ASKS_WORKPLACE.test(q) || ASKS_WHAT_SOMEONE_DOES.test(q);
}

/** Whether a sentence says what someone works as ("trabalhar como vigia", "works as a bouncer"). */
export function statesOccupation(sentence: string): boolean {
  return STATES_OCCUPATION.test(foldAccents(sentence.toLowerCase()));
}

/** Whether a sentence says what `name` works as: the name comes before the words that say so ("Stéphanie trabalha como…", not "…odd jobs including as a nightclub , where he first encounters Stéphanie"). */
export function statesOccupationOf(sentence: string, name: string): boolean {
  const folded = foldAccents(sentence.toLowerCase());
  const at = folded.search(STATES_OCCUPATION);
  return at >= 0 && words(folded.slice(0, at)).includes(foldAccents(name.toLowerCase()));
}

const ASKS_NATIONALITY = /\b(nationality|nationalities|nacionalidade|nacionalidades)\b/;
/** Nationalities in English and Portuguese (accent-folded), not languages ("English-language"). */
const STATES_NATIONALITY = /\b(american|australian|austrian|belgian|brazilian|british|canadian|chinese|danish|dutch|english|french|german|irish|italian|japanese|mexican|moroccan|portuguese|russian|scottish|spanish|swedish|swiss|american[oa]s?|australian[oa]s?|austriac[oa]s?|belgas?|brasileir[oa]s?|britanic[oa]s?|canadenses?|chines(a|es|as)?|dinamarques(a|es|as)?|holandes(a|es|as)?|ingles(a|es|as)?|frances(a|es|as)?|franco|alema(o|es|s)|irlandes(a|es|as)?|italian[oa]s?|japones(a|es|as)?|mexican[oa]s?|marroquin[oa]s?|portugues(a|es|as)?|russ[oa]s?|escoces(a|es|as)?|espanh(ol|ola|ois|olas)|suec[oa]s?|suic[oa]s?)\b(?![- ]language)/;

/** Whether a question asks for a nationality ("What nationality is…?", "Qual é a nacionalidade…?"). */
export function asksNationality(question: string): boolean {
  return ASKS_NATIONALITY.test(foldAccents(question.toLowerCase()));
}

/** Whether a sentence gives a nationality ("Belgian Matthias", "filme franco-belga"). */
export function statesNationality(sentence: string): boolean {
  return STATES_NATIONALITY.test(foldAccents(sentence.toLowerCase()));
}

/** An English question put with its verb first ("Was the film shown…?"); a Portuguese one has no word that asks ("O filme foi exibido…?"). */
const VERB_FIRST = /^\W*(is|was|are|were|did|does|do|has|have|had|can|could|will|would)\b/;
const ASKING_WORD = /\b(what|which|who|whom|whose|where|when|why|how|que|qual|quais|quem|onde|quando|como|quanto|quanta|quantos|quantas|porque)\b/;

/** Whether a question asks "yes or no": "Was the film shown at Cannes?", "O filme foi exibido em Cannes?". */
export function asksYesOrNo(question: string, lang: Lang): boolean {
  const q = foldAccents(question.toLowerCase());
  return lang === 'en' ? VERB_FIRST.test(q) : !ASKING_WORD.test(q);
}

const ASKS_GENRE = /\b(genres?|generos?|(kind|type|sort)s? of (film|movie|picture)|tipo de (filme|obra))\b/;
const GENRE = '(drama|comedy|thriller|romance|horror|documentary|western|musical|melodrama|comedia|suspense|terror|documentario|faroeste)';
/** A genre said of a work: "a romantic drama film", "do gênero drama romântico", "filme de suspense". */
const STATES_GENRE = new RegExp(`\\b(${GENRE}s? (film|movie|picture)s?|genero (d[eo] )?${GENRE}|filmes? de ${GENRE})\\b`);

/** Whether a question asks what kind of film something is ("What genre is it?", "Qual é o gênero do filme?"). */
export function asksGenre(question: string): boolean {
  return ASKS_GENRE.test(foldAccents(question.toLowerCase()));
}

/** Whether a sentence says what kind of film something is ("…is a 2012 French romantic drama film"). */
export function statesGenre(sentence: string): boolean {
  return STATES_GENRE.test(foldAccents(sentence.toLowerCase()));
}

/** "Who wrote the book?", "Quem é o autor do livro de contos…?": who wrote the work the film comes from. */
const ASKS_AUTHOR = /^\W*(who|quem)\b.*\b(wrote|written|penned|author|writer|novelist|escreveu|escrito|autor|autora|escritor|escritora)\b.*\b(books?|novels?|stor(y|ies)|collection|livros?|romances?|contos?)\b/;
/** A writer's role right before a name: "Canadian author Craig Davidson's 2005 short story collection". */
const STATES_AUTHOR = /\b(author|writer|novelist|autor|autora|escritor|escritora)\s+\p{Lu}/u;

/** Whether a question asks who wrote a book ("Who wrote the book?", "Quem escreveu o livro?"), not a screenplay. */
export function asksAuthor(question: string): boolean {
  return ASKS_AUTHOR.test(foldAccents(question.toLowerCase()));
}

/** Whether a sentence names someone right after a writer's role ("…author Craig Davidson's…"). */
export function statesAuthor(sentence: string): boolean {
  return STATES_AUTHOR.test(sentence);
}

const ASKS_COMPOSER = /^\W*(who|quem)\b.*\b(wrote|written|composed|scored|made|did|created|escreveu|escrito|compos|composta|fez|feita|criou)\b.*\b(music|score|soundtrack|musica|trilha)\b/;
/** A composer named: "composer Alexandre Desplat", "music by …", "Alexandre Desplat's score". */
const STATES_COMPOSER = /\b(composer|compositor|compositora)\s+\p{Lu}|\b(score|music|música|trilha sonora)\s+(by|de)\s+\p{Lu}|\bcomposed by\s+\p{Lu}|\p{Lu}[\p{L}-]*['’]s\s+(\p{Ll}+\s+)?(score|music)\b/u;

/** Whether a question asks who made the film's music ("Who wrote the music?", "Quem fez a trilha sonora?"). */
export function asksComposer(question: string): boolean {
  return ASKS_COMPOSER.test(foldAccents(question.toLowerCase()));
}

/** Whether a sentence names a composer ("…composer Alexandre Desplat's minimalist score…"). */
export function statesComposer(sentence: string): boolean {
  return STATES_COMPOSER.test(sentence);
}

/** "Which edition", "em qual edição": not "a special edition DVD". */
const ASKS_EDITION = /\b(which|what|qual|que)\s+(\p{L}+\s+)?(edition|edicao)\b/u;
/** A numbered edition and the word after it: "the 18th Lumière Awards", "the 65th , where" (the page lost the name). Not "10th-anniversary". */
const EDITION = /(?<![\p{L}\p{N}])\d+(?:st|nd|rd|th|º|ª)(?![\p{L}\p{N}-])\s*(\p{L}+)?/gu;

/** Whether a question asks which edition of an event ("At which edition of the festival…?", "Em qual edição…?"). */
export function asksEdition(question: string): boolean {
  return ASKS_EDITION.test(foldAccents(question.toLowerCase()));
}

/** What the numbered editions a sentence gives are of: the word after each number, or '' where the page lost it. */
export function editionsIn(sentence: string): string[] {
  return [...sentence.matchAll(EDITION)].map((m) => m[1] ?? '');
}

/** "What footage did…?": "what" or "which", a noun, and the verb that asks of it. */
const WHICH_NOUN = /^\W*(?:what|which)\s+(\p{Ll}[\p{L}-]*)\s+(?:did|does|do|was|were|is|are|has|had|can|will|would)\b/iu;

/** The noun an English question asks which one of ("footage" in "What footage did Marion Cotillard study?"), if any, but the work itself. */
export function nounAsked(question: string): string | undefined {
  const noun = question.match(WHICH_NOUN)?.[1]?.toLowerCase();
  return noun === undefined || THE_WORK.has(noun) ? undefined : noun;
}

/** "What kind of fighter…?", "Que tipo de laço…?": the words after which the noun whose kind is asked comes. */
const KIND_OF = /\b(?:(what|which)\s+(?:kind|type|sort|style)s?\s+of|(?:que|qual|quais)\s+(?:tipos?|especie|estilo)\s+de)\s+(\p{L}+(?:\s+\p{L}+){0,3})/iu;
/** Words for the work itself, which every sentence of these documents is about. */
export const THE_WORK: ReadonlySet<string> = new Set(['film', 'films', 'movie', 'movies', 'picture', 'filme', 'filmes', 'obra']);

/**
 * The noun a question asks the kind of ("fighter" in "What kind of fighter is Ali…?"),
 * accent-folded and lower-cased, if any. An English name before it says whose kind it is:
 * "What kind of Golden Globe nominations…?" asks for kinds of nominations.
 */
export function kindAsked(question: string): string | undefined {
  const match = foldAccents(question).match(KIND_OF);
  if (!match) return undefined;
  const after = match[2]!.split(/\s+/);
  const common = after.findIndex((w) => /^\p{Ll}/u.test(w));
  const afterName = match[1] !== undefined && common > 0 && !isStopword(after[common]!);
  const noun = after[afterName ? common : 0]!.toLowerCase();
  // Kinds of film are genres, for `asksGenre`.
  return THE_WORK.has(noun) ? undefined : noun;
}

/** Portuguese words that join a noun to what qualifies it: "laço de companheirismo". */
const JOINING = new Set(['de', 'do', 'da', 'dos', 'das']);
const isQualifier = (word: string | undefined) => word !== undefined && !isStopword(word) && !/^\d/.test(word);

/**
 * Whether a sentence qualifies a noun that `isNoun` accepts: a word before it ("bare-knuckle
 * fighter", "handheld cameras", "forte laço") or, in Portuguese, after it ("laço de companheirismo").
 */
export function qualifiesNoun(sentence: string, lang: Lang, isNoun: (word: string) => boolean): boolean {
  const tokens = words(sentence);
  return tokens.some((t, i) => {
    if (!isNoun(t)) return false;
    if (isQualifier(tokens[i - 1])) return true;
    return lang === 'pt' && JOINING.has(tokens[i + 1] ?? '') && isQualifier(tokens[i + 2]);
  });
}

/** "What position did it debut at?", "Em que posição…?", "How did it rank?": not "Which place…?", which asks where. */
const ASKS_RANK = /\b(what|which) (position|rank|ranking|spot)\b|\b(que|qual|quais) (posicao|colocacao)\b|\bhow did (it|the film|the movie) rank\b/;
/** A rank: "debuting at number one", "in first place", "#1", "em primeiro lugar". */
const STATES_RANK = /\bnumber (one|two|three|\d+)\b|#\d\b|\b(first|second|third|top|\d+(st|nd|rd|th)) (place|spot|position)\b|\b(primeiro|segundo|terceiro) lugar\b|\b(primeira|segunda|terceira) posicao\b/;

/** Whether a question asks for a rank ("What position did the film debut at in France?"). */
export function asksRank(question: string): boolean {
  return ASKS_RANK.test(foldAccents(question.toLowerCase()));
}

/** Whether a sentence states a rank ("…debuting at number one at the box office"). */
export function statesRank(sentence: string): boolean {
  return STATES_RANK.test(foldAccents(sentence.toLowerCase()));
}

const ASKS_ORGANIZATION = /\b(which|what|qual|quais|que) ((record|film|production|distribution|streaming) )?(compan(y|ies)|studios?|labels?|services?|platforms?|distributors?|networks?|channels?|publishers?|firms?|broadcasters?|newspapers?|magazines?|websites?|empresas?|estudios?|gravadoras?|distribuidoras?|produtoras?|plataformas?|servicos?|canal|canais|editoras?|jornal|jornais|revistas?)\b/;

/**
 * Whether a question asks which company, studio, label or service did something ("Which record
 * company…", "Qual distribuidora…"): its answer is a name, though of no kind the ranker scores.
 */
export function asksForOrganization(question: string): boolean {
  return ASKS_ORGANIZATION.test(foldAccents(question.toLowerCase()));
}

const ASKS_ACRONYM = /\b(acronyms?|abbreviations?|abbreviated|initials|siglas?|abreviaturas?|abreviad[oa]s?|abreviac\w*)\b/;
const LETTER_COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6 };
const LETTERS = /\b(\d|two|three|four|five|six)[- ]letters?\b|\bde (\d|duas|tres|quatro|cinco|seis) letras\b/;

/**
 * Whether a question asks for an acronym ("known by its initials", "Qual é a sigla…"), and how
 * many letters it has when the question says ("a three-letter acronym", "sigla de três letras").
 */
export function askedAcronym(question: string): { letters?: number } | undefined {
  const folded = foldAccents(question.toLowerCase());
  if (!ASKS_ACRONYM.test(folded)) return undefined;
  const m = folded.match(LETTERS);
  const count = m && (m[1] ?? m[2])!;
  return { letters: count ? (LETTER_COUNT[count] ?? Number(count)) : undefined };
}

const ROMAN_NUMERAL = /^[IVXLCDM]+$/;

/** The acronyms a sentence states that the question does not ("SAG", "BAFTA"; not "III"), of the letters asked. */
export function acronymsIn(sentence: string, question: string, letters?: number): string[] {
  const asked = new Set(question.match(/\p{L}+/gu) ?? []);
  const capitals = sentence.match(/(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu) ?? [];
  return capitals.filter((a) => !ROMAN_NUMERAL.test(a) && !asked.has(a) && (letters === undefined || a.length === letters));
}

/** Words a name is not: number words and months, capitalized at the start of a clause. */
const NOT_A_NAME = new RegExp(`^(${NUMBER_WORD.source}|${MONTH.source})$`);

/** The word a "how many …" question counts ("stories" in "how many stories"), if any. */
export function countedWord(question: string): string | undefined {
  return foldAccents(question.toLowerCase()).match(/\b(?:how many|quant[oa]s)\s+([\p{L}]+)/u)?.[1];
}

/** What turns a number into an ordinal, as a word of its own: "18th" reads as "18", "th". */
const ORDINAL_SUFFIX = /^(st|nd|rd|th|º|ª)$/;
const ORDINAL_WORD = /^(first|second|third|fourth|fifth|primeir[oa]s?|segund[oa]s?|terceir[oa]s?)$/;

/** Whether a token counts something: a number in digits or words, but not an ordinal ("the 18th Lumière Awards"). */
function isCount(tokens: readonly string[], i: number): boolean {
  const t = tokens[i]!;
  if (/^\d/.test(t)) return !ORDINAL_SUFFIX.test(tokens[i + 1] ?? '');
  return NUMBER_WORD.test(t) && !ORDINAL_WORD.test(t);
}

/** Whether a number (in digits or words) appears just before one of `terms`, as in "eight weeks". */
export function numberBefore(tokens: readonly string[], isTerm: (token: string) => boolean): boolean {
  return tokens.some((_, i) => isCount(tokens, i) && tokens.slice(i + 1, i + 4).some(isTerm));
}

/**
 * Words after which "who" or "where" still asks ("Para onde…", "…, and who…", "Do you know who…").
 * After any other word it starts a relative clause ("people who lost their legs", "a boate onde
 * ele trabalha") and asks for nothing.
 */
const ASKING_AFTER = new Set(words('and or but then so to for with from by of at in on about know tell say ask wonder e ou mas entao para com de por a em sobre sabe saber sabes diga dizer me us'));

/** The question without its relative "who" and "where". */
function withoutRelatives(question: string): string {
  return question.replace(/(\p{L}+)(\s+)(who|whom|whose|where|quem|onde)\b/gu, (whole, before: string, space: string) => (ASKING_AFTER.has(before) ? whole : before + space));
}

/** "Who is Stéphanie?", "Quem é o Alain?": a question about someone it names, whose answer describes them rather than naming anyone. */
const WHO_IS_NAMED = /^\W*(?:[Ww]ho|[Qq]uem)\s+(?:is|was|are|were|é|e|era|foi|são|sao)\s+(?:(?:the|a|o|os|as)\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s*[?!.]*\s*$/u;

/** The names a question mentions: its capitalized words after the first. */
export function namesIn(question: string): string[] {
  return question.match(/(?<=[\p{L}\p{N}][^\p{L}\p{N}]*\s)\p{Lu}[\p{L}\p{N}]*/gu) ?? [];
}

/** Whether a question names more than the works the chunks are about: "What genre is The Immigrant?" asks of another work. */
export function namesAnotherWork(question: string, chunks: Chunk[]): boolean {
  return namesBeyondTitles(question, chunks).length > 0;
}

/** The names a question mentions besides the titles of the works the chunks are about, lower-cased ("lumière" in "Which Lumière categories…?"). */
export function namesBeyondTitles(question: string, chunks: Chunk[]): string[] {
  const titles = titleWords(chunks);
  return namesIn(question).map((name) => name.toLowerCase()).filter((name) => !titles.has(name));
}

/** A name as a question writes it: capitalized words ("Stéphanie", "Juliette Welfling"). */
const NAME = String.raw`(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)`;

/** "What is Ali like?", "How is Stéphanie described?", "Como é o Alain?": they ask what someone is like, as "Who is Stéphanie?" does. */
const WHAT_NAMED_IS_LIKE = [
  String.raw`[Ww]hat\s+(?:is|was)\s+${NAME}\s+(?:really\s+)?like\b`,
  String.raw`[Hh]ow\s+(?:is|was)\s+${NAME}\s+(?:described|portrayed|depicted)\b`,
  String.raw`[Ww]hat\s+(?:kind|sort|type)\s+of\s+(?:person|man|woman|character)\s+(?:is|was)\s+${NAME}`,
  String.raw`[Cc]omo\s+(?:é|e|era)\s+(?:(?:o|a)\s+)?${NAME}\s*[?!.]*\s*$`,
  String.raw`[Cc]omo\s+(?:(?:o|a)\s+)?${NAME}\s+(?:é|e|era)\s+(?:descrit[oa]|retratad[oa])\b`,
  String.raw`[Qq]ue\s+tipo\s+de\s+(?:pessoa|homem|mulher|personagem)\s+(?:é|e|era)\s+(?:(?:o|a)\s+)?${NAME}`,
].map((pattern) => new RegExp(String.raw`^\W*${pattern}`, 'u'));

/** The name a "Who is Stéphanie?" question asks about, if it is one. */
export function askedWhoIs(question: string): string | undefined {
  return question.match(WHO_IS_NAMED)?.[1];
}

/** The name a "What is Ali like?" question asks about, if it is one. */
export function askedWhatLike(question: string): string | undefined {
  for (const pattern of WHAT_NAMED_IS_LIKE) {
    const name = question.match(pattern)?.[1];
    if (name) return name;
  }
  return undefined;
}

const ACCENTED: Record<string, string> = { a: 'aáàâãä', e: 'eéèêë', i: 'iíìîï', o: 'oóòôõö', u: 'uúùûü', c: 'cç', n: 'nñ' };

/** A pattern for a word with or without its accents ("Stéphanie", "Stephanie"). */
function accentBlind(word: string): string {
  return [...foldAccents(word)].map((ch) => {
    const forms = ACCENTED[ch.toLowerCase()];
    if (!forms) return escapeRegExp(ch);
    return `[${ch === ch.toLowerCase() ? forms : forms.toUpperCase()}]`;
  }).join('');
}

/**
 * Whether a sentence says who someone is, by any part of their name: "Stéphanie, a killer whale
 * trainer", "Cotillard, an established star", "Anna, Ali's sister", "Alain é boxeador",
 * "Stéphanie trabalha como…".
 */
export function describes(sentence: string, name: string): boolean {
  return cached(describingPatterns, name, describingPattern)?.test(sentence) ?? false;
}

/** Built once per name: every sentence read for a question is tested with it. */
const describingPatterns = new Map<string, RegExp | null>();

/** A pattern for any part of a name of 3 letters or more, with or without accents, not inside another word; null when it has none. */
function anyPartOf(name: string): string | null {
  const parts = name.split(/\s+/).filter((part) => part.length >= 3).map(accentBlind);
  return parts.length === 0 ? null : `(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`;
}

function describingPattern(name: string): RegExp | null {
  const part = anyPartOf(name);
  if (part === null) return null;
  return new RegExp(
    `${part}(?:,\\s+(?:a|an|the|his|her|their|um|uma|o|seu|sua|\\p{Lu}[\\p{L}-]*'s)\\s|\\s+(?:is|was|é|era|foi|works as|worked as|trabalha como|trabalhava como)\\s|\\s+(?:as|plays|played|portrays|portrayed|embodies|appears as|stars as|interpreta|vive)\\s+\\p{Lu})`,
    'u',
  );
}

/**
 * Whether a sentence names what someone does right before them: "director Jacques Audiard",
 * "composer Alexandre Desplat's score", "dirigido por Jacques Audiard"; not "tested by
 * Stéphanie's trauma" nor "after Stéphanie's accident".
 */
export function namesRoleOf(sentence: string, name: string): boolean {
  return cached(rolePatterns, name, rolePattern)?.test(sentence) ?? false;
}

const rolePatterns = new Map<string, RegExp | null>();

/** Words ending as agent nouns do that are none. */
const NOT_AN_AGENT = 'after|over|under|other|never|ever|either|neither|whether|rather|together|later|however|whatever|former|latter|further|better|sobre|melhor|maior|menor|pior';

function rolePattern(name: string): RegExp | null {
  const part = anyPartOf(name);
  if (part === null) return null;
  const firstName = `(?:\\p{Lu}[\\p{L}'’-]*\\s+)?`;
  const agent = `(?<![\\p{L}-])(?!(?:${NOT_AN_AGENT})\\s)\\p{L}{2,}(?:or|er|ist|ian|ora|ista)\\s+${firstName}${part}`;
  const byWhom = `(?<![\\p{L}])\\p{L}+(?:ed|ado|ido|ito|osto)\\s+(?:by|por)\\s+${firstName}${part}(?!\\p{L}*['’]s)`;
  return new RegExp(`${agent}|${byWhom}`, 'u');
}

/** Whether a sentence says with "is" what someone is, by any part of their name: "Alain é boxeador", "Stéphanie is a trainer". */
export function saysNameIs(sentence: string, name: string): boolean {
  return cached(nameIsPatterns, name, nameIsPattern)?.test(sentence) ?? false;
}

const nameIsPatterns = new Map<string, RegExp | null>();

function nameIsPattern(name: string): RegExp | null {
  const part = anyPartOf(name);
  return part === null ? null : new RegExp(`${part}\\s+(?:is|was|é|era)\\s`, 'u');
}

const NAME_THEN_VERB = [
  // Not "does Davidson's collection explore": a possessive names whose thing it is, not who acts.
  /\b(?:does|did|do|is|was|were|are|has|had|can|could|will|would)\s+(\p{Lu}[\p{L}-]*)\s+(\p{Ll}[\p{L}-]*)/u,
  /^\W*(?:[Oo]nde|[Qq]uando|[Cc]omo|[Oo] que|[Pp]or que|[Cc]om quem|[Pp]ara onde|[Dd]e onde)\s+(?:é que\s+)?(?:[oa]\s+)?(\p{Lu}[\p{L}-]*)\s+(\p{Ll}[\p{L}-]*)/u,
];

/**
 * The person a question asks about and what they do: "Where does Stéphanie work?", "O que Alain faz
 * da vida?" → the name and the verb that follows it.
 */
export function askedNameAndVerb(question: string): { name: string; verb: string } | undefined {
  for (const pattern of NAME_THEN_VERB) {
    const m = question.match(pattern);
    if (m) return { name: m[1]!, verb: m[2]! };
  }
  return undefined;
}

/** The word right after "Who" or "Quem": "Who cut this footage together?" → "cut", what the one asked for did. */
const WHO_THEN_WORD = /^\W*(?:[Ww]ho|[Qq]uem)\s+(\p{Ll}[\p{L}-]*)/u;

export function wordAfterWho(question: string): string | undefined {
  return question.match(WHO_THEN_WORD)?.[1];
}

/**
 * Whether a sentence has the name right before a word that `isVerb` accepts, as the one who does
 * what the question asks: "Stéphanie trabalha como…" for "Where does Stéphanie work?", not
 * "…enquanto trabalha na boate, … conhecendo Stephanie", where someone else works.
 */
export function nameActs(sentence: string, name: string, isVerb: (token: string) => boolean): boolean {
  const pattern = cached(namePatterns, name, (n) => new RegExp(`^${accentBlind(n)}$`, 'u'));
  const tokens = tokensOf(sentence);
  return tokens.some((t, i) => pattern.test(t) && tokens.slice(i + 1, i + 3).some((next) => isVerb(next.toLowerCase())));
}

const namePatterns = new Map<string, RegExp>();

/** A sentence's words as written, apostrophes and hyphens kept ("Ali's", "co-written"). */
function tokensOf(sentence: string): string[] {
  return [...sentence.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => m[0]);
}

export function answerType(question: string): AnswerType {
  const q = withoutRelatives(foldAccents(question.toLowerCase()));
  if (WHO_IS_NAMED.test(question) || ASKS_WORKPLACE.test(q)) return 'any';
  return QUESTION_KINDS.find(([, pattern]) => pattern.test(q))?.[0] ?? 'any';
}

/** Capitalized words of a sentence that `known` does not contain (the first word only when it is not an ordinary word). */
function newNames(sentence: string, known: string): string[] {
  const asked = new Set(words(known));
  const firstIsName = (word: string) => !isStopword(word.toLowerCase()) && !isDictionaryWord(word);
  const names = [...sentence.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]+/gu)].filter((m) => m.index! > 0 || firstIsName(m[0])).map((m) => m[0]);
  return names.filter((n) => !NOT_A_NAME.test(foldAccents(n.toLowerCase())) && !asked.has(n.toLowerCase()));
}

/** A title: in quotes, or capitalized words followed by a year in brackets. */
const QUOTED = /["“«][^"”»]{2,}["”»]/u;
const TITLE = new RegExp(`${QUOTED.source}|\\p{Lu}[\\p{L}'’-]*(\\s+\\p{Lu}[\\p{L}'’-]*)*\\s+\\(${YEAR.source}\\)`, 'u');

/** The parts of a sentence that `pattern` matches, and the rest of it. */
function splitBy(sentence: string, pattern: RegExp): { titles: string[]; rest: string } {
  const all = new RegExp(pattern.source, 'gu');
  return { titles: sentence.match(all) ?? [], rest: sentence.replace(all, ' ') };
}

/** A sentence's titles in quotes ("I Follow Rivers"), and the rest of it. */
export function quotedTitles(sentence: string): { titles: string[]; rest: string } {
  return splitBy(sentence, QUOTED);
}

/** A sentence's titles, in quotes or dated ("The Grand Budapest Hotel (2014)"), and the rest of it. */
export function titlesIn(sentence: string): { titles: string[]; rest: string } {
  return splitBy(sentence, TITLE);
}
const NAMING = /\b(named|called|titled|known as|nicknamed|nome|chamad[oa]s?|intitulad[oa]|apelidad[oa])\b|["“«]/i;

/** A name in the possessive: "Cotillard's". */
const POSSESSIVE = /['’]s$/;

/** Whether a sentence holds something of the asked-for kind that `known` (the question, the document title) does not already say. */
export function hasAnswerOfType(type: AnswerType, sentence: string, known: string): boolean {
  const folded = foldAccents(sentence.toLowerCase());
  const specific = ANSWER_OF[type];
  if (specific) return specific.test(folded);
  if (NUMERIC_TYPES.has(type)) return /\d/.test(sentence) || NUMBER_WORD.test(folded);
  if (type === 'any') return true;
  // "…fittings for Cotillard's prosthetic legs" names whose legs, not where: a place is not named in the possessive.
  const names = newNames(sentence, known).filter((name) => type !== 'place' || !POSSESSIVE.test(name));
  if (names.length === 0) return false;
  if (type === 'title') return TITLE.test(sentence);
  if (type === 'name') return NAMING.test(sentence);
  return true;
}

/** How many words after a word of the question a name may stand and still be its name ("director Jacques Audiard", "Editing by Juliette Welfling"). */
const NAME_REACH = 3;

/** A year, a month or a day: "in 2005", "on May 17" stand between a verb and who did it. */
const DATE_TOKEN = new RegExp(`^((1[89]|20)\\d\\d|\\d{1,2}|${MONTH.source.replace(/\\b/g, '')})$`);
const isDateToken = (t: string | undefined) => t !== undefined && DATE_TOKEN.test(foldAccents(t.toLowerCase()));

/** A sentence's words without its dates: "published in 2005 by Viking" reads "published by Viking". */
function withoutDates(tokens: string[]): string[] {
  return tokens.filter((t, i) => !isDateToken(t) && !(/^(in|on|em)$/i.test(t) && isDateToken(tokens[i + 1])));
}

/** "Audiard's" names Audiard. */
const withoutPossessive = (t: string) => t.replace(POSSESSIVE, '');

/** The names of a sentence that `known` does not contain, possessive or not ("Ali's" is Ali's name). */
function freshNames(sentence: string, known: string): string[] {
  const asked = new Set(words(known));
  return newNames(sentence, known).map(withoutPossessive).filter((n) => !asked.has(n.toLowerCase()));
}

/** Whether a name that `known` does not contain stands right after a word that `isAsked` accepts (dates aside). */
export function namesBeside(sentence: string, known: string, isAsked: (token: string) => boolean): boolean {
  // "director Audiard's preference" names him as much as "director Jacques Audiard".
  const fresh = new Set(freshNames(sentence, known));
  const tokens = withoutDates(tokensOf(sentence)).map(withoutPossessive);
  // A compound's last part is the role it names: "co-producers Page 114" names producers.
  const asks = (t: string) => isAsked(t.toLowerCase()) || isAsked(t.toLowerCase().split('-').at(-1)!);
  return tokens.some((t, i) => asks(t) && tokens.slice(i + 1, i + 1 + NAME_REACH).some((next) => fresh.has(next)));
}

/**
 * Whether a sentence names anyone: a name `known` does not contain that is no ordinary word of
 * either language, as places and nationalities are ("Bélgica", "França", "French").
 */
export function namesSomeone(sentence: string, known: string): boolean {
  return freshNames(sentence, known).some((name) => !isDictionaryWord(name));
}

/** Whether a sentence names a person in full ("Alexandre Desplat") with a name `known` does not contain. */
export function hasNewFullName(sentence: string, known: string): boolean {
  const fresh = new Set(newNames(sentence, known));
  const fullNames = sentence.match(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+/gu) ?? [];
  return fullNames.some((name) => name.split(/\s+/).some((part) => fresh.has(part)));
}

/**
 * The names and numbers a sentence adds to the question, of the asked-for kind where it is known
 * (numbers for "how many", titles for "which film"): what its answer consists of.
 */
export function answerTokens(sentence: string, question: string, type: AnswerType = 'any'): Set<string> {
  const numbers = sentence.match(/\d+(?:[.,]\d+)*/g) ?? [];
  const titles = type === 'title' ? [...sentence.matchAll(new RegExp(TITLE.source, 'gu'))].flatMap((m) => words(m[0])) : [];
  const tokens = NUMERIC_TYPES.has(type) ? numbers : type === 'title' ? titles : [...newNames(sentence, question), ...numbers];
  const asked = new Set(words(question));
  return new Set(tokens.map((t) => t.toLowerCase()).filter((t) => !asked.has(t)));
}
