import { diffPlans } from '../diff/diff-plans.js';
import type { FamilyTerms, Plan } from '../model/types.js';
import { ancestry, byVersion, refOf } from './lineage.js';
import type { VersionRef } from './lineage.js';

/** Where each part of one clause comes from. */
export interface BlameLine {
  clause: string;
  /** Absent where the number is not known. */
  number?: string;
  title: string;
  /** The version where the clause first appears in this version's lineage. */
  since: VersionRef;
  /** The last version that changed anything in it (number, wording, terms, status…). */
  lastChanged: VersionRef;
  /** The last version that changed its text. */
  text: VersionRef;
  /** For each term the clause states: the last version that set or changed it. */
  terms: Record<string, VersionRef>;
}

/** A version's clauses, each with the versions that last changed its parts. */
export interface Blame {
  version: string;
  /** The lineage walked, oldest first. */
  lineage: string[];
  clauses: BlameLine[];
}

/**
 * For every clause and every term of a version, the version (with its date
 * and authors) that last changed it, following the chain of parents from the
 * original draft. A clause is followed through each diff's matching, so one
 * that was renamed or renumbered keeps its history.
 *
 * @example
 * blame(family.versions, 'e3-counter-proposal').clauses.find((c) => c.clause === 'army-cap')?.terms.personnelCap.version;
 * // 'e3-counter-proposal'
 */
export function blame(versions: readonly Plan[], version: string, options: { terms?: FamilyTerms } = {}): Blame | undefined {
  const all = byVersion(versions);
  const target = all.get(version);
  if (!target) return undefined;
  const chain = ancestry(target, all);
  const lines = new Map<string, Omit<BlameLine, 'number' | 'title'>>();
  chain.forEach((plan, i) => {
    const ref = refOf(plan);
    const parent = chain[i - 1];
    if (!parent) {
      for (const c of plan.clauses) lines.set(c.id, { clause: c.id, since: ref, lastChanged: ref, text: ref, terms: Object.fromEntries(Object.keys(c.terms ?? {}).map((t) => [t, ref])) });
      return;
    }
    const next = new Map<string, Omit<BlameLine, 'number' | 'title'>>();
    for (const change of diffPlans(parent, plan, { ...options, versions }).clauses) {
      if (!change.to) continue;
      const id = change.to.id;
      const clause = plan.clauses[change.to.index];
      const prior = change.from ? lines.get(change.from.id) : undefined;
      const termsNow = Object.keys(clause?.terms ?? {});
      if (!prior) {
        next.set(id, { clause: id, since: ref, lastChanged: ref, text: ref, terms: Object.fromEntries(termsNow.map((t) => [t, ref])) });
        continue;
      }
      const changedTerms = new Set(change.terms.map((t) => t.term));
      const terms = Object.fromEntries(termsNow.map((t) => [t, changedTerms.has(t) || !prior.terms[t] ? ref : (prior.terms[t] as VersionRef)]));
      const touched = change.kind !== 'unchanged' && change.kind !== 'moved';
      next.set(id, { clause: id, since: prior.since, lastChanged: touched ? ref : prior.lastChanged, text: change.text ? ref : prior.text, terms });
    }
    lines.clear();
    for (const [k, v] of next) lines.set(k, v);
  });
  return {
    version,
    lineage: chain.map((p) => p.version),
    clauses: target.clauses.map((c) => ({ ...(lines.get(c.id) as Omit<BlameLine, 'number' | 'title'>), ...(c.number !== undefined ? { number: c.number } : {}), title: c.title })),
  };
}
