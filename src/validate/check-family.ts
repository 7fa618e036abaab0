import type { PlanError } from '../errors.js';
import type { Plan } from '../model/types.js';
import type { PlanResult } from '../parse-plan.js';
import { clauseHint } from './clause-hint.js';

/** The versions of a family in lineage order, and what is wrong with the family as a whole. */
export interface FamilyCheck {
  /** Valid versions, every parent before its children; siblings by date, then version id. */
  versions: Plan[];
  /** DUPLICATE_VERSION, PLAN_MISMATCH, UNKNOWN_PARENT and PARENT_CYCLE problems, carriedFrom naming no other version of the family (UNKNOWN_VERSION), a removal naming no clause of the version it drops it from, and a clause covering one its parent lacks (UNKNOWN_CLAUSE). */
  errors: PlanError[];
}

/**
 * Whether a family problem is only that a version a file names (its parent, a version it carries
 * a clause from or says drops one) is not among those checked: no problem where the family is
 * known in part (versions named one by one, a folder of its vocabulary only, a version unread).
 */
export function namesAbsentVersion(e: PlanError): boolean {
  return e.code === 'UNKNOWN_PARENT' || e.code === 'UNKNOWN_VERSION';
}

/**
 * Checks the versions of one plan family against each other: one family id,
 * unique version ids, parents that exist, no parent cycle. Works on parse
 * results so that every problem points into the file that causes it.
 *
 * @param results - one {@link parsePlan} result per file; invalid files are skipped
 * @param family - the family id every version must carry (default: the first valid version's)
 * @example
 * const { versions, errors } = checkFamily([parsePlan(us), parsePlan(e3)]);
 * versions.map((v) => v.version); // ['us-28-point', 'e3-counter-proposal']
 */
export function checkFamily(results: readonly PlanResult[], family?: string): FamilyCheck {
  // Lineage needs only the metadata, so a file with a broken clause still takes part.
  const valid = results.flatMap((r) => {
    const plan = r.plan ?? lineageOf(r.data);
    return plan ? [{ ...r, plan }] : [];
  });
  const errors: PlanError[] = [];
  const expected = family ?? valid[0]?.plan.plan;
  const byVersion = new Map<string, { plan: Lineage; sourceMap: PlanResult['sourceMap'] }>();
  for (const r of valid) {
    const { plan, sourceMap } = r;
    if (expected !== undefined && plan.plan !== expected) {
      errors.push(sourceMap.errorFor(['plan'], { code: 'PLAN_MISMATCH', message: `this version belongs to \`${plan.plan}\`, not to the family \`${expected}\``, hint: `write plan: ${expected}, or move the file to its own family folder` }));
      continue;
    }
    const first = byVersion.get(plan.version);
    if (first) {
      errors.push(sourceMap.errorFor(['version'], { code: 'DUPLICATE_VERSION', message: `version \`${plan.version}\` is defined twice`, hint: `also defined in ${first.sourceMap.file}` }));
      continue;
    }
    byVersion.set(plan.version, r);
  }
  for (const { plan, sourceMap } of byVersion.values()) {
    if (plan.parent != null && !byVersion.has(plan.parent)) {
      errors.push(sourceMap.errorFor(['parent'], { code: 'UNKNOWN_PARENT', message: `the parent version \`${plan.parent}\` is not in the family`, hint: `known versions: ${[...byVersion.keys()].join(', ')}` }));
    }
  }
  // A clause carried over from another version names one the family has, and not its own.
  for (const r of results) {
    if (!r.plan || byVersion.get(r.plan.version)?.plan !== r.plan) continue;
    const own = r.plan.version;
    r.plan.clauses.forEach((c, i) => {
      if (c.carriedFrom === undefined || (byVersion.has(c.carriedFrom) && c.carriedFrom !== own)) return;
      const self = c.carriedFrom === own;
      errors.push(r.sourceMap.errorFor(['clauses', i, 'carriedFrom'], {
        code: self ? 'INVALID_VALUE' : 'UNKNOWN_VERSION',
        message: self ? `clause \`${c.id}\` is carried from its own version` : `clause \`${c.id}\` is carried from \`${c.carriedFrom}\`, which is not in the family`,
        hint: self ? 'name the version whose text it repeats' : `known versions: ${[...byVersion.keys()].join(', ')}`,
      }));
    });
  }
  // A clause reported dropped names a clause of the version it is dropped from (the parent, unless it says);
  // a clause reported new is not a clause of the version it is new since (the parent, unless it says).
  const full = new Map(results.flatMap((r) => (r.plan && byVersion.get(r.plan.version)?.plan === r.plan ? [[r.plan.version, r.plan] as const] : [])));
  // One hint builder per version named, so that its words are read once and its budgets hold across every entry.
  const hints = new Map<Plan, (id: string) => string>();
  const hintFor = (p: Plan) => hints.get(p) ?? hints.set(p, clauseHint(p.version, p.clauses)).get(p) as (id: string) => string;
  for (const r of results) {
    if (!r.plan || full.get(r.plan.version) !== r.plan) continue;
    const own = r.plan;
    const lists = [
      { field: 'removed', key: 'from', entries: (own.removed ?? []).map((x) => ({ clause: x.clause, other: x.from })) },
      { field: 'added', key: 'since', entries: (own.added ?? []).map((x) => ({ clause: x.clause, other: x.since })) },
    ] as const;
    for (const { field, key, entries } of lists) {
      entries.forEach((entry, i) => {
        // A parent the family lacks is reported once, as UNKNOWN_PARENT.
        if (entry.other === undefined && own.parent != null && !byVersion.has(own.parent)) return;
        const other = entry.other ?? own.parent ?? undefined;
        const source = other !== undefined && other !== own.version ? full.get(other) : undefined;
        if (source) {
          const there = source.clauses.some((c) => c.id === entry.clause);
          if (field === 'removed' && !there) {
            errors.push(r.sourceMap.errorFor([field, i, 'clause'], { code: 'UNKNOWN_CLAUSE', message: `clause \`${entry.clause}\` is not in \`${other}\`, which this version is said to drop it from`, hint: hintFor(source)(entry.clause) }));
          }
          if (field === 'added' && there) {
            errors.push(r.sourceMap.errorFor([field, i, 'clause'], { code: 'INVALID_VALUE', message: `clause \`${entry.clause}\` is said to be new since \`${other}\`, which has a clause of that id`, hint: `if it is that clause, it is not new: take it out of \`added\`; else give it an id of its own` }));
          }
          return;
        }
        // A version the family has not got (or none named, and no parent) leaves the entry without its version.
        if (other !== undefined && byVersion.has(other) && other !== own.version) return; // present but invalid: reported with its own file
        const what = field === 'removed' ? 'a removal' : 'an addition';
        errors.push(r.sourceMap.errorFor(entry.other !== undefined ? [field, i, key] : [field, i], {
          code: other === undefined || other === own.version ? 'INVALID_VALUE' : 'UNKNOWN_VERSION',
          message: other === undefined ? `${what} needs the version it ${field === 'removed' ? 'drops the clause from' : 'is new since'}, and this version has no parent` : other === own.version ? `${what} names its own version` : `the version \`${other}\` is not in the family`,
          hint: other === undefined ? `write \`${key}: <version>\`` : `known versions: ${[...byVersion.keys()].join(', ')}`,
        }));
      });
    }
  }
  // A clause that covers others, or takes part of one, names clauses of the parent.
  for (const r of results) {
    if (!r.plan || full.get(r.plan.version) !== r.plan) continue;
    const own = r.plan;
    const parent = own.parent != null ? full.get(own.parent) : undefined;
    if (own.parent != null && !parent) continue; // no parent (reported once, as UNKNOWN_PARENT), or an invalid one
    const known = new Set(parent?.clauses.map((p) => p.id) ?? []);
    const hint = parent ? hintFor(parent) : undefined;
    own.clauses.forEach((c, i) => {
      const named: Array<[string, Array<string | number>]> = [...(c.covers ?? []).map((id, j) => [id, ['clauses', i, 'covers', j]] as [string, Array<string | number>]), ...(c.partOf !== undefined ? [[c.partOf, ['clauses', i, 'partOf']] as [string, Array<string | number>]] : [])];
      named.forEach(([id, at], j) => {
        if (known.has(id) || (!parent && j > 0)) return;
        errors.push(r.sourceMap.errorFor(at, {
          code: parent ? 'UNKNOWN_CLAUSE' : 'INVALID_VALUE',
          message: parent ? `clause \`${id}\` is not in the parent \`${parent.version}\`` : `clause \`${c.id}\` ${c.covers ? 'covers clauses' : 'takes part of a clause'} of a parent, and this version has none`,
          hint: hint ? hint(id) : 'write the parent version in `parent`',
        }));
      });
    });
  }
  const inCycle = findCycles(byVersion);
  for (const version of inCycle) {
    const r = byVersion.get(version);
    if (r) errors.push(r.sourceMap.errorFor(['parent'], { code: 'PARENT_CYCLE', message: `the parent links of \`${version}\` lead back to itself`, hint: 'an original draft has `parent: null`' }));
  }
  const complete = results.flatMap((r) => (r.plan && byVersion.get(r.plan.version)?.plan === r.plan && !inCycle.has(r.plan.version) ? [r.plan] : []));
  return { versions: order(complete), errors };
}

