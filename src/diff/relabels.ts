/**
 * Members of a set that another hand named more or less precisely: the same
 * thing under another label, not a member gone and another come. "world-bank"
 * and "world-bank-financing-package", "nazi-ideology" and
 * "nazi-ideology-and-activity", "ai" and "artificial-intelligence".
 */
import { stem } from '../match/tokens.js';

/** A member that went and one that came which name the same thing. */
export interface Relabel {
  from: string;
  to: string;
  /**
   * Only perhaps the same thing: labels of three or more words that share
   * their first word and all but one of the others ("war-affected-cities",
   * "war-damaged-cities"). Told as "perhaps named otherwise", and weighed as
   * one member changed rather than one gone and one come.
   */
  perhaps?: true;
}

const JOINERS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to']);

/**
 * Pairs the members that went with those that came when they name the same
 * thing: every word of the shorter label is a word of the longer one (compared
 * by stem), or the shorter is the initials of the longer ("eu" for
 * "european-union"). Only pairs that are each other's only such partner are
 * kept, so an ambiguous relabel stays a removal and an addition.
 */
export function relabels(removed: readonly unknown[], added: readonly unknown[]): Relabel[] {
  const gone = removed.filter((x): x is string => typeof x === 'string');
  const come = added.filter((x): x is string => typeof x === 'string');
  if (!gone.length || !come.length) return [];
  const sure = uniquePairs(gone, come, sameThing);
  // Among the members left, those that are perhaps the same thing, by the same one-to-one rule.
  const paired = new Set(sure.flatMap((r) => [r.from, r.to]));
  const perhaps = uniquePairs(gone.filter((x) => !paired.has(x)), come.filter((x) => !paired.has(x)), nearlySameThing);
  return [...sure, ...perhaps.map((r) => ({ ...r, perhaps: true as const }))];
}

/** Pairs of `gone` and `come` that `same` joins and that are each other's only partner. */
function uniquePairs(gone: readonly string[], come: readonly string[], same: (a: string, b: string) => boolean): Relabel[] {
  const partners = (x: string, others: readonly string[]) => others.filter((y) => same(x, y));
  const out: Relabel[] = [];
  for (const from of gone) {
    const candidates = partners(from, come);
    const to = candidates[0];
    if (candidates.length === 1 && to !== undefined && partners(to, gone).length === 1) out.push({ from, to });
  }
  return out;
}

/**
 * Whether two labels perhaps name the same thing: each has three or more
 * words besides joining ones, as many as the other, the same first word (a
 * label's first word is most often the name: "zaporizhzhia-nuclear-plant" and
 * "kursk-nuclear-plant" are not this), and all but one word in common, by stem.
 */
export function nearlySameThing(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)].map((ws) => ws.filter((w) => !JOINERS.has(w)).map(stem));
  if (!x || !y || x.length < 3 || x.length !== y.length || x[0] !== y[0]) return false;
  const others = new Set(y);
  return x.filter((w) => !others.has(w)).length === 1;
}

/** Whether two labels name the same thing, one more precisely than the other. */
export function sameThing(a: string, b: string): boolean {
  if (a === b) return false;
  const [x, y] = [parts(a), parts(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const shortWords = short.filter((w) => !JOINERS.has(w));
  const longStems = new Set(long.filter((w) => !JOINERS.has(w)).map(stem));
  if (shortWords.length && shortWords.every((w) => longStems.has(stem(w)))) return true;
  // An acronym: one word of two or more letters, the initials of the other label (with or without its joining words).
  const word = short[0];
  if (short.length !== 1 || word === undefined || long.length < 2 || !/^[a-z]{2,}$/.test(word)) return false;
  const initials = (ws: string[]) => ws.map((w) => w[0]).join('');
  return word === initials(long) || word === initials(long.filter((w) => !JOINERS.has(w)));
}

/** The words of a label, joining words included. */
function parts(label: string): string[] {
  return label.toLowerCase().split(/[-_\s/.]+/).filter((w) => w.length > 0);
}
