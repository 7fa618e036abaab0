import { isCarried } from '../model/clause-state.js';
import type { Certainty, Clause, ClauseStatus, Plan, Topic } from '../model/types.js';
import { outletsOf } from '../validate/check-evidence.js';

/** Counts that describe one plan version at a glance. */
export interface PlanSummary {
  plan: string;
  version: string;
  title: string;
  date: string;
  parent: string | null;
  clauses: number;
  /** Clause count per topic, topics in first-appearance order. */
  byTopic: Array<{ topic: Topic; count: number }>;
  byStatus: Record<ClauseStatus, number>;
  byCertainty: Record<Certainty, number>;
  /**
   * How firm the version is: clauses (not carried over) whose sources come from one
   * outlet (outlets of one network count once), clauses resting on state media
   * alone, and clauses carried over unseen.
   */
  evidence: { singleOutlet: number; stateMediaOnly: number; carried: number };
  /** Clauses by whether the version is known to contain them: stated, assumed (carried over unseen) or unknown. */
  byPresence: Record<NonNullable<Clause['presence']>, number>;
  /** Ids of clauses left open for leaders. */
  bracketed: string[];
  /** Ids of clauses put off to a later phase or to talks of their own. */
  deferred: string[];
  /** Ids of clauses of an earlier version this one is reported to drop (its `removed`). */
  removed: string[];
  /** Ids of clauses of this version it is reported to add since an earlier one (its `added`). */
  added: string[];
  sources: number;
}

/**
 * Counts a plan's clauses by topic, status, certainty and presence, and names
 * those left open and those it is reported to drop.
 *
 * @example
 * summarizePlan(plan).byStatus; // { agreed: 0, proposed: 26, bracketed: 2, deferred: 0 }
 */
export function summarizePlan(plan: Plan): PlanSummary {
  const byTopic = new Map<Topic, number>();
  const byStatus: Record<ClauseStatus, number> = { agreed: 0, proposed: 0, bracketed: 0, deferred: 0 };
  const byCertainty: Record<Certainty, number> = { confirmed: 0, reported: 0, unconfirmed: 0 };
  const byPresence: Record<NonNullable<Clause['presence']>, number> = { stated: 0, assumed: 0, unknown: 0 };
  const evidence = { singleOutlet: 0, stateMediaOnly: 0, carried: 0 };
  for (const c of plan.clauses) {
    byPresence[c.presence ?? 'stated']++;
    if (isCarried(c)) evidence.carried++;
    else {
      const { outlets, stateMediaOnly } = outletsOf(c, plan.sources);
      if (stateMediaOnly) evidence.stateMediaOnly++;
      else if (outlets.length === 1) evidence.singleOutlet++;
    }
    byTopic.set(c.topic, (byTopic.get(c.topic) ?? 0) + 1);
    byStatus[c.status]++;
    byCertainty[c.certainty]++;
  }
  return {
    plan: plan.plan,
    version: plan.version,
    title: plan.title,
    date: plan.date,
    parent: plan.parent ?? null,
    clauses: plan.clauses.length,
    byTopic: [...byTopic].map(([topic, count]) => ({ topic, count })),
    byStatus,
    byCertainty,
    byPresence,
    evidence,
    bracketed: plan.clauses.filter((c) => c.status === 'bracketed').map((c) => c.id),
    deferred: plan.clauses.filter((c) => c.status === 'deferred').map((c) => c.id),
    removed: (plan.removed ?? []).map((r) => r.clause),
    added: (plan.added ?? []).map((r) => r.clause),
    sources: Object.keys(plan.sources).length,
  };
}
