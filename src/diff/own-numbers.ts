/**
 * A number one hand names in the catch-all topic `other` and another hand
 * states as a typed term: "deadlineHours: 72" against the family's
 * "releaseDeadline: { hours: 48 }". Names that differ cannot be compared term
 * by term, so the two read as one term dropped and another set; where the
 * names share a word and the numbers a unit, they are one number changed, and
 * told so once: "deadline hours 72 replaces release deadline 48 hours (+50 %)",
 * or "…, the same number as …" where it did not change.
 */
import { deadlineHours, formatNumber, formatValue, isDeadline } from './format-value.js';
import { tellAsOne, toldAsOne, type TermChange } from './describe-term.js';
import { words, type TermSpec } from './term-kinds.js';

/** Words of a term's name that say its unit or nothing of what it counts. */
const UNIT_WORDS: ReadonlySet<string> = new Set(['hours', 'hour', 'days', 'day', 'number', 'count', 'total', 'amount', 'the', 'and', 'per', 'of', 'at', 'least', 'most']);

/** A change's number on its one side, in hours where it is a time: a deadline, or a quantity its name counts in hours or days. */
function numberOf(t: TermChange, spec: TermSpec | undefined): { n: number; hours: boolean; unit?: string } | undefined {
  const v = t.change === 'removed' ? t.from : t.to;
  if (isDeadline(v)) return { n: deadlineHours(v), hours: true };
  if (typeof v !== 'number' || spec?.kind !== 'quantity') return undefined;
  const name = new Set(words(t.term).split(' '));
  if (name.has('hours') || name.has('hour')) return { n: v, hours: true };
  if (name.has('days') || name.has('day')) return { n: 24 * v, hours: true };
  return { n: v, hours: false, ...(spec.unit !== undefined ? { unit: spec.unit } : {}) };
}

/** Two numbers of one unit: both times (in hours), or both counts whose units, where both state one, agree. */
function sameUnit(x: { hours: boolean; unit?: string }, y: { hours: boolean; unit?: string }): boolean {
  return x.hours === y.hours && (x.unit === undefined || y.unit === undefined || x.unit === y.unit);
}

/** The words of what a term counts: its name's and its label's, units left out. */
function nameWords(t: TermChange, spec: TermSpec | undefined): Set<string> {
  const all = `${words(t.term)} ${spec?.label ?? ''}`.toLowerCase().split(/[^a-z]+/);
  return new Set(all.filter((w) => w.length >= 3 && !UNIT_WORDS.has(w)));
}

/** At most this many pairs of a number dropped and a number set are weighed in one clause; a clause with more is left as it is. */
const MAX_WEIGHED = 250_000;

/**
 * Links, in place, a number dropped and a number set under names that differ, where one clause
 * of the pair is in the catch-all topic (its writer named the terms): each pairs with the only
 * other of its unit (hours, or a plain count) whose name shares a word with it, and both changes
 * then say the one change, measured like a quantity (`ratio`, `delta`) and naming each other
 * (`namedOtherwise`). Both stay, so the diff still applies term by term.
 */
export function linkOwnNumbers(changes: TermChange[], specs: ReadonlyMap<string, TermSpec>): TermChange[] {
  // Numbers not told already (a level that replaces a cap), with their unit and the words of their names.
  const numbers = (change: 'added' | 'removed') =>
    changes.flatMap((t) => {
      if (t.change !== change || t.unreported || t.ratio !== undefined || toldAsOne.has(t)) return [];
      const n = numberOf(t, specs.get(t.term));
      return n ? [{ t, n, name: nameWords(t, specs.get(t.term)) }] : [];
    });
  const [gone, set] = [numbers('removed'), numbers('added')];
  if (gone.length * set.length > MAX_WEIGHED) return changes;
  type Num = (typeof gone)[number];
  const alike = (x: Num, y: Num) => sameUnit(x.n, y.n) && [...x.name].some((w) => y.name.has(w));
  for (const g of gone) {
    const found = set.filter((s) => alike(g, s));
    const s = found[0];
    if (found.length !== 1 || !s || gone.filter((o) => alike(o, s)).length !== 1) continue;
    const [x, y] = [g.n.n, s.n.n];
    const show = (t: TermChange, v: unknown) => `${specs.get(t.term)?.label ?? words(t.term)} ${typeof v === 'number' ? formatNumber(v) : formatValue(v)}`;
    tellAsOne(g.t, s.t, x, y, x === y ? `${show(s.t, s.t.to)}, the same number as ${show(g.t, g.t.from)}` : `${show(s.t, s.t.to)} replaces ${show(g.t, g.t.from)}`);
    s.t.namedOtherwise = g.t.term;
    g.t.namedOtherwise = s.t.term;
  }
  return changes;
}
