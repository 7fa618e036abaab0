/**
 * Conditions of stance rules: tests on a clause's terms. The term's kind (from
 * the plan schema) decides which tests make sense, so a rule can be checked
 * against the schema before it is ever evaluated, and evaluated the same way
 * on any version, including one written after the rule.
 */
import type { PathSegment } from '../errors.js';
import type { TermSpec } from '../diff/term-kinds.js';
import type { Condition, Test } from '../model/types.js';

type Op = keyof Test;
const ORDER_OPS = ['lt', 'lte', 'gt', 'gte'] as const;
const VALUE_OPS = ['eq', 'ne', 'in', 'notIn'] as const;

/** The tests each kind of term accepts (`present` goes with every kind). */
const ALLOWED: Readonly<Record<TermSpec['kind'], readonly Op[]>> = {
  quantity: [...VALUE_OPS, ...ORDER_OPS],
  money: ORDER_OPS,
  ordered: [...VALUE_OPS, ...ORDER_OPS],
  date: [...VALUE_OPS, ...ORDER_OPS],
  enum: VALUE_OPS,
  text: VALUE_OPS,
  boolean: ['eq', 'ne'],
  set: ['includes', 'excludes', 'includesAny'],
  list: ['any', 'every'],
  duration: [],
  deadline: [],
  record: [],
  value: [],
};

/** A problem with a condition, at a path relative to the condition. */
export interface ConditionProblem {
  path: PathSegment[];
  code: 'UNKNOWN_TERM' | 'INVALID_CONDITION';
  message: string;
  hint?: string;
}

/** What is wrong with `cond` for terms described by `specs` (a topic's terms, or a record's fields). */
export function conditionProblems(specs: Readonly<Record<string, TermSpec>>, cond: Condition, what: string): ConditionProblem[] {
  const out: ConditionProblem[] = [];
  for (const [term, test] of Object.entries(cond)) {
    const spec = Object.hasOwn(specs, term) ? specs[term] : undefined;
    if (!spec) {
      const known = Object.keys(specs);
      out.push({ path: [term], code: 'UNKNOWN_TERM', message: `${what} has no term \`${term}\``, hint: known.length ? `its terms: ${known.join(', ')}` : 'it has no typed terms' });
      continue;
    }
    for (const op of Object.keys(test) as Op[]) {
      for (const p of testProblems(spec, op, test[op])) out.push({ ...p, path: [term, op, ...p.path] });
    }
  }
  return out;
}

function testProblems(spec: TermSpec, op: Op, arg: unknown): ConditionProblem[] {
  const bad = (message: string, hint?: string, path: PathSegment[] = []): ConditionProblem[] => [{ path, code: 'INVALID_CONDITION', message, ...(hint ? { hint } : {}) }];
  if (op === 'present') return [];
  const allowed = ALLOWED[spec.kind];
  if (!allowed.includes(op)) {
    const can = ['present', ...allowed].map((o) => `\`${o}\``).join(', ');
    return bad(`\`${op}\` does not apply to ${spec.label} (${describeKind(spec)})`, `tests that apply: ${can}`);
  }
  if (op === 'any' || op === 'every') return conditionProblems(spec.fields ?? {}, arg as Condition, `an item of ${spec.label}`);
  const listed = op === 'in' || op === 'notIn' || op === 'includesAny';
  const args = listed ? (arg as unknown[]) : [arg];
  return args.flatMap((value, i) => {
    const problem = valueProblem(spec, value);
    return problem ? bad(problem.message, problem.hint, listed ? [i] : []) : [];
  });
}

