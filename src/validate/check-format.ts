/**
 * Checks what format 2 adds to a clause (and the plan's `removed` and `added`), beyond its
 * schema: a version-1 file uses none of it (NEEDS_FORMAT_2), option ids are unique within their clause,
 * a condition names a term the clause has, a day range runs forwards, and a term listed as
 * unreported is one the clause's topic has and the clause does not set.
 */
import type { ErrorList } from '../error-list.js';
import type { PathSegment } from '../errors.js';
import type { SourceMap } from '../load/source-map.js';
import type { Clause, Plan } from '../model/types.js';
import { closestIn } from '../util/closest.js';
import { isKnownTerm, termsOfTopic } from '../diff/term-kinds.js';

/** Clause fields that exist from format 2 on. */
const CLAUSE_FIELDS_2 = ['presence', 'carriedFrom', 'covers', 'partOf', 'conditions', 'options', 'unreported'] as const;

/** Adds positioned errors for misuse of the format-2 clause fields of `plan`. */
export function checkFormat(plan: Plan, map: SourceMap, out: ErrorList, vocabulary?: object): void {
  const v1 = plan.peaceplan === 1;
  for (const field of ['removed', 'added'] as const) {
    if (v1 && plan[field] !== undefined) {
      out.add(map.errorFor([field], { code: 'NEEDS_FORMAT_2', message: `\`${field}\` needs format 2, and this file says \`peaceplan: 1\``, hint: 'write `peaceplan: 2` at the top (or run `peaceplan migrate`)' }, 'key'));
    }
  }
  plan.clauses.forEach((clause, i) => {
    const at: PathSegment[] = ['clauses', i];
    if (v1) needsFormat2(clause, at, map, out);
    checkOptions(clause, at, map, out);
    checkConditions(clause, at, map, out);
    checkUnreported(clause, at, map, out, vocabulary);
  });
}

/** Each term listed as unreported is a term of the clause's topic (any name in the open topic) that the clause does not set; `conditions` names the clause's conditions, which it then states none of. */
function checkUnreported(clause: Clause, at: PathSegment[], map: SourceMap, out: ErrorList, vocabulary?: object): void {
  const set = isMap(clause.terms) ? clause.terms : {};
  const near = closestIn(termsOfTopic(clause.topic, vocabulary));
  (clause.unreported ?? []).forEach((term, j) => {
    const path = [...at, 'unreported', j];
    if (term === 'conditions' && !isKnownTerm(clause.topic, term, vocabulary)) {
      // The clause's conditions as a whole: not reported, so the clause states none.
      if (clause.conditions?.length) out.add(map.errorFor(path, { code: 'INVALID_VALUE', message: 'the clause states conditions and lists `conditions` as unreported', hint: 'its conditions are either reported (in conditions) or not (here): keep one' }));
    } else if (Object.hasOwn(set, term)) {
      out.add(map.errorFor(path, { code: 'INVALID_VALUE', message: `\`${term}\` is set in terms and listed as unreported`, hint: 'a term is either reported (in terms) or not (here): keep one' }));
    } else if (!isKnownTerm(clause.topic, term, vocabulary)) {
      const guess = near(term);
      out.add(map.errorFor(path, { code: 'UNKNOWN_TERM', message: `\`${term}\` is not a term of topic \`${clause.topic}\``, hint: guess ? `did you mean \`${guess}\`?` : 'name a term the topic has (see the schema or the family\'s terms.yaml)' }));
    }
  });
}

function needsFormat2(clause: Clause, at: PathSegment[], map: SourceMap, out: ErrorList): void {
  const used: Array<[PathSegment[], string, 'key' | 'value']> = CLAUSE_FIELDS_2.filter((f) => Object.hasOwn(clause, f)).map((f) => [[...at, f], `\`${f}\``, 'key']);
  if (clause.number === undefined) used.push([[...at, 'id'], 'a clause without `number`', 'value']);
  if (clause.status === 'deferred') used.push([[...at, 'status'], '`status: deferred`', 'value']);
  // The open topic's terms are the writer's own names: `hours` there is not a format-2 shape.
  if (clause.topic !== 'other') for (const [path, what, part] of valueShapes2(clause.terms, [...at, 'terms'])) used.push([path, what, part]);
  for (const [path, what, part] of used) {
    out.add(map.errorFor(path, {
      code: 'NEEDS_FORMAT_2',
      message: `${what} needs format 2, and this file says \`peaceplan: 1\``,
      hint: 'write `peaceplan: 2` at the top (or run `peaceplan migrate`)',
    }, part));
  }
}

