import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SENTENCE_FEATURES } from '../src/answer/features.js';
import { ABSTAIN_FEATURES, rankSentences } from '../src/answer/ranker.js';
import { DEFAULT_TRAINING, isAnswering, toExample, train, type Example } from '../src/answer/train.js';
import { crossValidate } from '../src/eval/crossValidate.js';
import { metricsSummary } from '../src/eval/report.js';
import { readEvalFile } from '../src/eval/run.js';
import { Knowledge } from '../src/knowledge.js';
import { run } from './run.js';

/** For each training question whose best-ranked sentence does not answer: that sentence and the best one that does. */
function printMisses(examples: Example[], weights: number[]): void {
  for (const e of examples.filter((x) => x.positive.some(Boolean))) {
    const ranked = rankSentences(weights, e.candidates, e.context);
    const good = ranked.findIndex((c) => isAnswering(e, c));
    if (good === 0) continue;
    console.log(`\n${e.question.id} ${e.question.question}`);
    for (const [label, c] of [['chosen', ranked[0]!], [`answer #${good + 1}`, ranked[good]!]] as const) {
      console.log(`  ${label} (score ${c.score.toFixed(2)}, passage ${c.rank + 1}): ${c.passage.sentences[c.index]!.sentence.text.slice(0, 140)}`);
    }
  }
}

await run(async (config, log) => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { l2: { type: 'string' }, 'max-false-abstention': { type: 'string' }, misses: { type: 'boolean' }, cv: { type: 'boolean' }, out: { type: 'string' } },
  });
  const file = positionals[0] ?? 'tests/eval/train.jsonl';
  const options = {
    l2: Number(values.l2 ?? DEFAULT_TRAINING.l2),
    maxFalseAbstention: Number(values['max-false-abstention'] ?? DEFAULT_TRAINING.maxFalseAbstention),
  };
  const questions = await readEvalFile(file);
  const knowledge = await Knowledge.open(config, log, { buildIfNeeded: true, withoutRanker: true });
  const examples: Example[] = [];
  for (const question of questions) examples.push(toExample(question, await knowledge.retrieve(question.question), knowledge.chunks));

  if (values.cv) {
    console.log(metricsSummary(`${file}, 5-fold cross-validation`, knowledge.manifest.embedder.id, await crossValidate(knowledge, examples, options)));
    return;
  }
  const t = train(examples, { file, questions: questions.length, embedder: knowledge.manifest.embedder.id }, options);
  if (values.misses) printMisses(examples, t.model.sentence.weights);
  console.log(`Trained on ${file}: ${questions.length} questions, ${t.answerable} answerable (${t.reachable} with an answering sentence among those read).`);
  console.log(`On these questions: the best sentence answers ${t.bestAnswers} of ${t.answerable}; abstains on ${t.abstention.toFixed(2)} of the unanswerable and ${t.falseAbstention.toFixed(2)} of the answerable (threshold ${t.model.abstain.threshold.toFixed(3)}).`);
  SENTENCE_FEATURES.forEach((name, i) => console.log(`  sentence ${t.model.sentence.weights[i]!.toFixed(2).padStart(6)}  ${name}`));
  ABSTAIN_FEATURES.forEach((name, i) => console.log(`  abstain  ${t.model.abstain.weights[i]!.toFixed(2).padStart(6)}  ${name}`));
  const out = values.out ?? new URL('../src/answer/ranker.json', import.meta.url).pathname;
  await writeFile(out, `${JSON.stringify(t.model, null, 2)}\n`);
  console.log(`Wrote ${out}`);
});
