import type { Clause } from '../model/types.js';
import { lowerBound } from '../util/lower-bound.js';

const STOP = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were which with will'.split(' '),
);

/**
 * A word reduced to what survives rewording by another hand: numbers lose
 * their thousands separators ("600,000" = "600000"), other words keep their
 * first six letters, so "election"/"elections", "recognised"/"recognition"
 * and "guarantees"/"guarantors" meet.
 */
export function stem(word: string): string {
  if (/^\d[\d,.’']*$/.test(word)) return word.replace(/[,’']/g, '');
  return word.length > 6 ? word.slice(0, 6) : word;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Adds the stems of `text` to `out`; hyphenated words count whole and by their parts. */
function addWords(out: Set<string>, text: string): void {
  for (const w of words(text)) {
    if (STOP.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    out.add(stem(w));
    if (w.includes('-')) for (const part of w.split('-')) if (part.length > 1 && !STOP.has(part)) out.add(stem(part));
  }
}

/** Scalar values inside a term value: region names, parties, amounts. */
function addValues(out: Set<string>, v: unknown, depth = 0): void {
  if (depth > 4) return;
  if (typeof v === 'string') addWords(out, v);
  else if (typeof v === 'number' && Number.isFinite(v)) out.add(String(v));
  else if (Array.isArray(v)) for (const x of v.slice(0, 100)) addValues(out, x, depth + 1);
  else if (v && typeof v === 'object') for (const x of Object.values(v).slice(0, 50)) addValues(out, x, depth + 1);
}

/**
 * The terms of a clause as tokens: each name (`term:personnelCap`) and each
 * name with its value (`term:party=ukraine`), so terms every clause carries
 * alike weigh little once rarity is counted.
 */
export function termTokens(c: Clause): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(c.terms ?? {})) {
    out.add(`term:${k}`);
    out.add(`term:${k}=${stable(v).slice(0, 200)}`);
  }
  // A term its version does not report is still a term of the clause, its value unknown.
  for (const k of c.unreported ?? []) out.add(`term:${k}`);
  return out;
}

/** The names of a clause's terms, with those its version does not report. */
export function termNames(c: Clause): Set<string> {
  return new Set([...Object.keys(c.terms ?? {}), ...(c.unreported ?? [])]);
}

/** For each term name, the clauses of a list that name it (indices). */
export function clausesNaming(list: readonly Clause[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  list.forEach((c, k) => {
    for (const n of termNames(c)) {
      const at = m.get(n);
      if (at) at.push(k);
      else m.set(n, [k]);
    }
  });
  return m;
}

/**
 * `tokens` (from {@link termTokens}) without the values of the terms named in
 * `unknown`: where the other clause's version does not report a term, a value
 * on this side can neither agree nor differ with it.
 */
export function withoutValuesOf(tokens: ReadonlySet<string>, unknown: readonly string[] | undefined): ReadonlySet<string> {
  if (!unknown?.length) return tokens;
  const prefixes = unknown.map((k) => `term:${k}=`);
  return new Set([...tokens].filter((t) => !prefixes.some((p) => t.startsWith(p))));
}

/**
 * The content of a clause as a set of tokens for similarity: stems of its
 * title and text, the names of its terms (`term:personnelCap`), and the words
 * and numbers of its term values, so a text that says 600,000 meets a term
 * that says 600000. Term values are compared apart, within a topic
 * ({@link termTokens}).
 */
export function clauseTokens(c: Clause): Set<string> {
  const out = new Set<string>();
  addWords(out, `${c.title} ${c.text}`);
  for (const [k, v] of Object.entries(c.terms ?? {})) {
    out.add(`term:${k}`);
    addValues(out, v);
  }
  return out;
}

/** The stems of a text's words, as a clause's words are counted (common words left out). */
export function textTokens(text: string): Set<string> {
  const out = new Set<string>();
  addWords(out, text);
  return out;
}

/**
 * The stems of a clause's title alone, without its numbers: a number in a
 * title is as often a label ("Article 12", "Point 4") as a term, and the terms
 * and text already weigh the numbers that are terms.
 */
export function titleTokens(c: Clause): Set<string> {
  const out = new Set<string>();
  addWords(out, c.title);
  for (const t of out) if (/^\d/.test(t)) out.delete(t);
  return out;
}

/** JSON with object keys sorted, so the same value written in another key order is the same token. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** |a ∩ b| */
export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) n++;
  return n;
}

/** How much of `part` lies inside `whole`, 0..1. */
export function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  return part.size === 0 ? 0 : shared(part, whole) / part.size;
}

/**
 * An inverted index from token to clause indices, leaving out tokens so common
 * that they would pair everything with everything (that is what keeps
 * candidate search from going quadratic on large plans).
 */
export class TokenIndex {
  private readonly postings = new Map<string, number[]>();
  /** Tokens too common to index, with their clauses in order: looked at only near a place. */
  private readonly common = new Map<string, number[]>();

  constructor(sets: ReadonlyArray<ReadonlySet<string> | undefined>, maxPostings = 64) {
    sets.forEach((set, i) => {
      if (!set) return;
      for (const t of set) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
    for (const [t, list] of this.postings) {
      if (list.length <= maxPostings) continue;
      this.postings.delete(t);
      this.common.set(t, list);
    }
  }

  /**
   * The candidates that may hold at least `share` of the tokens of `set`, in
   * ascending order (callers measure each): those whose indexed tokens in
   * common, with every token of `set` too common to index, reach that share.
   * Each indexed list is at most `maxPostings` long, so the work per set stays
   * bounded however large the plans (a candidate sharing only tokens too common
   * to index is not offered).
   */
  mayHold(set: ReadonlySet<string>, share: number): number[] {
    const size = set.size;
    let misses = 0;
    while (misses < size && (size - misses - 1) / size >= share) misses++;
    const need = size - misses;
    let common = 0;
    const hits = new Map<number, number>();
    for (const t of set) {
      const list = this.postings.get(t);
      if (list) for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
      else if (this.common.has(t)) common++;
    }
    const out: number[] = [];
    for (const [i, n] of hits) if (n + common >= need) out.push(i);
    return out.sort((x, y) => x - y);
  }

  /**
   * The `limit` candidates sharing the most weight of indexed tokens with
   * `set` (ties to the nearest by `distance`, then the earlier): what keeps matching subquadratic
   * when thousands of clauses are unpaired.
   */
  best(set: ReadonlySet<string>, weight: (token: string) => number, limit: number, near = 0): number[] {
    const sums = new Map<number, number>();
    const count = (list: readonly number[], w: number) => {
      for (const i of list) sums.set(i, (sums.get(i) ?? 0) + w);
    };
    for (const t of set) {
      const list = this.postings.get(t);
      if (list) count(list, weight(t));
    }
    // Too few rare words in common: common words count too, but only for the clauses nearest the place.
    if (sums.size < limit) {
      for (const t of set) {
        const list = this.common.get(t);
        if (list) count(nearest(list, near, limit), weight(t));
      }
    }
    const distance = (i: number) => Math.abs(i - near);
    return [...sums].sort((x, y) => y[1] - x[1] || distance(x[0]) - distance(y[0]) || x[0] - y[0]).slice(0, limit).map(([i]) => i);
  }
}

/** The `k` entries of an ascending list nearest to `at` on each side. */
export function nearest(sorted: readonly number[], at: number, k: number): number[] {
  const lo = lowerBound(sorted.length, (i) => (sorted[i] as number) < at);
  return sorted.slice(Math.max(0, lo - k), lo + k);
}
