/**
 * peaceplan/vitest: matchers for tests that assert clause changes between
 * versions. Importing this module registers them with vitest's `expect`:
 *
 * ```ts
 * import 'peaceplan/vitest';
 * expect(diffPlans(us, e3)).toChangeTerm('army-cap', 'personnelCap', { from: 600000, to: 800000 });
 * ```
 */
import { expect } from 'vitest';
import type { TermChange } from '../diff/types.js';
import { planDiffMatchers } from './matchers.js';

expect.extend(planDiffMatchers);

export { planDiffMatchers, toAddClause, toChangeTerm, toHaveNoChanges, toRemoveClause, toRenumberClause } from './matchers.js';
export type { MatcherResult } from './matchers.js';

/** The matchers as vitest sees them on `expect(diff)`. */
export interface PlanDiffMatchers<R = unknown> {
  /** The diff changes term `term` of clause `clause`, optionally with these fields (`from`, `to`, `delta`, `direction`…). */
  toChangeTerm(clause: string, term: string, expected?: Partial<TermChange>): R;
  /** The diff adds clause `clause`. */
  toAddClause(clause: string): R;
  /** The diff removes clause `clause`. */
  toRemoveClause(clause: string): R;
  /** The diff renumbers clause `clause`, optionally from and to given numbers. */
  toRenumberClause(clause: string, numbers?: { from?: string; to?: string }): R;
  /** The two versions are the same. */
  toHaveNoChanges(): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends PlanDiffMatchers<T> {}
}
