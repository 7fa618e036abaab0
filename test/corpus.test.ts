/**
 * The evaluation corpus as a test: the figures `npm run eval` prints must not
 * fall below the targets (matching) or below what was measured when the
 * thresholds were set (key changes), so a regression fails CI. EVAL.md has
 * the figures of one run and what the misses are.
 */
import { describe, expect, it } from 'vitest';
import * as lib from 'peaceplan';
import { fileURLToPath } from 'node:url';
import { evaluateCorpus } from './eval/evaluate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Result {
  name: string;
  rewrite: boolean;
  truth: number;
  right: number;
  wrong: string[];
  keys: Array<{ point: string; kind: string; rank: number | null }>;
  violations: string[];
  positional: number;
}
interface Totals {
  rewriteRecall: number;
  rewriteWrong: number;
  wrong: number;
  keysInTop10: number;
  keys: number;
  violations: number;
  positional: number;
  looWrong: number;
  looTrials: number;
  looBest: number;
}

describe('the evaluation corpus (test/corpus)', () => {
  const { results, totals } = evaluateCorpus(lib, root) as { results: Result[]; totals: Totals };

  it('pairs at least 90 % of the clauses that another hand rewrote, and never wrongly', () => {
    expect(totals.rewriteRecall).toBeGreaterThanOrEqual(0.9);
    expect(totals.rewriteWrong).toBe(0);
    expect(totals.wrong).toBe(0);
  });

  it('pairs nothing wrongly when the true partner is taken away, with room above the best orphan', () => {
    expect(totals.looTrials).toBeGreaterThan(200);
    expect(totals.looWrong).toBe(0);
    expect(lib.MATCH.pair - totals.looBest).toBeGreaterThanOrEqual(0.05);
  });

  it('pairs list items by identity everywhere', () => {
    expect(totals.positional).toBe(0);
  });

  it('puts every annotated key change of the shipped drafts US → E3 in the top 10, however the E3 file is disguised', () => {
    for (const r of results.filter((x) => /^us → e3 /.test(x.name))) {
      expect(r.keys.filter((k) => k.rank === null), r.name).toEqual([]);
    }
  });

  it('keeps the measured share of key changes in the top 10 (a floor against regressions, not the target)', () => {
    // Measured 76 of 98 when the ranking was set; EVAL.md lists the misses and why.
    expect(totals.keysInTop10).toBeGreaterThanOrEqual(76);
  });

  it('claims no removal of a clause that the annotations show on both sides, outside the four-clause Geneva rewrite', () => {
    const outside = results.filter((r) => !r.name.includes('geneva-rw') && !r.name.includes('→ geneva (shuffle)'));
    expect(outside.flatMap((r) => r.violations)).toEqual([]);
  });
});
