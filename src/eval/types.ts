/** One line of an evaluation file (the format of shared/eval/dev.jsonl). */
export interface EvalQuestion {
  id: string;
  kind: string;
  lang: string;
  question: string;
  answers: string[];
  must_contain_any: string[];
  source: string;
  /** Strings that state the fact, any one of which is evidence (a fact the documents state in several places, or each fact of a multi-part question). */
  evidence: string[];
}

/** What the product did with one question, reduced to what the metrics need. */
export interface EvalOutcome {
  question: EvalQuestion;
  answer: string;
  abstained: boolean;
  confidence: number;
  /** Texts of the retrieved passages, best first. */
  passages: string[];
  /** For each citation: the quote shown and the whole passage it points at. */
  citations: { quote: string; passage: string }[];
  ms: number;
}

export interface Metrics {
  n: number;
  answerable: number;
  hit1: number;
  hit3: number;
  hit5: number;
  mrr: number;
  accuracy: number;
  citationSupport: number;
  citations: number;
  abstention: number;
  abstainable: number;
  falseAbstention: number;
  p50: number;
  p95: number;
}
