import { describe, expect, it } from 'vitest';
import type { Chunk, Lang } from '../src/corpus/types.js';
import { composeAnswer } from '../src/answer/extractive.js';
import type { QuestionContext } from '../src/answer/features.js';
import type { RankedCandidate, Ranking } from '../src/answer/ranker.js';
import type { Passage } from '../src/search/retriever.js';
import { bundledLexicon } from '../src/search/lexicon.js';
import { analyzeQuery } from '../src/search/query.js';
import { isStopword, stem, words } from '../src/search/text.js';

/** A passage of one sentence, as the retriever hands it to the answerer. */
function passage(id: string, lang: Lang, text: string, coverage = 0.5): Passage {
  const chunk: Chunk = { id, file: `${id}.txt`, title: id, lang, section: [], start: 0, end: text.length, text, sentences: [{ start: 0, end: text.length, text }] };
  const lexical = { score: 0.5, coverage, matched: new Set(['césar']) };
  return { chunk, score: 1, dense: 0.5, lexical, sentences: [{ sentence: chunk.sentences[0]!, dense: 0.5, lexical }] };
}

/** The passage with its sentence matching the given question words. */
function matching(p: Passage, matched: string[]): Passage {
  const lexical = { ...p.lexical, matched: new Set(matched) };
  return { ...p, lexical, sentences: [{ ...p.sentences[0]!, lexical }] };
}

/** A ranking of the given passages' sentences with the given scores, for an English question. */
function ranking(question: string, scored: [Passage, number][], asked: Partial<QuestionContext> = {}): Ranking {
  const ranked: RankedCandidate[] = scored.map(([p, score], rank) => ({ passage: p, rank, index: 0, score }));
  // Unless a test says otherwise, the question's words are all its own (no translations).
  const context: QuestionContext = { text: question, lang: 'en', type: 'any', numbers: [], counted: new Set(), terms: new Set(), ownTerms: asked.terms ?? new Set(), aboutAwards: false, ...asked };
  const passages = scored.map(([p]) => p);
  return {
    retrieval: { query: { text: question, lang: 'en', groups: words(question).filter((w) => !isStopword(w)).map((word) => ({ word, variants: [] })), denseTexts: [question] }, unknownWords: [], wordWeights: [], passages, native: passages, timings: { embed: 0, dense: 0, lexical: 0, fusion: 0 } },
    ranked,
    question: context,
    answerability: 0.9,
  };
}

const portuguese = passage('pt', 'pt', 'Recebeu nove indicações ao César e ao BAFTA, incluindo o prêmio de Ator Revelação para Matthias Schoenaerts.');

describe('the answer in the asker\'s language', () => {
  it('stays in the other language when the best sentence in the asker\'s language gives another answer, even if a weaker one shares a name', () => {
    const other = passage('en1', 'en', 'Among its nominations were Best Film and Best Editing.');
    const sharesName = passage('en2', 'en', 'It was nominated for Best Actress at the BAFTA in 2013.');
    const answer = composeAnswer(ranking('Which César did the lead actor win?', [[portuguese, 12], [other, 9], [sharesName, 8]]), 0.5);
    expect(answer.text).toContain('Ator Revelação');
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['pt']);
  });

  it('gives the best sentence in the asker\'s language when it names the same answer', () => {
    const english = passage('en', 'en', 'Matthias Schoenaerts won the César for Most Promising Actor.');
    const answer = composeAnswer(ranking('Which César did the lead actor win?', [[portuguese, 12], [english, 6]]), 0.5);
    expect(answer.text).toContain('Most Promising Actor');
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['en']);
  });

  it('stays in the other language when the sentence in the asker\'s language shares a name but matches less of the question', () => {
    const english = passage('en', 'en', 'Matthias Schoenaerts won the César for Most Promising Actor.', 0.2);
    const answer = composeAnswer(ranking('Which César did the lead actor win?', [[portuguese, 12], [english, 6]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['pt']);
  });
});

