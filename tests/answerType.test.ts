import { describe, expect, it } from 'vitest';
import { acronymsIn, answerType, askedAcronym, askedNameAndVerb, askedWhatLike, askedWhoIs, asksAuthor, asksCalendarDate, asksComposer, asksEdition, asksRank, asksForOrganization, asksGenre, asksNationality, asksOccupation, asksPay, asksYesOrNo, describes, editionsIn, hasAnswerOfType, kindAsked, mentionsAnyOf, nameActs, namesBeside, namesRoleOf, nounAsked, numberBefore, qualifiesNoun, relativeAsked, saysNameIs, speaksOfBirth, statesAuthor, statesCalendarDate, statesComposer, statesCount, statesRank, statesGenre, statesNationality, statesOccupation, statesOccupationOf, wordAfterWho } from '../src/answer/answerType.js';
import { words } from '../src/search/text.js';

describe('the kind of answer a question asks for', () => {
  it('is a date when the question asks when, in English or Portuguese', () => {
    expect(answerType('When did shooting wrap?')).toBe('date');
    expect(answerType('Quando o filme chegou aos cinemas?')).toBe('date');
    expect(answerType('In what year was the book published?')).toBe('date');
  });

  it('is answered, when asked when, by a date or by when something happens in the story', () => {
    expect(hasAnswerOfType('date', 'Principal photography began on October 4, 2011.', '')).toBe(true);
    expect(hasAnswerOfType('date', 'Em uma noite, enquanto trabalha na boate, acaba conhecendo Stephanie.', '')).toBe(true);
    expect(hasAnswerOfType('date', 'One night at the club he meets her.', '')).toBe(true);
    expect(hasAnswerOfType('date', 'Ali works as a bouncer at a nightclub.', '')).toBe(false);
  });

  it('asks for a year or a month when it says "what year" or "em que data", not only "when"', () => {
    expect(asksCalendarDate('Em que ano o Alain nasceu?')).toBe(true);
    expect(asksCalendarDate('In which month was the soundtrack released?')).toBe(true);
    expect(asksCalendarDate('When does Ali meet Stéphanie?')).toBe(false);
    expect(statesCalendarDate('The collection was first published in 2005.')).toBe(true);
    expect(statesCalendarDate('Em uma noite, enquanto trabalha na boate, acaba conhecendo Stephanie.')).toBe(false);
    expect(asksCalendarDate('On which day of filming was the fight shot?')).toBe(true);
    expect(statesCalendarDate('The fight was shot on the third day of filming.')).toBe(true);
    expect(statesCalendarDate('O filme estreou numa quarta-feira.')).toBe(true);
    expect(statesCalendarDate('Um dia ela se lembra de Alain e decide ligar para ele.')).toBe(false);
  });

  it('is a count only where a number is not part of a date', () => {
    expect(statesCount('The book comprises eight interconnected tales.')).toBe(true);
    expect(statesCount('It opened to 651,578 admissions on May 17, 2012.')).toBe(true);
    expect(statesCount('Her performance in La Vie en Rose (2007) won an Academy Award.')).toBe(false);
    expect(statesCount('Principal photography began on October 4, 2011.')).toBe(false);
    expect(statesCount('O filme estreou em 17 de maio de 2012.')).toBe(false);
    expect(statesCount('Its U.S. release generated a modest $2.1 million.')).toBe(false);
    expect(statesCount('It attracted 1,930,536 admissions and earned $14.6 million.')).toBe(true);
    expect(statesCount('Desplat\'s score won him his third César Award.')).toBe(false);
    expect(statesCount('Recebeu nove indicações ao César, vencendo quatro.')).toBe(true);
  });

  it('does not take a name in the possessive for a place: "…fittings for Cotillard\'s prosthetic legs" says whose, not where', () => {
    expect(hasAnswerOfType('place', "The timeline moved to dramatic scenes after fittings for Cotillard's prosthetic legs.", '')).toBe(false);
    expect(hasAnswerOfType('place', 'Beach sequences were shot in Antibes.', '')).toBe(true);
    expect(hasAnswerOfType('person', "The timeline moved to dramatic scenes after fittings for Cotillard's prosthetic legs.", '')).toBe(true);
  });

  it('is an amount of money when the question asks what someone was paid', () => {
    expect(asksPay("What was Marion Cotillard's salary?")).toBe(true);
    expect(asksPay('Quanto o Schoenaerts recebeu de cachê?')).toBe(true);
    expect(asksPay('How much did the film gross?')).toBe(false);
    expect(hasAnswerOfType('money', 'Its U.S. release generated a modest $2.1 million.', '')).toBe(true);
    expect(hasAnswerOfType('money', 'O filme faturou 15 milhões de euros.', '')).toBe(true);
    expect(hasAnswerOfType('money', 'Recebeu duas indicações ao Globo de Ouro e nove indicações ao César.', '')).toBe(false);
  });

  it('knows a question or sentence that speaks of birth', () => {
    expect(speaksOfBirth('When was Marion Cotillard born?')).toBe(true);
    expect(speaksOfBirth('Qual é a data de nascimento do Audiard?')).toBe(true);
    expect(speaksOfBirth('Onde nasceu o Alain?')).toBe(true);
    expect(speaksOfBirth('Schoenaerts, known for the 2011 film Bullhead, was selected for his presence.')).toBe(false);
  });

  it("knows when a question asks about someone's relative, and which sentences mention them", () => {
    expect(relativeAsked("What is the profession of Ali's sister?")).toContain('irma');
    expect(relativeAsked('Qual é o trabalho da irmã do Alain?')).toContain('sister');
    expect(relativeAsked('Quem interpreta Louise, a amiga de Stéphanie?')).toContain('friend');
    expect(relativeAsked('Para onde o Alain se muda?')).toBeUndefined();
    expect(relativeAsked('Qual é o país do Ali?')).toBeUndefined();
    expect(mentionsAnyOf('Pai solteiro, com um filho de 05 anos', ['son', 'filho'])).toBe(true);
    expect(mentionsAnyOf('Corinne Masiero plays Anna, Ali’s sister.', ['sister', 'irma'])).toBe(true);
    expect(mentionsAnyOf('Ali takes odd jobs as a bouncer.', ['sister', 'irma'])).toBe(false);
  });

  it('asks who made the music, and names a composer', () => {
    expect(asksComposer('Who wrote the music?')).toBe(true);
    expect(asksComposer('Quem compôs a trilha sonora?')).toBe(true);
    expect(asksComposer('Who wrote the screenplay?')).toBe(false);
    expect(statesComposer("Complementing this trajectory, composer Alexandre Desplat's minimalist score…")).toBe(true);
    expect(statesComposer("…compiling these songs alongside Alexandre Desplat's score, was released by Polydor.")).toBe(true);
    expect(statesComposer('The original score was composed by , a frequent collaborator.')).toBe(false);
  });

  it('is not a date when "when" only opens a clause inside the question', () => {
    expect(answerType('What does Sam do when his father leaves?')).toBe('any');
    expect(answerType('O que a Stéphanie sente quando acorda no hospital?')).toBe('any');
    expect(answerType('Which band plays when the credits roll?')).toBe('any');
  });

  it('is an age for "how old", even with a "when" clause', () => {
    expect(answerType('How old was the boy actor when filming began?')).toBe('age');
  });

  it('is a duration when the question counts units of time, and a count for anything else', () => {
    expect(answerType('Quantos minutos tem o filme?')).toBe('duration');
    expect(answerType('How many weeks did it play in cinemas?')).toBe('duration');
    expect(answerType('Quantos anos tinha o filho de Alain?')).toBe('age');
    expect(answerType('How many stories does the collection contain?')).toBe('count');
  });

  it('is a duration when the question names a running time, not when something is "in the running"', () => {
    expect(answerType('What is the running time?')).toBe('duration');
    expect(answerType("What's the film's runtime?")).toBe('duration');
    expect(answerType('Qual é a duração do filme?')).toBe('duration');
    expect(answerType('Was the picture in the running for any award?')).toBe('any');
  });

  it('is a person for "who", but not when "who" or "where" only opens a relative clause', () => {
    expect(answerType('Who composed the score?')).toBe('person');
    expect(answerType('After the accident, who calls whom?')).toBe('person');
    expect(answerType('What is the name of the actor who plays Ali?')).toBe('person');
    expect(answerType('Which film did the actor who plays Ali make next?')).toBe('title');
    expect(answerType('What footage did she watch of people who lost their legs?')).toBe('any');
    expect(answerType('Para onde o Alain se muda?')).toBe('place');
    expect(answerType('Qual era o nome do bar onde ele bebia?')).toBe('name');
  });

  it('is a person when the question asks the name of a relative or a character, and a name for anything else', () => {
    expect(answerType("What is the name of Ali's sister?")).toBe('person');
    expect(answerType('Qual o nome do filho de Alain?')).toBe('person');
    expect(answerType('What is the name of the orca?')).toBe('name');
    expect(answerType("What is the name of the song that plays when Ali's son leaves?")).toBe('name');
  });
});

