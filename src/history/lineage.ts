import type { Plan } from '../model/types.js';

/** A version as history names it. */
export interface VersionRef {
  version: string;
  date: string;
  /** The stakeholders who wrote it, when the version says. */
  authors: string[];
}

/** The reference to a version. */
export function refOf(plan: Plan): VersionRef {
  return { version: plan.version, date: plan.date, authors: [...(plan.authors ?? [])] };
}

/** Versions by id. */
export function byVersion(versions: readonly Plan[]): Map<string, Plan> {
  return new Map(versions.map((v) => [v.version, v]));
}

/** The version a version revises, when it is in the set. */
export function parentOf(plan: Plan, versions: ReadonlyMap<string, Plan>): Plan | undefined {
  return plan.parent != null ? versions.get(plan.parent) : undefined;
}

/** The chain from the original draft down to `plan`, oldest first (a parent cycle is cut where it closes). */
export function ancestry(plan: Plan, versions: ReadonlyMap<string, Plan>): Plan[] {
  const chain: Plan[] = [];
  const seen = new Set<string>();
  for (let at: Plan | undefined = plan; at && !seen.has(at.version); at = parentOf(at, versions)) {
    seen.add(at.version);
    chain.unshift(at);
  }
  return chain;
}