describe('a best sentence that lost the name asked for', () => {
  const holed = passage('lead', 'en', 'It is a 2012 French drama film written and directed by .');
  const named = passage('legacy', 'en', 'Director Jacques Audiard made it after A Prophet.');
  const asked: Partial<QuestionContext> = { type: 'person', terms: new Set(['direct', 'film']) };

  it('gives way to a nearly as good sentence that names one', () => {
    const answer = composeAnswer(ranking('Who directed the film?', [[holed, 12], [named, 10]], asked), 0.5);
    expect(answer.text).toContain('Jacques Audiard');
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['legacy']);
  });

  it('stays when every other sentence is much weaker and it still names someone beside the words asked about', () => {
    const partly = passage('credits', 'en', 'Directed by Audiard, the film was written by .');
    const answer = composeAnswer(ranking('Who directed the film?', [[partly, 12], [named, 5]], asked), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['credits']);
  });

  it('makes the bot say the documents do not say, when its only names stand away from the words asked about', () => {
    const answer = composeAnswer(ranking('Who directed the film?', [[holed, 12], [named, 5]], asked), 0.5);
    expect(answer.abstained).toBe(true);
  });

  it('makes the bot say the documents do not say, when it names no one at all', () => {
    const nameless = passage('fights', 'en', 'The underground fights in the south are organized by .');
    const terms = new Set(['organizes', 'fights'].map((w) => stem(w, 'en')));
    const answer = composeAnswer(ranking('Who organizes the fights?', [[nameless, 12]], { type: 'person', terms }), 0.5);
    expect(answer.abstained).toBe(true);
    expect(answer.text).toMatch(/don't say/);
  });
});

describe('a best sentence that lost a name beside the words asked about', () => {
  const terms = (question: string) => new Set(question.split(/\W+/).map((w) => stem(w.toLowerCase(), 'en')));

  it('makes the bot say the documents do not say which company, when a "by" names no one', () => {
    const question = 'Which company acquired the Italian rights in February 2012?';
    const lost = passage('sales', 'en', 'Distribution deals covered many territories, with the Italian rights acquired by in February 2012.');
    const answer = composeAnswer(ranking(question, [[lost, 12]], { terms: terms(question) }), 0.5);
    expect(answer.abstained).toBe(true);
  });

  it('gives way, for which company, to a nearly as good sentence that names one where it lost the name', () => {
    const question = 'Which label released the album?';
    const lost = passage('score', 'en', 'The album runs 43 minutes across 18 cues, released by .');
    const named = passage('songs', 'en', 'The full , compiling the songs, was released by Polydor on May 14, 2012.');
    const answer = composeAnswer(ranking(question, [[lost, 12], [named, 10]], { terms: terms('label released album') }), 0.5);
    expect(answer.text).toContain('released by Polydor');
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['songs']);
  });

  it('does not give way, for which company, to a sentence whose name stands beside other words of the question', () => {
    const question = 'Which company acquired the rights to the film in February 2012?';
    const lost = passage('sales', 'en', 'The rights were acquired by in February 2012.');
    const award = passage('awards', 'en', 'The film won Best Film at the 2012 London Film Festival.');
    const answer = composeAnswer(ranking(question, [[lost, 12], [award, 11]], { terms: terms('company acquired rights film February 2012') }), 0.5);
    expect(answer.abstained).toBe(true);
  });

  it('makes the bot say the documents do not say which company, when the only name stands after the hole', () => {
    const question = 'Which company distributed the DVD in the United States?';
    const lost = passage('dvd', 'en', 'The U.S. edition followed in 2013, also distributed by , including English subtitles.');
    const answer = composeAnswer(ranking(question, [[lost, 12]], { terms: terms('company distributed DVD United States') }), 0.5);
    expect(answer.abstained).toBe(true);
  });

  it('answers who, when the name lost after a role is not the role asked about ("by director and co-writer Thomas Bidegain")', () => {
    const question = 'Who recorded the commentary on the DVD?';
    const commentary = passage('dvd', 'en', 'The DVD adds a commentary by director and co-writer Thomas Bidegain.');
    const answer = composeAnswer(ranking(question, [[commentary, 12]], { type: 'person', terms: terms(question) }), 0.5);
    expect(answer.abstained).toBe(false);
    expect(answer.text).toContain('Thomas Bidegain');
  });

  it('answers which studios when it names them right after the words asked about, though it lost a word before', () => {
    const question = 'Which studios handled the visual effects?';
    const named = passage('vfx', 'en', ', primarily handled by French studios MPC and Mikros Image, focused on the prosthetic legs.');
    const answer = composeAnswer(ranking(question, [[named, 12]], { terms: terms(question) }), 0.5);
    expect(answer.text).toContain('MPC and Mikros Image');
  });

  it('keeps a title it names beside the words asked about, though it lost a word elsewhere', () => {
    const question = 'Which Bon Iver song plays on the train journey with the son?';
    const wash = passage('tracks', 'en', 'Key tracks include Bon Iver\'s "Wash," which opens the film during a train journey with and his young son.');
    const wolves = passage('ending', 'en', 'Later, Bon Iver\'s "The Wolves (Act I and II)" plays as Sam leaves the hospital.');
    const answer = composeAnswer(ranking(question, [[wash, 12], [wolves, 11]], { type: 'title', terms: terms(question) }), 0.5);
    expect(answer.text).toContain('"Wash,"');
  });
});

