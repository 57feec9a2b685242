import type { Chunk, Lang } from '../corpus/types.js';
import type { Passage } from '../search/retriever.js';
import { translateWords, type Lexicon } from '../search/lexicon.js';
import { foldAccents, isStopword, words } from '../search/text.js';
import { hasAnswerOfType, type AnswerType } from './answerType.js';
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

/**
 * What a document's lead (its text before the first heading) states about the film itself: how
 * long it runs, when it came out, its language, what it was adapted from. Each with the kinds of
 * question and the words that ask for it, accent-folded: a question made only of these (one at
 * least) and of whole-film words ("How long is the movie?", "Quando o filme foi lançado?", "What
 * is the film based on?") names nothing that a sentence elsewhere could match better.
 */
interface LeadFact {
  types: AnswerType[];
  asking: Set<string>;
  /** Patterns the sentence that states it matches, all of them. */
  stated: RegExp[];
}

const LEAD_FACTS: LeadFact[] = [
  // A running time, said to be one: not the "10 minutos" of an ovation, nor "um filho de 05 anos".
  {
    types: ['duration'],
    asking: new Set(words('how long many last lasts run runs running runtime length time minutes hours quanto quantos tempo dura durar duracao minutos horas')),
    stated: [/\b\d+\s?(minutes?|hours?|minutos?|horas?)\b/, /\b(runtime|running time|length|long|lasts?|duration|duracao|dura)\b/],
  },
  {
    types: ['date'],
    asking: new Set(words('when what which year date come came out release released premiere premiered quando ano data saiu lancado lancamento estreou estreia')),
    stated: [/\b(1[89]|20)\d\d\b/],
  },
  // A language, said of the film: "…is a 2012 French romantic drama film".
  {
    types: ['any'],
    asking: new Set(words('language languages spoken speak speaks idioma idiomas lingua linguas falado falada falam')),
    stated: [/\b(french|english|spanish|portuguese|italian|german|dutch|flemish|frances|ingles|espanhol|portugues|italiano|alemao|holandes)\b/],
  },
  {
    types: ['any', 'title'],
    asking: new Set(words('based base adapted adaptation source material book novel stories collection origin baseado baseada baseia adaptado adaptada adaptacao livro romance contos origem inspired inspirado')),
    stated: [/\b(adapted|adaptation|based on|adaptad[oa]|adaptacao|baseado|baseada|inspired by|inspirado)\b/],
  },
];

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

/** Sentences of a chunk, by their place in it, that answer. */
interface Quoted {
  chunk: Chunk;
  sentences: number[];
}

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
  /** The chunks before each document's first heading. */
  private readonly leads: Chunk[] = [];
  private readonly titleWords: Set<string>;

  constructor(
    chunks: Chunk[],
    private readonly lexicon: Lexicon,
  ) {
    const seen = new Set<string>();
    for (const chunk of chunks) {
      const headings = chunk.section.filter((h) => h !== chunk.title);
      const key = `${chunk.file}\n${headings.join('\n')}`;
      if (headings.length === 0) this.leads.push(chunk);
      if (!seen.has(chunk.file)) this.documents.push({ chunk, headingWords: new Set() });
      else if (headings.length > 0 && !seen.has(key)) {
        this.sections.push({ chunk, headingWords: new Set(words(headings.join(' ')).filter((w) => !isStopword(w)).map(wordForm)) });
      }
      seen.add(chunk.file).add(key);
    }
    this.titleWords = new Set(chunks.flatMap((c) => words(foldAccents(c.title))));
  }

  /** The sentences that answer the question, cited, with their passage; undefined for a question about something in particular. */
  answer(ranking: Ranking): { answer: Answer; passages: Passage[] } | undefined {
    const quoted = this.leadFact(ranking) ?? this.opening(ranking);
    if (!quoted) return undefined;
    const { retrieval } = ranking;
    const passage = quotable(quoted.chunk, retrieval.passages);
    const sentences = quoted.sentences.filter((index) => index < passage.sentences.length).map((index) => ({ passage, rank: 0, index }));
    // The documents are about the film: what they say of it as a whole is the answer, however weakly the words match.
    return { answer: { ...cite(sentences), abstained: false, confidence: 1, lang: retrieval.query.lang, kind: 'extracted' }, passages: [passage] };
  }

  /** The first sentence of a lead, in the asker's language if it has one, that states the fact asked of the film itself. */
  private leadFact({ retrieval, question }: Ranking): Quoted | undefined {
    const { lang, groups } = retrieval.query;
    const topic = this.topicWords(groups.map((g) => foldAccents(g.word)));
    const fact = LEAD_FACTS.find((f) => f.types.includes(question.type) && topic.length > 0 && topic.every((w) => f.asking.has(w)));
    if (!fact) return undefined;
    const leads = [...this.leads.filter((c) => c.lang === lang), ...this.leads.filter((c) => c.lang !== lang)];
    for (const chunk of leads) {
      const index = chunk.sentences.findIndex((s) => fact.stated.every((pattern) => pattern.test(foldAccents(s.text.toLowerCase()))));
      if (index >= 0) return { chunk, sentences: [index] };
    }
    return undefined;
  }

  private opening(ranking: Ranking): Quoted | undefined {
    const opening = this.openingFor(ranking);
    if (!opening) return undefined;
    const sentences = opening.chunk.sentences.slice(0, OPENING_SENTENCES);
    // "Who did the music?" is not answered by a section's opening that lost the composer's name ("…was composed by , a frequent collaborator…").
    const { question } = ranking;
    if (question.type === 'person' && !sentences.some((s) => hasAnswerOfType('person', s.text, `${question.text} ${opening.chunk.title}`))) return undefined;
    return { chunk: opening.chunk, sentences: sentences.map((_, i) => i) };
  }

  /** Question words other than whole-film words and the documents' titles. */
  private topicWords(asked: string[]): string[] {
    return asked.filter((w) => !WHOLE_FILM_WORDS.has(foldAccents(w)) && !this.titleWords.has(foldAccents(w)));
  }

  private openingFor({ retrieval, question }: Ranking): Opening | undefined {
    const { lang, groups } = retrieval.query;
    const { type } = question;
    const asked = groups.map((g) => g.word);
    if (asked.length === 0 || (type !== 'any' && type !== 'person')) return undefined;
    const topic = this.topicWords(asked);
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
