/** Types of evaluate.mjs, for the TypeScript test that asserts the corpus figures. */
export interface CaseResult {
  name: string;
  family: string;
  rewrite: boolean;
  /** Added after the thresholds and rules were set; counted apart, by hand (`heldOutBy`; `heldOut` is hand c). */
  heldOut: boolean;
  /** Which held-out hand wrote the case's new side (c, g, h, i); only on held-out cases. */
  hand?: string;
  /** By a later hand, counted apart (`later` totals). */
  later: boolean;
  truth: number;
  pairs: number;
  right: number;
  wrong: string[];
  missed: string[];
  possible: number;
  keys: Array<{ point: string; kind: string; says: string; rank: number | null; asPossiblePair?: number }>;
  violations: string[];
  positional: number;
  /** Splits and merges the diff tells, and those joining clauses the annotators place in different points. */
  groups: number;
  mixedGroups: number;
  highlights: string[];
  scores: number[];
  loo?: { trials: number; wrong: string[]; best: number };
}
export interface Totals {
  rewriteRecall: number;
  rewriteWrong: number;
  recall: number;
  wrong: number;
  keysInTop10: number;
  /** Modifications not found, whose old and new clause share one highlight as a possible pair. */
  keysAsPossiblePairs: number;
  keys: number;
  violations: number;
  positional: number;
  groups: number;
  mixedGroups: number;
  looTrials: number;
  looWrong: number;
  looBest: number;
  weakestTrue: number;
  /** Pairs of key changes (both in the top 10) ranked in the order the annotators gave them, and not. */
  concordant: number;
  discordant: number;
  /** Mean rank of each case's first-annotated key change, where it reached the top 10; null for none. */
  firstRank: number | null;
}
/** The library functions the evaluation calls. */
export interface Library {
  parsePlan: (...args: never[]) => unknown;
  diffPlans: (...args: never[]) => unknown;
  parseTerms: (...args: never[]) => unknown;
}
/** The evaluation corpus: every family's files (read with their terms), lineages and cases. */
export interface Corpus {
  plans: Record<string, unknown>;
  terms: Record<string, unknown>;
  cases: Array<{ from: string; to: string; family: string }>;
}
export function loadCorpus(lib: Library, root: string): Corpus;
/** The options a case is diffed with, as the CLI reads them from the new version's folder: the family's versions and its terms. */
export function withFamily(corpus: Corpus, def: { from: string; to: string; family: string }, options?: Record<string, unknown>): Record<string, unknown> & { versions: unknown[]; terms?: unknown };
/** Replacements at the same number: how often an old clause pairs with another clause of its topic put in its partner's number and place. */
export function replacementTrials(lib: Library, corpus: Corpus, options?: Record<string, unknown>): { trials: number; paired: Array<{ method: string; score: number; pair: string }> };
export function crossedTrials(lib: Library, corpus: Corpus, options?: Record<string, unknown>): { trials: number; paired: Array<{ method: string; score: number; pair: string }> };
export function overAllPairs(lib: Library, corpus: Corpus): { groups: number; across: number; byFamily: Record<string, { filePairs: number; truth: number; right: number; wrong: number }>; sameDraft: { filePairs: number; obligation: number; other: number } };
/** The draft a file of the corpus encodes (`family/draft`), from its alias. */
export function draftOf(key: string): string;
export function evaluateCorpus(lib: Library, root: string, options?: Record<string, unknown>): { results: CaseResult[]; totals: Totals; byFamily: Record<string, Totals>; heldOut: Totals; heldOutBy: Record<string, Totals>; later: Totals };
