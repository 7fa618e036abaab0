/**
 * Terms that left one clause for another of the same topic. Another hand often splits a clause
 * in two (the US point on humanitarian measures becomes "return of deported children" and "all-
 * for-all exchange"): the partner keeps most of it, and the term the other part now carries read
 * as dropped though the version still says it. Such a term is told as moved, and weighs nothing.
 */
import type { Clause } from '../model/types.js';
import { deepEqual } from '../util/deep-equal.js';
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
  // The one clause of `list` (not `skip`) of `topic` that states `k` as `v` and whose partner on the other side does not.
  const holder = (list: readonly Clause[], partners: ReadonlyMap<number, Clause>, skip: number, topic: string, k: string, v: unknown) => {
    const found = list.filter((c, i) => i !== skip && c.topic === topic && states(c, k, v) && !states(partners.get(i), k, v));
    return found.length === 1 ? found[0] : undefined;
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

