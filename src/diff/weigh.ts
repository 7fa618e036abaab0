/**
 * How much a clause change matters to a negotiator: substance (typed terms,
 * status, who is bound, operative language, a clause with its terms coming or
 * going) before wording; bookkeeping (certainty, sources, notes, titles,
 * numbering) never. See README "Ranking".
 */
import type { TermChange } from './describe-term.js';
import { deadlineHours, isAnchoredAsap, isDeadline } from './format-value.js';
import { isOpenStatus } from '../model/clause-state.js';
import type { ClauseChange } from './types.js';

/** Fields that record how a clause is known, not what it does. */
export const METADATA_FIELDS: ReadonlySet<string> = new Set(['id', 'title', 'certainty', 'sources', 'note', 'number', 'presence', 'carriedFrom', 'covers', 'partOf', 'unreported']);

/** Clause fields weighed on their own rules above, not as "other fields": conditions and options by what changed in them (a condition only named otherwise or reworded, nothing). */
const WEIGHED_APART: ReadonlySet<string> = new Set(['status', 'parties', 'conditions', 'options']);

/**
 * How big one term change is, 0..1.5: a 33 % cap change, a step down a ladder, a set losing a member (0 for a member only named otherwise).
 * A change of kind (an unordered enum) weighs as a yes/no flip, a two-valued enum: more than one step along a ladder.
 */
export function termMagnitude(t: TermChange): number {
  // A term one version does not report has no change to weigh.
  if (saysNothing(t) || t.unreported) return 0;
  // A number named otherwise across the catch-all weighs once, on the term set, by its size (a rename weighs nothing).
  if (t.namedOtherwise !== undefined) return t.change === 'added' && t.ratio !== undefined && t.ratio > 0 ? ratioSize(t.ratio) : 0;
  // A term written on one side only: a little for a value, more for a list of several entries.
  // A quantity that replaced one of another kind (a level for a cap) is measured against it.
  if (t.change === 'added' && t.kind === 'quantity' && t.ratio !== undefined && t.ratio > 0) return Math.max(0.3, ratioSize(t.ratio));
  if (t.change !== 'changed') {
    const v = t.change === 'added' ? t.to : t.from;
    return Array.isArray(v) ? Math.min(1, 0.3 + 0.15 * v.length) : 0.3;
  }
  switch (t.kind) {
    case 'quantity':
    case 'money':
      return t.ratio !== undefined && t.ratio > 0 ? ratioSize(t.ratio) : 0.5;
    case 'ordered':
      return Math.min(1, 0.4 * Math.abs(t.delta ?? 1));
    case 'deadline':
      // A fixed deadline becoming "as soon as possible" (or the reverse) is a change of kind; days compare by ratio.
      if (isAsap(t.from) !== isAsap(t.to)) return 1;
      return deadlineRatio(t.from, t.to) ?? 0.5;
    case 'set': {
      // A member another hand named more or less precisely is not a change of substance; one perhaps
      // named otherwise counts as one member changed, not as one gone and one come.
      const renamed = (t.relabelled ?? []).reduce((n, r) => n + (r.perhaps ? 1 : 2), 0);
      return Math.min(1, 0.3 * ((t.added?.length ?? 0) + (t.removed?.length ?? 0) - renamed));
    }
    case 'list':
    case 'record': {
      const inner = (t.changes ?? []).reduce((s, c) => s + termMagnitude(c), 0);
      return Math.min(1.5, inner + 0.4 * ((t.added?.length ?? 0) + (t.removed?.length ?? 0)));
    }
    case 'duration':
    case 'date':
      return t.direction === 'restated' ? 0.1 : 0.5;
    case 'boolean':
    case 'enum':
      return 0.6;
    default:
      return 0.5;
  }
}

/**
 * The weight of a change, 0 for nothing of substance (such changes never
 * reach the highlights): terms 5–6.5 by the size of the biggest change (the
 * others count a quarter), a clause added or removed
 * 5 plus up to 1.5 for the terms it carries (4 without terms; 1 to 1.45 by its
 * terms when the other version is known only in part, so it may be there
 * unreported, and 1.5 to 1.95 when its removal, or its being new, rests on one report: below every change that version states), a status
 * change as the clause added or removed would (or half a point on top of term changes; a
 * clause that became a question left open weighs its status only, the terms it leaves open being its detail),
 * operative language 3.5 (obligation) or 2.5, splits, merges and parties 3,
 * conditions and options 5 plus half a point per condition or option changed
 * (up to 1.5), other clause fields 2. A clause that is `unconfirmed` (where its version states
 * others more firmly), or whose presence is only assumed or unknown, on its only side weighs 0: that it is
 * not reported in the other version is not news; so is a paired clause one of
 * whose sides is carried over unseen from a third version (its content is that
 * version's: `carried`), save for what its writer changed in those words
 * (`stated` terms) and a change of status.
 */
