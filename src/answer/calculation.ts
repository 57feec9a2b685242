import type { Lang } from '../corpus/types.js';
import { foldAccents, isStopword, words } from '../search/text.js';

/**
 * Questions whose answer is no sentence of the documents but a sum or a difference of two facts
 * they state ("how many years passed between A and B", "how many X and Y nominations in total").
 * Each part becomes a question of its own, asked like any other, so each fact is found and cited.
 */
export type Quantity = 'year' | 'count' | 'money';

export interface CalculationPart {
  /** The question that finds this part's fact. */
  question: string;
  /** The words of the question that belong to this part only (what the number must stand next to). */
  focus: string;
}

export interface Calculation {
  operation: 'sum' | 'difference';
  /** The second part is a share of the first ("the nominations that did turn into wins"), so it cannot be larger. */
  shareOfFirst?: boolean;
  quantity: Quantity;
  parts: [CalculationPart, CalculationPart];
  lang: Lang;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').replace(/\s+([?,.])/g, '$1').trim();
const question = (text: string) => `${clean(text).replace(/[?.!\s]+$/, '')}?`;

/** Runs of capitalized words (allowing "de", "of", "d'") at the end or start of a phrase: the names in "Golden Globe and BAFTA nominations". */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|de|do|da|of|d['’]\p{L}+)`;
const NAMES_AT_END = new RegExp(String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+${NAME_WORD})*$`, 'u');
const NAMES_AT_START = new RegExp(String.raw`^\p{Lu}[\p{L}'’.-]*(?:\s+${NAME_WORD})*(?<!\s(?:de|do|da|of))`, 'u');

const WORK = /\b(film|movie|picture|book|novel|collection|album|song|filme|livro|romance|cole[cç][aã]o|[aá]lbum|can[cç][aã]o)\b/iu;

const EVENT = /\b(premiere|publication|published|release|debut|opening|estreia|publica[cç][aã]o|lan[cç]amento)/iu;

/** "How many years passed between A and B", "How many years separate A from B", "Quantos anos se passaram entre A e B". */
function yearsBetween(text: string, lang: Lang): Calculation | undefined {
  const m = text.match(/^(?:.*?\b)?(?:how many years|quantos anos)\s+(?:(?:have |had )?(?:passed|elapsed|went by|separated?|lie|lay|se passaram|passaram|separam|separaram|h[aá])\s+)?(?:between\s+|entre\s+)?(.+?)\s+(?:from|and|e|até|ate)\s+(.+?)\??$/iu);
  if (!m) return undefined;
  const ask = lang === 'pt' ? 'Em que ano foi' : 'When was';
  const [first, second] = [m[1]!, m[2]!];
  // A bare title takes the kind of the other part: "Rust and Bone" in "the film A Prophet from Rust and Bone" is a film.
  const kindOf = (phrase: string) => phrase.match(WORK)?.[0];
  // Two bare titles ("between A Prophet and Rust and Bone") are works too: "Rust and Bone" alone finds the 2005 book as readily as the 2012 film.
  const bareTitle = (phrase: string) => /^\p{Lu}/u.test(phrase) && !/['’]s\b/u.test(phrase) && !kindOf(phrase) && !EVENT.test(phrase);
  const titles = bareTitle(first) && bareTitle(second);
  const part = (focus: string, other: string): CalculationPart => {
    const kind = kindOf(focus) || !/^\p{Lu}/u.test(focus) ? undefined : kindOf(other);
    const named = kind ? `${kind} ${focus}` : focus;
    // The year of a work is the year it came out.
    const event = (kindOf(named) || titles) && !EVENT.test(named) ? (lang === 'pt' ? ' lançado' : ' released') : '';
    return { question: question(`${ask} ${named}${event}`), focus: named };
  };
  return { operation: 'difference', quantity: 'year', parts: [part(first, second), part(second, first)], lang };
}

/** "How many more A than B did the film win?", "How much more did the film earn in A than in B?" */
function moreThan(text: string, lang: Lang): Calculation | undefined {
  const m = text.match(/^(.*?\b(?:how many|how much|quant[oa]s?))\s+(?:more|a mais)\s+(.+?)\s+(?:than|do que|que)\s+(.+?)(\s+(?:did|does|do|was|were|has|have|had|is|are)\b.*)?\??$/iu);
  if (!m) return undefined;
  const [, head, first, second, rest = ''] = m as unknown as [string, string, string, string, string?];
  const quantity: Quantity = /much|quanto\b/i.test(head) ? 'money' : 'count';
  const preposition = second.split(/\s+/)[0]!.toLowerCase();
  const at = ` ${first} `.toLowerCase().lastIndexOf(` ${preposition} `);
  // "more did the film earn in A than in B": B replaces the phrase A that begins with the same preposition.
  const shared = at > 0 && /^(in|at|on|for|from|em|no|na|nos|nas|para)$/.test(preposition) ? first.slice(0, at - 1) : undefined;
  const parts: [CalculationPart, CalculationPart] = shared !== undefined
    ? [{ question: question(`${head} ${first}${rest}`), focus: first.slice(at) }, { question: question(`${head} ${shared} ${second}${rest}`), focus: second }]
    : [{ question: question(`${head} ${first}${rest}`), focus: first }, { question: question(`${head} ${second}${rest}`), focus: second }];
  return { operation: 'difference', quantity, parts, lang };
}

/** "How many of the film's nominations did not turn into wins?", "… did it fail to win?": all of them less those that did. */
function howManyDidNot(text: string, lang: Lang): Calculation | undefined {
  const m = text.match(/^(.*?\b(?:how many|quant[oa]s))\s+(?:of\s+|d[oa]s\s+)?(.+?)\s+(?:did not|didn't|were not|weren't|have not|haven't|fail(?:ed|s)? to|n[aã]o(?: conseguiu| conseguiram)?)\s+(.+?)\??$/iu);
  if (!m) return undefined;
  const [, head, all, verb] = m as unknown as [string, string, string, string];
  return {
    operation: 'difference',
    shareOfFirst: true,
    quantity: 'count',
    parts: [{ question: question(`${head} ${all}`), focus: all }, { question: question(`${head} ${all} ${verb}`), focus: verb }],
    lang,
  };
}

/** "How much of the worldwide gross came from outside its leading market?": the whole less that part. */
function howMuchOutside(text: string, lang: Lang): Calculation | undefined {
  const m = text.match(/\b(?:how much|quanto)\s+(?:of\s+|d[oa]s?\s+)?(.+?)\s+(?:came|come|was earned|was made|was|veio|vem|foi)\s+(?:from\s+|de\s+)?(?:outside|beyond|other than|apart from|fora d[eoa]s?|al[eé]m d[eoa]s?)\s+(.+?)\??$/iu);
  if (!m) return undefined;
  const ask = lang === 'pt' ? 'Quanto dinheiro' : 'How much money';
  return {
    operation: 'difference',
    shareOfFirst: true,
    quantity: 'money',
    parts: [{ question: question(`${ask}: ${m[1]!}`), focus: m[1]! }, { question: question(`${ask}: ${m[2]!}`), focus: m[2]! }],
    lang,
  };
}

const TOTAL = /\s*,?\s*\b(?:in total|combined|altogether|all together|together|summed|no total|ao todo|somad[oa]s|somando|juntos|juntas|no conjunto)\b\s*,?/iu;

const LEADING_PREPOSITION = /^(?:ao|aos|à|às|no|na|nos|nas|do|da|dos|das|the|at|in|for)\s+(?=\p{Lu})/u;

/** "How many Golden Globe and BAFTA nominations did it get altogether?": one question per name. */
function total(text: string, lang: Lang): Calculation | undefined {
  if (!TOTAL.test(text) || !/\b(how many|quant[oa]s)\b/i.test(text)) return undefined;
  const rest = text.replace(TOTAL, ' ');
  const m = rest.match(/^(.*?)\s+(?:and|e)\s+(.*)$/u);
  if (!m) return undefined;
  const [before, joined] = [m[1]!, m[2]!];
  // "ao BAFTA e ao César": the second name may repeat the first one's preposition.
  const after = joined.replace(LEADING_PREPOSITION, '');
  const first = before.match(NAMES_AT_END)?.[0] ?? before.split(/\s+/).at(-1)!;
  const second = after.match(NAMES_AT_START)?.[0] ?? after.split(/\s+/)[0]!;
  const head = before.slice(0, before.length - first.length);
  const tail = after.slice(second.length);
  return {
    operation: 'sum',
    quantity: 'count',
    parts: [{ question: question(`${head}${first}${tail}`), focus: first }, { question: question(`${head}${second}${tail}`), focus: second }],
    lang,
  };
}

/** The calculation a question asks for, if it asks for one. */
export function askedCalculation(text: string, lang: Lang): Calculation | undefined {
  const q = clean(text);
  const folded = foldAccents(q.toLowerCase());
  const years = /\b(how many years|quantos anos)\b/.test(folded) && !/\b(how many years (old|ago)|quantos anos (tem|tinha))\b/.test(folded);
  const calculation = years ? yearsBetween(q, lang) : (moreThan(q, lang) ?? howManyDidNot(q, lang) ?? howMuchOutside(q, lang) ?? total(q, lang));
  // Each part must name something of its own to look for.
  const named = (part: CalculationPart) => words(part.focus).some((w) => !isStopword(w) && /\p{L}/u.test(w));
  return calculation?.parts.every(named) ? calculation : undefined;
}