/** Term values whose form exists only in format 2: hours, asap after an event, a money basis, an undisclosed date, several operators, a force level or floor, an economy total. */
function valueShapes2(terms: unknown, at: PathSegment[]): Array<[PathSegment[], string, 'key' | 'value']> {
  const found: Array<[PathSegment[], string, 'key' | 'value']> = [];
  const walk = (v: unknown, path: PathSegment[], depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') {
      if (v === 'undisclosed' && path.at(-1) === 'targetDate') found.push([path, 'an undisclosed date', 'value']);
      if (v === 'on-approval' && path.at(-1) === 'startsWhen') found.push([path, 'a ceasefire that starts on approval', 'value']);
      return;
    }
    if (Array.isArray(v)) {
      if (path.at(-1) === 'operator') found.push([path, 'a list of operators', 'value']);
      else v.forEach((x, i) => walk(x, [...path, i], depth + 1));
      return;
    }
    const o = v as Record<string, unknown>;
    for (const key of ['hours', 'basis', 'asap', 'personnelLevel', 'personnelFloor', 'total'] as const) {
      if (Object.hasOwn(o, key) && (key !== 'total' || path.length === at.length)) found.push([[...path, key], `\`${key}\``, 'key']);
    }
    if (o.unit === 'hours') found.push([[...path, 'unit'], 'a duration in hours', 'value']);
    for (const [k, x] of Object.entries(o)) walk(x, [...path, k], depth + 1);
  };
  walk(terms, at, 0);
  return found;
}

function checkOptions(clause: Clause, at: PathSegment[], map: SourceMap, out: ErrorList): void {
  const first = new Map<string, number>();
  (clause.options ?? []).forEach((option, j) => {
    const earlier = first.get(option.id);
    if (earlier === undefined) {
      first.set(option.id, j);
      return;
    }
    out.add(map.errorFor([...at, 'options', j, 'id'], {
      code: 'DUPLICATE_OPTION_ID',
      message: `option id \`${option.id}\` is used twice in clause \`${clause.id}\``,
      hint: `first used on line ${map.locate([...at, 'options', earlier, 'id']).line}; each option of a clause needs its own id`,
    }));
  });
}

function checkConditions(clause: Clause, at: PathSegment[], map: SourceMap, out: ErrorList): void {
  const terms = new Set<string>(Object.keys(isMap(clause.terms) ? clause.terms : {}));
  for (const option of clause.options ?? []) for (const k of Object.keys(isMap(option.terms) ? option.terms : {})) terms.add(k);
  const near = closestIn([...terms]);
  (clause.conditions ?? []).forEach((c, j) => {
    if (c.term !== undefined && !terms.has(c.term)) {
      const guess = near(c.term);
      out.add(map.errorFor([...at, 'conditions', j, 'term'], {
        code: 'UNKNOWN_TERM',
        message: `the condition names the term \`${c.term}\`, which clause \`${clause.id}\` does not set`,
        hint: guess ? `did you mean \`${guess}\`?` : 'name a term of the clause or of one of its options, or leave `term` out to condition the whole clause',
      }));
    }
    if (c.minDays !== undefined && c.maxDays !== undefined && c.minDays > c.maxDays) {
      out.add(map.errorFor([...at, 'conditions', j, 'maxDays'], {
        code: 'INVALID_VALUE',
        message: `maxDays ${c.maxDays} is less than minDays ${c.minDays}`,
        hint: 'the range runs from minDays to maxDays',
      }));
    }
    if (c.kind === 'date' && c.date === undefined) {
      out.add(map.errorFor([...at, 'conditions', j, 'kind'], {
        code: 'MISSING_FIELD',
        message: 'a condition of kind `date` needs `date`',
        hint: 'write the day it depends on: `date: 2026-01-31`',
      }));
    }
  });
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