/** The fields that place a version in its family. */
type Lineage = Pick<Plan, 'plan' | 'version' | 'date' | 'parent'>;

/** The lineage fields of data that failed validation elsewhere, when they themselves are sound. */
function lineageOf(data: unknown): Lineage | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const parentOk = d.parent === undefined || d.parent === null || typeof d.parent === 'string';
  if (typeof d.plan !== 'string' || typeof d.version !== 'string' || typeof d.date !== 'string' || !parentOk) return undefined;
  return { plan: d.plan, version: d.version, date: d.date, parent: (d.parent as string | null | undefined) ?? null };
}

/** Versions whose chain of parents returns to them. */
function findCycles(byVersion: Map<string, { plan: Lineage }>): Set<string> {
  const cyclic = new Set<string>();
  for (const start of byVersion.keys()) {
    const seen = new Set<string>();
    let at: string | null | undefined = start;
    while (at != null && byVersion.has(at) && !seen.has(at)) {
      seen.add(at);
      at = byVersion.get(at)?.plan.parent;
    }
    if (at === start) for (const v of seen) cyclic.add(v);
  }
  return cyclic;
}

/** Parents first; among versions ready at the same time, earlier date, then version id. */
function order(plans: Plan[]): Plan[] {
  const known = new Set(plans.map((p) => p.version));
  const placed = new Set<string>();
  const out: Plan[] = [];
  const compare = (a: Plan, b: Plan) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
  let pending = [...plans].sort(compare);
  while (pending.length > 0) {
    const ready = pending.find((p) => p.parent == null || !known.has(p.parent) || placed.has(p.parent));
    if (!ready) break;
    out.push(ready);
    placed.add(ready.version);
    pending = pending.filter((p) => p !== ready);
  }
  return out;
}