describe('a question that asks who someone named is', () => {
  const asked: Partial<QuestionContext> = { terms: new Set([stem('Stéphanie', 'en')]) };
  const mentions = passage('louise', 'en', 'Céline Sallette embodies Louise, a close friend of Stéphanie.');
  const says = passage('story', 'en', 'He forms a bond with Stéphanie, a killer whale trainer.');

  it('is answered by a sentence that says who they are, however much better one that only mentions them scores', () => {
    const answer = composeAnswer(ranking('Who is Stéphanie?', [[mentions, 18], [says, 12]], asked), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['story']);
  });

  it('prefers such a sentence in the language of the question', () => {
    const portuguese = passage('sinopse', 'pt', 'Stéphanie trabalha como treinadora de baleias orcas.');
    const answer = composeAnswer(ranking('Who is Stéphanie?', [[mentions, 18], [portuguese, 15], [says, 12]], asked), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['story']);
  });
});

describe('a question about what a named person does', () => {
  const someoneElse = passage('night', 'pt', 'Em uma noite, enquanto trabalha na boate, acaba conhecendo Stephanie.');
  const she = passage('job', 'pt', 'Stéphanie trabalha como treinadora de baleias orcas.');
  const question = 'Where does Stéphanie work?';

  /** The ranking with the question's words as the retriever analyzes them ("work" also finds "trabalha"). */
  const asked = (scored: [Passage, number][]) => {
    const r = ranking(question, scored);
    return { ...r, retrieval: { ...r.retrieval, query: analyzeQuery(question, bundledLexicon(), false) } };
  };

  it('is answered by a nearly as good sentence where that person does it, not someone else', () => {
    const answer = composeAnswer(asked([[someoneElse, 12], [she, 11]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['job']);
  });

  it('keeps the best sentence when the other is much weaker', () => {
    const answer = composeAnswer(asked([[someoneElse, 12], [she, 8]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['night']);
  });
});

describe('a "who" or "which company" question whose best sentence names someone away from the words asked about', () => {
  const elsewhere = passage('script', 'en', 'It was co-written by the director and his frequent collaborator Thomas Bidegain.');
  const beside = passage('vision', 'en', 'The crew followed the vision of director Jacques Audiard.');
  const asked: Partial<QuestionContext> = { type: 'person', terms: new Set([stem('director', 'en')]) };

  it('gives way to a nearly as good sentence that names someone right after them', () => {
    const answer = composeAnswer(ranking('Who is the director?', [[elsewhere, 12], [beside, 11]], asked), 0.5);
    expect(answer.text).toContain('Jacques Audiard');
  });

  it('gives way to a sentence that names someone after the asker\'s own word, not after a word only its translation shares', () => {
    const director = passage('crew', 'en', "The crew was assembled to align the film's vision with director Jacques Audiard's realism.");
    const cinematographer = passage('camera', 'en', 'Cinematographer Stéphane Fontaine was brought on to capture the coast.');
    // "cinematographer" translates as "director de fotografia", whose "director" is also an English word.
    const words: Partial<QuestionContext> = { type: 'person', terms: new Set(['cinematograph', 'director', 'fotograf']), ownTerms: new Set(['cinematograph']) };
    const answer = composeAnswer(ranking('Who was the cinematographer?', [[director, 12], [cinematographer, 11]], words), 0.5);
    expect(answer.text).toContain('Stéphane Fontaine');
  });

  it('gives way although a name follows the title of the work, which names the film again and not who made it', () => {
    const titled = passage('Rust and Bone', 'en', "The screenplay for Rust and Bone (De rouille et d'os) was co-written by director and his frequent collaborator Thomas Bidegain.");
    const named = passage('Legacy', 'en', 'Director Jacques Audiard saw Rust and Bone solidify his reputation.');
    const terms = new Set(['director', 'rust', 'bone'].map((w) => stem(w, 'en')));
    const answer = composeAnswer(ranking('Who is the director of Rust and Bone?', [[titled, 12], [named, 10.5]], { type: 'person', terms }), 0.5);
    expect(answer.text).toContain('Jacques Audiard');
  });

  it('gives way, for which company, to a nearly as good sentence that names one right after them', () => {
    const question = 'Qual gravadora lançou a trilha sonora?';
    const unnamed = passage('score', 'en', 'Released in May 2012, the score is sparse and minimalist.');
    const named = passage('songs', 'en', 'The album was released by Polydor on May 14, 2012.');
    const released: Partial<QuestionContext> = { lang: 'pt', terms: new Set([stem('released', 'en'), 'score']) };
    const answer = composeAnswer(ranking(question, [[unnamed, 12], [named, 10.5]], released), 0.5);
    expect(answer.text).toContain('released by Polydor');
  });

  it('gives way, even when much weaker, where the page lost the name right after the role asked about ("by director and")', () => {
    const lostAfterRole = passage('writing', 'en', 'The screenplay was co-written by director and his frequent collaborator Thomas Bidegain.');
    const answer = composeAnswer(ranking('Who is the director?', [[lostAfterRole, 12], [beside, 9.5]], asked), 0.5);
    expect(answer.text).toContain('Jacques Audiard');
    expect(answer.text).not.toContain('Bidegain');
  });

  it('stays when that sentence is much weaker', () => {
    const answer = composeAnswer(ranking('Who is the director?', [[elsewhere, 12], [beside, 8]], asked), 0.5);
    expect(answer.text).toContain('Thomas Bidegain');
  });
});

describe('a best sentence that gives no answer of the kind asked for (here a duration)', () => {
  const vague = matching(passage('style', 'en', 'The effects work was finished with great care.'), ['effects', 'work']);
  const timed = matching(passage('vfx', 'en', 'The team completed the work in approximately three months.'), ['work']);
  const asked: Partial<QuestionContext> = { type: 'duration' };

  it('gives way to a nearly as good sentence that gives one', () => {
    const answer = composeAnswer(ranking('How long did the effects work take?', [[vague, 9], [timed, 8]], asked), 0.5);
    expect(answer.text).toContain('three months');
  });

  it('stays when every sentence that gives one is much weaker and matches fewer of the question\'s words', () => {
    const answer = composeAnswer(ranking('How long did the effects work take?', [[vague, 9], [timed, 6]], asked), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['style']);
  });

  it('gives way, however much weaker, to one that matches every word the best one does but a light one ("making-of" for "make")', () => {
    const extras = matching(passage('dvd', 'en', 'The edition includes a making-of featurette about the film.'), ['film', 'make']);
    const earned = matching(passage('gross', 'en', 'The film earned $14.6 million in France.'), ['film']);
    const answer = composeAnswer(ranking('How much did the film make?', [[extras, 14], [earned, 9]], { type: 'money' }), 0.5);
    expect(answer.text).toContain('$14.6 million');
  });

  it('takes, of the nearly as good ones that give it, the one in the asker\'s language ("10 minutos" answers something else)', () => {
    const ovation = matching(passage('festival', 'pt', 'Em Cannes, o trabalho foi aplaudido de pé durante 10 minutos.'), ['work']);
    const answer = composeAnswer(ranking('How long did the effects work take?', [[vague, 9], [ovation, 8.2], [timed, 8]], asked), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['vfx']);
  });

  it('stays when the one that gives it leaves out someone the question and the best sentence name', () => {
    const meeting = matching(passage('story', 'en', 'At the nightclub where he works, Ali first encounters Stéphanie.'), ['ali', 'stéphanie']);
    const dated = matching(passage('casting', 'en', "Schoenaerts, known for the 2011 film Bullhead, suited Ali's persona."), ['ali']);
    const answer = composeAnswer(ranking('When does Ali meet Stéphanie?', [[meeting, 9], [dated, 8.5]], { type: 'date' }), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['story']);
  });
});

describe('a question that asks more than the title of the work', () => {
  /** A one-sentence passage of the synopsis titled 'Ferrugem e Osso (sinopse)' that matches the given question words. */
  const synopsis = (id: string, text: string, matched: string[]): Passage => {
    const p = passage(id, 'pt', text);
    const lexical = { ...p.lexical, matched: new Set(matched) };
    return { ...p, chunk: { ...p.chunk, title: 'Ferrugem e Osso (sinopse)' }, lexical, sentences: [{ ...p.sentences[0]!, lexical }] };
  };
  const titleOnly = synopsis('story', 'Ferrugem e Osso conta a história de Alain.', ['ferrugem', 'osso']);
  const written = synopsis('script', 'O roteiro foi escrito por Jacques Audiard e Thomas Bidegain.', ['escreveu']);

  it('is not answered by a sentence that matches only the title, however much better it scores', () => {
    const answer = composeAnswer(ranking('Quem escreveu Ferrugem e Osso?', [[titleOnly, 13], [written, 7]]), 0.5);
    expect(answer.text).toContain('Bidegain');
  });

  it('is answered by such a sentence when it asks nothing more, or nothing else was read', () => {
    expect(composeAnswer(ranking('Ferrugem e Osso', [[titleOnly, 13], [written, 7]]), 0.5).text).toContain('conta a história');
    expect(composeAnswer(ranking('Quem escreveu Ferrugem e Osso?', [[titleOnly, 13]]), 0.5).text).toContain('conta a história');
  });
});

describe('a question about what someone does for a living', () => {
  /** A passage whose sentence matches the given question words. */
  const matching = (id: string, text: string, matched: string[]): Passage => {
    const p = passage(id, 'pt', text);
    const lexical = { ...p.lexical, matched: new Set(matched) };
    return { ...p, lexical, sentences: [{ ...p.sentences[0]!, lexical }] };
  };
  const wordOnly = matching('body', 'Ele usa seu corpo como instrumento de trabalho.', ['alain', 'trabalho']);
  const job = matching('job', 'Alain é boxeador e consegue trabalhar como vigia de casa noturna.', ['alain']);
  const herJob = matching('her', 'Stéphanie trabalha como treinadora de baleias orcas.', ['trabalho']);

  it('is answered by a sentence that names them and says what they work as, however much better one that only has the word scores', () => {
    const answer = composeAnswer(ranking('Qual é o trabalho de Alain?', [[wordOnly, 11], [job, 7]]), 0.5);
    expect(answer.text).toContain('vigia de casa noturna');
  });

  it('is not answered by what someone else works as', () => {
    const answer = composeAnswer(ranking('Qual é o trabalho de Alain?', [[wordOnly, 11], [herJob, 10.5]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['body']);
  });

  it('names no one: is answered by a nearly as good sentence that says what someone works as, not a much weaker one', () => {
    expect(composeAnswer(ranking('Qual é o trabalho dele?', [[wordOnly, 11], [herJob, 10]]), 0.5).text).toContain('treinadora');
    expect(composeAnswer(ranking('Qual é o trabalho dele?', [[wordOnly, 11], [herJob, 8]]), 0.5).citations.map((c) => c.chunk.id)).toEqual(['body']);
  });
});

describe('a second sentence', () => {
  /** A one-sentence passage of the document titled 'Rust and Bone' that matches the given question words. */
  function titled(id: string, text: string, matched: string[], start: number): Passage {
    const p = passage(id, 'en', text);
    const lexical = { score: 0.5, coverage: 0.5, matched: new Set(matched) };
    const sentence = { start, end: start + text.length, text };
    return { ...p, chunk: { ...p.chunk, title: 'Rust and Bone', file: 'article.txt', start, end: sentence.end, sentences: [sentence] }, sentences: [{ sentence, dense: 0.5, lexical }] };
  }
  const premiere = titled('premiere', 'It premiered at Cannes in May 2012.', ['premiere'], 0);
  const screenings = titled('screenings', 'Rust and Bone was screened in Toronto.', ['screened'], 100);

  it('is added for the other part of a question joined by "and"', () => {
    const answer = composeAnswer(ranking('Where did it premiere and where else was it screened?', [[premiere, 10], [screenings, 9.5]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['premiere', 'screenings']);
  });

  it('may come from another document, whatever its place in its file', () => {
    const first = { ...premiere, chunk: { ...premiere.chunk, file: 'a.txt' } };
    const other = titled('screenings', 'It was screened in Toronto.', ['screen'], 0);
    const answer = composeAnswer(ranking('Where did it premiere and where else was it screened?', [[first, 10], [other, 9.5]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['premiere', 'screenings']);
  });

  it('is not added for the "and" of the title of the film', () => {
    const answer = composeAnswer(ranking('Where did Rust and Bone premiere?', [[premiere, 10], [screenings, 9.5]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['premiere']);
  });
});

describe('a yes-or-no question', () => {
  const apart = matching(passage('apart', 'en', 'The story centers on Ali and his love of fighting.'), ['story', 'ali', 'love']);
  const together = matching(passage('together', 'en', "There isn't a love story in the collection, so we invented it."), ['love', 'story']);
  const question = 'Is the love story in the book?';

  it('is answered by a nearly as good sentence that has its words together as it does ("love story")', () => {
    expect(composeAnswer(ranking(question, [[apart, 10], [together, 7.5]]), 0.5).citations.map((c) => c.chunk.id)).toEqual(['together']);
  });

  it('keeps the best sentence when the one with the words together is much weaker', () => {
    expect(composeAnswer(ranking(question, [[apart, 10], [together, 6.5]]), 0.5).citations.map((c) => c.chunk.id)).toEqual(['apart']);
  });

  it('is answered by one sentence: its "and" joins the names it asks about, not two questions', () => {
    const answer = composeAnswer(ranking('Was the love story of Ali and Stéphanie in the book?', [[together, 10], [apart, 9.5]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['together']);
  });

  it('gets a second sentence when it offers alternatives', () => {
    const answer = composeAnswer(ranking('Was the love story of Ali and Stéphanie in the book, or invented?', [[together, 10], [apart, 9.5]]), 0.5);
    expect(answer.citations.map((c) => c.chunk.id)).toEqual(['together', 'apart']);
  });
});