describe('questions about what someone does for a living', () => {
  it('are told by the words for a job, in English or Portuguese', () => {
    for (const q of ["What is Ali's job?", 'What does Stéphanie do for a living?', 'What does Ali do for work?', 'Qual é a profissão da Stéphanie?', 'O que Alain faz da vida?']) expect(asksOccupation(q), q).toBe(true);
    for (const q of ['Where does Stéphanie work?', 'Onde Alain trabalha?', 'Onde o Alain trabalha?']) expect(asksOccupation(q), q).toBe(true);
    for (const q of ['How does Ali earn a living?', 'What does Ali do to make money?', 'Como Alain ganha a vida?', 'O que Ali faz para ganhar dinheiro?']) expect(asksOccupation(q), q).toBe(true);
    for (const q of ['Did the film make money?', 'How much money did the film make?', 'O filme ganhou dinheiro?']) expect(asksOccupation(q), q).toBe(false);
    for (const q of ['Who is the director?', 'Qual era o nome da boate onde Alain trabalhava?']) expect(asksOccupation(q), q).toBe(false);
    for (const q of ['What does Stéphanie do?', 'What does Marion Cotillard do?', 'O que a Stéphanie faz?']) expect(asksOccupation(q), q).toBe(true);
    for (const q of ['What does Stéphanie do after the accident?', 'What did Schoenaerts do to prepare?', 'O que o Alain faz com a Stephanie?']) expect(asksOccupation(q), q).toBe(false);
  });

  it('are answered for the one named only by a sentence where they come before what is worked as', () => {
    expect(statesOccupationOf('Stéphanie trabalha como treinadora de baleias orcas.', 'Stéphanie')).toBe(true);
    const hisJobs = 'The film follows Ali, taking odd jobs including as a nightclub , where he first encounters Stéphanie.';
    expect(statesOccupationOf(hisJobs, 'Ali')).toBe(true);
    expect(statesOccupationOf(hisJobs, 'Stéphanie')).toBe(false);
  });

  it('ask for no place when they ask where someone works: the answer is what they work as', () => {
    expect(answerType('Onde Stéphanie trabalha?')).toBe('any');
    expect(answerType('Where did Ali work?')).toBe('any');
    expect(answerType('Where was the film shot?')).toBe('place');
  });

  it('are answered by a sentence that says what someone works as, not one that only has the word', () => {
    expect(statesOccupation('Alain consegue trabalhar como vigia de casa noturna.')).toBe(true);
    expect(statesOccupation('She works as a killer whale trainer.')).toBe(true);
    expect(statesOccupation('He takes odd jobs including as a nightclub bouncer.')).toBe(true);
    expect(statesOccupation('Ele usa seu corpo como instrumento de trabalho.')).toBe(false);
  });
});

