/**
 * Terms that left one clause for a new one of the same topic. Another hand often splits a clause
 * in two (the US point on humanitarian measures becomes "return of deported children" and "all-
 * for-all exchange"): the partner keeps most of it, and the term the new part carries would read
 * as dropped though the version still says it. Such a term is told as now stated in that clause.
 */
import type { Clause } from '../model/types.js';
import { termKey, termStatements } from '../util/term-key.js';
import { describeClause } from './describe-clause.js';
import { asMoved } from './describe-term.js';
import { termSpec } from './term-kinds.js';
import type { ClauseChange } from './types.js';

/**
 * Marks, in place, the term changes of paired clauses whose term is stated elsewhere: a term a
 * clause drops that exactly one clause of the new version states with the same value, a clause of
 * the old clause's topic with no partner (added, or a part of a split or merge) that the diff ranks
 * (not unconfirmed where its version is surer, not carried over unseen); a term a clause gains that
 * exactly one such clause of the old version stated. Not in the catch-all topic `other`, whose term
 * names each writer chooses. The term keeps its weight: that the two clauses are one clause split is
 * the reader's to judge, and a drop is never hidden by it. The lines of the clauses so marked are told again.
 */
export function markMovedTerms(changes: ClauseChange[], a: readonly Clause[], b: readonly Clause[], schema: object | undefined): void {
  // The clauses of each side that may hold a term that moved: alone on their side, and ranked.
  const open = { a: new Set<number>(), b: new Set<number>() };
  for (const c of changes) {
    if ((c.from && c.to) || c.uncertain || c.carried) continue;
    if (c.from) open.a.add(c.from.index);
    if (c.to) open.b.add(c.to.index);
  }
  if (!open.a.size && !open.b.size) return;
  const holderIn = { a: holders(a, open.a), b: holders(b, open.b) };
  for (const c of changes) {
    if (!c.from || !c.to || !c.terms.length) continue;
    const [ca, cb] = [a[c.from.index] as Clause, b[c.to.index] as Clause];
    let marked = false;
    c.terms = c.terms.map((t) => {
      if (t.unreported || t.unstated || t.elsewhere || t.change === 'changed') return t;
      // A cap dropped and a level set are one change told twice ("level replaces cap"): not a move.
      if (c.terms.some((o) => o !== t && o.says === t.says)) return t;
      const [topic, value] = t.change === 'removed' ? [ca.topic, t.from] : [cb.topic, t.to];
      if (topic === 'other') return t;
      const there = (t.change === 'removed' ? holderIn.b : holderIn.a)(topic, t.term, value);
      if (!there) return t;
      marked = true;
      return asMoved(t, { id: there.id, ...(there.number !== undefined ? { number: there.number } : {}), title: there.title }, termSpec(topic, t.term, value, schema));
    });
    if (marked) c.says = describeClause(c);
  }
}

/**
 * For the clauses of `list` that may hold a term that moved (`eligible`), the one that states a term of
 * a topic with a value, if exactly one does; the index is built on first need (most diffs move no term)
 * and each answer found once.
 */
function holders(list: readonly Clause[], eligible: ReadonlySet<number>): (topic: string, term: string, value: unknown) => Clause | undefined {
  let stating: ReturnType<typeof termStatements> | undefined;
  const answers = new Map<string, Clause | undefined>();
  return (topic, term, value) => {
    const key = termKey(topic, term, value);
    if (answers.has(key)) return answers.get(key);
    const found = (stating ??= termStatements(list, eligible))(topic, term, value);
    const one = found.length === 1 ? list[found[0] as number] : undefined;
    answers.set(key, one);
    return one;
  };
}
