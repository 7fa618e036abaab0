/**
 * Three-way merge of two revisions of the same base. Clauses are merged by
 * id, field by field and term by term: a change made on one side only is
 * taken; the same change on both sides is taken once; different changes to
 * the same field or term, or a removal against a change, are conflicts, never
 * resolved silently. A conflicted clause comes out `bracketed`, with the other
 * side's reading beside it as an alternative clause, so that a policy writer
 * resolves it in the file.
 */
import type { Clause, Plan } from '../model/types.js';
import { clone } from '../util/clone.js';
import { deepEqual } from '../util/deep-equal.js';
import { termSpec } from '../diff/term-kinds.js';
import { formatValue } from '../diff/format-value.js';
import { CLAUSE_FIELD_ORDER, PLAN_FIELD_ORDER } from '../model/field-order.js';

/** A change the two sides made differently. */
export interface MergeConflict {
  /** The clause id; null for a field of the plan itself. */
  clause: string | null;
  /** `clause` for the clause as a whole (removed on one side, changed on the other; added on both), else the field (`text`, `terms.personnelCap`, `sources.s10-bbc`…). */
  field: string;
  /** The value in each version; absent where the version does not have it. */
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
  says: string;
}

/** What {@link mergePlans} gives. */
export interface MergeResult {
  /** The merged version: every change taken that does not conflict; conflicted clauses bracketed with their alternative. */
  plan: Plan;
  conflicts: MergeConflict[];
  /** True when there is no conflict. */
  clean: boolean;
}

/** Options of {@link mergePlans}. */
export interface MergeOptions {
  /** The merged version's id. Default: the id both sides share, or the one a side changed from the base, else `<ours>-with-<theirs>`. */
  version?: string;
  /** How notes and conflicts name the two sides. Default: their version ids, or `ours` and `theirs` when the ids are the same (two branches of one file). */
  labels?: { ours: string; theirs: string };
}

const PLAN_FIELDS = ['title', 'provenance', 'summary'] as const;

/**
 * Merges `ours` and `theirs`, two revisions of `base`. Sets (sources,
 * parties, authors, set-valued terms such as guarantors) merge member by
 * member and never conflict.
 *
 * Laws (tested): `mergePlans(base, x, base).plan` equals `x`; so does
 * `mergePlans(base, x, x).plan`; swapping the sides swaps `ours` and `theirs`
 * in every conflict.
 *
 * @example
 * const { conflicts } = mergePlans(us, e3, geneva);
 * conflicts.find((c) => c.clause === 'army-cap')?.says; // 'changed in e3-counter-proposal, removed in geneva-19-point'
 */
