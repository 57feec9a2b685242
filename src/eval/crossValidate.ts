import { train, type Example, type TrainingOptions } from '../answer/train.js';
import type { Knowledge } from '../knowledge.js';
import { runEval } from './run.js';
import type { EvalOutcome } from './types.js';

/**
 * k-fold cross-validation of the answer ranker on its own training questions: each fold is
 * answered through the whole `/ask` path by a ranker fitted on the other folds. It estimates how
 * the ranker does on questions it has not seen without looking at the evaluation sets.
 */
export async function crossValidate(knowledge: Knowledge, examples: Example[], options: TrainingOptions, folds = 5): Promise<EvalOutcome[]> {
  const outcomes: EvalOutcome[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = examples.filter((_, i) => i % folds === fold);
    const { model } = train(examples.filter((_, i) => i % folds !== fold), { file: `fold ${fold + 1} of ${folds}`, questions: examples.length - held.length, embedder: knowledge.manifest.embedder.id }, options);
    outcomes.push(...(await runEval(knowledge.withRanker(model), held.map((e) => e.question))));
  }
  return outcomes;
}
