/**
 * Compares the two values of one term by its kind and says what changed in
 * words a reader understands: "cap raised 600,000 → 800,000 (+33 %)",
 * "russia removed from guarantors", "deadline loosened: 100 days → as soon as possible".
 */
import { deepEqual } from '../util/deep-equal.js';
import { numbered } from './clause-name.js';
import { deadlineHours, formatNumber, formatPercentChange, formatValue, isAnchoredAsap, isDeadline, isDuration, isMoney } from './format-value.js';
import { type Relabel, relabels } from './relabels.js';
import type { TermKind, TermSpec } from './term-kinds.js';

/** One changed term (or field of a term), with typed detail for its kind. */
export interface TermChange {
  /** The term's key, e.g. `personnelCap`; for a nested change, the field or item key. */
  term: string;
  kind: TermKind;
  change: 'added' | 'removed' | 'changed';
  /** The old value; absent when the term was not set. */
  from?: unknown;
  /** The new value; absent when the term is no longer set. */
  to?: unknown;
  /**
   * The version that does not report this term (`unreported` on its clause): `to` when the new
   * version does not, `from` when the old one did not. Such a change is not news: it weighs nothing
   * and is told as "not reported in this version (was …)" or "… (not reported in the earlier version)".
   */
  unreported?: 'from' | 'to';
  /** Quantities and money: `to - from`. Durations and dates: in days. */
  delta?: number;
  /** Quantities and money: `to / from`, when `from` is not 0. */
  ratio?: number;
  /** Ordered enums: `up`/`down` the ladder. Deadlines: `loosened`/`tightened`. Durations: `lengthened`/`shortened`. Dates: `later`/`earlier`. Quantities: `raised`/`lowered`. */
  direction?: string;
  /** Sets: members that appear. Lists: the names of items that appear (from their identifying fields). */
  added?: unknown[];
  /** Sets and lists: members or item keys that go. */
  removed?: unknown[];
  /**
   * Sets: members that went and came but name the same thing more or less
   * precisely ("world-bank" → "world-bank-financing-package", "artificial-intelligence" → "ai");
   * they are also in `removed` and `added`, and weigh nothing.
   */
  relabelled?: Relabel[];
  /** Records and list items: the changes inside. */
  changes?: TermChange[];
  /** What the change does, in one phrase. */
  says: string;
  /**
   * In a pair with a side carried over unseen: this term's value on the carried
   * side differs from the version it repeats, so its writer stated it and the
   * change is reported (and ranked). Only on the clause's own terms, not nested ones.
   */
  stated?: true;
  /**
   * A term this clause drops that a new clause of the new version (no partner in the old one, of the
   * same topic) states with the same value, or one it gains that such a clause of the old version
   * stated: the term may have gone with a part of the clause that another hand made a clause of its
   * own. Told "moved to clause 6 (was yes)" or "set to yes (moved from clause 6)"; it keeps its weight.
   */
  elsewhere?: { id: string; number?: string; title: string };
  /**
   * In a pair of clauses across the catch-all topic `other`, where one writer named the terms: the
   * other change of a number told once under two names ("deadline hours 72 replaces release deadline
   * 48 hours"): on the term set, the term dropped; on the term dropped, the term set. The one set
   * weighs the change by its size (nothing when the number is the same); the one dropped, nothing.
   */
  namedOtherwise?: string;
  /**
   * A term one side leaves out and the other writes with the value that states nothing (the
   * schema's `x-unstated`: a guarantee's model `unspecified`): the same thing said two ways. Kept
   * so the diff still applies term by term; weighs nothing and is told with the bookkeeping.
   */
  unstated?: true;
}

const DAYS: Record<string, number> = { hours: 1 / 24, days: 1, weeks: 7, months: 365.25 / 12, years: 365.25 };

/**
 * Describes the change of a term from `from` to `to` (either may be undefined); undefined when equal.
 * `gone` says what happened to a term the new side lacks: `dropped`, or `left open` when the new
 * clause is a question left open (its terms are not known).
 */
