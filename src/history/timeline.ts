import { diffPlans } from '../diff/diff-plans.js';
import type { ChangeKind } from '../diff/types.js';
import type { FamilyTerms, Plan } from '../model/types.js';
import { countsLine } from '../render/diff-words.js';
import { byVersion, parentOf, refOf } from './lineage.js';
import type { VersionRef } from './lineage.js';

/** One version in a family's timeline. */
export interface TimelineEntry extends VersionRef {
  title: string;
  /** The version it revises; null for an original draft (or a parent not in the family). */
  parent: string | null;
  /** How many clauses it has. */
  clauses: number;
  /** Clause changes against the parent, by kind; null for an original draft. */
  changes: Record<ChangeKind, number> | null;
  /** One line: "original draft, 28 clauses" or "26 modified, 1 added, 2 removed (0 unchanged)". */
  summary: string;
}

/**
 * The versions of a family in lineage order (parents first, as
 * `loadPlanFamily` returns them), each with its parent and a one-line summary
 * of what it changed.
 *
 * @example
 * timeline(family.versions).map((e) => `${e.version}: ${e.summary}`);
 * // ['us-28-point: original draft, 28 clauses', 'e3-counter-proposal: 26 modified, 1 added, 2 removed (0 unchanged); …', …]
 */
export function timeline(versions: readonly Plan[], options: { terms?: FamilyTerms } = {}): TimelineEntry[] {
  const all = byVersion(versions);
  return versions.map((plan) => {
    const parent = parentOf(plan, all);
    const base = { ...refOf(plan), title: plan.title, parent: parent?.version ?? null, clauses: plan.clauses.length };
    if (!parent) return { ...base, changes: null, summary: `original draft, ${plan.clauses.length} clause${plan.clauses.length === 1 ? '' : 's'}` };
    const diff = diffPlans(parent, plan, { ...options, versions });
    return { ...base, changes: { ...diff.summary.counts }, summary: countsLine(diff) };
  });
}
