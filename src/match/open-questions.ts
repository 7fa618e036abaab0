/**
 * Questions left open (bracketed or deferred, no terms) say little but their
 * topic: these rules find what such a question leaves open in the other
 * version, among the clauses left free once content has paired what it could.
 */
import { isOpenQuestion } from '../model/clause-state.js';
import type { Clause } from '../model/types.js';
import { round3 } from '../util/round.js';

/**
 * A question left open (bracketed or deferred, no terms) alone among the free
 * clauses of its topic, where the other version has no clause of that topic at
 * all but files clauses under the catch-all `other` (a writer who had no topic
 * for it, such as a family's first author before its terms were written): the
 * catch-all clause that scores best with it is the clause of that topic, as the
 * only clause of a topic is. For each such question, the pairs to score (the
 * caller takes the best, if it scores at least `sole` and neither is nearer
 * another free clause). At most one question per topic, so linear in the clauses.
 */
export function openInCatchAll(a: readonly Clause[], b: readonly Clause[], topicsA: Map<string, number[]>, topicsB: Map<string, number[]>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let all: [Set<string>, Set<string>] | undefined;
  const side = (mine: readonly Clause[], free: Map<string, number[]>, theirs: readonly Clause[], theirFree: Map<string, number[]>, k: 0 | 1) => {
    const others = theirFree.get('other') ?? [];
    if (!others.length) return;
    for (const [topic, list] of free) {
      const q = list[0] as number;
      if (topic === 'other' || list.length !== 1 || !isOpenQuestion(mine[q] as Clause)) continue;
      all ??= [new Set(a.map((c) => c.topic)), new Set(b.map((c) => c.topic))];
      if (all[1 - k]?.has(topic)) continue;
      out.push(others.map((o): [number, number] => (k === 0 ? [q, o] : [o, q])));
    }
  };
  side(a, topicsA, b, topicsB, 0);
  side(b, topicsB, a, topicsA, 1);
  return out;
}

/**
 * A question left open (bracketed or deferred, no terms), the only one of its
 * topic among the free clauses of its version (`topicsA`, `topicsB`: the free
 * clauses by topic), where the other version has
 * exactly one free clause of that topic: that clause is what the question leaves
 * open, as when the two are alone in their topic, though the question's version
 * also holds other clauses of it (a new one, or one the other version has no
 * partner for). Where the other version has several, {@link standingOut} says
 * which it stands for, if any stand out. Each comes with the other
 * free clauses of the topic beside the question: the caller makes the pair only
 * if that clause scores no higher with any of them.
 */
export function openQuestionPairs(
  a: readonly Clause[],
  b: readonly Clause[],
  topicsA: Map<string, number[]>,
  topicsB: Map<string, number[]>,
  scanLimit: number,
): Array<{ q: { side: 0 | 1; at: number }; other: number; rivals: number[] }> {
  const out: Array<{ q: { side: 0 | 1; at: number }; other: number; rivals: number[] }> = [];
  const side = (mine: readonly Clause[], topics: Map<string, number[]>, theirTopics: Map<string, number[]>, k: 0 | 1) => {
    for (const [topic, list] of topics) {
      const questions = list.filter((q) => isOpenQuestion(mine[q] as Clause));
      const theirs = theirTopics.get(topic) ?? [];
      if (topic === 'other' || questions.length !== 1 || theirs.length !== 1) continue;
      const at = questions[0] as number;
      // The other free clauses of the topic beside the question: few, since the rule is for a topic nearly paired.
      out.push({ q: { side: k, at }, other: theirs[0] as number, rivals: list.filter((r) => r !== at).slice(0, scanLimit) });
    }
  };
  side(a, topicsA, topicsB, 0);
  side(b, topicsB, topicsA, 1);
  return out;
}

/** What {@link standingOut} finds for one question: the clauses it stands for, best first. */
export interface StandingOut {
  /** The version the question is in (0: the old, 1: the new) and its index there. */
  side: 0 | 1;
  at: number;
  /** Indices in the other version, best first, with their scores; one or more. */
  standFor: Array<{ at: number; score: number }>;
  /** The mean of their scores. */
  score: number;
}