describe('questions that ask for a nationality', () => {
  it('are told by the word, in English or Portuguese', () => {
    expect(asksNationality('What nationality is the author?')).toBe(true);
    expect(asksNationality('Qual é a nacionalidade do filme?')).toBe(true);
    expect(asksNationality('Where was the film shot?')).toBe(false);
  });

  it('are answered by a sentence with a nationality word, not a language', () => {
    expect(statesNationality('The cast features Belgian Matthias as Ali.')).toBe(true);
    expect(statesNationality('É um filme franco-belga de 2012.')).toBe(true);
    expect(statesNationality('Schoenaerts moved from European cinema to English-language projects.')).toBe(false);
  });
});

describe('questions that ask what kind of film something is', () => {
  it('are told by "genre" or "what kind of film", in English or Portuguese, not by other kinds', () => {
    expect(asksGenre('What genre is Rust and Bone?')).toBe(true);
    expect(asksGenre('What kind of movie is it?')).toBe(true);
    expect(asksGenre('Qual é o gênero do filme?')).toBe(true);
    expect(asksGenre('What kind of fighter is Ali?')).toBe(false);
  });

  it('are answered by a sentence that says a genre of a work, not one that merely has the word', () => {
    expect(statesGenre('It is a 2012 French romantic drama film.')).toBe(true);
    expect(statesGenre('É um filme do gênero drama romântico.')).toBe(true);
    expect(statesGenre('Audiard is known for blending genre with social realism.')).toBe(false);
  });
});

