/**
 * What format 2 adds to a clause, in words: its conditions ("condition added:
 * referendum at least 60 days after ceasefire"), its rival options (added,
 * dropped, adopted, changed) and whether a version is known to contain it.
 */
import type { Clause, ClauseCondition } from '../model/types.js';
import { deepEqual } from '../util/deep-equal.js';
import { describeTerm, fieldChanges, pairItems } from './describe-term.js';
import type { Gone, TermChange } from './describe-term.js';
import { formatValue } from './format-value.js';
import { sameThing } from './relabels.js';
import { termSpec } from './term-kinds.js';
import type { FieldChange } from './types.js';

/** The fields that identify a condition across versions. */
const CONDITION_KEY = ['kind', 'event', 'term'] as const;

/** A condition in words: "referendum at least 60 days after ceasefire", "compliance: weapons-decommissioned (for amnesty scope)". */
export function conditionLabel(c: Partial<ClauseCondition>): string {
  const head = c.event ? (c.kind === 'other' || c.kind === undefined ? c.event : `${c.kind}: ${c.event}`) : (c.kind ?? 'condition');
  const window =
    c.minDays !== undefined && c.maxDays !== undefined
      ? ` ${c.minDays}–${c.maxDays} days`
      : c.minDays !== undefined
        ? ` at least ${c.minDays} days`
        : c.maxDays !== undefined
          ? ` within ${c.maxDays} days`
          : '';
  const after = c.after ? `${window} after ${c.after}` : window ? `${window}` : '';
  const by = c.by?.length ? ` by ${c.by.join(', ')}` : '';
  const date = c.date ? ` on ${c.date}` : '';
  const term = c.term ? ` (for ${c.term})` : '';
  return `${head}${after}${by}${date}${term}`;
}

const CONDITION_FIELDS = {
  kind: { kind: 'enum', label: 'kind' },
  event: { kind: 'text', label: 'event' },
  after: { kind: 'text', label: 'after' },
  minDays: { kind: 'quantity', label: 'at least', unit: 'days' },
  maxDays: { kind: 'quantity', label: 'at most', unit: 'days' },
  date: { kind: 'date', label: 'date' },
  by: { kind: 'set', label: 'by' },
  term: { kind: 'text', label: 'term' },
} as const;

/** What changed in a condition besides its name, in words: its fields, then "reworded" where only its wording (`text`) differs, as for an option. */
function innerOf(x: Record<string, unknown>, y: Record<string, unknown>): { inner: TermChange[]; words: string[] } {
  const { text: a, ...xs } = x;
  const { text: b, ...ys } = y;
  const inner = fieldChanges(CONDITION_FIELDS, xs, ys);
  return { inner, words: [...inner.map((c) => c.says), ...(a !== b ? ['reworded'] : [])] };
}

/**
 * The change of a clause's conditions, item by item (identified by kind, event and term). A condition
 * the new clause does not state is `dropped`, or `left open` where the new clause is left open
 * (bracketed or deferred): it leaves unsettled what the old one waited on, as it does the old terms.
 */
