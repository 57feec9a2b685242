import type { Chunk } from '../corpus/types.js';
import { contains, holdsEvidence, isAnswerableQuestion } from '../eval/metrics.js';
import type { EvalQuestion } from '../eval/types.js';
import type { Retrieval } from '../search/retriever.js';
import { candidatesOf, questionContext, SENTENCE_FEATURES, sentenceFeatures, type Candidate, type QuestionContext } from './features.js';
import { dot, fitLogistic, fitRanking, sigmoid } from './fit.js';
import { ABSTAIN_FEATURES, abstainFeatures, rankSentences, type RankerModel } from './ranker.js';

export interface TrainingOptions {
  /** L2 penalty of both models. */
  l2: number;
  /** The share of answerable training questions the abstention threshold may turn away. */
  maxFalseAbstention: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { l2: 0.001, maxFalseAbstention: 0.03 };

/** One training question as the answerer sees it: its retrieval, read sentences and which of them answer. */
export interface Example {
  question: EvalQuestion;
  retrieval: Retrieval;
  context: QuestionContext;
  candidates: Candidate[];
  rows: number[][];
  positive: boolean[];
}

/** An answer token held by fewer sentences of the corpus than this is distinctive: it names the answer wherever it stands. */
const DISTINCTIVE_BELOW = 4;

function sentenceCount(token: string, chunks: Chunk[]): number {
  const holding = new Set(chunks.flatMap((c) => c.sentences.filter((s) => contains(s.text, token)).map((s) => `${c.file}:${s.start}`)));
  return holding.size;
}

/**
 * A sentence answers when it holds an expected answer token that is distinctive (a name, a title, an
 * amount found in few sentences), or holds a common one ("not", "3") and its passage holds the
 * evidence (or is in the other language, where the evidence is not quoted word for word).
 */
function answers(c: Candidate, question: EvalQuestion, evidenceLang: string | undefined, distinctive: Set<string>): boolean {
  const text = c.passage.sentences[c.index]!.sentence.text;
  const held = question.must_contain_any.filter((token) => contains(text, token));
  if (held.length === 0) return false;
  if (held.some((token) => distinctive.has(token))) return true;
  return holdsEvidence(c.passage.chunk.text, question) || c.passage.chunk.lang !== evidenceLang;
}

export function toExample(question: EvalQuestion, retrieval: Retrieval, chunks: Chunk[]): Example {
  const context = questionContext(retrieval);
  const candidates = candidatesOf(retrieval, context);
  const evidenceLang = chunks.find((c) => holdsEvidence(c.text, question))?.lang;
  const distinctive = new Set(question.must_contain_any.filter((token) => sentenceCount(token, chunks) < DISTINCTIVE_BELOW));
  return {
    question,
    retrieval,
    context,
    candidates,
    rows: candidates.map((c) => sentenceFeatures(c, context)),
    positive: candidates.map((c) => answers(c, question, evidenceLang, distinctive)),
  };
}

/** Whether a candidate (of this example's, possibly re-ranked) is one that answers the question. */
export function isAnswering(e: Example, c: Candidate): boolean {
  return e.positive[e.candidates.findIndex((x) => x.passage === c.passage && x.index === c.index)] ?? false;
}

export interface Training {
  model: RankerModel;
  /** Answerable questions whose best-ranked sentence answers them. */
  bestAnswers: number;
  answerable: number;
  /** Answerable questions with an answering sentence among those read. */
  reachable: number;
  abstention: number;
  falseAbstention: number;
}

/**
 * Fits the sentence ranker on the answerable questions, then the abstention model on all of them,
 * with the threshold set so that at most `maxFalseAbstention` of answerable ones are turned away.
 */
export function train(examples: Example[], trainedOn: RankerModel['trainedOn'], options: TrainingOptions = DEFAULT_TRAINING): Training {
  const iterations = 6000;
  const answerable = examples.filter((e) => isAnswerableQuestion(e.question));
  const sentence = { features: [...SENTENCE_FEATURES], weights: fitRanking(answerable, SENTENCE_FEATURES.length, { l2: options.l2, iterations }) };
  const rankedOf = (e: Example) => rankSentences(sentence.weights, e.candidates, e.context);

  const rows = examples.map((e) => abstainFeatures(rankedOf(e), e.retrieval, e.context));
  const labels = examples.map((e) => isAnswerableQuestion(e.question));
  const { weights, bias } = fitLogistic(rows, labels, { l2: options.l2, iterations });
  const probabilities = rows.map((x) => sigmoid(dot(weights, x) + bias));
  const answerableProbabilities = probabilities.filter((_, i) => labels[i]).sort((a, b) => a - b);
  const threshold = answerableProbabilities[Math.floor(options.maxFalseAbstention * answerableProbabilities.length)] ?? 0.5;

  const bestAnswers = answerable.filter((e) => {
    const best = rankedOf(e)[0];
    return best !== undefined && isAnswering(e, best);
  }).length;
  const abstained = probabilities.map((p) => p < threshold);
  const rate = (wanted: boolean) => abstained.filter((a, i) => a && labels[i] === wanted).length / Math.max(1, labels.filter((l) => l === wanted).length);
  return {
    model: { sentence, abstain: { features: [...ABSTAIN_FEATURES], weights, bias, threshold }, trainedOn },
    bestAnswers,
    answerable: answerable.length,
    reachable: answerable.filter((e) => e.positive.some(Boolean)).length,
    abstention: rate(false),
    falseAbstention: rate(true),
  };
}