describe('questions that ask who wrote a book', () => {
  it('are told by a "who" and a writer\'s word about a book, not a screenplay or an aside', () => {
    for (const q of ['Who wrote the book?', 'Quem escreveu o livro?', 'Who is the author of the short stories?']) expect(asksAuthor(q), q).toBe(true);
    for (const q of ['Who wrote the screenplay?', 'O Davidson, autor do livro, lutava boxe?']) expect(asksAuthor(q), q).toBe(false);
  });

  it('are answered by a sentence that names someone right after a writer\'s role', () => {
    expect(statesAuthor("It adapts Canadian author Craig Davidson's collection.")).toBe(true);
    expect(statesAuthor('The collection by Canadian author was first published in 2005.')).toBe(false);
  });
});

describe('questions that ask which company, studio or service', () => {
  it('are told by the word for the organization after "which" or "qual", in English or Portuguese', () => {
    for (const q of ['Which record company released the soundtrack?', 'What streaming service carried it?', 'Qual distribuidora lançou o filme na Itália?', 'Que estúdio fez os efeitos?']) expect(asksForOrganization(q), q).toBe(true);
    for (const q of ['Which film won the Palme d\'Or?', 'Who distributed the film?', 'Did the company make a profit?']) expect(asksForOrganization(q), q).toBe(false);
  });
});