export function mergePlans(base: Plan, ours: Plan, theirs: Plan, options: MergeOptions = {}): MergeResult {
  const conflicts: MergeConflict[] = [];
  // Two branches of one file carry the same version id: then the sides are named ours and theirs.
  const names = options.labels
    ? { ours: options.labels.ours, theirs: options.labels.theirs }
    : ours.version === theirs.version
      ? { ours: 'ours', theirs: 'theirs' }
      : { ours: ours.version, theirs: theirs.version };
  // The merge is written in the newest format any side uses: a format-2 field from either side must stay readable.
  const plan: Record<string, unknown> = { peaceplan: Math.max(base.peaceplan, ours.peaceplan, theirs.peaceplan), plan: ours.plan };
  // Lineage fields always differ between two revisions: they follow the side that changed them, never a conflict.
  plan.version = options.version ?? pick(base.version, ours.version, theirs.version)?.v ?? `${ours.version}-with-${theirs.version}`.slice(0, 64).replace(/-+$/, '');
  plan.date = pick(base.date, ours.date, theirs.date)?.v ?? (ours.date > theirs.date ? ours.date : theirs.date);
  const parent = pick(base.parent ?? null, ours.parent ?? null, theirs.parent ?? null);
  plan.parent = parent ? parent.v : ours.version;
  plan.authors = set3(base.authors, ours.authors, theirs.authors);
  for (const field of PLAN_FIELDS) {
    const merged = field3(base[field], ours[field], theirs[field], null, field, names, conflicts);
    if (merged !== undefined) plan[field] = merged;
  }
  const sources: Record<string, unknown> = {};
  for (const key of union(Object.keys(ours.sources), Object.keys(theirs.sources))) {
    const merged = field3(base.sources[key], ours.sources[key], theirs.sources[key], null, `sources.${key}`, names, conflicts);
    if (merged !== undefined) sources[key] = merged;
  }
  plan.sources = sources;
  plan.clauses = coversKept(mergeClauses(base, ours, theirs, names, conflicts));
  const clauseIds = new Set((plan.clauses as Clause[]).map((c) => c.id));
  const reports = { parent: plan.parent as string | null, names, conflicts };
  const removed = mergeReports(base, ours, theirs, 'removed', (id) => !clauseIds.has(id), reports);
  if (removed.length) plan.removed = removed;
  const added = mergeReports(base, ours, theirs, 'added', (id) => clauseIds.has(id), reports);
  if (added.length) plan.added = added;
  plan.clauses = partOfKept(plan.clauses as Clause[], new Set(removed.map((r) => r.clause)), conflicts);
  // Conflicts on the plan's own fields keep ours in the field; theirs is written into the summary, so the file shows both.
  const planLevel = conflicts.filter((c) => c.clause === null);
  if (planLevel.length) {
    const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '(none)').slice(0, 300);
    const lines = planLevel.map((c) => `${c.field} in ${names.theirs}: ${shown(c.theirs)}`).join('; ');
    plan.summary = `${typeof plan.summary === 'string' ? `${plan.summary} ` : ''}Merge conflict, resolve and remove this note: the fields keep the reading of ${names.ours}; ${lines}.`.slice(0, 20000);
  }
  if (plan.authors === undefined) delete plan.authors;
  if (plan.parent === null && ours.parent === undefined && theirs.parent === undefined) delete plan.parent;
  const result = normalise(plan, ours);
  return { plan: result, conflicts, clean: conflicts.length === 0 };
}

/** The three-way pick of a value: the side that changed it, or the shared value; undefined when both changed it differently. */
function pick<T>(base: T, ours: T, theirs: T): { v: T } | undefined {
  if (deepEqual(ours, theirs)) return { v: ours };
  if (deepEqual(ours, base)) return { v: theirs };
  if (deepEqual(theirs, base)) return { v: ours };
  return undefined;
}

/** Three-way merge of one field; a conflict keeps ours and is reported. */
function field3(base: unknown, ours: unknown, theirs: unknown, clause: string | null, field: string, names: { ours: string; theirs: string }, out: MergeConflict[]): unknown {
  const picked = pick(base, ours, theirs);
  if (picked) return picked.v;
  const values = `${names.ours} ${shortValue(ours)}, ${names.theirs} ${shortValue(theirs)}${base === undefined ? '' : ` (base ${shortValue(base)})`}`;
  out.push({ clause, field, ...slot('base', base), ...slot('ours', ours), ...slot('theirs', theirs), says: `${field} changed differently: ${values}` });
  return ours;
}

/** A value in a conflict message: numbers and short words as they are, text quoted and cut at 60 characters. */
function shortValue(v: unknown): string {
  if (v === undefined) return '(not set)';
  if (typeof v === 'number') return formatValue(v);
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  const cut = text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
  return typeof v === 'string' && /\s/.test(v) ? `“${cut}”` : cut;
}

function slot(name: 'base' | 'ours' | 'theirs', value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [name]: clone(value) };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a);
  return [...a, ...b.filter((x) => !seen.has(x))];
}

