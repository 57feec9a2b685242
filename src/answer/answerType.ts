import { words } from '../search/text.js';

/** What kind of answer a question asks for, from its question words (English and Portuguese). */
export type AnswerType = 'number' | 'person' | 'name' | 'any';

const NUMBER_QUESTION = /\b(how (many|much|long|old)|what (year|date|percentage|age)|which year|when|on what date|quant[oa]s?|quanto tempo|quando|em que (ano|data)|que ano|idade)\b/i;
const PERSON_QUESTION = /\b(who|whom|quem)\b/i;
const NAME_QUESTION = /\b(name[ds]?|called|titled|nome|chamad[oa]s?|intitulad[oa])\b/i;
const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|million|billion|first|second|third|fourth|fifth|um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|vinte|cem|mil|milhões|january|february|march|april|may|june|july|august|september|october|november|december|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)\b/i;

/** How a sentence gives something's name: "named X", "chamada X", or a title in quotes. */
const NAMING = /\b(named|called|titled|known as|nicknamed|nome|chamad[oa]s?|intitulad[oa]|apelidad[oa])\b|["“«]/i;

export function answerType(question: string): AnswerType {
  if (NUMBER_QUESTION.test(question)) return 'number';
  if (PERSON_QUESTION.test(question)) return 'person';
  if (NAME_QUESTION.test(question)) return 'name';
  return 'any';
}

/** Whether a sentence holds something of the asked-for kind that `known` (the question, the document title) does not already say. */
export function hasAnswerOfType(type: AnswerType, sentence: string, known: string): boolean {
  if (type === 'number') return /\d/.test(sentence) || NUMBER_WORDS.test(sentence);
  if (type === 'person' || type === 'name') {
    const asked = new Set(words(known));
    const names = (sentence.slice(1).match(/\b\p{Lu}[\p{L}'’-]+/gu) ?? []).filter((n) => !NUMBER_WORDS.test(n));
    const newName = names.some((name) => !asked.has(name.toLowerCase()));
    return type === 'person' ? newName : newName && NAMING.test(sentence);
  }
  return true;
}

/** The names and numbers a sentence adds to the question: what an answer consists of. */
export function answerTokens(sentence: string, question: string): Set<string> {
  const asked = new Set(words(question));
  const names = (sentence.slice(1).match(/\b\p{Lu}[\p{L}-]+/gu) ?? []).filter((n) => !NUMBER_WORDS.test(n));
  const numbers = sentence.match(/\d+(?:[.,]\d+)*/g) ?? [];
  return new Set([...names, ...numbers].map((t) => t.toLowerCase()).filter((t) => !asked.has(t)));
}