export function describeConditions(from: readonly ClauseCondition[], to: readonly ClauseCondition[], gone: Gone = 'dropped'): Pick<FieldChange, 'says' | 'changes'> {
  const key = [...CONDITION_KEY];
  const { pairs: all } = pairItems(key, from, to) as { pairs: Array<{ x: ClauseCondition; y: ClauseCondition }> };
  // The only condition of a kind on each side pairs by its kind; if its event names the same thing, it was only named otherwise.
  const byName = all.filter(({ x, y }) => !CONDITION_KEY.every((k) => deepEqual(x[k], y[k])) && namesSame(x, y));
  const pairs = all.filter((p) => !byName.includes(p));
  const paired = new Set(all.flatMap((p) => [p.x, p.y]));
  const parts: string[] = [];
  const changes: TermChange[] = [];
  // Changes that are no news (a condition only reworded or named otherwise) are told after those added and removed:
  // a sentence cut short keeps what is.
  const lateParts: string[] = [];
  const lateChanges: TermChange[] = [];
  for (const { x, y } of pairs) {
    if (deepEqual(x, y)) continue;
    const { inner, words } = innerOf({ ...x }, { ...y });
    const [a, b] = [conditionLabel(x), conditionLabel(y)];
    const detail = `condition ${a}: ${words.join(', ') || 'restated'}`;
    const says = a === b ? detail : `condition changed: ${a} → ${b}`;
    const change: TermChange = { term: a, kind: 'record', change: 'changed', from: x, to: y, changes: inner, says: detail };
    // Its wording alone is bookkeeping, as a clause's own is: no change of substance, and weighs nothing.
    (inner.length ? changes : lateChanges).push(change);
    (inner.length ? parts : lateParts).push(says);
  }
  // A condition another hand named otherwise (its event the same thing, more or less precisely; its kind read differently) is one condition.
  for (const { x, y } of [...byName, ...renamedConditions(from.filter((c) => !paired.has(c)), to.filter((c) => !paired.has(c)))]) {
    paired.add(x).add(y);
    // The kind and event are the condition's name here; what else changed is told.
    const unnamed = (c: ClauseCondition) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'kind' && k !== 'event'));
    const { inner, words } = innerOf(unnamed(x), unnamed(y));
    const [a, b] = [conditionLabel(x), conditionLabel(y)];
    const says = `condition named otherwise: ${a} → ${b}${words.length ? `; ${words.join(', ')}` : ''}`;
    lateChanges.push({ term: a, kind: 'record', change: 'changed', from: x, to: y, changes: inner, relabelled: [{ from: a, to: b }], says });
    lateParts.push(says);
  }
  for (const c of to) if (!paired.has(c)) {
    changes.push({ term: conditionLabel(c), kind: 'record', change: 'added', to: c, says: `condition added: ${conditionLabel(c)}` });
    parts.push(`condition added: ${conditionLabel(c)}`);
  }
  for (const c of from) if (!paired.has(c)) {
    changes.push({ term: conditionLabel(c), kind: 'record', change: 'removed', from: c, says: `condition ${gone}: ${conditionLabel(c)}` });
    parts.push(`condition ${gone}: ${conditionLabel(c)}`);
  }
  return { says: [...parts, ...lateParts].join('; ') || 'conditions reordered', changes: [...changes, ...lateChanges] };
}

/** Two conditions on the same term whose events name the same thing, more or less precisely: one condition, named otherwise. */
function namesSame(x: ClauseCondition, y: ClauseCondition): boolean {
  return x.term === y.term && x.event !== undefined && y.event !== undefined && (x.event === y.event || sameThing(x.event, y.event));
}

/** Conditions left unpaired that are each other's only match: the same term, and events that name the same thing. */
function renamedConditions(from: readonly ClauseCondition[], to: readonly ClauseCondition[]): Array<{ x: ClauseCondition; y: ClauseCondition }> {
  const out: Array<{ x: ClauseCondition; y: ClauseCondition }> = [];
  for (const x of from) {
    const ys = to.filter((y) => namesSame(x, y));
    const y = ys[0];
    if (ys.length === 1 && y && from.filter((z) => namesSame(z, y)).length === 1) out.push({ x, y });
  }
  return out;
}

type Option = NonNullable<Clause['options']>[number];

/** "option joint-venture (proposed by ukraine, us)". */
function optionName(o: Option): string {
  return `option ${o.id} (proposed by ${o.proposedBy.join(', ') || 'no one named'})`;
}

/**
 * The change of a clause's options, by id. An option that leaves while the new
 * clause takes on everything it proposed (its terms, or its words when it has
 * none) is adopted, not dropped.
 */
export function describeOptions(from: readonly Option[], to: readonly Option[], topic: string, after: Pick<Clause, 'terms' | 'text'>, schema?: object): Pick<FieldChange, 'says' | 'changes'> {
  const parts: string[] = [];
  const changes: TermChange[] = [];
  const byId = new Map(to.map((o) => [o.id, o]));
  const newTerms = (after.terms ?? {}) as Record<string, unknown>;
  for (const o of from) {
    const next = byId.get(o.id);
    byId.delete(o.id);
    if (!next) {
      const terms = Object.entries((o.terms ?? {}) as Record<string, unknown>);
      const adopted = terms.length > 0 ? terms.every(([k, v]) => deepEqual(newTerms[k], v)) : after.text === o.text;
      const says = `${optionName(o)} ${adopted ? 'adopted' : 'dropped'}`;
      changes.push({ term: o.id, kind: 'record', change: 'removed', from: o, says });
      parts.push(says);
      continue;
    }
    if (deepEqual(o, next)) continue;
    const inner: TermChange[] = [];
    const [ta, tb] = [(o.terms ?? {}) as Record<string, unknown>, (next.terms ?? {}) as Record<string, unknown>];
    for (const k of new Set([...Object.keys(ta), ...Object.keys(tb)])) {
      const c = describeTerm(k, termSpec(topic, k, tb[k] ?? ta[k], schema), ta[k], tb[k]);
      if (c) inner.push(c);
    }
    const rest = fieldChanges({ proposedBy: { kind: 'set', label: 'proposed by' }, status: { kind: 'enum', label: 'status' } }, { proposedBy: o.proposedBy, status: o.status ?? 'proposed' }, { proposedBy: next.proposedBy, status: next.status ?? 'proposed' });
    inner.push(...rest);
    const words = [...inner.map((c) => c.says), ...(o.text !== next.text ? ['reworded'] : [])];
    const says = `${optionName(next)}: ${words.join(', ') || 'sources changed'}`;
    changes.push({ term: o.id, kind: 'record', change: 'changed', from: o, to: next, changes: inner, says });
    parts.push(says);
  }
  for (const o of byId.values()) {
    const terms = Object.entries((o.terms ?? {}) as Record<string, unknown>).map(([k, v]) => `${termSpec(topic, k, v, schema).label} ${formatValue(v)}`);
    const says = `${optionName(o)} added${terms.length ? `: ${terms.join(', ')}` : ''}`;
    changes.push({ term: o.id, kind: 'record', change: 'added', to: o, says });
    parts.push(says);
  }
  return { says: parts.join('; ') || 'options reordered', changes };
}