/** Clause ids in merged order: ours, with theirs' own clauses after the clause that precedes them in theirs. */
function order(ours: Plan, theirs: Plan): string[] {
  const out = ours.clauses.map((c) => c.id);
  const have = new Set(out);
  theirs.clauses.forEach((c, i) => {
    if (have.has(c.id)) return;
    const before = theirs.clauses.slice(0, i).reverse().find((p) => have.has(p.id));
    out.splice(before ? out.indexOf(before.id) + 1 : 0, 0, c.id);
    have.add(c.id);
  });
  return out;
}

function mergeClauses(base: Plan, ours: Plan, theirs: Plan, names: { ours: string; theirs: string }, conflicts: MergeConflict[]): Clause[] {
  const index = (p: Plan) => new Map(p.clauses.map((c) => [c.id, c]));
  const [b, o, t] = [index(base), index(ours), index(theirs)];
  const ids = order(ours, theirs);
  const taken = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
  const out: Clause[] = [];
  for (const id of ids) {
    const [cb, co, ct] = [b.get(id), o.get(id), t.get(id)];
    const simple = pick<Clause | undefined>(cb, co, ct);
    if (simple) {
      if (simple.v) out.push(clone(simple.v));
      continue;
    }
    if (!co || !ct) {
      // Removed on one side, changed on the other: keep the changed clause, bracketed, and say so.
      const kept = (co ?? ct) as Clause;
      const [changedIn, removedIn] = co ? [names.ours, names.theirs] : [names.theirs, names.ours];
      conflicts.push({ clause: id, field: 'clause', ...slot('base', cb), ...slot('ours', co), ...slot('theirs', ct), says: `changed in ${changedIn}, removed in ${removedIn}` });
      out.push(bracket(clone(kept), `Merge conflict: changed in ${changedIn}, removed in ${removedIn}; keep it or delete it.`));
      continue;
    }
    if (!cb) {
      // Added on both sides, differently: each side's clause as written, side by side.
      conflicts.push({ clause: id, field: 'clause', ...slot('ours', co), ...slot('theirs', ct), says: `added differently in ${names.ours} and ${names.theirs}` });
      const alternative = { ...clone(ct), id: freeId(`${id}-alt`, taken), ...(co.number !== undefined ? { number: freeNumber(co.number, out.concat(ours.clauses, theirs.clauses)) } : {}) };
      out.push(bracket(clone(co), `Merge conflict: added differently; this is the reading of ${names.ours}; clause ${alternative.id} is the reading of ${names.theirs}. Keep one.`));
      out.push(bracket(alternative, `Merge conflict: the reading of ${names.theirs} for clause ${id}. Keep one.`));
      continue;
    }
    const before = conflicts.length;
    const merged = mergeClause(cb, co, ct, names, conflicts);
    const own = conflicts.slice(before);
    if (own.length === 0) {
      out.push(merged);
      continue;
    }
    const fields = own.filter((c) => c.field !== 'clause').map((c) => c.field);
    const alternative = clone(merged) as Clause & Record<string, unknown>;
    for (const c of own) if (c.field !== 'clause') setField(alternative, c.field, c.theirs);
    // Text and terms say one thing together: when they are in conflict, each reading takes them all from its own side,
    // so a text of 750,000 never stands beside a cap of 700,000 merged in from the other side.
    if (fields.some((f) => SUBSTANCE.has(f.split('.')[0] ?? f))) {
      for (const key of SUBSTANCE) {
        takeFrom(merged as Clause & Record<string, unknown>, co, key);
        takeFrom(alternative, ct, key);
      }
    }
    alternative.id = freeId(`${id}-alt`, taken);
    if (merged.number !== undefined) alternative.number = freeNumber(merged.number, out.concat(ours.clauses, theirs.clauses));
    out.push(bracket(merged, `Merge conflict on ${fields.length ? fields.join(', ') : 'the whole clause'}: this is the reading of ${names.ours}; clause ${alternative.id} is the reading of ${names.theirs}. Keep one.`));
    out.push(bracket(alternative, `Merge conflict: the reading of ${names.theirs} for clause ${id}. Keep one.`));
  }
  return out;
}

