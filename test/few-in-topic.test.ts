/** A topic left with a few clauses, as many on each side: the rule alone with scores given, then on clauses another hand wrote. */
import { describe, expect, it } from 'vitest';
import { diffPlans, MATCH, matchClauses, renderDiffText } from 'peaceplan';
import type { Clause, Plan } from 'peaceplan';
import { fewInTopic } from '../src/match/few-in-topic.js';

const limits = { max: MATCH.fewMax, gap: MATCH.fewGap, floor: MATCH.sole };
/** The pairs the rule finds in one topic (`aid`), with scores by row (old clause) and column (new clause). */
function pairsOf(grid: number[][], topic = 'aid', extraB = 0): Array<[number, number]> {
  const rows = grid.map((_, i) => i);
  const cols = (grid[0] ?? []).map((_, j) => j);
  const found = fewInTopic(new Map([[topic, rows]]), new Map([[topic, [...cols, ...Array.from({ length: extraB }, (_, k) => cols.length + k)]]]), (i, j) => grid[i]?.[j] ?? 0, limits);
  return found.map((p) => [p.from, p.to]);
}

describe('a topic left with a few clauses on each side', () => {
  it('pairs those that are each other’s best by the gap, in row and column', () => {
    expect(pairsOf([[0.29, 0.12], [0.1, 0.27]])).toEqual([[0, 0], [1, 1]]);
    expect(pairsOf([[0.1, 0.3], [0.31, 0.12]])).toEqual([[0, 1], [1, 0]]);
    // Three on each side; the third row is near two clauses, so it pairs none, while the others still pair.
    expect(pairsOf([[0.3, 0.1, 0.1], [0.1, 0.3, 0.05], [0.05, 0.25, 0.22]])).toEqual([[0, 0]]);
  });

  it('pairs nothing on a tie, under the gap, under the floor, in the catch-all, or when the counts differ or exceed four', () => {
    expect(pairsOf([[0.3, 0.3], [0.1, 0.1]])).toEqual([]);
    expect(pairsOf([[0.3, 0.21], [0.1, 0.3]])).toEqual([]);
    // A column's best is the row's best, but another row comes close to it: not clear.
    expect(pairsOf([[0.3, 0.05], [0.25, 0.4]])).toEqual([[1, 1]]);
    expect(pairsOf([[0.19, 0.01], [0.01, 0.19]])).toEqual([]);
    expect(pairsOf([[0.3, 0.1], [0.1, 0.3]], 'other')).toEqual([]);
    expect(pairsOf([[0.3, 0.1], [0.1, 0.3]], 'aid', 1)).toEqual([]);
    // Four on each side pair (a reply's hostages read into a topic of three); five are more than a few.
    const grid = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0.4 : 0.05)));
    expect(pairsOf(grid(4))).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    expect(pairsOf(grid(5))).toEqual([]);
    expect(pairsOf([[0.4]])).toEqual([]);
  });
});

const base = { status: 'proposed' as const, certainty: 'reported' as const, sources: ['s1'] };
const clause = (id: string, n: number, title: string, text: string, topic = 'humanitarian'): Clause => ({ id, number: String(n), topic, title, text, ...base }) as Clause;
const plan = (version: string, clauses: Clause[]): Plan => ({ peaceplan: 1, plan: 'p', version, title: version, date: '2025-10-09', sources: { s1: { title: 'S', publisher: 'P' } }, clauses }) as Plan;

describe('two aid clauses against two, each rewritten by another hand', () => {
  // The 20-point plan's aid points (volume, distribution) and a first-phase deal's, in other words and order.
  const volume = clause('aid-volume', 7, 'Full aid at once', 'On acceptance, full aid enters Gaza straight away, at least at the levels of the January deal, with hospitals, bakeries and water plants repaired.');
  const channels = clause('aid-distribution', 8, 'Neutral delivery of aid', 'The United Nations, the Red Crescent and other neutral international bodies hand out the aid, and neither party interferes.');
  const trucks = clause('trucks', 5, 'Aid surge with a daily truck number', 'Six hundred lorries a day bring in food and fuel from the January levels on, and hospitals, bakeries and water plants are put back in working order.');
  const agencies = clause('agencies', 6, 'Handing out by UN bodies', 'UN agencies and the Red Crescent distribute what arrives, free of any interference.');
  const older = plan('wh', [volume, channels]);
  const newer = plan('phase', [agencies, trucks]);

  it('pairs each with its clear best, though both score under the content threshold, and says why', () => {
    const m = matchClauses(older.clauses, newer.clauses);
    expect(m.pairs.map((p) => [older.clauses[p.from]?.id, newer.clauses[p.to]?.id]).sort()).toEqual([['aid-distribution', 'agencies'], ['aid-volume', 'trucks']]);
    for (const p of m.pairs) {
      expect(p.method).toBe('topic');
      expect(p.score).toBeLessThan(MATCH.pair);
      expect(p.evidence).toEqual(expect.objectContaining({ fewInTopic: 2 }));
    }
    expect(renderDiffText(diffPlans(older, newer))).toContain("each the other's best of the 2 left in their topic");
  });

  it('pairs nothing when a third clause of the topic is left on one side only, or when the user forbids it', () => {
    const rafah = clause('rafah', 9, 'Rafah crossing', 'The Rafah crossing opens both ways under the January mechanism.');
    expect(matchClauses([...older.clauses, rafah], newer.clauses).pairs.filter((p) => p.evidence?.fewInTopic)).toEqual([]);
    const forbidden = matchClauses(older.clauses, newer.clauses, { forbid: [{ from: 'aid-volume', to: 'trucks' }] });
    expect(forbidden.pairs.map((p) => [older.clauses[p.from]?.id, newer.clauses[p.to]?.id])).toEqual([['aid-distribution', 'agencies']]);
    // Nor when one of them scores higher with a free clause of another topic (content pairs kept out by a high threshold).
    const rebuild = clause('rebuild', 7, 'Full aid and rebuilding at once', 'Full aid and rebuilding begin straight away: hospitals, bakeries and water plants are repaired from the January deal on.', 'reconstruction');
    const near = matchClauses(older.clauses, [...newer.clauses, rebuild], { thresholds: { pair: 0.9 } });
    expect(near.pairs.filter((p) => p.evidence?.fewInTopic).map((p) => [older.clauses[p.from]?.id, [...newer.clauses, rebuild][p.to]?.id])).toEqual([['aid-distribution', 'agencies']]);
  });
});