/**
 * Conditions, options and presence told by what they mean, from the field
 * change alone (its values, and the clause's carriedFrom when it changed too);
 * `after` is the new clause, when known, to tell an adopted option.
 */
export function describeProvision(f: FieldChange, fields: readonly FieldChange[], topic: string, after: Pick<Clause, 'terms' | 'text'> = { text: '' }, schema?: object, gone: Gone = 'dropped'): FieldChange {
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);
  if (f.field === 'conditions') return { ...f, ...describeConditions(list<ClauseCondition>(f.from), list<ClauseCondition>(f.to), gone) };
  if (f.field === 'options') return { ...f, ...describeOptions(list<Option>(f.from), list<Option>(f.to), topic, after, schema) };
  // A clause left open does not release the parties it no longer names: who it binds is unsettled too.
  if (f.field === 'parties' && gone === 'left open' && (f.removed?.length || (f.from !== undefined && f.to === undefined))) {
    const added = f.added?.length ? [`${formatValue(f.added)} added to parties`] : [];
    return { ...f, says: [...added, `${formatValue(f.removed ?? f.from)} no longer named in parties (left open)`].join('; ') };
  }
  if (f.field === 'presence') {
    const carried = fields.find((g) => g.field === 'carriedFrom');
    const side = (presence: unknown, from: unknown): Pick<Clause, 'presence' | 'carriedFrom'> => ({
      ...(typeof presence === 'string' ? { presence: presence as NonNullable<Clause['presence']> } : {}),
      ...(typeof from === 'string' ? { carriedFrom: from } : {}),
    });
    return { ...f, says: describePresence(side(f.from, carried?.from), side(f.to, carried?.to)) };
  }
  return f;
}

/**
 * A change of conditions where one side's version does not report them
 * (`unreported` on that side): "conditions not reported in this version (were:
 * …)", or, seen the other way, "conditions set: … (not reported in the earlier
 * version)". The item changes stay for reference; the change weighs nothing.
 */
export function asUnreportedConditions(f: FieldChange, side: 'from' | 'to'): FieldChange {
  const list = (v: unknown) => (Array.isArray(v) ? (v as ClauseCondition[]) : []).map(conditionLabel).join('; ');
  const says = side === 'to' ? `conditions not reported in this version (were: ${list(f.from)})` : `conditions set: ${list(f.to)} (not reported in the earlier version)`;
  return { ...f, unreported: side, says };
}

/** Which side of a change of conditions does not report them: the side whose clause lists `conditions` as unreported and states none. */
export function conditionsUnreportedBy(a: Pick<Clause, 'unreported' | 'conditions'>, b: Pick<Clause, 'unreported' | 'conditions'>): 'from' | 'to' | undefined {
  const silent = (c: Pick<Clause, 'unreported' | 'conditions'>) => (c.unreported ?? []).includes('conditions') && !c.conditions?.length;
  return silent(b) ? 'to' : silent(a) ? 'from' : undefined;
}

/** Whether a version is known to contain a clause, in words. */
export function describePresence(from: Pick<Clause, 'presence' | 'carriedFrom'>, to: Pick<Clause, 'presence' | 'carriedFrom'>): string {
  const [a, b] = [from.presence ?? 'stated', to.presence ?? 'stated'];
  const source = (c: Pick<Clause, 'carriedFrom'>) => (c.carriedFrom ? ` from ${c.carriedFrom}` : '');
  if (b === 'unknown') return `not known whether this version keeps it (carried over${source(to)})`;
  if (b === 'assumed') return `assumed to remain, not seen in this version (carried over${source(to)})`;
  return a === 'stated' ? 'presence stated' : `now seen in this version's text (was ${a}${source(from)})`;
}
