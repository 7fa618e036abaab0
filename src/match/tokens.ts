import type { Clause } from '../model/types.js';

const STOP = new Set('a an and are as at be by for from has have in into is it its of on or that the their this to was were which with will'.split(' '));

/** The content words of a clause (title, text, term names), as a set for similarity. */
export function clauseTokens(c: Clause): Set<string> {
  const text = `${c.title} ${c.text}`.toLowerCase();
  const out = new Set<string>();
  for (const w of text.match(/[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu) ?? []) if (!STOP.has(w) && w.length > 1) out.add(w);
  for (const k of Object.keys(c.terms ?? {})) out.add(`term:${k}`);
  return out;
}

/** |a ∩ b| */
export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) n++;
  return n;
}

/** Dice coefficient of two token sets, 0..1. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return a.size + b.size === 0 ? 1 : (2 * shared(a, b)) / (a.size + b.size);
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

  constructor(sets: ReadonlyArray<ReadonlySet<string> | undefined>, maxPostings = 64) {
    sets.forEach((set, i) => {
      if (!set) return;
      for (const t of set) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
    for (const [t, list] of this.postings) if (list.length > maxPostings) this.postings.delete(t);
  }

  /**
   * For each candidate, an upper bound of the tokens it shares with `set`:
   * the indexed tokens it shares, plus every token of `set` the index left
   * out. Lets callers skip candidates that cannot reach a threshold without
   * computing their similarity.
   */
  sharedAtMost(set: ReadonlySet<string>): Map<number, number> {
    const counts = this.counts(set);
    let unindexed = 0;
    for (const t of set) if (!this.postings.has(t)) unindexed++;
    for (const [i, n] of counts) counts.set(i, n + unindexed);
    return counts;
  }

  private counts(set: ReadonlySet<string>): Map<number, number> {
    const counts = new Map<number, number>();
    for (const t of set) for (const i of this.postings.get(t) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    return counts;
  }
}
