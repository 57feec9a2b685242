import type { Answer } from './types.js';
import type { Calculation } from './calculation.js';
import { cite } from './extractive.js';
import type { Operand } from './operands.js';

const YEARS = { en: ['year', 'years'], pt: ['ano', 'anos'] };

const decimals = (written: string) => written.match(/\d[.,](\d+)(?!\d*[.,]\d)/)?.[1]?.length ?? 0;

function sameCurrency(a: Operand, b: Operand): string | undefined {
  const sign = (o: Operand) => (o.currency === 'US$' ? '$' : o.currency);
  return sign(a) === sign(b) ? a.currency : undefined;
}

/** The result of a calculation as the asker reads it, with how it was worked out. */
function worked(calculation: Calculation, a: Operand, b: Operand): string | undefined {
  const { operation, lang } = calculation;
  // A share larger than its whole (more wins than nominations) means one of the two numbers was misread.
  if (calculation.shareOfFirst && b.value > a.value) return undefined;
  const [high, low] = operation === 'difference' && b.value > a.value ? [b, a] : [a, b];
  const value = operation === 'sum' ? a.value + b.value : high.value - low.value;
  const sign = operation === 'sum' ? '+' : '−';
  if (calculation.quantity === 'money') {
    const currency = sameCurrency(a, b);
    if (currency === undefined) return undefined;
    const places = Math.max(decimals(a.written), decimals(b.written));
    let amount = (value / (high.factor ?? 1)).toFixed(places);
    if (lang === 'pt') amount = amount.replace('.', ',');
    return `${currency}${amount}${high.scale ? ` ${high.scale}` : ''} (${high.written} ${sign} ${low.written})`;
  }
  const unit = calculation.quantity === 'year' ? ` ${YEARS[lang][value === 1 ? 0 : 1]}` : '';
  return `${value}${unit} (${high.value} ${sign} ${low.value})`;
}

/**
 * A calculated answer: the result, how it was worked out, and the sentence that states each
 * number, cited. Undefined when a part's number was not found or the two cannot be combined.
 */
export function composeCalculated(calculation: Calculation, operands: (Operand | undefined)[], confidence: number): Answer | undefined {
  const [a, b] = operands;
  if (!a || !b) return undefined;
  const sameSentence = a.candidate.passage.chunk.file === b.candidate.passage.chunk.file && a.candidate.passage.sentences[a.candidate.index]!.sentence.start === b.candidate.passage.sentences[b.candidate.index]!.sentence.start;
  // One number read twice is no calculation.
  if (sameSentence && a.position === b.position) return undefined;
  const line = worked(calculation, a, b);
  if (line === undefined) return undefined;
  const sentences = sameSentence ? [a.candidate] : [a.candidate, b.candidate];
  const { text, citations } = cite(sentences);
  return { text: `${line}. ${text}`, abstained: false, citations, confidence, lang: calculation.lang, kind: 'calculated' };
}
