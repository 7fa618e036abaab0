import { rank } from '../diff/summarize-diff.js';
import type { PlanDiff } from '../diff/types.js';
import type { DiffImpact } from './types.js';

/** The most a stakeholder's move adds to a change's weight. */
const MOST = 1;

/**
 * The diff with its highlights ranked again knowing the stakeholders: a change
 * of substance that moves stakeholders (the sum of their salience-weighted
 * stance moves, at most 1) ranks higher. Changes without substance stay out.
 *
 * @example
 * const ranked = rankByImpact(diff, diffImpact(diff, positions, { from: us, to: e3 }));
 */
export function rankByImpact(diff: PlanDiff, impact: DiffImpact): PlanDiff {
  const boost = new Map<string, number>();
  for (const c of impact.clauses) {
    const moved = [...c.toward, ...c.away].reduce((s, m) => s + Math.abs(m.delta), 0);
    if (moved > 0) boost.set(c.clause, Math.min(MOST, moved));
  }
  return { ...diff, summary: { ...diff.summary, highlights: rank(diff.clauses, { boost, possible: diff.possiblePairs }) } };
}
