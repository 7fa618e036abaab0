/**
 * Pairs and groups a version declares itself, before any evidence is weighed:
 * one clause for several of the other version (`covers`), and several clauses
 * that each take part of one (`partOf`).
 */
import type { Clause } from '../model/types.js';
import type { ClauseGroup, ClausePair, MatchMethod } from './match-clauses.js';

/**
 * The groups clauses declare (`covers`): a clause of `b` that covers clauses of
 * `a` (by their ids there) stands for them, merged into it; a clause of `a` that
 * covers clauses of `b`, split into them (the diff read backwards). It pairs
 * with the clause of its own id there (covered or not), else the first it lists; the
 * others it covers are kept from every other pair and group (the sets returned).
 * Then the clauses that each take part of one (`partOf`), split from it.
 */
export function declaredGroups(
  a: readonly Clause[],
  b: readonly Clause[],
  aId: Map<string, number>,
  bId: Map<string, number>,
  aTo: Map<number, ClausePair>,
  bFrom: Map<number, ClausePair>,
  allowed: (i: number, j: number) => boolean,
  pair: (i: number, j: number, method: MatchMethod, score: number) => void,
): { groups: ClauseGroup[]; a: Set<number>; b: Set<number> } {
  const out = { groups: [] as ClauseGroup[], a: new Set<number>(), b: new Set<number>() };
  const declare = (whole: Clause, w: number, ids: Map<string, number>, kind: 'merged' | 'split') => {
    const [wholePaired, partPaired, usedWhole, usedPart] = kind === 'merged' ? [bFrom, aTo, out.b, out.a] : [aTo, bFrom, out.a, out.b];
    if (!whole.covers || wholePaired.has(w) || usedWhole.has(w)) return;
    // A clause that keeps an id of the other version goes on as that clause, whether or not it lists it.
    const parts = [...new Set([...whole.covers, whole.id].map((id) => ids.get(id)).filter((k): k is number => k !== undefined && !partPaired.has(k) && !usedPart.has(k)))].sort((x, y) => x - y);
    const own = ids.get(whole.id);
    const listed = whole.covers.map((id) => ids.get(id)).find((k) => k !== undefined && parts.includes(k));
    const first = own !== undefined && parts.includes(own) ? own : listed;
    if (first === undefined) return;
    const [i, j] = kind === 'merged' ? [first, w] : [w, first];
    if (!allowed(i, j)) return;
    pair(i, j, 'covers', 1);
    usedWhole.add(w);
    for (const k of parts) usedPart.add(k);
    if (parts.length > 1) out.groups.push(kind === 'merged' ? { kind, from: parts, to: [w], score: 1 } : { kind, from: [w], to: parts, score: 1 });
  };
  b.forEach((c, j) => declare(c, j, aId, 'merged'));
  a.forEach((c, i) => declare(c, i, bId, 'split'));
  // Clauses that each take part of one clause of the other version (`partOf`): that clause split into them and the
  // clause that keeps its id; the clause of its id, else the first part, goes on as it.
  const parted = (side: readonly Clause[], other: readonly Clause[], otherIds: Map<string, number>, ownIds: Map<string, number>, kind: 'merged' | 'split') => {
    const [wholePaired, partPaired, usedWhole, usedPart] = kind === 'split' ? [aTo, bFrom, out.a, out.b] : [bFrom, aTo, out.b, out.a];
    const named = new Map<number, number[]>();
    side.forEach((c, k) => {
      // A part the other version already has under its own id is that clause, not news of a split (a file diffed with itself).
      const w = c.partOf !== undefined && !otherIds.has(c.id) ? otherIds.get(c.partOf) : undefined;
      if (w !== undefined && !partPaired.has(k) && !usedPart.has(k)) named.set(w, [...(named.get(w) ?? []), k]);
    });
    for (const [w, naming] of named) {
      if (wholePaired.has(w) || usedWhole.has(w)) continue;
      const keeper = ownIds.get((other[w] as Clause).id);
      const kept = keeper !== undefined && !partPaired.has(keeper) && !usedPart.has(keeper) ? [keeper] : [];
      const parts = [...new Set([...kept, ...naming])].sort((x, y) => x - y);
      // The clause of its id, else the first part in printed order that the user does not forbid.
      const ends = (k: number) => (kind === 'split' ? [w, k] : [k, w]) as [number, number];
      const first = [...kept, ...naming.filter((k) => !kept.includes(k)).sort((x, y) => x - y)].find((k) => allowed(...ends(k)));
      if (first === undefined) continue;
      const [i, j] = ends(first);
      pair(i, j, 'part', 1);
      usedWhole.add(w);
      for (const k of parts) usedPart.add(k);
      if (parts.length > 1) out.groups.push(kind === 'split' ? { kind, from: [w], to: parts, score: 1 } : { kind, from: parts, to: [w], score: 1 });
    }
  };
  parted(b, a, aId, bId, 'split');
  parted(a, b, bId, aId, 'merged');
  return out;
}
