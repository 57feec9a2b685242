import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { prng } from '../bench/synthetic.js';
import { fitLogistic, fitRanking, sigmoid, type RankingGroup } from '../src/answer/fit.js';
import { abstainFeatures, ABSTAIN_FEATURES, loadRanker, RankerError, type RankedCandidate, type RankerModel } from '../src/answer/ranker.js';
import type { QuestionContext } from '../src/answer/features.js';
import type { Passage, Retrieval } from '../src/search/retriever.js';
import { DEFAULT_TRAINING, toExample, train } from '../src/answer/train.js';
import { crossValidate } from '../src/eval/crossValidate.js';
import { contains } from '../src/eval/metrics.js';
import type { EvalQuestion } from '../src/eval/types.js';
import { readEvalFile } from '../src/eval/run.js';
import { Knowledge } from '../src/knowledge.js';
import { silentLog, testConfig } from './support/testConfig.js';

/** Questions of 10 candidates where the answering one has a higher first feature, plus noise; the second feature is noise only. */
function groups(count: number, next: () => number): RankingGroup[] {
  return Array.from({ length: count }, () => {
    const answer = Math.floor(next() * 10);
    const rows = Array.from({ length: 10 }, (_, i) => [next() + (i === answer ? 0.6 : 0), next()]);
    return { rows, positive: rows.map((_, i) => i === answer) };
  });
}

/** A passage of the synopsis with one sentence, which matched the given question words and is this similar to the question. */
function synopsisPassage(text: string, matched: string[], dense: number): Passage {
  const chunk = { id: text, file: 'sinopse.txt', title: 'Ferrugem e Osso (sinopse)', lang: 'pt' as const, section: [], start: 0, end: text.length, text, sentences: [{ start: 0, end: text.length, text }] };
  const lexical = { score: 1, coverage: 0.5, matched: new Set(matched) };
  return { chunk, score: 1, dense, lexical, sentences: [{ sentence: chunk.sentences[0]!, dense, lexical }] };
}

describe('what the abstention model reads', () => {
  it('is the best sentence beyond the work\'s title, the one an answer would quote, not one that only names the film', () => {
    const question = 'Quem escreveu Ferrugem e Osso?';
    const onlyTitle = synopsisPassage('Ferrugem e Osso apresenta duas pessoas sofredoras.', ['ferrugem', 'osso'], 0.3);
    const writers = synopsisPassage('O roteiro é de Jacques Audiard e Thomas Bidegain.', ['escreveu'], 0.7);
    const ranked: RankedCandidate[] = [onlyTitle, writers].map((passage, rank) => ({ passage, rank, index: 0, score: 10 - rank }));
    const groups = ['escreveu', 'ferrugem', 'osso'].map((word) => ({ word, variants: [] }));
    const retrieval = { query: { text: question, lang: 'pt', groups, denseTexts: [question] }, unknownWords: [], wordWeights: [1, 1, 1], passages: [onlyTitle, writers], native: [] } as unknown as Retrieval;
    const context: QuestionContext = { text: question, lang: 'pt', type: 'person', numbers: [], counted: new Set(), terms: new Set(), ownTerms: new Set(), aboutAwards: false };
    const features = abstainFeatures(ranked, retrieval, context);
    expect(features[ABSTAIN_FEATURES.indexOf('best sentence similarity')]).toBe(0.7);
    expect(features[ABSTAIN_FEATURES.indexOf('best sentence gives the kind of answer asked for')]).toBe(1);
  });
});

describe('fitting the answer models', () => {
  it('learns a ranking that puts the answering candidate first on questions it has not seen', () => {
    const next = prng(7);
    const weights = fitRanking(groups(200, next), 2);
    const unseen = groups(200, next);
    const first = unseen.filter(({ rows, positive }) => {
      const scores = rows.map((x) => weights[0]! * x[0]! + weights[1]! * x[1]!);
      return positive[scores.indexOf(Math.max(...scores))];
    });
    expect(weights[0]).toBeGreaterThan(Math.abs(weights[1]!) * 3);
    expect(first.length / unseen.length).toBeGreaterThan(0.5); // chance is 0.1
  });

  it('learns probabilities that separate two classes, whatever the scale of a feature', () => {
    const next = prng(11);
    const rows = Array.from({ length: 400 }, (_, i) => [(i % 2) * 2 + next() * 1.5, next() * 1000]);
    const labels = rows.map((_, i) => i % 2 === 1);
    const { weights, bias } = fitLogistic(rows, labels);
    const p = (x: number[]) => sigmoid(weights[0]! * x[0]! + weights[1]! * x[1]! + bias);
    expect(p([3, 500])).toBeGreaterThan(0.9);
    expect(p([0.2, 500])).toBeLessThan(0.1);
  });
});

