/**
 * The topic a clause filed under the catch-all `other` is about, read from the
 * other version: another hand files hostages or aid under `humanitarian` where
 * this one used `other`, and nothing about a topic left with one clause on
 * each side can be said while one of the two carries no topic. A catch-all
 * clause takes the topic of the typed clauses of the other version whose words
 * it shares most, when those stand clearly above every clause of another topic.
 * Words only: a clause put in another's number and place says nothing of what
 * it is about (measured by the replacement trials, EVAL.md). And never a topic
 * its own version files other clauses under: its writer had that topic and
 * chose the catch-all, for term names of its own or because the clause is
 * about something else (reading it there anyway paired orphans, EVAL.md).
 */
import type { Clause } from '../model/types.js';

/** A pair of the content stage, clause `from` of the old version and `to` of the new, with the evidence of their words. */
export interface Scored {
  from: number;
  to: number;
  score: number;
}

/**
 * For each clause of `a` (side 0) and of `b` (side 1) in the catch-all topic,
 * the topic it is read as: the topic of its best typed partner among `scored`
 * (the content stage's candidates, scored by their words), when that score is
 * at least `floor` and at least `gap` times its best with a typed clause of
 * any other topic, and its own version files no clause under that topic.
 * Clauses without such a partner are not read.
 */
export function guessTopics(
  a: readonly Clause[],
  b: readonly Clause[],
  scored: readonly Scored[],
  limits: { floor: number; gap: number },
): [Map<number, string>, Map<number, string>] {
  // For each catch-all clause: its best score per typed topic of the other side.
  const best: [Map<number, Map<string, number>>, Map<number, Map<string, number>>] = [new Map(), new Map()];
  const note = (side: 0 | 1, at: number, topic: string, score: number) => {
    const byTopic = best[side].get(at) ?? new Map<string, number>();
    best[side].set(at, byTopic);
    byTopic.set(topic, Math.max(score, byTopic.get(topic) ?? 0));
  };
  for (const s of scored) {
    const [ta, tb] = [a[s.from]?.topic, b[s.to]?.topic];
    if (ta === 'other' && tb !== undefined && tb !== 'other') note(0, s.from, tb, s.score);
    if (tb === 'other' && ta !== undefined && ta !== 'other') note(1, s.to, ta, s.score);
  }
  const out: [Map<number, string>, Map<number, string>] = [new Map(), new Map()];
  const own = [new Set<string>(a.map((c) => c.topic)), new Set<string>(b.map((c) => c.topic))] as const;
  for (const side of [0, 1] as const) {
    for (const [at, byTopic] of best[side]) {
      const ranked = [...byTopic].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      const [first, second] = ranked;
      if (first && !own[side].has(first[0]) && first[1] >= limits.floor && first[1] >= limits.gap * (second?.[1] ?? 0)) out[side].set(at, first[0]);
    }
  }
  return out;
}
