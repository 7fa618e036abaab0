/**
 * Terms that left one clause for another of the same topic. Another hand often splits a clause
 * in two (the US point on humanitarian measures becomes "return of deported children" and "all-
 * for-all exchange"): the partner keeps most of it, and the term the other part now carries read
 * as dropped though the version still says it. Such a term is told as moved, and weighs nothing.
 */
import type { Clause } from '../model/types.js';
import { deepEqual } from '../util/deep-equal.js';
import { fingerprint } from '../util/fingerprint.js';
import { describeClause } from './describe-clause.js';
import { asMoved } from './describe-term.js';
import { termSpec } from './term-kinds.js';
import type { ClauseChange } from './types.js';

/**
 * Marks, in place, the term changes of paired clauses that are moves: a term a clause drops that
 * exactly one other clause of the new version, of the old clause's topic, states with the same
 * value and did not state before (it is new, or its old side lacked that value); a term a clause
 * gains that exactly one other clause of the old version stated with the same value and no longer
 * does. The lines of the clauses so marked are told again.
 */
export function markMovedTerms(changes: ClauseChange[], a: readonly Clause[], b: readonly Clause[], schema: object | undefined): void {
  // Each clause's partner on the other side, by index.
  const partnerOfA = new Map<number, Clause>();
  const partnerOfB = new Map<number, Clause>();
  for (const c of changes) {
    if (!c.from || !c.to) continue;
    partnerOfA.set(c.from.index, b[c.to.index] as Clause);
    partnerOfB.set(c.to.index, a[c.from.index] as Clause);
  }
  const states = (c: Clause | undefined, k: string, v: unknown) => c !== undefined && Object.hasOwn(c.terms ?? {}, k) && deepEqual((c.terms as Record<string, unknown>)[k], v);
  // The clauses of each version that state a term of a topic with a value, found on first need: most diffs move no term.
  const stating = new Map<readonly Clause[], Map<string, number[]>>();
  const statingIn = (list: readonly Clause[]) => {
    let m = stating.get(list);
    if (m) return m;
    const index = new Map<string, number[]>();
    list.forEach((c, i) => {
      for (const [k, v] of Object.entries(c.terms ?? {})) {
        const key = keyOf(c.topic, k, v);
        const at = index.get(key);
        if (at) at.push(i);
        else index.set(key, [i]);
      }
    });
    stating.set(list, (m = index));
    return m;
  };
  // The one clause of `list` (not `skip`) of `topic` that states `k` as `v` and whose partner on the other side does not.
  const holder = (list: readonly Clause[], partners: ReadonlyMap<number, Clause>, skip: number, topic: string, k: string, v: unknown) => {
    const found = (statingIn(list).get(keyOf(topic, k, v)) ?? []).filter((i) => i !== skip && states(list[i], k, v) && !states(partners.get(i), k, v));
    return found.length === 1 ? list[found[0] as number] : undefined;
  };
  for (const c of changes) {
    if (!c.from || !c.to || !c.terms.length) continue;
    const [ca, cb] = [a[c.from.index] as Clause, b[c.to.index] as Clause];
    let marked = false;
    c.terms = c.terms.map((t) => {
      if (t.unreported || t.moved || t.change === 'changed') return t;
      // A cap dropped and a level set are one change told twice ("level replaces cap"): not a move.
      if (c.terms.some((o) => o !== t && o.says === t.says)) return t;
      const [there, topic, value] = t.change === 'removed' ? [holder(b, partnerOfB, c.to?.index ?? -1, ca.topic, t.term, t.from), ca.topic, t.from] : [holder(a, partnerOfA, c.from?.index ?? -1, cb.topic, t.term, t.to), cb.topic, t.to];
      if (!there) return t;
      marked = true;
      return asMoved(t, { id: there.id, ...(there.number !== undefined ? { number: there.number } : {}), title: there.title }, termSpec(topic, t.term, value, schema));
    });
    if (marked) c.says = describeClause(c);
  }
}

/** A term of a topic with its value, as one key (values by their fingerprint, so key order inside them does not matter). */
function keyOf(topic: string, term: string, value: unknown): string {
  const v = typeof value === 'object' && value !== null ? fingerprint(value) : `${typeof value}:${String(value)}`;
  return `${topic}\u0000${term}\u0000${v}`;
}