export function describeTerm(term: string, spec: TermSpec, from: unknown, to: unknown, gone = 'dropped'): TermChange | undefined {
  if (deepEqual(from, to)) return undefined;
  const base = { term, kind: spec.kind, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  const show = (v: unknown) => formatTerm(spec, v);
  // A number of a stated unit says it, as a changed one does ("cap set to 800,000 personnel").
  const unit = spec.unit && (typeof from === 'number' || typeof to === 'number') ? ` ${spec.unit}` : '';
  // A value that states nothing against a term left out: the same thing, said once among the bookkeeping.
  if (spec.unstated !== undefined && (from === undefined ? to : to === undefined ? from : undefined) === spec.unstated) {
    return from === undefined
      ? { ...base, change: 'added', unstated: true, says: `${spec.label} written as ${show(to)} (left out before: the same)` }
      : { ...base, change: 'removed', unstated: true, says: `${spec.label} left out (was written as ${show(from)}: the same)` };
  }
  if (from === undefined) return { ...base, change: 'added', says: `${spec.label} set to ${show(to)}${typeof to === 'number' ? unit : ''}` };
  if (to === undefined) return { ...base, change: 'removed', says: `${spec.label} ${gone} (was ${show(from)}${typeof from === 'number' ? unit : ''})` };
  // A value of several forms is named by the form both sides share.
  const kind = spec.kind === 'value' && isMoney(from) && isMoney(to) ? 'money' : spec.kind;
  const changed = { ...base, kind, change: 'changed' as const };
  const typed = typedChange(spec, from, to);
  return { ...changed, ...typed, says: typed?.says ?? `${spec.label} changed: ${show(from)} → ${show(to)}` };
}

/**
 * A quantity that changed kind (a cap dropped, a level of the same unit set) is
 * one change told once: "level 800,000 personnel replaces cap 600,000 (+33 %)".
 * Both term changes stay (saying the same), so the diff still applies term by term.
 */
export function linkQuantityKinds(changes: TermChange[], specs: ReadonlyMap<string, TermSpec>): TermChange[] {
  const kindOf = (t: TermChange) => specs.get(t.term);
  for (const gone of changes) {
    const a = kindOf(gone);
    if (gone.change !== 'removed' || a?.kind !== 'quantity' || !a.quantity || typeof gone.from !== 'number') continue;
    // Another kind of number (a level for a cap) of the same, stated unit, not already told as a replacement.
    const set = changes.find((t) => t.change === 'added' && t.ratio === undefined && kindOf(t)?.kind === 'quantity' && kindOf(t)?.quantity !== undefined && kindOf(t)?.quantity !== a.quantity && a.unit !== undefined && kindOf(t)?.unit === a.unit && typeof t.to === 'number');
    if (!set) continue;
    const b = kindOf(set) as TermSpec;
    const [x, y] = [gone.from, set.to as number];
    const unit = b.unit ? ` ${b.unit}` : '';
    tellAsOne(gone, set, x, y, `${b.label} ${formatNumber(y)}${unit} replaces ${a.label} ${formatNumber(x)}`);
  }
  return changes;
}

/** The term changes {@link tellAsOne} has told as one change with another: each is told once, and linked with no third. */
export const toldAsOne: WeakSet<TermChange> = new WeakSet();

/**
 * Tells a number dropped (`x`) and a number set (`y`) as one change: both say `says` with the
 * percentage appended where the number moved, and the one set is measured against the old number
 * (`delta`, `ratio`), so it weighs by its size like any quantity. A sentence lists it once.
 */
export function tellAsOne(gone: TermChange, set: TermChange, x: number, y: number, says: string): void {
  toldAsOne.add(gone).add(set);
  set.says = x !== 0 && x !== y ? `${says} (${formatPercentChange(y / x)})` : says;
  set.delta = y - x;
  if (x !== 0 && Number.isFinite(y / x)) set.ratio = y / x;
  gone.says = set.says;
}

/** A term value in words; list items by their identifying fields, records field by field. */
export function formatTerm(spec: TermSpec, v: unknown): string {
  if (spec.kind === 'list' && Array.isArray(v)) {
    if (spec.key?.length && v.every(isRecord)) return v.map((item) => itemLabel(spec.key ?? [], item)).join(', ');
    return `${v.length} ${v.length === 1 ? 'entry' : 'entries'}`;
  }
  if (spec.kind === 'record' && isRecord(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${spec.fields?.[k]?.label ?? k} ${formatValue(x)}`)
      .join(', ');
  }
  return formatValue(v);
}

type Typed = Omit<TermChange, 'term' | 'kind' | 'change' | 'from' | 'to'> | undefined;

function typedChange(spec: TermSpec, from: unknown, to: unknown): Typed {
  switch (spec.kind) {
    case 'quantity':
      return typeof from === 'number' && typeof to === 'number' ? quantity(spec, from, to, formatNumber) : undefined;
    case 'money':
      return isMoney(from) && isMoney(to) && from.currency === to.currency ? money(spec, from, to) : undefined;
    case 'ordered':
      return ordered(spec, from, to);
    case 'set':
      // A term of one party or several (an operator) compares as a set either way.
      return set(spec, asList(from), asList(to));
    case 'boolean':
      return { says: `${spec.label}: ${formatValue(from)} → ${formatValue(to)}` };
    case 'deadline':
      return deadline(spec, from, to);
    case 'duration':
      return isDuration(from) && isDuration(to) ? days(spec, from.amount * (DAYS[from.unit] ?? 1), to.amount * (DAYS[to.unit] ?? 1), ['lengthened', 'shortened'], from, to) : undefined;
    case 'date':
      if (from === 'undisclosed' || to === 'undisclosed') return { says: `${spec.label} ${to === 'undisclosed' ? `fixed but no longer published (was ${String(from)})` : `published: ${String(to)}`}` };
      return typeof from === 'string' && typeof to === 'string' ? days(spec, Date.parse(from) / 864e5, Date.parse(to) / 864e5, ['moved later', 'moved earlier'], from, to) : undefined;
    case 'record':
      return record(spec, from, to);
    case 'list':
      return list(spec, from, to);
    default:
      // A value of several forms (an allocation's amount: money or `remainder`) compares as money when both sides are.
      return isMoney(from) && isMoney(to) && from.currency === to.currency ? money(spec, from, to) : undefined;
  }
}

/** Money of one currency: the amount raised or lowered, and what kind of amount it is ("target → committed"). */
function money(spec: TermSpec, from: { amount: number; currency: string; basis?: string }, to: { amount: number; currency: string; basis?: string }): Typed {
  const [ba, bb] = [from.basis ?? 'committed', to.basis ?? 'committed'];
  const basis = ba !== bb ? `${spec.label} now a ${bb} (was a ${ba})` : undefined;
  if (from.amount === to.amount) return { says: basis ?? `${spec.label} restated` };
  const q = quantity(spec, from.amount, to.amount, (n) => formatValue({ amount: n, currency: from.currency })) as NonNullable<Typed>;
  return basis ? { ...q, says: `${q.says}; ${basis}` } : q;
}

function quantity(spec: TermSpec, a: number, b: number, fmt: (n: number) => string): Typed {
  const direction = b > a ? 'raised' : 'lowered';
  const ratio = a !== 0 && Number.isFinite(b / a) ? b / a : undefined;
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const pct = ratio !== undefined ? ` (${formatPercentChange(ratio)})` : '';
  return { delta: b - a, ...(ratio !== undefined ? { ratio } : {}), direction, says: `${spec.label} ${direction} ${fmt(a)} → ${fmt(b)}${unit}${pct}` };
}

function ordered(spec: TermSpec, from: unknown, to: unknown): Typed {
  const order = spec.order ?? [];
  const i = order.indexOf(String(from));
  const j = order.indexOf(String(to));
  if (i < 0 || j < 0) return undefined;
  const direction = j > i ? 'up' : 'down';
  return { direction, delta: j - i, says: `${spec.label} moved ${direction}: ${String(from)} → ${String(to)}` };
}

function set(spec: TermSpec, from: unknown[], to: unknown[]): Typed {
  const added = to.filter((x) => !from.some((y) => deepEqual(x, y)));
  const removed = from.filter((x) => !to.some((y) => deepEqual(x, y)));
  // A member named more or less precisely by another hand is told as such, not as one gone and one come.
  const relabelled = relabels(removed, added);
  const renamed = new Set<unknown>(relabelled.flatMap((r) => [r.from, r.to]));
  const [news, gone] = [added.filter((x) => !renamed.has(x)), removed.filter((x) => !renamed.has(x))];
  const parts = [];
  if (news.length) parts.push(`${formatValue(news)} added to ${spec.label}`);
  if (gone.length) parts.push(`${formatValue(gone)} removed from ${spec.label}`);
  const [sure, perhaps] = [relabelled.filter((r) => !r.perhaps), relabelled.filter((r) => r.perhaps)];
  if (sure.length) parts.push(`named otherwise in ${spec.label}: ${sure.map((r) => `${r.from} → ${r.to}`).join(', ')}`);
  if (perhaps.length) parts.push(`perhaps named otherwise in ${spec.label}: ${perhaps.map((r) => `${r.from} → ${r.to}`).join(', ')}`);
  if (!parts.length) parts.push(`${spec.label} reordered`);
  return { added, removed, ...(relabelled.length ? { relabelled } : {}), says: parts.join('; ') };
}

function deadline(spec: TermSpec, from: unknown, to: unknown): Typed {
  const text = (d: unknown) => (d === 'asap' ? 'as soon as possible' : formatValue(d));
  const asap = (d: unknown) => d === 'asap' || isAnchoredAsap(d);
  let direction = 'changed';
  if (asap(to) && isDeadline(from)) direction = 'loosened'; // no fixed time any more
  else if (asap(from) && isDeadline(to)) direction = 'tightened';
  // Time counted from different events does not compare.
  else if (isDeadline(from) && isDeadline(to) && from.from === to.from) {
    const [a, b] = [deadlineHours(from), deadlineHours(to)];
    if (a !== b) return { direction: b > a ? 'loosened' : 'tightened', delta: b - a, says: `${spec.label} ${b > a ? 'loosened' : 'tightened'}: ${text(from)} → ${text(to)}` };
    direction = 'restated';
  }
  return { direction, says: `${spec.label} ${direction}: ${text(from)} → ${text(to)}` };
}

function days(spec: TermSpec, a: number, b: number, [longer, shorter]: [string, string], from: unknown, to: unknown): Typed {
  // 1 year and 12 months are the same length written differently, not a change of length.
  const direction = Math.abs(b - a) <= Math.max(a, b) * 0.02 ? 'restated' : b > a ? longer : shorter;
  return { delta: Math.round(b - a), direction, says: `${spec.label} ${direction}: ${formatValue(from)} → ${formatValue(to)}` };
}

function record(spec: TermSpec, from: unknown, to: unknown): Typed {
  if (!isRecord(from) || !isRecord(to)) return undefined;
  const changes = fieldChanges(spec.fields ?? {}, from, to);
  return { changes, says: `${spec.label}: ${changes.map((c) => c.says).join('; ')}` };
}

/** Changes between two objects, field by field, in a stable order. */
export function fieldChanges(fields: Readonly<Record<string, TermSpec>>, from: Record<string, unknown>, to: Record<string, unknown>): TermChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.flatMap((k) => {
    const spec = Object.hasOwn(fields, k) ? (fields[k] as TermSpec) : { kind: 'value' as const, label: k };
    const c = describeTerm(k, spec, Object.hasOwn(from, k) ? from[k] : undefined, Object.hasOwn(to, k) ? to[k] : undefined);
    return c ? [c] : [];
  });
}

function list(spec: TermSpec, from: unknown, to: unknown): Typed {
  if (!Array.isArray(from) || !Array.isArray(to)) return undefined;
  const { pairs, added, removed } = pairItems(spec.key ?? [], from, to);
  const changes: TermChange[] = [];
  for (const { label, x, y } of pairs) {
    if (deepEqual(x, y)) continue;
    if (!isRecord(x) || !isRecord(y)) return undefined;
    const inner = fieldChanges(spec.fields ?? {}, x, y);
    changes.push({ term: label, kind: 'record', change: 'changed', from: x, to: y, changes: inner, says: `${label}: ${inner.map((c) => c.says).join(', ')}` });
  }
  // Items that changed alike are named together: "crimea, luhansk-oblast: recognition moved down: de-facto → none".
  const alike = new Map<string, string[]>();
  for (const c of changes) {
    const what = (c.changes ?? []).map((x) => x.says).join(', ');
    alike.set(what, [...(alike.get(what) ?? []), c.term]);
  }
  const parts = [
    ...[...alike].map(([what, labels]) => `${labels.join(', ')}: ${what}`),
    ...added.map((k) => `${k} added`),
    ...removed.map((k) => `${k} removed`),
  ];
  if (!parts.length) parts.push('reordered');
  return { added, removed, changes, says: `${spec.label}: ${parts.join('; ')}` };
}

/** An item's name from its identifying fields: "donetsk-oblast (occupied-part)". */
export function itemLabel(key: readonly string[], item: unknown): string {
  if (!isRecord(item) || key.length === 0) return formatValue(item);
  const values = key.filter((k) => item[k] !== undefined).map((k) => formatValue(item[k]));
  const [first, ...rest] = values;
  if (first === undefined) return formatValue(item);
  return rest.length ? `${first} (${rest.join(', ')})` : first;
}

/**
 * Pairs list items by identity, never by position: items with the same
 * identifying fields pair (within a repeated identity, equal items first, then
 * the rest in their order, named "#1", "#2"); then items left over whose first
 * identifying field is the same and unique on both sides (so a region whose
 * scope changed stays that region). A list that declares no identity pairs
 * only equal items.
 */
export function pairItems(key: readonly string[], from: readonly unknown[], to: readonly unknown[]): { pairs: Array<{ label: string; x: unknown; y: unknown }>; added: string[]; removed: string[] } {
  const identity = (item: unknown) => (key.length && isRecord(item) ? JSON.stringify(key.map((k) => item[k] ?? null)) : JSON.stringify(item));
  const groups = (list: readonly unknown[]) => {
    const out = new Map<string, unknown[]>();
    for (const item of list) out.set(identity(item), [...(out.get(identity(item)) ?? []), item]);
    return out;
  };
  const [ga, gb] = [groups(from), groups(to)];
  const pairs: Array<{ label: string; x: unknown; y: unknown }> = [];
  const leftA: unknown[] = [];
  const leftB: unknown[] = [];
  for (const [id, xs] of ga) {
    const ys = [...(gb.get(id) ?? [])];
    gb.delete(id);
    const repeated = xs.length > 1 || ys.length > 1;
    const name = (i: number) => itemLabel(key, xs[i]) + (repeated ? ` #${i + 1}` : '');
    const open = xs.map((_, i) => i);
    // Equal items first, so an unchanged duplicate never pairs with its changed twin.
    for (const i of [...open]) {
      const j = ys.findIndex((y) => deepEqual(xs[i], y));
      if (j < 0) continue;
      pairs.push({ label: name(i), x: xs[i], y: ys[j] });
      ys.splice(j, 1);
      open.splice(open.indexOf(i), 1);
    }
    for (const i of open) {
      const y = ys.shift();
      if (y === undefined) leftA.push(xs[i]);
      else pairs.push({ label: name(i), x: xs[i], y });
    }
    leftB.push(...ys);
  }
  for (const ys of gb.values()) leftB.push(...ys);
  // Items of a repeated identity are told apart by their place among their namesakes: "#2".
  const named = (list: unknown[], side: readonly unknown[]) =>
    list.map((x) => {
      const namesakes = side.filter((y) => identity(y) === identity(x));
      return itemLabel(key, x) + (namesakes.length > 1 ? ` #${namesakes.indexOf(x) + 1}` : '');
    });
  const first = key[0];
  if (first !== undefined && leftA.length && leftB.length) {
    const primary = (item: unknown) => (isRecord(item) && item[first] !== undefined ? JSON.stringify(item[first]) : undefined);
    const count = (list: unknown[]) => {
      const n = new Map<string, number>();
      for (const item of list) {
        const p = primary(item);
        if (p !== undefined) n.set(p, (n.get(p) ?? 0) + 1);
      }
      return n;
    };
    const [countA, countB] = [count(leftA), count(leftB)];
    for (const item of [...leftA]) {
      const p = primary(item);
      if (p === undefined || countA.get(p) !== 1 || countB.get(p) !== 1) continue;
      const at = leftB.findIndex((x) => primary(x) === p);
      pairs.push({ label: formatValue((item as Record<string, unknown>)[first]), x: item, y: leftB[at] });
      leftB.splice(at, 1);
      leftA.splice(leftA.indexOf(item), 1);
    }
  }
  return { pairs, added: named(leftB, to), removed: named(leftA, from) };
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What became of a term or condition the new clause does not state: dropped, or left open by a clause left open (bracketed or deferred). */
export type Gone = 'dropped' | 'left open';

/** What a term the new version does not report reads as, in place of "dropped": "cap not reported in this version (was 600,000 personnel)". */
export const NOT_REPORTED_HERE = 'not reported in this version';

/**
 * A term change marked as not reported by one side (`to`: the new version, `from`: the old
 * one). `t` is told with {@link NOT_REPORTED_HERE} where the new side lacks it; where the old
 * side lacked it, the note goes after what the new side sets.
 */
export function asUnreported(t: TermChange, side: 'from' | 'to'): TermChange {
  return { ...t, unreported: side, ...(side === 'from' ? { says: `${t.says} (not reported in the earlier version)` } : {}) };
}

/**
 * A term change told as a move to or from another clause (`where`): "children returned moved to
 * clause 6 (was yes)", "children returned set to yes (moved from clause 24)".
 */
export function asMoved(t: TermChange, where: NonNullable<TermChange['elsewhere']>, spec: TermSpec): TermChange {
  const name = numbered(where);
  const says = t.change === 'removed' ? (describeTerm(t.term, spec, t.from, undefined, `moved to ${name}`)?.says ?? t.says) : `${t.says} (moved from ${name})`;
  return { ...t, elsewhere: where, says };
}
