/**
 * Assertions about a PlanDiff, as pure functions: each returns whether it
 * passes and a message that shows what the diff actually holds. The vitest
 * entry registers them with expect.extend; other runners can call them.
 */
import type { ClauseChange, PlanDiff, TermChange } from '../diff/types.js';
import { deepEqual } from '../util/deep-equal.js';
import { isKnownTerm, termsOfTopic } from '../diff/term-kinds.js';
import { closest } from '../util/closest.js';

/** The outcome of a matcher, in the shape `expect.extend` wants. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** What vitest passes as `this` to a matcher; `isNot` is true under `.not`. */
interface MatcherContext {
  isNot?: boolean;
}

/**
 * A clause id in neither version is a mistake in the test (a typo), not a
 * pass: the result fails whether or not the assertion is negated.
 */
function unknownClause(ctx: MatcherContext | void, diff: PlanDiff, id: string): MatcherResult {
  const ids = [...new Set(diff.clauses.flatMap((c) => [c.to?.id, c.from?.id]).filter((x): x is string => x !== undefined))];
  const guess = closest(id, ids);
  return { pass: ctx?.isNot === true, message: () => `clause ${id} is in neither version; ${guess ? `did you mean ${guess}?` : 'check the id'}` };
}

const idOf = (c: ClauseChange) => c.to?.id ?? c.from?.id;
const find = (diff: PlanDiff, id: string) => diff.clauses.find((c) => c.to?.id === id || c.from?.id === id);

function isDiff(value: unknown): value is PlanDiff {
  return typeof value === 'object' && value !== null && (value as PlanDiff).peaceplanDiff === 2 && Array.isArray((value as PlanDiff).clauses);
}

function notADiff(): MatcherResult {
  return { pass: false, message: () => 'expected a PlanDiff (the result of diffPlans)' };
}

function describe(c: ClauseChange | undefined, id: string): string {
  return c ? `clause ${id} is ${c.kind}: ${c.says}` : `clause ${id} is in neither version`;
}

/** Every key of `expected` equals the same key of `actual`. */
function matchesPartial(actual: object, expected: object): boolean {
  return Object.entries(expected).every(([k, v]) => deepEqual((actual as Record<string, unknown>)[k], v));
}

/** The diff changes term `term` of clause `id`, optionally with these fields (from, to, delta, direction…). */
export function toChangeTerm(this: MatcherContext | void, diff: unknown, id: string, term: string, expected?: Partial<TermChange>): MatcherResult {
  if (!isDiff(diff)) return notADiff();
  const clause = find(diff, id);
  if (!clause) return unknownClause(this, diff, id);
  const topic = (clause.to ?? clause.from)?.topic ?? '';
  if (!isKnownTerm(topic, term)) {
    const guess = closest(term, termsOfTopic(topic));
    return { pass: this?.isNot === true, message: () => `${term} is not a term of topic ${topic}; ${guess ? `did you mean ${guess}?` : 'check the name'}` };
  }
  const change = clause.terms.find((t) => t.term === term);
  const pass = change !== undefined && (expected === undefined || matchesPartial(change, expected));
  return {
    pass,
    message: () => {
      const want = `${pass ? 'not ' : ''}to change ${id}.${term}${expected ? ` with ${JSON.stringify(expected)}` : ''}`;
      const got = change ? `it changed: ${JSON.stringify({ from: change.from, to: change.to, delta: change.delta, direction: change.direction })} (${change.says})` : describe(clause, id);
      return `expected the diff ${want}, but ${got}`;
    },
  };
}

function kindMatcher(ctx: MatcherContext | void, kind: 'added' | 'removed', diff: unknown, id: string): MatcherResult {
  if (!isDiff(diff)) return notADiff();
  if (!find(diff, id)) return unknownClause(ctx, diff, id);
  // Added: the clause exists only in the new version (new, or split off); removed: only in the old one.
  const match = diff.clauses.find((c) => (kind === 'added' ? c.to?.id === id && !c.from : c.from?.id === id && !c.to));
  const pass = match !== undefined;
  return { pass, message: () => `expected clause ${id} ${pass ? 'not ' : ''}to be ${kind}, but ${describe(match ?? find(diff, id), id)}` };
}

/** The diff adds clause `id` (a new clause, or a part of a split). */
export function toAddClause(this: MatcherContext | void, diff: unknown, id: string): MatcherResult {
  return kindMatcher(this, 'added', diff, id);
}

/** The diff removes clause `id` (gone, or merged into another). */
export function toRemoveClause(this: MatcherContext | void, diff: unknown, id: string): MatcherResult {
  return kindMatcher(this, 'removed', diff, id);
}

/** The diff renumbers clause `id`, optionally from and to given numbers. */
export function toRenumberClause(this: MatcherContext | void, diff: unknown, id: string, numbers?: { from?: string; to?: string }): MatcherResult {
  if (!isDiff(diff)) return notADiff();
  const clause = find(diff, id);
  if (!clause) return unknownClause(this, diff, id);
  const pass =
    clause !== undefined &&
    clause.renumbered &&
    (numbers?.from === undefined || clause.from?.number === numbers.from) &&
    (numbers?.to === undefined || clause.to?.number === numbers.to);
  const actual = clause?.from && clause.to ? `it is numbered ${clause.from.number} → ${clause.to.number}` : describe(clause, id);
  return { pass, message: () => `expected clause ${id} ${pass ? 'not ' : ''}to be renumbered${numbers ? ` ${numbers.from ?? '?'} → ${numbers.to ?? '?'}` : ''}, but ${actual}` };
}

/** The two versions are the same: no clause and no plan field changed. */
export function toHaveNoChanges(diff: unknown): MatcherResult {
  if (!isDiff(diff)) return notADiff();
  const pass = diff.summary.identical;
  // Clauses first: they are what a test is about; the plan's own fields after.
  const lines = [
    ...diff.clauses.filter((c) => c.kind !== 'unchanged').map((c) => `  ${idOf(c)}: ${c.says}`),
    ...diff.meta.map((f) => `  plan: ${f.says}`),
  ];
  const shown = lines.slice(0, 20);
  const more = lines.length > shown.length ? `\n  … and ${lines.length - shown.length} more` : '';
  return {
    pass,
    message: () => (pass ? 'expected the diff to have changes, but the versions are the same' : `expected no changes, but found:\n${shown.join('\n')}${more}`),
  };
}

/** All matchers, keyed by name, for `expect.extend`. */
export const planDiffMatchers = { toChangeTerm, toAddClause, toRemoveClause, toRenumberClause, toHaveNoChanges };
