import type { Chunk } from '../corpus/types.js';
import { isDictionaryWord } from './lexicon.js';
import { foldAccents, stem } from './text.js';

const WORD = /\p{L}+/gu;

const key = (word: string) => foldAccents(word.toLowerCase());
const capitalized = (word: string) => /^\p{Lu}/u.test(word);
const stems = (word: string) => [stem(word, 'en'), stem(word, 'pt')];

/** A sentence's runs of capitalized words with only spaces between them, each one name or title ("Marion Cotillard", "Golden Globe"). */
function capitalizedRuns(text: string): { words: string[]; opensSentence: boolean }[] {
  const runs: { words: string[]; opensSentence: boolean }[] = [];
  let run: string[] | undefined;
  let end = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!capitalized(word)) run = undefined;
    else if (run && /^\s+$/.test(text.slice(end, match.index))) run.push(word);
    else runs.push({ words: (run = [word]), opensSentence: end === 0 });
    end = match.index + word.length;
  }
  return runs;
}

/**
 * The names the documents use, accent-folded and lower-cased: words they write capitalized on
 * their own inside a sentence ("Ali", "Stéphanie", "Cotillard"), with the words that stand beside
 * one of those ("Marion Cotillard"), and never in lower case. Not the ordinary words of a title
 * ("Golden Globe", "Best Adapted Screenplay"), nor words the lexicon lists ("Cannes", "Ator") or
 * the documents use in lower case in another form ("adapting").
 */
function namesOf(chunks: Chunk[]): Set<string> {
  const lowered = new Set<string>();
  const runs: { words: string[]; opensSentence: boolean }[] = [];
  for (const chunk of chunks) {
    for (const sentence of chunk.sentences) {
      for (const word of sentence.text.match(WORD) ?? []) if (!capitalized(word)) lowered.add(stem(key(word), chunk.lang));
      runs.push(...capitalizedRuns(sentence.text).map((run) => ({ ...run, words: run.words.map(key) })));
    }
  }
  const isName = (word: string) => word.length > 2 && !isDictionaryWord(word) && !stems(word).some((s) => lowered.has(s));
  // A sentence's first word is capitalized whatever it is: it stands alone as no name.
  const alone = new Set(runs.filter((run) => run.words.length === 1 && !run.opensSentence && isName(run.words[0]!)).map((run) => run.words[0]!));
  return new Set(runs.filter((run) => run.words.some((word) => alone.has(word))).flatMap((run) => run.words).filter(isName));
}

/**
 * Writes the names in a question as the documents do: "who plays ali" asks about "Ali". Discord
 * users often type in lower case (or all in capitals), and the answerer knows a name by its
 * capital. The asker's spelling is kept ("stephanie" becomes "Stephanie").
 */
export class Truecaser {
  private readonly names: Set<string>;

  constructor(chunks: Chunk[]) {
    this.names = namesOf(chunks);
  }

  apply(question: string): string {
    // A question all in capitals says nothing by its capitals.
    const text = /\p{Ll}/u.test(question) ? question : question.toLowerCase();
    let first = true;
    return text.replace(WORD, (word) => {
      // The first word is capitalized, as the documents' sentences are: the sentence encoder reads "what" and "What" differently.
      const capitalize = !capitalized(word) && (first || this.names.has(key(word)));
      first = false;
      return capitalize ? word[0]!.toUpperCase() + word.slice(1) : word;
    });
  }
}
