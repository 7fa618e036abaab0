/**
 * The evidence that two clauses of different versions are the same clause,
 * as another author may have rewritten it: shared words weighted by how rare
 * they are in the two versions (place names, numbers and "amnesty" count more
 * than "Ukraine" or "agreement"), shared term names and values, the topic,
 * the printed number and the place in the draft.
 */
import type { Clause } from '../model/types.js';
import { deepEqual } from '../util/deep-equal.js';

/** Why two clauses were paired (or nearly were). */
export interface MatchEvidence {
  /** Similarity of their words, title and text, rare words weighing more; 0..1. */
  text: number;
  /** Share of their term names in common, with equal values counting double; 0..1. Absent when neither has terms. */
  terms?: number;
  /** True when both have the same topic. */
  sameTopic: boolean;
  /** True when both print the same number. */
  sameNumber: boolean;
  /** How close their places in the drafts are, relative to clauses already paired; 0..1. */
  order: number;
  /** The rarest words they share (stems), at most five. */
  shared: string[];
}

/** Weights of the score: the text carries most; see README "Matching". */
export const WEIGHTS = { text: 0.7, terms: 0.2, sameTopic: 0.1, otherTopic: -0.15, sameNumber: 0.05, order: 0.05 } as const;

/** Inverse document frequencies of tokens over the clauses that take part in matching. */
export class Rarity {
  private readonly idf = new Map<string, number>();
  private readonly fallback: number;

  constructor(sets: Iterable<ReadonlySet<string>>) {
    const df = new Map<string, number>();
    let n = 0;
    for (const s of sets) {
      n++;
      for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.fallback = Math.log(1 + Math.max(1, n));
  }

  weight(token: string): number {
    return this.idf.get(token) ?? this.fallback;
  }

  /** Sum of the weights of a set. */
  mass(set: ReadonlySet<string>): number {
    let m = 0;
    for (const t of set) m += this.weight(t);
    return m;
  }
}

/** Rarity-weighted overlap (Ochiai): the weight of shared tokens over the geometric mean of both masses. */
export function weightedOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, massA: number, massB: number, rarity: Rarity): { score: number; shared: string[] } {
  if (massA === 0 || massB === 0) return { score: 0, shared: [] };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  const both: Array<[string, number]> = [];
  for (const t of small) {
    if (!large.has(t)) continue;
    const w = rarity.weight(t);
    common += w;
    if (!t.startsWith('term:')) both.push([t, w]);
  }
  both.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return { score: common / Math.sqrt(massA * massB), shared: both.slice(0, 5).map(([t]) => t) };
}

/** Term names in common, equal values counting double: |keys ∩| + |equal| over 2 |keys ∪|. */
export function termOverlap(a: Clause, b: Clause): number | undefined {
  const ta = (a.terms ?? {}) as Record<string, unknown>;
  const tb = (b.terms ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(ta), ...Object.keys(tb)]);
  if (keys.size === 0) return undefined;
  let n = 0;
  for (const k of keys) {
    if (!Object.hasOwn(ta, k) || !Object.hasOwn(tb, k)) continue;
    n += deepEqual(ta[k], tb[k]) ? 2 : 1;
  }
  return n / (2 * keys.size);
}

/** The score of the evidence, 0..1 (clamped). */
export function scoreOf(e: Omit<MatchEvidence, 'shared'>): number {
  const text = WEIGHTS.text * e.text;
  // Without terms on either side, the text carries the terms' share too.
  const terms = e.terms === undefined ? WEIGHTS.terms * e.text : WEIGHTS.terms * e.terms;
  const topic = e.sameTopic ? WEIGHTS.sameTopic : WEIGHTS.otherTopic;
  const s = text + terms + topic + (e.sameNumber ? WEIGHTS.sameNumber : 0) + WEIGHTS.order * e.order;
  return Math.max(0, Math.min(1, s));
}