describe('questions that ask who someone named is', () => {
  it('ask about the name, in English or Portuguese, and ask for no other name', () => {
    expect(askedWhoIs('Who is Stéphanie?')).toBe('Stéphanie');
    expect(askedWhoIs('Quem é o Alain?')).toBe('Alain');
    expect(askedWhoIs('Who was Juliette Welfling?')).toBe('Juliette Welfling');
    expect(answerType('Who is Stéphanie?')).toBe('any');
  });

  it('do not include questions that ask for a person by what they are', () => {
    expect(askedWhoIs('Who is the director?')).toBeUndefined();
    expect(askedWhoIs("Who is Ali's sister?")).toBeUndefined();
    expect(answerType("Who is Ali's sister?")).toBe('person');
  });

  it('finds whom "What is Ali like?" and "Como é o Alain?" ask about, and what says what they are', () => {
    expect(askedWhatLike('What is Ali like?')).toBe('Ali');
    expect(askedWhatLike('How is Stéphanie described?')).toBe('Stéphanie');
    expect(askedWhatLike('Como é o Alain?')).toBe('Alain');
    expect(askedWhatLike('Que tipo de pessoa é o Alain?')).toBe('Alain');
    expect(askedWhatLike('What is the film like?')).toBeUndefined();
    expect(askedWhatLike('Como é a relação de Ali e Stéphanie?')).toBeUndefined();
    expect(saysNameIs('Alain é boxeador e trabalha como vigia.', 'Alain')).toBe(true);
    expect(saysNameIs('Um dia ela se lembra de Alain e decide ligar para ele.', 'Alain')).toBe(false);
  });

  it('are answered by a sentence that says who they are, by any part of the name and with or without accents', () => {
    expect(describes('He meets Stephanie, a killer whale trainer.', 'Stéphanie')).toBe(true);
    expect(describes('Cotillard, an established star, was cast.', 'Marion Cotillard')).toBe(true);
    expect(describes('Alain é boxeador.', 'Alain')).toBe(true);
    expect(describes('Stéphanie trabalha como treinadora.', 'Stéphanie')).toBe(true);
    expect(describes('The cast features Belgian Matthias Schoenaerts as Ali.', 'Matthias Schoenaerts')).toBe(true);
    expect(describes('Corinne Masiero plays Anna, his sister.', 'Corinne Masiero')).toBe(true);
  });

  it('are answered, failing that, by a sentence that names what they do right before them', () => {
    expect(namesRoleOf("…alongside composer Alexandre Desplat's score.", 'Desplat')).toBe(true);
    expect(namesRoleOf('…co-written by director and his frequent collaborator Thomas Bidegain.', 'Thomas Bidegain')).toBe(true);
    expect(namesRoleOf('É um filme dirigido por Jacques Audiard.', 'Jacques Audiard')).toBe(true);
    expect(namesRoleOf("…after Stéphanie's devastating accident.", 'Stéphanie')).toBe(false);
    expect(namesRoleOf("…tested by Stéphanie's trauma.", 'Stéphanie')).toBe(false);
    expect(namesRoleOf('…where he first encounters Stéphanie.', 'Stéphanie')).toBe(false);
  });

  it('are not answered by a sentence that only mentions them', () => {
    expect(describes('Um dia ela se lembra de Alain e decide ligar para ele.', 'Alain')).toBe(false);
    expect(describes('Céline Sallette embodies Louise, a friend of Stéphanie.', 'Stéphanie')).toBe(false);
    expect(describes('The film follows Ali as he relocates.', 'Ali')).toBe(false);
  });
});

describe('a number that counts what a "how many" question counts', () => {
  const awards = (text: string) => numberBefore(words(text), (t) => /^(awards?|premios?|prêmios?)$/.test(t));

  it('is a count in digits or words just before the thing counted', () => {
    expect(awards('It won 4 awards that night.')).toBe(true);
    expect(awards('It won four major awards.')).toBe(true);
    expect(awards('Recebeu quatro prêmios.')).toBe(true);
  });

  it('is not an ordinal, which names an edition rather than counting', () => {
    expect(awards('At the 18th Lumière Awards it was nominated.')).toBe(false);
    expect(awards('No 18º prêmio Lumière.')).toBe(false);
    expect(awards('Its first awards came in 2013.')).toBe(false);
  });
});