/** The fields of a clause that state its substance together. */
const SUBSTANCE = new Set(['text', 'terms', 'conditions', 'options']);

/** Sets `key` of `target` to `source`'s value (a copy), or removes it where `source` has none. */
function takeFrom(target: Record<string, unknown>, source: Clause, key: string): void {
  const value = (source as unknown as Record<string, unknown>)[key];
  if (value === undefined) delete target[key];
  else target[key] = clone(value);
}

function mergeClause(cb: Clause | undefined, co: Clause, ct: Clause, names: { ours: string; theirs: string }, conflicts: MergeConflict[]): Clause {
  const get = (c: Clause | undefined, k: string) => (c as Record<string, unknown> | undefined)?.[k];
  const merged: Record<string, unknown> = {};
  const keys = union(union(Object.keys(co), Object.keys(ct)), Object.keys(cb ?? {})).filter((k) => k !== 'terms');
  for (const k of keys) {
    const v = k === 'sources' ? sources3(get(cb, k), get(co, k), get(ct, k), co.id, k, names, conflicts) : SET_FIELDS.has(k) ? set3(get(cb, k), get(co, k), get(ct, k)) : field3(get(cb, k), get(co, k), get(ct, k), co.id, k, names, conflicts);
    if (v !== undefined) merged[k] = clone(v);
  }
  const tb = (cb?.terms ?? {}) as Record<string, unknown>;
  const [to, tt] = [(co.terms ?? {}) as Record<string, unknown>, (ct.terms ?? {}) as Record<string, unknown>];
  const terms: Record<string, unknown> = {};
  for (const k of union(union(Object.keys(to), Object.keys(tt)), Object.keys(tb))) {
    const isSet = termSpec(co.topic, k, to[k] ?? tt[k]).kind === 'set';
    const v = isSet ? set3(tb[k], to[k], tt[k]) : field3(tb[k], to[k], tt[k], co.id, `terms.${k}`, names, conflicts);
    if (v !== undefined) terms[k] = clone(v);
  }
  if (co.terms !== undefined || ct.terms !== undefined) merged.terms = terms;
  // A term one side reports is reported: it leaves the list of those not reported.
  if (Array.isArray(merged.unreported)) {
    const stated = (k: string) => Object.hasOwn(terms, k) || (k === 'conditions' && Array.isArray(merged.conditions) && merged.conditions.length > 0);
    const still = (merged.unreported as string[]).filter((k) => !stated(k));
    if (still.length) merged.unreported = still;
    else delete merged.unreported;
  }
  return merged as unknown as Clause;
}

/** Clause fields that are sets: merged member by member, so they conflict only where sources would be left empty. */
const SET_FIELDS = new Set(['sources', 'parties', 'unreported', 'covers']);

/**
 * Each clause covers only what the merged version does not keep apart and no
 * clause before it covers (one side may have kept a clause the other took into
 * another); a list left empty goes.
 */
function coversKept(clauses: Clause[]): Clause[] {
  const ids = new Set(clauses.map((c) => c.id));
  const taken = new Set<string>();
  return clauses.map((c) => {
    if (!c.covers) return c;
    const covers = c.covers.filter((id) => (id === c.id || !ids.has(id)) && !taken.has(id));
    for (const id of covers) taken.add(id);
    if (covers.length === c.covers.length) return c;
    const { covers: _, ...rest } = c;
    return (covers.length ? { ...rest, covers } : rest) as Clause;
  });
}

/**
 * A clause's `partOf` that the merged version contradicts (one side split the clause, the other
 * took it whole into another, listed it as removed, or gave the part `covers`): dropped, and told
 * as a conflict, so the merged file is valid and the reader sees what was given up.
 */
