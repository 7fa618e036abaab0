import type { PathSegment } from '../errors.js';
import type { Clause, Plan } from '../model/types.js';
import { clone, getOwn, setOwn } from '../util/clone.js';
import { deepEqual } from '../util/deep-equal.js';
import { fingerprint } from '../util/fingerprint.js';
import { sideOf } from './text-diff.js';
import type { ClauseChange, FieldChange, PlanDiff } from './types.js';

/** Why a diff could not be applied. */
export interface DiffConflict {
  /** WRONG_BASE: the plan is not the version the diff was computed from. CONFLICT: a value differs from what the diff expects. PARTIAL_DIFF: the diff left classes of change out (`ignore`), so it cannot rebuild the other version. */
  code: 'WRONG_BASE' | 'CONFLICT' | 'PARTIAL_DIFF';
  message: string;
  /** The clause concerned, by id in the plan. */
  clause?: string;
  path: PathSegment[];
}

/** The outcome of {@link applyDiff}: the new plan, or the conflicts and no change. */
export interface ApplyResult {
  ok: boolean;
  plan?: Plan;
  conflicts: DiffConflict[];
}

/**
 * Applies a diff to the version it was computed from and returns the other
 * version. The input plan is never modified; when the plan is not the diff's
 * base, nothing is applied and the conflicts say why.
 *
 * @example
 * const result = applyDiff(us, diffPlans(us, e3));
 * result.ok; // true, and result.plan equals e3
 */
export function applyDiff(plan: Plan, diff: PlanDiff): ApplyResult {
  if (diff.ignored?.length) {
    return fail({ code: 'PARTIAL_DIFF', message: `the diff leaves out ${diff.ignored.join(', ')}, so it cannot rebuild ${diff.to.version}; make it again without ignore`, path: [] });
  }
  if (fingerprint(plan) !== diff.from.fingerprint) {
    const same = plan.plan === diff.from.plan && plan.version === diff.from.version;
    return fail({
      code: 'WRONG_BASE',
      message: same
        ? `${plan.version} has changed since the diff was made from it`
        : `the diff applies to ${diff.from.plan}/${diff.from.version}, not to ${plan.plan}/${plan.version}`,
      path: [],
    });
  }
  const conflicts: DiffConflict[] = [];
  const out = clone(plan) as unknown as Record<string, unknown>;
  for (const f of diff.meta) applyField(out, f, [], conflicts, undefined);
  const clauses: Clause[] = [];
  const seen = new Set<number>();
  for (const change of diff.clauses) {
    if (change.from) seen.add(change.from.index);
    const next = applyClause(plan.clauses, change, conflicts);
    if (next) clauses.push(next);
  }
  plan.clauses.forEach((c, i) => {
    if (!seen.has(i)) conflicts.push({ code: 'CONFLICT', message: `the diff does not mention clause ${c.id}`, clause: c.id, path: ['clauses', i] });
  });
  if (conflicts.length > 0) return { ok: false, conflicts };
  out.clauses = clauses;
  return { ok: true, plan: out as unknown as Plan, conflicts };
}

function fail(conflict: DiffConflict): ApplyResult {
  return { ok: false, conflicts: [conflict] };
}

/** The clause a change leaves in the new version (or undefined for a gone clause). */
function applyClause(base: readonly Clause[], change: ClauseChange, conflicts: DiffConflict[]): Clause | undefined {
  const { from, to } = change;
  if (!from) return change.clause ? clone(change.clause) : undefined;
  const original = base[from.index];
  const path: PathSegment[] = ['clauses', from.index];
  if (!original || original.id !== from.id) {
    conflicts.push({ code: 'CONFLICT', message: `expected clause ${from.id} at position ${from.index}`, clause: from.id, path });
    return undefined;
  }
  if (!to) {
    if (change.clause && !deepEqual(change.clause, original)) conflicts.push({ code: 'CONFLICT', message: `clause ${from.id} differs from the one the diff removes`, clause: from.id, path });
    return undefined;
  }
  const c = clone(original) as unknown as Record<string, unknown>;
  const wholeTerms = change.fields.some((f) => f.field === 'terms');
  for (const f of change.fields) applyField(c, f, path, conflicts, from.id);
  if (!wholeTerms && change.terms.length > 0) {
    const terms = (getOwn(c, 'terms') ?? {}) as Record<string, unknown>;
    for (const t of change.terms) {
      if (!deepEqual(getOwn(terms, t.term), t.from)) {
        conflicts.push({ code: 'CONFLICT', message: `term ${t.term} of clause ${from.id} is not what the diff expects`, clause: from.id, path: [...path, 'terms', t.term] });
      }
      setOwn(terms, t.term, clone(t.to));
    }
    setOwn(c, 'terms', terms);
  }
  if (change.text) {
    if (c.text !== sideOf(change.text.hunks, 'from')) conflicts.push({ code: 'CONFLICT', message: `the text of clause ${from.id} is not what the diff expects`, clause: from.id, path: [...path, 'text'] });
    c.text = sideOf(change.text.hunks, 'to');
  }
  return c as unknown as Clause;
}

function applyField(target: Record<string, unknown>, f: FieldChange, path: PathSegment[], conflicts: DiffConflict[], clause: string | undefined): void {
  const holder = f.key !== undefined ? (getOwn(target, f.field) as Record<string, unknown> | undefined) : target;
  const name = f.key ?? f.field;
  const at = f.key !== undefined ? [...path, f.field, f.key] : [...path, f.field];
  if (!holder || !deepEqual(getOwn(holder, name), f.from)) {
    conflicts.push({ code: 'CONFLICT', message: `${at.join('.')} is not what the diff expects`, ...(clause ? { clause } : {}), path: at });
    return;
  }
  setOwn(holder, name, clone(f.to));
}
