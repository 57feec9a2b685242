import type { Chunk, Lang } from '../corpus/types.js';
import type { Passage } from '../search/retriever.js';
import { translateWords, type Lexicon } from '../search/lexicon.js';
import { foldAccents, isStopword, words } from '../search/text.js';
import { cite } from './extractive.js';
import type { Ranking } from './ranker.js';
import type { Answer } from './types.js';

/**
 * Words that ask about the film as a whole ("what is the film about?", "do que se trata o
 * filme?", "tell me about the cast"), accent-folded. A question made only of these, function
 * words, the documents' titles and the words of a section heading names nothing in particular: no
 * sentence matches it better than the opening of the document, or of that section.
 */
const WHOLE_FILM_WORDS = new Set(
  `film films movie picture story storyline plot synopsis summary summarize summarise overview premise happens happen tell describe explain
  sobre filme historia enredo trama sinopse resumo resuma resumir resume premissa acontece trata tratar fala fale falar conta conte diga explique descreva`.split(/\s+/),
);

/** How many of its opening sentences such an answer quotes. */
const OPENING_SENTENCES = 2;

/** The first chunk of a document or of one of its sections, and the words of its headings. */
interface Opening {
  chunk: Chunk;
  /** Accent-folded, singular (none for a document's own opening). */
  headingWords: Set<string>;
}

/** Accent-folded and singular: "Characters" and "character" are one heading word. */
const wordForm = (word: string) => foldAccents(word).replace(/(?<=..)s$/, '');

/** A chunk to quote from: its retrieval scores when it was retrieved, and its sentences in order. */
function quotable(chunk: Chunk, retrieved: Passage[]): Passage {
  const none = { score: 0, coverage: 0, matched: new Set<string>() };
  const found = retrieved.find((p) => p.chunk.id === chunk.id);
  return { chunk, score: found?.score ?? 0, dense: found?.dense ?? 0, lexical: found?.lexical ?? none, sentences: chunk.sentences.map((sentence) => ({ sentence, dense: 0, lexical: none })) };
}

/** Answers questions about the film as a whole, or about a whole section of it, with the opening sentences that introduce it. */
export class Openings {
  private readonly documents: Opening[] = [];
  private readonly sections: Opening[] = [];
  private readonly titleWords: Set<string>;

  constructor(
    chunks: Chunk[],
    private readonly lexicon: Lexicon,
  ) {
    const seen = new Set<string>();
    for (const chunk of chunks) {
      const headings = chunk.section.filter((h) => h !== chunk.title);
      const key = `${chunk.file}\n${headings.join('\n')}`;
      if (!seen.has(chunk.file)) this.documents.push({ chunk, headingWords: new Set() });
      else if (headings.length > 0 && !seen.has(key)) {
        this.sections.push({ chunk, headingWords: new Set(words(headings.join(' ')).filter((w) => !isStopword(w)).map(wordForm)) });
      }
      seen.add(chunk.file).add(key);
    }
    this.titleWords = new Set(chunks.flatMap((c) => words(foldAccents(c.title))));
  }

  /** The opening that answers the question, cited, with its passage; undefined for a question about something in particular. */
  answer(ranking: Ranking): { answer: Answer; passages: Passage[] } | undefined {
    const opening = this.openingFor(ranking);
    if (!opening) return undefined;
    const { retrieval } = ranking;
    const passage = quotable(opening.chunk, retrieval.passages);
    const quoted = passage.sentences.slice(0, OPENING_SENTENCES).map((_, index) => ({ passage, rank: 0, index }));
    // The documents are about the film: their own introduction is the answer, however weakly the words match.
    return { answer: { ...cite(quoted), abstained: false, confidence: 1, lang: retrieval.query.lang, kind: 'extracted' }, passages: [passage] };
  }

  private openingFor({ retrieval, question }: Ranking): Opening | undefined {
    const { lang, groups } = retrieval.query;
    const { type } = question;
    const asked = groups.map((g) => g.word);
    if (asked.length === 0 || (type !== 'any' && type !== 'person')) return undefined;
    const topic = asked.filter((w) => !WHOLE_FILM_WORDS.has(foldAccents(w)) && !this.titleWords.has(foldAccents(w)));
    if (topic.length === 0) return type === 'any' ? this.documentIn(lang) : undefined;
    // A topic word names a heading as it is or translated ("elenco" is "cast"); stems would take "boxing" for "Box office".
    const forms = topic.map((w) => [w, ...translateWords([w], lang, this.lexicon).flatMap((t) => t.targets)].map(wordForm));
    const named = (o: Opening) => forms.every((f) => f.some((form) => o.headingWords.has(form)));
    // The most particular section: "Principal cast" rather than "Career significance for cast and crew".
    return this.sections.filter(named).sort((a, b) => a.headingWords.size - b.headingWords.size)[0];
  }

  private documentIn(lang: Lang): Opening | undefined {
    return this.documents.find((o) => o.chunk.lang === lang) ?? this.documents[0];
  }
}