function partOfKept(clauses: Clause[], removed: ReadonlySet<string>, conflicts: MergeConflict[]): Clause[] {
  const covered = new Map<string, string>();
  for (const c of clauses) for (const id of c.covers ?? []) if (!covered.has(id)) covered.set(id, c.id);
  return clauses.map((c) => {
    const id = c.partOf;
    if (id === undefined) return c;
    const why = id === c.id ? 'it names itself' : c.covers ? 'it covers clauses too' : covered.has(id) ? `\`${id}\` is covered by \`${covered.get(id)}\`` : removed.has(id) ? `\`${id}\` is listed as removed` : undefined;
    if (!why) return c;
    conflicts.push({ clause: c.id, field: 'partOf', ours: id, says: `partOf ${id} dropped: ${why} in the merged version` });
    const { partOf: _, ...rest } = c;
    return rest as Clause;
  });
}

/**
 * Clauses reported dropped (`removed`) or new (`added`), merged member by
 * member (by clause id, as sets merge), each entry three ways (a change one
 * side made to it is kept; two different changes conflict, ours kept): each
 * keeps the version it is dropped from or new since, written out where the
 * merged parent differs; an entry whose clause the merged version no longer
 * fits (`fits`: a dropped clause it keeps, a new clause it lost) goes.
 */
function mergeReports<K extends 'removed' | 'added'>(
  base: Plan,
  ours: Plan,
  theirs: Plan,
  field: K,
  fits: (id: string) => boolean,
  { parent, names, conflicts }: { parent: string | null; names: { ours: string; theirs: string }; conflicts: MergeConflict[] },
): NonNullable<Plan[K]> {
  type Entry = NonNullable<Plan[K]>[number];
  const key = field === 'removed' ? 'from' : 'since';
  const anchored = (p: Plan) => ((p[field] ?? []) as Entry[]).map((r) => ((r as unknown as Record<string, unknown>)[key] === undefined && p.parent != null && p.parent !== parent ? { ...r, [key]: p.parent } : r));
  const [b, o, t] = [anchored(base), anchored(ours), anchored(theirs)];
  const ids = (xs: Entry[]) => xs.map((r) => r.clause);
  const chosen = (set3(ids(b), ids(o), ids(t)) as string[] | undefined) ?? [];
  const entry = (xs: Entry[], id: string) => xs.find((r) => r.clause === id);
  // An entry one side took out while the other changed it stays, changed, as a conflict (as a clause would).
  const edited = ids(b).filter((id) => {
    const [was, mine, yours] = [entry(b, id), entry(o, id), entry(t, id)];
    // The entry as the side that kept it has it, when the other side took it out.
    const left = mine === undefined ? yours : yours === undefined ? mine : undefined;
    if (!left || deepEqual(left, was)) return false;
    conflicts.push({ clause: null, field: `${field}.${id}`, ...(mine ? { ours: mine } : {}), ...(yours ? { theirs: yours } : {}), says: `${field}.${id} changed in ${mine ? names.ours : names.theirs}, taken out in ${mine ? names.theirs : names.ours}` });
    return true;
  });
  const merged = (id: string) => (edited.includes(id) ? (entry(o, id) ?? entry(t, id)) : (entry3(entry(b, id), entry(o, id), entry(t, id), `${field}.${id}`, names, conflicts) ?? entry(t, id)));
  return [...chosen, ...edited.filter((id) => !chosen.includes(id))].filter(fits).map(merged) as NonNullable<Plan[K]>;
}

/**
 * Three-way merge of one entry of `removed` or `added`: where both sides have it and changed it
 * differently, member by member (its sources as a set), so edits to different members both land
 * and a conflict names the member both changed.
 */
function entry3<E extends object>(base: E | undefined, ours: E | undefined, theirs: E | undefined, at: string, names: { ours: string; theirs: string }, conflicts: MergeConflict[]): E | undefined {
  const whole = pick(base, ours, theirs);
  if (whole) return whole.v;
  if (!ours || !theirs) return field3(base, ours, theirs, null, at, names, conflicts) as E | undefined;
  const [b, o, t] = [(base ?? {}) as Record<string, unknown>, ours as Record<string, unknown>, theirs as Record<string, unknown>];
  const out: Record<string, unknown> = {};
  for (const k of union(union(Object.keys(o), Object.keys(t)), Object.keys(b))) {
    const v = k === 'sources' ? sources3(b[k], o[k], t[k], null, `${at}.${k}`, names, conflicts) : field3(b[k], o[k], t[k], null, `${at}.${k}`, names, conflicts);
    if (v !== undefined) out[k] = v;
  }
  return out as E;
}

