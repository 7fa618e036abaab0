import { diffPlans } from '../diff/diff-plans.js';
import type { ClauseChange, PlanDiff } from '../diff/types.js';
import type { Clause, FamilyTerms, Plan } from '../model/types.js';
import { byVersion, parentOf, refOf } from './lineage.js';
import type { VersionRef } from './lineage.js';

/** A clause as one version has it. */
export type ClauseState = Pick<Clause, 'number' | 'title' | 'text' | 'status' | 'certainty'> & { topic: Clause['topic']; terms: Record<string, unknown> };

/** One version's step in a clause's history. */
export interface HistoryStep extends VersionRef {
  parent: string | null;
  /** The clause's id in this version, where it is not the id asked for: another writer renamed it, or it was merged into another clause. */
  id?: string;
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
 * The state of one clause in every version of a family, in lineage order,
 * with what each version did to it against its parent: added, reworded,
 * renumbered, its terms changed, merged into another, removed. The clause is
 * followed as the diff follows it, not by its id alone: where a version names
 * it otherwise (another writer's id, or a clause it was merged into), the step
 * says which (`id`); a version whose child pairs a clause with it, under another
 * id, has it under that id too.
 *
 * @example
 * clauseHistory(family.versions, 'army-cap').steps.map((s) => s.state?.terms.personnelCap ?? 'gone');
 * // [600000, 800000, 'gone']
 */
export function clauseHistory(versions: readonly Plan[], clauseId: string, options: { terms?: FamilyTerms } = {}): ClauseHistory {
  const all = byVersion(versions);
  const diffs = new Map<string, PlanDiff>();
  const diffOf = (parent: Plan, plan: Plan) => {
    let d = diffs.get(plan.version);
    if (!d) diffs.set(plan.version, (d = diffPlans(parent, plan, { ...options, versions })));
    return d;
  };
  // The clause's id in each version: its own id where a version has it; else the clause the diff from the parent
  // takes it to (paired, or merged into); else, from a child, the clause the child's diff brings to it.
  const idIn = new Map<string, string | null>();
  const own = (plan: Plan) => plan.clauses.some((c) => c.id === clauseId);
  const forward = (plan: Plan, seen: Set<string>): string | null => {
    if (idIn.has(plan.version)) return idIn.get(plan.version) ?? null;
    let id: string | null = own(plan) ? clauseId : null;
    const parent = parentOf(plan, all);
    if (id === null && parent && !seen.has(parent.version)) {
      const before = forward(parent, new Set([...seen, plan.version]));
      const c = before === null ? undefined : diffOf(parent, plan).clauses.find((x) => x.from?.id === before);
      id = c?.to?.id ?? (c?.kind === 'merged' ? (c.related[0] ?? null) : null);
    }
    idIn.set(plan.version, id);
    return id;
  };
  for (const plan of versions) forward(plan, new Set());
  let back = false;
  for (const plan of [...versions].reverse()) {
    if (idIn.get(plan.version) !== null) continue;
    for (const child of versions) {
      const later = idIn.get(child.version);
      if (child.parent !== plan.version || !later) continue;
      const c = diffOf(plan, child).clauses.find((x) => x.to?.id === later && x.from);
      if (c?.from) {
        idIn.set(plan.version, c.from.id);
        back = true;
        break;
      }
    }
  }
  // An ancestor found from a child: its other children follow it from there.
  if (back) {
    for (const [version, id] of [...idIn]) if (id === null) idIn.delete(version);
    for (const plan of versions) forward(plan, new Set());
  }
  const steps = versions.map((plan): HistoryStep => {
    const parent = parentOf(plan, all);
    const id = idIn.get(plan.version) ?? null;
    const clause = id === null ? undefined : plan.clauses.find((c) => c.id === id);
    const was = parent ? (idIn.get(parent.version) ?? null) : null;
    let change: ClauseChange | null = null;
    if (parent && (clause || was !== null)) {
      change = diffOf(parent, plan).clauses.find((c) => (id !== null && c.to?.id === id && (was === null || c.from?.id === was || !c.from)) || (was !== null && c.from?.id === was)) ?? null;
    }
    return { ...refOf(plan), parent: parent?.version ?? null, ...(id !== null && id !== clauseId ? { id } : {}), state: clause ? stateOf(clause) : null, change };
  });
  return { clause: clauseId, steps, presentIn: steps.filter((s) => s.state).map((s) => s.version) };
}

function stateOf(c: Clause): ClauseState {
  return { ...(c.number !== undefined ? { number: c.number } : {}), title: c.title, topic: c.topic, text: c.text, status: c.status, certainty: c.certainty, terms: { ...((c.terms ?? {}) as Record<string, unknown>) } };
}
