/** The token index offers every set that holds a share of a query, and none whose indexed tokens in common cannot reach it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containment, TokenIndex } from '../src/match/tokens.js';

const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l');
const set = fc.uniqueArray(word, { maxLength: 10 }).map((ws) => new Set(ws));

describe('TokenIndex.mayHold', () => {
  it('offers, in ascending order, every set holding the share, whenever the query has enough indexed tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.option(set, { nil: undefined }), { maxLength: 12 }), set, fc.constantFrom(0.5, 0.6, 0.8, 1), fc.integer({ min: 1, max: 6 }), (sets, query, share, maxPostings) => {
        const index = new TokenIndex(sets, maxPostings);
        const offered = index.mayHold(query, share);
        expect(offered).toEqual([...offered].sort((x, y) => x - y));
        expect(new Set(offered).size).toBe(offered.length);
        // Tokens in more than maxPostings sets are not indexed: a set sharing only those may be left out.
        const counts = new Map<string, number>();
        for (const s of sets) for (const t of s ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
        const indexed = (t: string) => (counts.get(t) ?? 0) > 0 && (counts.get(t) ?? 0) <= maxPostings;
        sets.forEach((s, i) => {
          if (!s || query.size === 0 || containment(query, s) < share) return;
          if (![...query].some((t) => indexed(t) && s.has(t))) return;
          expect(offered, `set ${i} holds ${containment(query, s)} of the query`).toContain(i);
        });
        for (const i of offered) expect(sets[i]).toBeDefined();
        // Nor any set that cannot hold the share: its indexed tokens in common, with the query's tokens too common to
        // index (which it may hold), fall short of it.
        const need = Math.ceil(share * query.size - 1e-9);
        const unindexed = [...query].filter((t) => (counts.get(t) ?? 0) > maxPostings).length;
        for (const i of offered) expect([...query].filter((t) => indexed(t) && sets[i]?.has(t)).length + unindexed).toBeGreaterThanOrEqual(need);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts what each set shares: a set sharing only frequent tokens is not offered when rare ones must be held', () => {
    const sets = [new Set(['x', 'common']), new Set(['x', 'common']), new Set(['rare1', 'rare2', 'common', 'x'])];
    // Holding 3 of 4 query tokens means holding one of the two rarest (rare1, rare2): only set 2 does.
    expect(new TokenIndex(sets).mayHold(new Set(['rare1', 'rare2', 'common', 'x']), 0.75)).toEqual([2]);
    // A query token no set holds is missed by all: one more such token and no set can hold 3 of 4.
    expect(new TokenIndex(sets).mayHold(new Set(['rare1', 'absent1', 'absent2', 'x']), 0.75)).toEqual([]);
  });
});
