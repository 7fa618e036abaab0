/**
 * The hint for a clause id that a version of the family does not have: the id
 * nearest by spelling ("did you mean `army-cap`?"), else the clauses whose id or
 * title shares most words with it (three letters or more, not "the" or "and":
 * `end-of-war` finds "End of the war, pull-back …"), else the version's ids
 * (as many as a printed hint holds), so that a writer who named a clause of
 * another author's file can find it without opening that file.
 */
import type { Clause } from '../model/types.js';
import { closestIn } from '../util/closest.js';

/** Characters of ids listed when nothing nearer is found: the hint stays within what `formatError` prints. */
const LISTED = 220;

/** Short words that name nothing. */
const FILLER: ReadonlySet<string> = new Set(['the', 'and', 'for', 'its', 'all', 'any', 'not', 'are', 'but', 'was', 'has', 'per', 'via', 'out', 'off', 'who', 'may', 'can', 'one', 'two']);

/** Words of an id or title, lower case, three letters or more, filler left out ("war", "aid" and "isf" name something). */
function words(s: string): Set<string> {
  return new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !FILLER.has(w)));
}

/**
 * A hint builder for one version's clauses. The words of the clauses are indexed once; the nearest
 * spelling is measured within closestIn's budget, and the clauses sharing words are counted while
 * `budget` index entries last, so that a hostile list of unknown ids costs little.
 */
export function clauseHint(version: string, clauses: readonly Pick<Clause, 'id' | 'title'>[], budget = 4_000_000): (id: string) => string {
  const near = closestIn(clauses.map((c) => c.id));
  let index: Map<string, number[]> | undefined;
  let spent = 0;
  let listing: string | undefined;
  return (id) => {
    const typo = near(id);
    if (typo) return `did you mean \`${typo}\`?`;
    index ??= wordIndex(clauses);
    const shared = new Map<number, number>();
    for (const w of words(id)) {
      const holding = index.get(w) ?? [];
      if (spent + holding.length > budget) break;
      spent += holding.length;
      for (const i of holding) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    // The three clauses sharing most words, in their order in the version where as many are shared.
    const best: Array<[number, number]> = [];
    for (const [i, n] of shared) {
      const at = best.findIndex(([j, m]) => n > m || (n === m && i < j));
      if (at >= 0) best.splice(at, 0, [i, n]);
      else best.push([i, n]);
      if (best.length > 3) best.pop();
    }
    const alike = best.map(([i]) => clauses[i] as Pick<Clause, 'id' | 'title'>);
    if (alike.length) return `name a clause of ${version}; sharing a word with it: ${alike.map((c) => `\`${c.id}\` (${c.title})`).join(', ')}`;
    listing ??= idsListed(version, clauses);
    return listing;
  };
}

/** For each word, the clauses whose id or title holds it, in their order. */
function wordIndex(clauses: readonly Pick<Clause, 'id' | 'title'>[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  clauses.forEach((c, i) => {
    for (const w of words(`${c.id} ${c.title}`)) {
      const list = index.get(w);
      if (list) list.push(i);
      else index.set(w, [i]);
    }
  });
  return index;
}

/** "name a clause of us-28-point: sovereignty, …, and 16 more": as many ids as {@link LISTED} characters hold. */
function idsListed(version: string, clauses: readonly Pick<Clause, 'id'>[]): string {
  const listed: string[] = [];
  let length = 0;
  for (const c of clauses) {
    if (length + c.id.length > LISTED) break;
    listed.push(c.id);
    length += c.id.length + 2;
  }
  if (!listed.length) return `name a clause of ${version}`;
  const rest = clauses.length - listed.length;
  return `name a clause of ${version}: ${listed.join(', ')}${rest ? `, and ${rest} more` : ''}`;
}