/**
 * A question left open among several free clauses of its topic in the other
 * version: the clauses that stand out are what it leaves open. They are the
 * best few (at most `max`), each scoring at least `floor`, above a gap: the
 * next clause scores at most 1/`gap` of the last of them, so one clause of the
 * topic at least is left below it. A question that leaves one thing open
 * (disarmament beside a terror-free zone) names it; one that leaves two open in
 * one line (a board and a committee) names both; one whose scores fall off
 * evenly (reconstruction, among three economic clauses of one weight) names
 * none, and nothing is made of it. Questions are taken best first (by the
 * score of the clause each scores highest with), so which takes a clause two
 * of them want does not depend on the order of the file. A generator, so that
 * each question sees the clauses the ones before it took: `free(side, at)`
 * says whether a clause is still free when it is asked. `score(side, q, o)`
 * scores clause `q` of version `side` with clause `o` of the other. At most
 * `scanLimit` clauses of a topic are compared. The gap is measured over the
 * clauses free when the rule begins (`topicsA`, `topicsB`); a clause another
 * question took since is left out of what this one stands for.
 */
export function* standingOut(
  a: readonly Clause[],
  b: readonly Clause[],
  topicsA: Map<string, number[]>,
  topicsB: Map<string, number[]>,
  score: (side: 0 | 1, q: number, o: number) => number,
  free: (side: 0 | 1, at: number) => boolean,
  limits: { gap: number; max: number; floor: number; scanLimit: number },
): Generator<StandingOut> {
  const questions: Array<{ side: 0 | 1; at: number; ranked: Array<{ at: number; score: number }>; best: number }> = [];
  for (const side of [0, 1] as const) {
    const [mine, topics, theirTopics] = side === 0 ? [a, topicsA, topicsB] : [b, topicsB, topicsA];
    for (const [topic, list] of topics) {
      const theirs = (theirTopics.get(topic) ?? []).slice(0, limits.scanLimit);
      if (topic === 'other' || theirs.length < 2) continue;
      for (const q of list.slice(0, limits.scanLimit)) {
        if (!isOpenQuestion(mine[q] as Clause)) continue;
        const ranked = rankedBy(theirs, (o) => score(side, q, o));
        questions.push({ side, at: q, ranked, best: ranked[0]?.score ?? 0 });
      }
    }
  }
  questions.sort((x, y) => y.best - x.best || x.side - y.side || x.at - y.at);
  // Scores do not change as questions are taken: each question's ranking, made once, holds.
  for (const { side, at, ranked } of questions) {
    if (!free(side, at)) continue;
    const last = aboveGap(ranked, limits);
    if (last < 0) continue;
    // The gap is measured over the clauses of the topic left free before this rule; those another question took since
    // are left out of what this one stands for.
    const standFor = ranked.slice(0, last + 1).filter((c) => free((1 - side) as 0 | 1, c.at));
    if (!standFor.length) continue;
    yield { side, at, standFor, score: round3(standFor.reduce((sum, c) => sum + c.score, 0) / standFor.length) };
  }
}

/** Clauses with their scores, best first (ties by place). */
export function rankedBy(clauses: readonly number[], score: (at: number) => number): Array<{ at: number; score: number }> {
  return clauses.map((at) => ({ at, score: score(at) })).sort((x, y) => y.score - x.score || x.at - y.at);
}

/**
 * Where a ranking (best first) falls off: the index of the last of the best
 * few (at most `max`) that each score at least `floor` and lie `gap` times
 * above the next; -1 where none do, or where nothing lies below them.
 */
export function aboveGap(ranked: ReadonlyArray<{ score: number }>, limits: { gap: number; max: number; floor: number }): number {
  for (let n = 0; n < Math.min(limits.max, ranked.length - 1); n++) {
    const [here, next] = [ranked[n]?.score ?? 0, ranked[n + 1]?.score ?? 0];
    if (here < limits.floor) return -1;
    if (here >= limits.gap * next) return n;
  }
  return -1;
}

/**
 * A question left open that content matching paired with one clause of its
 * topic, where that clause and one or two more stand out together (as
 * {@link standingOut} measures them, over `theirs`: the other version's
 * clauses of the topic that are free or paired with a question): the others,
 * which must be free, are what the question leaves open beside its partner
 * ("Board of Peace and technocratic committee left to later phases", paired by
 * its words with the board). Returns them, best first; empty where the partner
 * stands out alone, does not stand out, or a clause standing out with it is taken.
 */
export function besidePartner(
  ranked: ReadonlyArray<{ at: number; score: number }>,
  partner: number,
  free: (at: number) => boolean,
  limits: { gap: number; max: number; floor: number },
): Array<{ at: number; score: number }> {
  const top = ranked.slice(0, aboveGap(ranked, limits) + 1);
  if (top.length < 2 || !top.some((c) => c.at === partner)) return [];
  const others = top.filter((c) => c.at !== partner);
  return others.every((c) => free(c.at)) ? others : [];
}
