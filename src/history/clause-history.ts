import { diffPlans } from '../diff/diff-plans.js';
import type { ClauseChange } from '../diff/types.js';
import type { Clause, FamilyTerms, Plan } from '../model/types.js';
import { byVersion, parentOf, refOf } from './lineage.js';
import type { VersionRef } from './lineage.js';

/** A clause as one version has it. */
export type ClauseState = Pick<Clause, 'number' | 'title' | 'text' | 'status' | 'certainty'> & { topic: Clause['topic']; terms: Record<string, unknown> };

/** One version's step in a clause's history. */
export interface HistoryStep extends VersionRef {
  parent: string | null;
  /** The clause in this version; null when the version does not have it. */
  state: ClauseState | null;
  /** What this version did to it, against its parent; null for an original draft or when neither has it. */
  change: ClauseChange | null;
}

/** How one clause got where it is. */
export interface ClauseHistory {
  clause: string;
  /** Every version of the family, in lineage order. */
  steps: HistoryStep[];
  /** The versions that have the clause. */
  presentIn: string[];
}

/**
 * The state of one clause (by id) in every version of a family, in lineage
 * order, with what each version did to it against its parent: added,
 * reworded, renumbered, its terms changed, removed.
 *
 * @example
 * clauseHistory(family.versions, 'army-cap').steps.map((s) => s.state?.terms.personnelCap ?? 'gone');
 * // [600000, 800000, 'gone']
 */
export function clauseHistory(versions: readonly Plan[], clauseId: string, options: { terms?: FamilyTerms } = {}): ClauseHistory {
  const all = byVersion(versions);
  const steps = versions.map((plan): HistoryStep => {
    const parent = parentOf(plan, all);
    const clause = plan.clauses.find((c) => c.id === clauseId);
    const before = parent?.clauses.some((c) => c.id === clauseId) ?? false;
    let change: ClauseChange | null = null;
    if (parent && (clause || before)) {
      change = diffPlans(parent, plan, { ...options, versions }).clauses.find((c) => c.to?.id === clauseId || (c.to === null && c.from?.id === clauseId)) ?? null;
    }
    return { ...refOf(plan), parent: parent?.version ?? null, state: clause ? stateOf(clause) : null, change };
  });
  return { clause: clauseId, steps, presentIn: steps.filter((s) => s.state).map((s) => s.version) };
}

function stateOf(c: Clause): ClauseState {
  return { ...(c.number !== undefined ? { number: c.number } : {}), title: c.title, topic: c.topic, text: c.text, status: c.status, certainty: c.certainty, terms: { ...((c.terms ?? {}) as Record<string, unknown>) } };
}