describe('questions that ask for an acronym', () => {
  it('are told by the word, in English or Portuguese, with the letters when the question counts them', () => {
    expect(askedAcronym('Which studio, known by its initials, did the effects?')).toEqual({ letters: undefined });
    expect(askedAcronym('Which guild, known by a three-letter acronym, nominated her?')).toEqual({ letters: 3 });
    expect(askedAcronym('Qual é a sigla de três letras da distribuidora?')).toEqual({ letters: 3 });
    expect(askedAcronym('Who distributed the film?')).toBeUndefined();
  });

  it('are answered by the capitals a sentence has that the question lacks, not roman numerals', () => {
    expect(acronymsIn('Nominated at the (BAFTA) and the SAG Awards.', 'Which acronym?')).toEqual(['BAFTA', 'SAG']);
    expect(acronymsIn('Nominated at the (BAFTA) and the SAG Awards.', 'Which acronym?', 3)).toEqual(['SAG']);
    expect(acronymsIn('The BAFTA nominated it.', 'What is the BAFTA acronym?')).toEqual([]);
    expect(acronymsIn('Azari & III remixed it.', 'Which acronym?')).toEqual([]);
  });
});

describe('a question that asks which one of a thing', () => {
  it('finds the noun after "what" or "which" when a verb asks of it, not the work itself', () => {
    expect(nounAsked('What footage did Marion Cotillard study?')).toBe('footage');
    expect(nounAsked('Which language is the film in?')).toBe('language');
    expect(nounAsked('What film did Audiard make next?')).toBeUndefined();
    expect(nounAsked('What did Cotillard study?')).toBeUndefined();
    expect(nounAsked('What sad song plays at the end?')).toBeUndefined();
  });
});

describe('a question about what a named person does', () => {
  it('finds the person a question asks about and the verb that says what they do', () => {
    expect(askedNameAndVerb('Where does Stéphanie work?')).toEqual({ name: 'Stéphanie', verb: 'work' });
    expect(askedNameAndVerb('Onde Alain trabalha?')).toEqual({ name: 'Alain', verb: 'trabalha' });
    expect(askedNameAndVerb('Onde a Stéphanie trabalha?')).toEqual({ name: 'Stéphanie', verb: 'trabalha' });
    expect(askedNameAndVerb("What themes does Davidson's collection explore?")).toBeUndefined();
    expect(askedNameAndVerb('Who is the director?')).toBeUndefined();
  });

  it('finds the word after "who" in either language: what the one asked for did', () => {
    expect(wordAfterWho('Who cut this footage together?')).toBe('cut');
    expect(wordAfterWho('Quem montou o filme?')).toBe('montou');
    expect(wordAfterWho('Who?')).toBeUndefined();
    expect(wordAfterWho('When did filming start?')).toBeUndefined();
  });

  it('tells a sentence where the named person does the thing from one where someone else does', () => {
    const works = (t: string) => /^(trabalha|works?)$/.test(t);
    expect(nameActs('Stéphanie trabalha como treinadora de baleias orcas.', 'Stéphanie', works)).toBe(true);
    expect(nameActs('Stephanie works at Marineland.', 'Stéphanie', works)).toBe(true);
    expect(nameActs('Enquanto trabalha na boate, acaba conhecendo Stephanie.', 'Stéphanie', works)).toBe(false);
  });
});

describe('questions that ask yes or no', () => {
  it('are put verb first in English, and with no asking word in Portuguese', () => {
    expect(asksYesOrNo('Was the film shown at Cannes?', 'en')).toBe(true);
    expect(asksYesOrNo('O filme foi exibido em Cannes?', 'pt')).toBe(true);
    expect(asksYesOrNo('Where was the film shown?', 'en')).toBe(false);
    expect(asksYesOrNo('Onde o filme foi exibido?', 'pt')).toBe(false);
  });
});

