/**
 * Where a clause carried over unseen came from: its clause in the version it
 * repeats (`carriedFrom`), so what its writer changed there can be told from
 * what it only repeats.
 */
import { matchClauses } from '../match/match-clauses.js';
import { isCarried } from '../model/clause-state.js';
import type { Clause, Plan } from '../model/types.js';

/**
 * For each clause of `plans` carried over unseen, its clause in the version it
 * is carried from, when `versions` holds that version: by id, else by content
 * (the same matching as the diff's). Each plan's clauses are matched apart, so
 * two versions carrying the same clause each find it.
 */
export function carriedSources(plans: readonly Plan[], versions: readonly Plan[]): Map<Clause, Clause> {
  const out = new Map<Clause, Clause>();
  for (const plan of plans) {
    for (const [c, source] of sourcesIn(plan.clauses, versions)) out.set(c, source);
  }
  return out;
}

function sourcesIn(clauses: readonly Clause[], versions: readonly Plan[]): Map<Clause, Clause> {
  const out = new Map<Clause, Clause>();
  const bySource = new Map<string, Clause[]>();
  for (const c of clauses) {
    if (!isCarried(c) || c.carriedFrom === undefined) continue;
    const list = bySource.get(c.carriedFrom);
    if (list) list.push(c);
    else bySource.set(c.carriedFrom, [c]);
  }
  for (const [version, carried] of bySource) {
    const source = versions.find((v) => v.version === version);
    if (!source) continue;
    for (const p of matchClauses(source.clauses, carried).pairs) out.set(carried[p.to] as Clause, source.clauses[p.from] as Clause);
  }
  return out;
}
