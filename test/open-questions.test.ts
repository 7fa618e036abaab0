/** Which clauses a question left open stands for, among several of its topic: the rule alone, with scores given. */
import { describe, expect, it } from 'vitest';
import { questionOverlap } from '../src/match/evidence.js';
import { aboveGap, besidePartner, standingOut } from '../src/match/open-questions.js';
import type { Clause } from '../src/model/types.js';

const clause = (id: string, status = 'proposed'): Clause => ({ id, topic: 'governance', title: id, text: id, status, certainty: 'reported', sources: ['s1'] }) as Clause;
const limits = { gap: 1.5, max: 3, floor: 0.2, scanLimit: 128 };

/** Runs the rule as its caller does (each clause a question stands for is taken), with scores by clause id. */
function standFor(questions: Clause[], others: Clause[], table: Record<string, Record<string, number>>): Record<string, string[]> {
  const taken = new Set<number>();
  const out: Record<string, string[]> = {};
  const topics = (list: Clause[]) => new Map([['governance', list.map((_, i) => i)]]);
  const score = (_side: 0 | 1, q: number, o: number) => table[questions[q]?.id ?? '']?.[others[o]?.id ?? ''] ?? 0;
  const free = (side: 0 | 1, at: number) => side === 0 || !taken.has(at);
  for (const found of standingOut(questions, others, topics(questions), topics(others), score, free, limits)) {
    out[questions[found.at]?.id ?? ''] = found.standFor.map((c) => others[c.at]?.id ?? '');
    for (const c of found.standFor) taken.add(c.at);
  }
  return out;
}

describe('a question left open among several clauses of its topic', () => {
  const both = clause('board-and-committee-later', 'deferred');
  const technocrats = clause('technocrats-open', 'deferred');
  const others = [clause('committee'), clause('board'), clause('pa')];
  const table = { 'board-and-committee-later': { board: 0.343, committee: 0.305, pa: 0.14 }, 'technocrats-open': { committee: 0.311, board: 0.2, pa: 0.12 } };

  it('stands for the clauses above a gap of 1.5, and none where the scores fall off evenly', () => {
    expect(standFor([both], others, table)).toEqual({ 'board-and-committee-later': ['board', 'committee'] });
    expect(standFor([both], others, { 'board-and-committee-later': { board: 0.32, committee: 0.27, pa: 0.23 } })).toEqual({});
    // Below the floor, nothing stands out however large the gap.
    expect(standFor([both], others, { 'board-and-committee-later': { board: 0.19, committee: 0.05, pa: 0.01 } })).toEqual({});
  });

  it('takes the questions best first, so the order of the file does not decide which takes a clause both want', () => {
    const expected = { 'board-and-committee-later': ['board', 'committee'] };
    expect(standFor([both, technocrats], others, table)).toEqual(expected);
    expect(standFor([technocrats, both], others, table)).toEqual(expected);
  });

  it('measures the gap over the clauses free when the rule began: one another question took is left out, not a reason to stand for none', () => {
    // The reform question scores highest and takes the reform; the board and the committee still stood out above it.
    const reform = clause('reform-later', 'deferred');
    const scores = { ...table, 'reform-later': { pa: 0.36, committee: 0.1, board: 0.1 } };
    expect(standFor([both, reform], others, scores)).toEqual({ 'reform-later': ['pa'], 'board-and-committee-later': ['board', 'committee'] });
  });
});

describe('the clauses that stand out beside a partner content found', () => {
  const ranked = (...scores: number[]) => scores.map((score, at) => ({ at, score }));
  const free = () => true;

  it('finds where a ranking falls off by the gap, with something below', () => {
    expect(aboveGap(ranked(0.4, 0.36, 0.1), limits)).toBe(1);
    expect(aboveGap(ranked(0.4, 0.1), limits)).toBe(0);
    expect(aboveGap(ranked(0.4, 0.36), limits)).toBe(-1);
    expect(aboveGap(ranked(0.19, 0.01), limits)).toBe(-1);
    expect(aboveGap(ranked(0.4, 0.39, 0.38, 0.37, 0.1), limits)).toBe(-1);
  });

  it('returns the others standing out with the partner, free, and nothing when the partner stands alone or apart', () => {
    expect(besidePartner(ranked(0.4, 0.36, 0.1), 0, free, limits)).toEqual([{ at: 1, score: 0.36 }]);
    expect(besidePartner(ranked(0.4, 0.36, 0.1), 1, free, limits)).toEqual([{ at: 0, score: 0.4 }]);
    expect(besidePartner(ranked(0.4, 0.1, 0.05), 0, free, limits)).toEqual([]);
    expect(besidePartner(ranked(0.4, 0.36, 0.1), 2, free, limits)).toEqual([]);
    expect(besidePartner(ranked(0.4, 0.36, 0.1), 0, (at) => at !== 1, limits)).toEqual([]);
  });
});

describe("a question's few words against a clause that says them at length", () => {
  it('count halfway between the plain overlap and the share of the question found there', () => {
    // Shared mass 2 of a question of mass 4 against a clause of 64: overlap 2/16, share found 2/4; halfway (geometric) 0.25.
    expect(questionOverlap(2 / 16, 4, 64)).toBeCloseTo(Math.sqrt((2 / 16) * (2 / 4)), 12);
    // A question as long as the clause, or longer, is measured as any clause is; nothing passes 1.
    expect(questionOverlap(0.3, 10, 10)).toBe(0.3);
    expect(questionOverlap(0.3, 20, 5)).toBe(0.3);
    expect(questionOverlap(0.9, 1, 1e6)).toBe(1);
    expect(questionOverlap(0, 4, 64)).toBe(0);
  });
});
