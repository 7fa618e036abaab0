import { deepEqual } from '../util/deep-equal.js';
import { formatValue } from './format-value.js';
import type { FieldChange } from './types.js';

/**
 * Field-by-field changes between two objects (a clause without its terms and
 * text, or a plan without its clauses). Lists of plain values are compared as
 * sets; a map of sources is compared entry by entry.
 */
export function diffFields(a: Record<string, unknown>, b: Record<string, unknown>, skip: readonly string[]): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k));
  const out: FieldChange[] = [];
  for (const field of keys) {
    const from = Object.hasOwn(a, field) ? a[field] : undefined;
    const to = Object.hasOwn(b, field) ? b[field] : undefined;
    if (deepEqual(from, to)) continue;
    if (field === 'sources' && isMap(from) && isMap(to)) out.push(...entryChanges(field, from, to));
    else out.push(fieldChange(field, from, to));
  }
  return out;
}

/** One field's change from `from` to `to`, with set detail for lists of plain values. */
export function fieldChange(field: string, from: unknown, to: unknown, key?: string): FieldChange {
  const base: FieldChange = { field, ...(key !== undefined ? { key } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), says: '' };
  if (Array.isArray(from) && Array.isArray(to) && [...from, ...to].every((x) => typeof x !== 'object')) {
    base.added = to.filter((x) => !from.includes(x));
    base.removed = from.filter((x) => !to.includes(x));
  }
  base.says = say(base);
  return base;
}

function entryChanges(field: string, from: Record<string, unknown>, to: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.flatMap((k) => {
    const x = Object.hasOwn(from, k) ? from[k] : undefined;
    const y = Object.hasOwn(to, k) ? to[k] : undefined;
    return deepEqual(x, y) ? [] : [fieldChange(field, x, y, k)];
  });
}

function say(c: FieldChange): string {
  const name = c.key !== undefined ? `${c.field} ${c.key}` : c.field;
  if ((c.field === 'removed' || c.field === 'added') && c.key === undefined) return reportedSays(c.field === 'removed' ? 'dropped' : 'new', c.from, c.to);
  if (c.field === 'unreported') return unreportedSays(c.from, c.to);
  if (c.field === 'terms') return c.from === undefined || c.from === null ? 'terms added' : c.to === undefined || c.to === null ? 'terms removed' : 'terms changed';
  if (c.from === undefined) return `${name} added${c.key !== undefined ? '' : `: ${formatValue(c.to)}`}`;
  if (c.to === undefined) return `${name} removed`;
  if (c.field === 'number') return `renumbered ${formatValue(c.from)} → ${formatValue(c.to)}`;
  if (c.added || c.removed) {
    const parts = [];
    if (c.added?.length) parts.push(`${formatValue(c.added)} added to ${name}`);
    if (c.removed?.length) parts.push(`${formatValue(c.removed)} removed from ${name}`);
    return parts.length ? parts.join('; ') : `${name} reordered`;
  }
  const composite = (v: unknown) => typeof v === 'object' && v !== null;
  if (c.key !== undefined || composite(c.from) || composite(c.to)) return `${name} changed`;
  return `${name} ${formatValue(c.from)} → ${formatValue(c.to)}`;
}

/** The plan's list of clauses reported dropped (or new), by clause id: "reported dropped: army-cap, amnesty". */
function reportedSays(what: 'dropped' | 'new', from: unknown, to: unknown): string {
  const ids = (v: unknown) => (Array.isArray(v) ? v.map((r) => String(isMap(r) ? r.clause : r)) : []);
  const [was, now] = [ids(from), ids(to)];
  const added = now.filter((x) => !was.includes(x));
  const gone = was.filter((x) => !now.includes(x));
  const parts = [...(added.length ? [`reported ${what}: ${added.join(', ')}`] : []), ...(gone.length ? [`no longer reported ${what}: ${gone.join(', ')}`] : [])];
  return parts.length ? parts.join('; ') : `clauses reported ${what}: reports changed`;
}

/** A clause's terms not reported, by version: "not reported in this version: releaseDeadline". */
function unreportedSays(from: unknown, to: unknown): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const [was, now] = [list(from), list(to)];
  const here = now.filter((x) => !was.includes(x));
  const there = was.filter((x) => !now.includes(x));
  const parts = [...(here.length ? [`not reported in this version: ${here.join(', ')}`] : []), ...(there.length ? [`not reported in the earlier version: ${there.join(', ')}`] : [])];
  return parts.length ? parts.join('; ') : 'terms not reported: reordered';
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