describe('a name right after a word of the question', () => {
  const isDirector = (t: string) => t === 'director';

  it('is found in a possessive ("director Audiard\'s preference") as in a full name', () => {
    expect(namesBeside("adhering to director Audiard's preference for restraint", 'Who is the director?', isDirector)).toBe(true);
    expect(namesBeside('with director Jacques Audiard and his crew', 'Who is the director?', isDirector)).toBe(true);
  });

  it('is found past a date between the word and the name ("published in 2005 by Viking")', () => {
    const isPublished = (t: string) => t === 'published';
    expect(namesBeside('It was first published in 2005 by Viking Canada.', 'Who published it?', isPublished)).toBe(true);
    expect(namesBeside('It was first published on May 3, 2005 by Viking Canada.', 'Who published it?', isPublished)).toBe(true);
    expect(namesBeside('It was first published in a small run for Viking Canada.', 'Who published it?', isPublished)).toBe(false);
  });

  it('is found after a compound whose last part is the word ("co-producers Page 114")', () => {
    const isProducers = (t: string) => t === 'producers';
    expect(namesBeside('alongside co-producers Page 114 and others', 'Who were the producers?', isProducers)).toBe(true);
  });

  it('is not a name the question already gives, possessive or not', () => {
    expect(namesBeside("adhering to director Audiard's preference", "Was Audiard's director chair red?", isDirector)).toBe(false);
    expect(namesBeside('praised by the director and his crew', 'Who is the director?', isDirector)).toBe(false);
  });
});

describe('questions that ask which edition of an event', () => {
  it('asks which edition in English or Portuguese, not of "a special edition"', () => {
    expect(asksEdition('Which edition of the festival did it win?')).toBe(true);
    expect(asksEdition('Em qual edição do festival o filme estreou?')).toBe(true);
    expect(asksEdition('Is there a special edition DVD?')).toBe(false);
  });

  it('reads the numbered editions of a sentence, with what each is of, or nothing where the page lost the name', () => {
    expect(editionsIn('At the 18th Lumière Awards in 2013, it won.')).toEqual(['Lumière']);
    expect(editionsIn('It premiered at the 65th , where it competed.')).toEqual(['']);
    expect(editionsIn('No major 10th-anniversary re-release occurred, 3 times.')).toEqual([]);
  });
});

describe('questions that ask what kind of thing something is', () => {
  it('asks the kind of a noun in English or Portuguese, leaving kinds of film to the genre', () => {
    expect(kindAsked('What kind of boat did they sail?')).toBe('boat');
    expect(kindAsked('Que tipo de laço une os dois?')).toBe('laco');
    expect(kindAsked('What kind of movie is it?')).toBeUndefined();
    expect(kindAsked('Who is the kind neighbour?')).toBeUndefined();
  });

  it('asks the kind of the noun an English name qualifies, not of the name', () => {
    expect(kindAsked('Which kind of Golden Globe nominations did it get?')).toBe('nominations');
    expect(kindAsked('What type of Oscar speech was it?')).toBe('speech');
    expect(kindAsked('What kind of Ali is he?')).toBe('ali');
    expect(kindAsked('Que tipo de prêmio César o filme ganhou?')).toBe('premio');
  });

  it('is answered by a sentence that qualifies the noun, before it or, in Portuguese, after it', () => {
    const isBoat = (w: string) => w === 'boat';
    expect(qualifiesNoun('They sailed a battered fishing boat to the island.', 'en', isBoat)).toBe(true);
    expect(qualifiesNoun('They sailed a boat to the island.', 'en', isBoat)).toBe(false);
    const isLaco = (w: string) => w === 'laço';
    expect(qualifiesNoun('Nasce um laço de amizade entre eles.', 'pt', isLaco)).toBe(true);
    expect(qualifiesNoun('Nasce um laço de 2 anos.', 'pt', isLaco)).toBe(false);
  });
});

describe('questions that ask for a rank', () => {
  it('asks a position or rank in English or Portuguese, not which place, which asks where', () => {
    expect(asksRank('What position did the album reach?')).toBe(true);
    expect(asksRank('Em que posição o álbum chegou?')).toBe(true);
    expect(asksRank('How did the film rank that week?')).toBe(true);
    expect(asksRank('Which place was used for the beach scenes?')).toBe(false);
  });

  it('is answered by a sentence that states one', () => {
    expect(statesRank('It opened at number one at the box office.')).toBe(true);
    expect(statesRank('Ficou em primeiro lugar na semana.')).toBe(true);
    expect(statesRank('It was the first film he made there.')).toBe(false);
  });
});
