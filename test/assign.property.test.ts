/** The assignment of candidate pairs is optimal (against brute force) and valid (each clause at most once). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assign } from '../src/match/assign.js';
import type { Candidate } from '../src/match/assign.js';

/** The best total over every valid choice of pairs, by exhaustive search. */
function bruteForce(candidates: readonly Candidate[]): number {
  let best = 0;
  const walk = (k: number, usedA: Set<number>, usedB: Set<number>, total: number) => {
    if (k === candidates.length) {
      best = Math.max(best, total);
      return;
    }
    walk(k + 1, usedA, usedB, total);
    const c = candidates[k] as Candidate;
    if (usedA.has(c.from) || usedB.has(c.to)) return;
    usedA.add(c.from);
    usedB.add(c.to);
    walk(k + 1, usedA, usedB, total + c.score);
    usedA.delete(c.from);
    usedB.delete(c.to);
  };
  walk(0, new Set(), new Set(), 0);
  return best;
}

const candidates = fc
  .uniqueArray(fc.record({ from: fc.integer({ min: 0, max: 5 }), to: fc.integer({ min: 0, max: 5 }), score: fc.double({ min: 0.01, max: 1, noNaN: true }) }), {
    maxLength: 12,
    selector: (c) => `${c.from},${c.to}`,
  });

describe('assign', () => {
  it('chooses each clause at most once, only among the candidates, for the best total', () => {
    fc.assert(
      fc.property(candidates, (list) => {
        const chosen = assign(list);
        expect(new Set(chosen.map((c) => c.from)).size).toBe(chosen.length);
        expect(new Set(chosen.map((c) => c.to)).size).toBe(chosen.length);
        for (const c of chosen) expect(list).toContainEqual(c);
        const total = chosen.reduce((s, c) => s + c.score, 0);
        expect(total).toBeCloseTo(bruteForce(list), 9);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same pairs whatever the order of the candidates', () => {
    fc.assert(
      fc.property(candidates, fc.func(fc.integer()), (list, key) => {
        const shuffled = [...list].sort((x, y) => key(x.from * 7 + x.to) - key(y.from * 7 + y.to));
        const ids = (cs: Candidate[]) => cs.map((c) => `${c.from},${c.to}`).sort();
        expect(ids(assign(shuffled))).toEqual(ids(assign(list)));
      }),
      { numRuns: 200 },
    );
  });

  it('takes a lopsided group (one clause against thousands) greedily, not as a square of thousands', () => {
    // Solved exactly, this would be a 5,000 × 5,000 matrix and O(n³) steps: the test would not finish.
    const list = Array.from({ length: 5000 }, (_, j) => ({ from: 0, to: j, score: 0.5 + (j % 7) / 100 }));
    const chosen = assign(list);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]?.score).toBeCloseTo(0.56);
  });
});
