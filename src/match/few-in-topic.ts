/**
 * A topic left with a few free clauses, as many in each version: the
 * generalisation of the only clause of a topic left on each side. Two aid
 * clauses against two aid clauses, each rewritten by another hand, score under
 * the content threshold; but where each one's best among the other side's is
 * also that clause's best, standing well above the rest, the topic's clauses
 * pair one to one.
 */

/** A pair found, with the number of free clauses its topic had on each side. */
export interface FewPair {
  from: number;
  to: number;
  score: number;
  few: number;
}

/**
 * For each topic but the catch-all `other` with the same number of free
 * clauses in both versions, from two to `max` (`topicsA`, `topicsB`: the free
 * clauses by topic): the pairs of clauses that are each other's best within
 * the topic, scoring at least `floor` and at least `gap` times the next best
 * score in both the row and the column of the pair (so a tie, or a clause
 * near two, pairs nothing). `score(i, j)` scores clause `i` of the old
 * version with clause `j` of the new. At most `max`² scores per topic, so
 * linear in the clauses. The caller checks that each pair is allowed and that
 * neither clause is nearer a free clause of another topic.
 */
export function fewInTopic(
  topicsA: ReadonlyMap<string, readonly number[]>,
  topicsB: ReadonlyMap<string, readonly number[]>,
  score: (i: number, j: number) => number,
  limits: { max: number; gap: number; floor: number },
): FewPair[] {
  const out: FewPair[] = [];
  for (const [topic, is] of topicsA) {
    const js = topicsB.get(topic);
    if (topic === 'other' || !js || is.length !== js.length || is.length < 2 || is.length > limits.max) continue;
    const grid = is.map((i) => js.map((j) => score(i, j)));
    const at = (r: number, c: number) => grid[r]?.[c] ?? 0;
    is.forEach((i, r) => {
      const row = grid[r] ?? [];
      const best = Math.max(...row);
      const c = row.indexOf(best);
      const nextInRow = Math.max(0, ...row.filter((_, k) => k !== c));
      const nextInColumn = Math.max(0, ...is.map((_, k) => (k === r ? 0 : at(k, c))));
      if (best >= limits.floor && best >= limits.gap * nextInRow && best >= limits.gap * nextInColumn) out.push({ from: i, to: js[c] as number, score: best, few: is.length });
    });
  }
  return out;
}