export function weightOf(c: ClauseChange): number {
  if (!c.from || !c.to) {
    if (c.uncertain) return 0;
    if (c.kind === 'split' || c.kind === 'merged') return 3;
    const terms = Object.keys(c.clause?.terms ?? {}).length;
    // Absent from a version known only in part: the weakest news there is, after every change the version states;
    // a removal one report tells of comes before a clause no report mentions.
    if (c.partial || c.reported?.unconfirmed) return Math.round(((c.partial ? 1 : 1.5) + 0.05 * Math.min(terms, 9)) * 100) / 100;
    return terms ? 5 + Math.min(1.5, 0.4 * terms) : 4;
  }
  // A side carried over unseen holds another version's words: how they differ is not a reported change.
  // What its writer changed in them (`stated` terms) and its status (left to the leaders) are its own statements.
  if (c.carried) {
    const w = termsWeight(c.terms.filter((t) => t.stated));
    return c.fields.some((f) => f.field === 'status') ? Math.max(w + 0.5, statusWeight(c)) : w;
  }
  // A clause that became a question left open (bracketed or deferred, no terms): its status is the news, and weighs
  // by what the clause carried; the terms it leaves open are its detail, not changes of their own.
  if (c.fields.some((f) => f.field === 'status' && isOpenStatus(f.to)) && !c.to.termCount) return Math.round(statusWeight(c) * 100) / 100;
  let w = termsWeight(c.terms);
  // Conditions and rival options weigh like terms: "amnesty now conditional on decommissioning" is substance.
  // An option only reworded or re-sourced is bookkeeping, like a clause's own wording and sources.
  // Conditions one version does not report are not a change (`unreported`).
  const provisions = c.fields.flatMap((f) => ((f.field === 'conditions' || f.field === 'options') && !f.unreported ? (f.changes ?? []) : [])).filter((t) => t.change !== 'changed' || (t.changes?.length ?? 0) > 0);
  if (provisions.length) w = Math.max(w, 5 + Math.min(1.5, 0.5 * provisions.length)) + (w > 0 ? 0.25 : 0);
  // A status change (proposed → bracketed: left to the leaders) is news of its own, and adds to term changes.
  if (c.fields.some((f) => f.field === 'status')) w = Math.max(w + 0.5, statusWeight(c));
  const flags = c.text?.flags ?? [];
  if (flags.some((f) => f.kind === 'obligation')) w = Math.max(w, 3.5);
  else if (flags.length) w = Math.max(w, 2.5);
  if (c.kind === 'split' || c.kind === 'merged' || c.fields.some((f) => f.field === 'parties' && !isReorder(f))) w = Math.max(w, 3);
  if (c.fields.some((f) => !METADATA_FIELDS.has(f.field) && !WEIGHED_APART.has(f.field))) w = Math.max(w, 2);
  return Math.round(w * 100) / 100;
}

/**
 * A change of status alone (agreed, left open) weighs as the clause added or removed would: 5
 * plus 0.4 for each term it carries, at most 6.5. What became of the whole clause is as much
 * news as the clause coming or going.
 */
function statusWeight(c: ClauseChange): number {
  const carries = Math.max(c.from?.termCount ?? 0, c.to?.termCount ?? 0);
  return 5 + Math.min(1.5, 0.4 * carries);
}

/** 5–6.5 for term changes by the size of the biggest (the others count a quarter); 0 for none of substance. */
function termsWeight(terms: readonly TermChange[]): number {
  // The biggest change leads; the others add a quarter of theirs, so many small edits do not outweigh one big one.
  const sizes = terms.map(termMagnitude).sort((x, y) => y - x);
  const rest = sizes.slice(1).reduce((s, x) => s + x, 0);
  // A set or list that only changed order carries no term change of substance.
  return (sizes[0] ?? 0) > 0 ? 5 + Math.min(1.5, (sizes[0] ?? 0) + 0.25 * rest) : 0;
}

/** How big a change by a factor is, 0..1: twice its logarithm's size (+33 % about 0.58, doubling 1 and more). */
function ratioSize(ratio: number): number {
  return Math.min(1, 2 * Math.abs(Math.log(ratio)));
}

function isAsap(d: unknown): boolean {
  return d === 'asap' || isAnchoredAsap(d);
}

function deadlineRatio(from: unknown, to: unknown): number | undefined {
  const [a, b] = [isDeadline(from) ? deadlineHours(from) : undefined, isDeadline(to) ? deadlineHours(to) : undefined];
  return a && b ? ratioSize(b / a) : undefined;
}

/**
 * A term change of no substance: a set or list whose members only changed places, or a value that
 * states nothing against a term left out (`unstated`), or a record or list whose every inner change is one.
 */
export function saysNothing(t: TermChange): boolean {
  if (t.unstated || isReorder(t)) return true;
  const inner = t.changes ?? [];
  return inner.length > 0 && !t.added?.length && !t.removed?.length && inner.every(saysNothing);
}

/** A set, list or list field whose members only changed places. */
export function isReorder(c: { added?: unknown[]; removed?: unknown[]; changes?: unknown[]; kind?: string; field?: string }): boolean {
  const listy = c.field !== undefined || c.kind === 'set' || c.kind === 'list';
  return listy && c.added !== undefined && c.removed !== undefined && c.added.length === 0 && c.removed.length === 0 && (c.changes?.length ?? 0) === 0;
}
