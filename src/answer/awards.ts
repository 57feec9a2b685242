import type { Lang } from '../corpus/types.js';
import { foldAccents, stem, words } from '../search/text.js';

/**
 * An award category as a sentence names it: "Best Director", "Best Performance by an Actress in a
 * Motion Picture", "melhor atriz". It runs to the next punctuation or to the word that says whom
 * or where ("for", "at", "por", "no").
 */
const CATEGORY = /\b(best|most promising|melhor|melhores)\b[^,;:()]*?(?=[,;:()]|\s(for|at|to|por|para|no|na|em)\s|$)/giu;

/** What follows a category that names its nominee: "Best Editing (Juliette Welfling)", "Best Director for Audiard". */
const NOMINEE = /^\s*(\(|(for|to|por|para)\s+)\p{Lu}/u;

/** The categories of a sentence that name no nominee, and the sentence without them. */
function bareCategories(text: string): { categories: string[]; rest: string } {
  const bare = [...text.matchAll(CATEGORY)].filter((m) => !NOMINEE.test(text.slice(m.index + m[0].length)));
  let rest = text;
  for (const m of bare.reverse()) rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
  return { categories: bare.map((m) => m[0]), rest };
}

/** Words (and their stems) for the film itself, which every sentence of these documents is about. */
const FILM_WORD = /^(films?|filmes?|movies?|movi|pictures?|pictur|cinemas?)$/i;

/** Words that ask about awards, accent-folded. */
const ABOUT_AWARDS = /\b(awards?|best|nominat\w*|won|wins?|winning|prizes?|honou?rs?|categor\w*|premi\w*|melhor\w*|indica\w*|ganh\w*|venc\w*|nomea\w*|oscars?|cesars?|baftas?|globes?|globo)\b/;

export function asksAboutAwards(question: string): boolean {
  return ABOUT_AWARDS.test(foldAccents(question.toLowerCase()));
}

/**
 * Whether a sentence has the question's words (index terms) only inside the names of award
 * categories that name no nominee: "Best Director" says nothing of who directed the film, though
 * "Best Editing (Juliette Welfling)" says who edited it.
 */
export function matchesOnlyInAwardNames(text: string, lang: Lang, terms: ReadonlySet<string>): boolean {
  const matches = (part: string, skip?: RegExp) => words(part).some((w) => !skip?.test(w) && terms.has(stem(w, lang)));
  const { categories, rest } = bareCategories(text);
  // "…the film received five nominations, including Best Director" says no more of who directed the film for naming it.
  const aboutMoreThanTheFilm = [...terms].some((t) => !FILM_WORD.test(t));
  return categories.some((c) => matches(c)) && !matches(rest, aboutMoreThanTheFilm ? FILM_WORD : undefined);
}
