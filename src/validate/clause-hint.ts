/**
 * The hint for a clause id that a version of the family does not have: the id
 * nearest by spelling ("did you mean `army-cap`?"), else the clauses whose id or
 * title shares a word of four letters or more with it, else the version's ids
 * (as many as a printed hint holds), so that a writer who named a clause of
 * another author's file can find it without opening that file.
 */
import type { Clause } from '../model/types.js';
import { closestIn } from '../util/closest.js';

/** Characters of ids listed when nothing nearer is found: the hint stays within what `formatError` prints. */
const LISTED = 220;

/** Words of an id or title, lower case, four letters or more. */
function words(s: string): Set<string> {
  return new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 4));
}

/**
 * A hint builder for one version's clauses. The words of each clause are read once; the nearest
 * spelling is measured within closestIn's budget, and the clauses sharing a word are looked for
 * while `budget` clause visits last, so that a hostile list of unknown ids costs little.
 */
export function clauseHint(version: string, clauses: readonly Pick<Clause, 'id' | 'title'>[], budget = 4_000_000): (id: string) => string {
  const near = closestIn(clauses.map((c) => c.id));
  let theirs: Array<Set<string>> | undefined;
  let spent = 0;
  let listing: string | undefined;
  return (id) => {
    const typo = near(id);
    if (typo) return `did you mean \`${typo}\`?`;
    const mine = words(id);
    if (mine.size > 0 && spent + clauses.length <= budget) {
      spent += clauses.length;
      theirs ??= clauses.map((c) => words(`${c.id} ${c.title}`));
      const alike = clauses.filter((_, i) => [...(theirs?.[i] ?? [])].some((w) => mine.has(w))).slice(0, 3);
      if (alike.length) return `name a clause of ${version}; sharing a word with it: ${alike.map((c) => `\`${c.id}\` (${c.title})`).join(', ')}`;
    }
    listing ??= idsListed(version, clauses);
    return listing;
  };
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