describe('which sentences a training question counts as answering it', () => {
  const question = (text: string, tokens: string[], evidence: string): EvalQuestion =>
    ({ id: 'x', kind: 'fact_en', lang: 'en', question: text, answers: tokens, must_contain_any: tokens, source: '001', evidence: [evidence] });
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await Knowledge.open(testConfig({ indexDir: inject('realIndexDir') }), silentLog, { withoutRanker: true });
  });
  const answering = async (q: EvalQuestion) => {
    const e = toExample(q, await knowledge.retrieve(q.question), knowledge.chunks);
    return e.candidates.filter((_, i) => e.positive[i]).map((c) => ({ chunk: c.passage.chunk, text: c.passage.sentences[c.index]!.sentence.text }));
  };

  it('any sentence that names a rare expected answer, also outside the passage of the evidence', async () => {
    const found = await answering(question('Who was the film editor?', ['welfling'], 'Editing by Juliette Welfling incorporated'));
    expect(found.some((s) => s.text.includes('Best Editing (Juliette Welfling)'))).toBe(true);
  });

  it('a sentence with a common expected token ("2012") only in the passage of the evidence', async () => {
    const evidence = 'The edit was finalized in early 2012';
    const found = await answering(question('When was the editing finished?', ['2012'], evidence));
    expect(found.some((s) => s.text.startsWith(evidence))).toBe(true);
    expect(found.filter((s) => s.chunk.lang === 'en').every((s) => contains(s.chunk.text, evidence))).toBe(true);
  });
});

describe('the shipped answer ranker (src/answer/ranker.json)', () => {
  it('refuses weights fitted for other features, saying how to refit them', async () => {
    const model = JSON.parse(await readFile('src/answer/ranker.json', 'utf8')) as RankerModel;
    model.sentence.features = model.sentence.features.slice(1);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'rab-ranker-')), 'ranker.json');
    await writeFile(file, JSON.stringify(model));
    expect(() => loadRanker(file)).toThrow(RankerError);
    expect(() => loadRanker(file)).toThrow(/npm run train/);
  });

  it('is fitted on questions kept apart from the evaluation sets: none is a rewording of an evaluation question', async () => {
    const wordsOf = (q: string) => new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;
    const evaluation = ['tests/eval/questions.jsonl', '../shared/eval/dev.jsonl'].filter((f) => existsSync(f));
    const held = (await Promise.all(evaluation.map(readEvalFile))).flat().map((q) => ({ id: q.id, words: wordsOf(q.question) }));
    const close = (await readEvalFile('tests/eval/train.jsonl')).flatMap((t) => {
      const words = wordsOf(t.question);
      return held.filter((e) => overlap(words, e.words) > 0.5).map((e) => `${t.id} ~ ${e.id}`);
    });
    expect(close).toEqual([]);
  });

  it('is what `npm run train` fits from tests/eval/train.jsonl, so it matches the current features and index', async () => {
    const knowledge = await Knowledge.open(testConfig({ indexDir: inject('realIndexDir') }), silentLog, { withoutRanker: true });
    const questions = await readEvalFile('tests/eval/train.jsonl');
    const examples = [];
    for (const q of questions) examples.push(toExample(q, await knowledge.retrieve(q.question), knowledge.chunks));
    const shipped = loadRanker();
    const fitted = train(examples, shipped.trainedOn).model;
    // A fresh index may differ from the one the weights were fitted on in the last float digits.
    const close = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) < 1e-3);
    expect(close(fitted.sentence.weights, shipped.sentence.weights), 'sentence weights').toBe(true);
    expect(close([...fitted.abstain.weights, fitted.abstain.bias], [...shipped.abstain.weights, shipped.abstain.bias]), 'abstention weights').toBe(true);
    expect(fitted.abstain.threshold).toBeCloseTo(shipped.abstain.threshold, 3);
  }, 120_000);
});

describe('cross-validating the answer ranker', () => {
  it('answers every training question once, through the whole answering path', async () => {
    const knowledge = await Knowledge.open(testConfig({ indexDir: inject('realIndexDir') }), silentLog, { withoutRanker: true });
    const questions = (await readEvalFile('tests/eval/train.jsonl')).slice(0, 24);
    const examples = [];
    for (const q of questions) examples.push(toExample(q, await knowledge.retrieve(q.question), knowledge.chunks));
    const outcomes = await crossValidate(knowledge, examples, DEFAULT_TRAINING, 3);
    expect(outcomes.map((o) => o.question.id).sort()).toEqual(questions.map((q) => q.id).sort());
    expect(outcomes.every((o) => o.abstained || o.citations.length > 0)).toBe(true);
  }, 120_000);
});
