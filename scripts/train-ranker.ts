import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { candidatesOf, questionContext, SENTENCE_FEATURES, sentenceFeatures, type Candidate } from '../src/answer/features.js';
import { fitLogistic, fitRanking, sigmoid, type RankingGroup } from '../src/answer/fit.js';
import { ABSTAIN_FEATURES, abstainFeatures, rankSentences, type RankerModel } from '../src/answer/ranker.js';
import { contains } from '../src/eval/metrics.js';
import { readEvalFile } from '../src/eval/run.js';
import type { EvalQuestion } from '../src/eval/types.js';
import { Knowledge } from '../src/knowledge.js';
import type { Retrieval } from '../src/search/retriever.js';
import { run } from './run.js';

/** The most answerable questions the abstention threshold may turn away, as a share of them. */
const MAX_FALSE_ABSTENTION = 0.03;

/**
 * A sentence answers when it holds an expected answer token and its passage holds the evidence
 * (or is in the other language, where the evidence is not quoted word for word).
 */
function answers(c: Candidate, question: EvalQuestion, evidenceLang: string | undefined): boolean {
  const text = c.passage.sentences[c.index]!.sentence.text;
  if (!question.must_contain_any.some((token) => contains(text, token))) return false;
  return contains(c.passage.chunk.text, question.evidence) || c.passage.chunk.lang !== evidenceLang;
}

interface Example {
  question: EvalQuestion;
  retrieval: Retrieval;
  candidates: Candidate[];
  group: RankingGroup;
}

await run(async (config, log) => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { l2: { type: 'string', default: '0.01' }, 'max-false': { type: 'string', default: '0.03' }, misses: { type: 'boolean' } } });
  const l2 = Number(values.l2);
  const file = positionals[0] ?? 'tests/eval/train.jsonl';
  const questions = await readEvalFile(file);
  const knowledge = await Knowledge.open(config, log, { buildIfMissing: true, withoutRanker: true });
  const chunks = knowledge.chunks;

  const examples: Example[] = [];
  for (const question of questions) {
    const retrieval = await knowledge.retrieve(question.question);
    const q = questionContext(retrieval);
    const candidates = candidatesOf(retrieval);
    const evidenceLang = chunks.find((c) => question.evidence && contains(c.text, question.evidence))?.lang;
    const rows = candidates.map((c) => sentenceFeatures(c, q));
    examples.push({ question, retrieval, candidates, group: { rows, positive: candidates.map((c) => answers(c, question, evidenceLang)) } });
  }
  const answerable = examples.filter((e) => e.question.must_contain_any.length > 0);
  const sentenceWeights = fitRanking(answerable.map((e) => e.group), SENTENCE_FEATURES.length, { l2, iterations: 6000 });

  const model: RankerModel = {
    sentence: { features: [...SENTENCE_FEATURES], weights: sentenceWeights },
    abstain: { features: [...ABSTAIN_FEATURES], weights: [], bias: 0, threshold: 0.5 },
    trainedOn: { file, questions: questions.length, embedder: knowledge.manifest.embedder.id },
  };
  const abstainRows = examples.map((e) => abstainFeatures(rankSentences(model, e.candidates, questionContext(e.retrieval)), e.retrieval, questionContext(e.retrieval)));
  const labels = examples.map((e) => e.question.must_contain_any.length > 0);
  const { weights, bias } = fitLogistic(abstainRows, labels, { l2, iterations: 6000 });
  const probabilities = abstainRows.map((x) => sigmoid(x.reduce((s, v, i) => s + v * weights[i]!, bias)));
  const answerableProbabilities = probabilities.filter((_, i) => labels[i]).sort((a, b) => a - b);
  const threshold = answerableProbabilities[Math.floor(Number(values['max-false']) * answerableProbabilities.length)] ?? 0.5;
  model.abstain = { features: [...ABSTAIN_FEATURES], weights, bias, threshold };

  const isPositive = (e: Example, c: Candidate) => e.group.positive[e.candidates.findIndex((x) => x.passage === c.passage && x.index === c.index)]!;
  const top1 = answerable.filter((e) => {
    const ranked = rankSentences(model, e.candidates, questionContext(e.retrieval));
    const ok = ranked[0] !== undefined && isPositive(e, ranked[0]);
    if (!ok && values.misses) {
      const q = questionContext(e.retrieval);
      const good = ranked.findIndex((c) => isPositive(e, c));
      console.log(`\n${e.question.id} ${e.question.question}`);
      for (const [label, c] of [['chosen', ranked[0]], [`answer #${good + 1}`, ranked[good]]] as const) {
        if (!c) continue;
        const f = sentenceFeatures(c, q);
        console.log(`  ${label} (${c.score.toFixed(2)}, passage ${c.rank + 1}): ${c.passage.sentences[c.index]!.sentence.text.slice(0, 140)}`);
        console.log(`    ${f.map((v, i) => `${SENTENCE_FEATURES[i]!.split(' ').map((w) => w.slice(0, 4)).join('.')}=${v.toFixed(2)}`).join(' ')}`);
      }
    }
    return ok;
  });
  const reachable = answerable.filter((e) => e.group.positive.some(Boolean));
  const abstained = probabilities.map((p) => p < threshold);
  if (values.misses) {
    examples.forEach((e, i) => {
      if (abstained[i] === !labels[i]) return;
      console.log(`${labels[i] ? 'abstains' : 'answers '} p=${probabilities[i]!.toFixed(2)} ${abstainRows[i]!.map((v) => v.toFixed(2)).join(' ')} ${e.question.question}`);
    });
  }
  const rate = (xs: boolean[]) => (xs.filter(Boolean).length / Math.max(1, xs.length)).toFixed(2);
  console.log(`Trained on ${file}: ${questions.length} questions (${answerable.length} answerable, ${reachable.length} with an answering sentence read).`);
  console.log(`Best sentence answers: ${top1.length}/${answerable.length}. Abstains on ${rate(abstained.filter((_, i) => !labels[i]))} of the unanswerable, ${rate(abstained.filter((_, i) => labels[i]))} of the answerable (threshold ${threshold.toFixed(3)}).`);
  for (const [name, w] of SENTENCE_FEATURES.map((n, i) => [n, sentenceWeights[i]!] as const)) console.log(`  sentence  ${w.toFixed(2).padStart(6)}  ${name}`);
  for (const [name, w] of ABSTAIN_FEATURES.map((n, i) => [n, weights[i]!] as const)) console.log(`  abstain   ${w.toFixed(2).padStart(6)}  ${name}`);
  const out = new URL('../src/answer/ranker.json', import.meta.url);
  await writeFile(out, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`Wrote ${out.pathname}`);
});