/**
 * Three-way merge of a set (a list of distinct values): members either side
 * added are in, members either side removed are out; ours' order first.
 * Undefined when the result would be empty and neither side has the field.
 */
function set3(base: unknown, ours: unknown, theirs: unknown): unknown {
  const pickOne = pick(base, ours, theirs);
  if (pickOne) return pickOne.v;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const [b, o, t] = [list(base), list(ours), list(theirs)];
  const has = (xs: unknown[], x: unknown) => xs.some((y) => deepEqual(x, y));
  const removed = [...b.filter((x) => !has(o, x)), ...b.filter((x) => !has(t, x))];
  const out: unknown[] = [];
  for (const x of [...o, ...t]) if (!has(out, x) && !has(removed, x)) out.push(x);
  return out.length === 0 && ours === undefined && theirs === undefined ? undefined : out;
}

/**
 * Three-way merge of a list of sources, as a set; where each side took out what the other kept and
 * none is left, the two readings conflict (ours kept): a statement cites at least one source.
 */
function sources3(base: unknown, ours: unknown, theirs: unknown, clause: string | null, field: string, names: { ours: string; theirs: string }, out: MergeConflict[]): unknown {
  const merged = set3(base, ours, theirs);
  return Array.isArray(merged) && merged.length === 0 ? field3(base, ours, theirs, clause, field, names, out) : merged;
}

function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  if (field.startsWith('terms.')) {
    const terms = { ...((target.terms ?? {}) as Record<string, unknown>) };
    if (value === undefined) delete terms[field.slice(6)];
    else terms[field.slice(6)] = clone(value);
    target.terms = terms;
  } else if (value === undefined) delete target[field];
  else target[field] = clone(value);
}

/** A clause marked bracketed with a note, its fields in the format's order (a reading rebuilt from two sides keeps the layout of its neighbours). */
function bracket(clause: Clause, note: string): Clause {
  // The status it had is kept in words, so resolving the conflict can restore it.
  const was = clause.status !== 'bracketed' ? ` It was ${clause.status}.` : '';
  const marked: Record<string, unknown> = { ...clause, status: 'bracketed', note: clause.note ? `${note}${was} ${clause.note}` : `${note}${was}` };
  const known = CLAUSE_FIELD_ORDER.filter((k) => Object.hasOwn(marked, k));
  const keys = [...known, ...Object.keys(marked).filter((k) => !known.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, marked[k]])) as unknown as Clause;
}

function freeId(wanted: string, taken: Set<string>): string {
  let id = wanted.slice(0, 60);
  for (let n = 2; taken.has(id); n++) id = `${wanted.slice(0, 58)}-${n}`;
  taken.add(id);
  return id;
}

function freeNumber(number: string, clauses: readonly Clause[]): string {
  const used = new Set(clauses.map((c) => c.number));
  for (let n = 1; ; n++) {
    const candidate = `${number}-alt${n === 1 ? '' : n}`;
    if (candidate.length <= 16 && !used.has(candidate)) return candidate;
    if (candidate.length > 16) {
      const short = `alt${n}`;
      if (!used.has(short)) return short;
    }
  }
}

/** The merged plan with its fields in the format's order. */
function normalise(plan: Record<string, unknown>, ours: Plan): Plan {
  const out: Record<string, unknown> = {};
  for (const k of PLAN_FIELD_ORDER) if (plan[k] !== undefined && (k !== '$schema' || ours.$schema !== undefined)) out[k] = k === '$schema' ? ours.$schema : plan[k];
  return out as unknown as Plan;
}

