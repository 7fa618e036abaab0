/**
 * Checks a schema-valid plan for what a schema cannot say: real calendar
 * dates, unique clause ids and numbers, and references that resolve.
 */
import type { ErrorList } from '../error-list.js';
import { pointerToPath } from '../errors.js';
import type { PathSegment } from '../errors.js';
import type { SourceMap } from '../load/source-map.js';
import type { Plan } from '../model/types.js';
import type { SchemaRef } from '../schema/ajv.js';
import { closestIn } from '../util/closest.js';
import { checkEvidence } from './check-evidence.js';
import { checkFormat } from './check-format.js';

/** Adds positioned errors for semantic problems in `plan`. `stakeholderIds` enables the stakeholder check; `vocabulary` is the plan schema with the family's own terms. */
export function checkPlan(
  plan: Plan,
  refs: readonly SchemaRef[],
  map: SourceMap,
  out: ErrorList,
  stakeholderIds: ReadonlySet<string> | undefined,
  vocabulary?: object,
): void {
  checkDates(plan, map, out);
  checkUnique(plan, 'id', 'DUPLICATE_CLAUSE_ID', map, out);
  checkUnique(plan, 'number', 'DUPLICATE_CLAUSE_NUMBER', map, out);
  checkRemovals(plan, map, out);
  checkAdditions(plan, map, out);
  checkCovers(plan, map, out);
  checkFormat(plan, map, out, vocabulary);

  checkReferences(plan, refs, map, out, stakeholderIds, 'clause');
  checkEvidence(plan, map, out);
}

/**
 * The checks that still mean something in a plan the schema refused, so that
 * one round of fixes finds them all: impossible dates where a date is written
 * as one, duplicate clause ids, and sources and stakeholders that do not
 * resolve. Each looks only at values of the shape it needs.
 */