function valueProblem(spec: TermSpec, value: unknown): { message: string; hint?: string } | undefined {
  const shown = JSON.stringify(value);
  switch (spec.kind) {
    case 'quantity':
    case 'money':
      if (typeof value === 'number') return undefined;
      return spec.kind === 'money' ? { message: `${spec.label} is compared by its amount; ${shown} is not a number`, hint: 'write the amount, e.g. 100000000000' } : { message: `${spec.label} is a number; ${shown} is not` };
    case 'ordered':
      return typeof value === 'string' && spec.order?.includes(value) ? undefined : { message: `${shown} is not a rung of ${spec.label}`, hint: `from lowest to highest: ${spec.order?.join(', ')}` };
    case 'enum':
      return spec.values?.includes(value) ? undefined : { message: `${shown} is not a value of ${spec.label}`, hint: `its values: ${spec.values?.map(String).join(', ')}` };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : { message: `${spec.label} is a date; ${shown} is not`, hint: 'write YYYY-MM-DD' };
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { message: `${spec.label} is true or false; ${shown} is not` };
    case 'text':
      return typeof value === 'string' ? undefined : { message: `${spec.label} is text; ${shown} is not` };
    case 'set':
      if (spec.values && !spec.values.includes(value)) return { message: `${shown} cannot be a member of ${spec.label}`, hint: `its members come from: ${spec.values.map(String).join(', ')}` };
      return typeof value === 'string' ? undefined : { message: `${spec.label} holds text; ${shown} is not` };
    default:
      return undefined;
  }
}

function describeKind(spec: TermSpec): string {
  const names: Record<TermSpec['kind'], string> = {
    quantity: 'a number', money: 'an amount of money', ordered: 'an ordered value', date: 'a date', enum: 'a value from a list', text: 'text',
    boolean: 'true or false', set: 'a set', list: 'a list of records', duration: 'a duration', deadline: 'a deadline', record: 'a record', value: 'a value',
  };
  return names[spec.kind];
}

/** The terms a condition needs the clause to state before the rule covers it (all but `present: false`). */
export function requiredTerms(cond: Condition | undefined): string[] {
  return Object.entries(cond ?? {}).filter(([, t]) => t.present !== false).map(([k]) => k);
}

/** True when every test of `cond` holds for `values` (a clause's terms, or one record of a list). */
export function holds(specs: Readonly<Record<string, TermSpec>>, values: Readonly<Record<string, unknown>>, cond: Condition): boolean {
  return Object.entries(cond).every(([term, test]) => {
    const spec = (Object.hasOwn(specs, term) ? specs[term] : undefined) ?? { kind: 'value', label: term };
    const value = Object.hasOwn(values, term) ? values[term] : undefined;
    return (Object.keys(test) as Op[]).every((op) => passes(spec, value, op, test[op]));
  });
}

function passes(spec: TermSpec, value: unknown, op: Op, arg: unknown): boolean {
  if (op === 'present') return (value !== undefined && value !== null) === arg;
  // A value that is not there is not equal to anything, is in no list, and holds no member.
  if (value === undefined || value === null) return op === 'ne' || op === 'notIn' || op === 'excludes';
  switch (op) {
    case 'eq':
      return value === arg;
    case 'ne':
      return value !== arg;
    case 'in':
      return (arg as unknown[]).includes(value);
    case 'notIn':
      return !(arg as unknown[]).includes(value);
    // A set term written as one member (one operator rather than several) is a set of one.
    case 'includes':
      return (Array.isArray(value) ? value : spec.kind === 'set' ? [value] : []).includes(arg);
    case 'excludes':
      return (Array.isArray(value) || spec.kind === 'set') && !(Array.isArray(value) ? value : [value]).includes(arg);
    case 'includesAny': {
      const members = Array.isArray(value) ? value : spec.kind === 'set' ? [value] : [];
      return (arg as unknown[]).some((a) => members.includes(a));
    }
    case 'any':
    case 'every': {
      if (!Array.isArray(value)) return false;
      const items = value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object');
      const fits = (item: Record<string, unknown>) => holds(spec.fields ?? {}, item, arg as Condition);
      return op === 'any' ? items.some(fits) : items.every(fits);
    }
    default: {
      const [a, b] = [rank(spec, value), rank(spec, arg)];
      if (a === undefined || b === undefined) return false;
      return op === 'lt' ? a < b : op === 'lte' ? a <= b : op === 'gt' ? a > b : a >= b;
    }
  }
}

/** A value's place on its scale: the number, the money amount, the rung of a ladder, or the date. */
export function rank(spec: TermSpec, value: unknown): number | string | undefined {
  if (spec.kind === 'ordered') {
    const i = spec.order?.indexOf(value as string) ?? -1;
    return i < 0 ? undefined : i;
  }
  if (spec.kind === 'money' && value !== null && typeof value === 'object') return (value as { amount?: number }).amount;
  // A date that is fixed but not published (`undisclosed`) is neither before nor after any day.
  if (spec.kind === 'date') return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return undefined;
}