export function checkReadableParts(data: unknown, refs: readonly SchemaRef[], map: SourceMap, out: ErrorList, stakeholderIds: ReadonlySet<string> | undefined): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const d = data as Record<string, unknown>;
  const sources = asRecord(d.sources);
  const dates: Array<[PathSegment[], unknown]> = [[['date'], d.date]];
  for (const [id, s] of Object.entries(sources ?? {})) if (s !== null && typeof s === 'object') dates.push([['sources', id, 'date'], (s as { date?: unknown }).date]);
  for (const [path, date] of dates) {
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isCalendarDate(date)) out.add(invalidDate(map, path, date));
  }
  if (Array.isArray(d.clauses)) {
    const clauses = d.clauses.map((c: unknown) => (c !== null && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string' ? { id: (c as { id: string }).id } : {}));
    checkUnique({ clauses } as unknown as Plan, 'id', 'DUPLICATE_CLAUSE_ID', map, out);
  }
  // No UNUSED_SOURCE here: a citation the schema refused would make a cited source look unused.
  checkReferences(d, refs, map, out, stakeholderIds, 'clause', false);
}

/** A value as a map of entries, when it is one. */
function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function invalidDate(map: SourceMap, path: PathSegment[], date: string) {
  return map.errorFor(path, { code: 'INVALID_DATE', message: `${date} is not a date in the calendar`, hint: 'write YYYY-MM-DD with a real month and day' });
}

/**
 * Checks the references of a file that has a `sources` map: every cited
 * source is defined (UNKNOWN_SOURCE) and, with `unused`, every defined source
 * cited (UNUSED_SOURCE, a warning); every stakeholder is known, when the
 * stakeholders are given (UNKNOWN_STAKEHOLDER). Without a sources map (data
 * the schema refused), sources are not checked.
 */
export function checkReferences(
  file: { sources?: unknown },
  refs: readonly SchemaRef[],
  map: SourceMap,
  out: ErrorList,
  stakeholderIds: ReadonlySet<string> | undefined,
  citedBy: string,
  unused = true,
): void {
  const sources = asRecord(file.sources);
  const sourceIds = Object.keys(sources ?? {});
  const nearSource = closestIn(sourceIds);
  const nearStakeholder = closestIn(stakeholderIds ? [...stakeholderIds] : []);
  const used = new Set<string>();
  for (const ref of refs) {
    if (ref.kind === 'source') {
      used.add(ref.id);
      if (sources && !Object.hasOwn(sources, ref.id)) unknownRef(out, map, ref.instancePath, file, 'UNKNOWN_SOURCE', 'source', ref.id, nearSource, 'add it under `sources:`');
    } else if (ref.kind === 'stakeholder' && stakeholderIds && !stakeholderIds.has(ref.id)) {
      unknownRef(out, map, ref.instancePath, file, 'UNKNOWN_STAKEHOLDER', 'stakeholder', ref.id, nearStakeholder, 'add it to stakeholders.yaml');
    }
  }
  for (const id of unused ? sourceIds : []) {
    if (!used.has(id)) {
      out.add(map.errorFor(['sources', id], {
        code: 'UNUSED_SOURCE',
        severity: 'warning',
        message: `the source \`${id}\` is not cited by any ${citedBy}`,
        hint: `cite it from a ${citedBy} or remove it`,
      }, 'key'));
    }
  }
}

/** Reports an id that does not resolve, with the nearest known id as a hint (not computed once the list is full). */
export function unknownRef(
  out: ErrorList,
  map: SourceMap,
  pointer: string,
  data: unknown,
  code: 'UNKNOWN_SOURCE' | 'UNKNOWN_STAKEHOLDER',
  what: string,
  id: string,
  near: (id: string) => string | undefined,
  fallback: string,
): void {
  if (out.full) {
    out.drop('error');
    return;
  }
  const guess = near(id);
  out.add(map.errorFor(pointerToPath(pointer, data), {
    code,
    message: `unknown ${what} \`${id}\``,
    hint: guess ? `did you mean \`${guess}\`?` : fallback,
  }));
}

/** A clause reported dropped is not also a clause of the version, nor listed twice. */
function checkRemovals(plan: Plan, map: SourceMap, out: ErrorList): void {
  const ids = new Set(plan.clauses.map((c) => c.id));
  const listed = new Map<string, number>();
  (plan.removed ?? []).forEach((r, i) => {
    const first = listed.get(r.clause);
    if (ids.has(r.clause) || first !== undefined) {
      out.add(map.errorFor(['removed', i, 'clause'], {
        code: 'DUPLICATE_CLAUSE_ID',
        message: first !== undefined ? `clause \`${r.clause}\` is listed as removed twice` : `clause \`${r.clause}\` is listed as removed but is a clause of this version`,
        hint: first !== undefined ? `also at removed[${first}]` : 'keep the clause, or the removal: not both',
      }, 'value'));
    }
    if (first === undefined) listed.set(r.clause, i);
  });
}

/**
 * A clause reported new is a clause of the version, listed once, and one its
 * writer saw (not carried over unseen); new since its parent, it takes in no
 * clause of the parent (`covers`, `partOf`).
 */
function checkAdditions(plan: Plan, map: SourceMap, out: ErrorList): void {
  const byId = new Map(plan.clauses.map((c) => [c.id, c]));
  const near = closestIn([...byId.keys()]);
  const listed = new Map<string, number>();
  (plan.added ?? []).forEach((r, i) => {
    const first = listed.get(r.clause);
    if (first !== undefined) {
      out.add(map.errorFor(['added', i, 'clause'], { code: 'DUPLICATE_CLAUSE_ID', message: `clause \`${r.clause}\` is listed as added twice`, hint: `also at added[${first}]` }, 'value'));
      return;
    }
    listed.set(r.clause, i);
    const c = byId.get(r.clause);
    if (!c) {
      const guess = near(r.clause);
      out.add(map.errorFor(['added', i, 'clause'], { code: 'UNKNOWN_CLAUSE', message: `clause \`${r.clause}\` is listed as added but is not a clause of this version`, hint: guess ? `did you mean \`${guess}\`?` : 'name a clause of this version' }, 'value'));
      return;
    }
    const ofParent = r.since === undefined || r.since === plan.parent;
    const problem =
      c.presence === 'assumed' || c.presence === 'unknown' ? { message: `clause \`${c.id}\` is listed as added but carried over unseen (presence ${c.presence})`, hint: 'a clause reported new is one this version states: keep one of the two' }
      : ofParent && (c.covers || c.partOf !== undefined) ? { message: `clause \`${c.id}\` is listed as new since the parent but takes in its clause${c.covers ? 's' : ''} (${c.covers ? 'covers' : 'partOf'})`, hint: 'a clause made of the parent\'s is not new: keep one of the two' }
      : undefined;
    if (problem) out.add(map.errorFor(['added', i, 'clause'], { code: 'INVALID_VALUE', ...problem }, 'value'));
  });
}

/**
 * A clause of the parent is covered by one clause of the version at most, and a
 * clause the version still has (other than the covering one) or lists as
 * removed is not covered: it cannot be both kept apart and taken into another.
 * A clause that takes part of a parent clause (`partOf`) names neither itself
 * nor a clause covered or listed as removed, and covers none.
 */
function checkCovers(plan: Plan, map: SourceMap, out: ErrorList): void {
  const ids = new Set(plan.clauses.map((c) => c.id));
  const removed = new Set((plan.removed ?? []).map((r) => r.clause));
  const by = new Map<string, string>();
  plan.clauses.forEach((c, i) => {
    (c.covers ?? []).forEach((id, j) => {
      const first = by.get(id);
      const problem =
        first !== undefined ? { message: `clause \`${id}\` is covered by \`${first}\` and by \`${c.id}\``, hint: 'one clause covers it; the other may cover its own' }
        : id !== c.id && ids.has(id) ? { message: `clause \`${id}\` is covered by \`${c.id}\` but is also a clause of this version`, hint: `keep \`${id}\` apart, or take it into \`${c.id}\`: not both` }
        : removed.has(id) ? { message: `clause \`${id}\` is covered by \`${c.id}\` but listed as removed`, hint: 'a clause taken into another is not dropped: keep one of the two' }
        : undefined;
      if (problem) out.add(map.errorFor(['clauses', i, 'covers', j], { code: 'INVALID_VALUE', ...problem }, 'value'));
      if (first === undefined) by.set(id, c.id);
    });
  });
  // A clause takes part of one parent clause that no clause of the version covers or lists as removed; not its own, and not while it covers others.
  plan.clauses.forEach((c, i) => {
    const id = c.partOf;
    if (id === undefined) return;
    const coverer = by.get(id);
    const problem =
      id === c.id ? { message: `clause \`${id}\` names itself as the clause it takes part of`, hint: 'a clause that keeps the parent clause\'s id goes on as it: leave `partOf` out' }
      : c.covers ? { message: `clause \`${c.id}\` both covers clauses and takes part of one`, hint: 'keep one of the two' }
      : coverer !== undefined ? { message: `clause \`${id}\` is covered by \`${coverer}\`, and \`${c.id}\` takes part of it`, hint: 'a clause taken whole into another is not split: keep one of the two' }
      : removed.has(id) ? { message: `clause \`${id}\` is listed as removed, and \`${c.id}\` takes part of it`, hint: 'a clause split into others is not dropped: keep one of the two' }
      : undefined;
    if (problem) out.add(map.errorFor(['clauses', i, 'partOf'], { code: 'INVALID_VALUE', ...problem }, 'value'));
  });
}

function checkUnique(plan: Plan, field: 'id' | 'number', code: 'DUPLICATE_CLAUSE_ID' | 'DUPLICATE_CLAUSE_NUMBER', map: SourceMap, out: ErrorList): void {
  const first = new Map<string, number>();
  plan.clauses.forEach((clause, i) => {
    const value = clause[field];
    if (value === undefined) return;
    const earlier = first.get(value);
    if (earlier === undefined) {
      first.set(value, i);
      return;
    }
    const line = map.locate(['clauses', earlier, field]).line;
    out.add(map.errorFor(['clauses', i, field], {
      code,
      message: `clause ${field} \`${value}\` is used twice`,
      hint: `first used on line ${line}; ${field === 'id' ? 'an id names one clause' : 'give each clause its own number'}`,
    }));
  });
}

function checkDates(plan: Plan, map: SourceMap, out: ErrorList): void {
  const dates: Array<[PathSegment[], string]> = [[['date'], plan.date]];
  for (const [id, source] of Object.entries(plan.sources)) {
    if (source.date !== undefined) dates.push([['sources', id, 'date'], source.date]);
  }
  for (const [path, date] of dates) {
    if (!isCalendarDate(date)) out.add(invalidDate(map, path, date));
  }
}

/** True when a YYYY-MM-DD string names a real day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
