/**
 * Schema validation. The validators are ajv's standalone code, generated from
 * the JSON Schemas at development time (validators.generated.ts), so nothing
 * is compiled when the library starts. This folder is the only place that
 * touches ajv.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import pairsSchema from '../../schemas/pairs.schema.json' with { type: 'json' };
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import positionsSchema from '../../schemas/positions.schema.json' with { type: 'json' };
import stakeholdersSchema from '../../schemas/stakeholders.schema.json' with { type: 'json' };
import termsSchema from '../../schemas/terms.schema.json' with { type: 'json' };
import { declaredTerms, declaredValueErrors } from './family-schema.js';
import type { Vocabulary } from './family-schema.js';
import * as validators from './validators.generated.js';
import { collectRefs } from './schema-walk.js';
import type { SchemaRef } from './schema-walk.js';

export type { SchemaRef } from './schema-walk.js';

/** Raw schema errors, and (for valid data) the references to sources and stakeholders it holds. */
export interface SchemaOutcome {
  errors: ErrorObject[];
  refs: SchemaRef[];
}

/** The schemas peaceplan validates against. */
export type SchemaName = 'plan' | 'stakeholders' | 'pairs' | 'positions' | 'terms';

/** The JSON Schema documents themselves, for tools that want to read them. */
export const SCHEMAS: Readonly<Record<SchemaName, object>> = { plan: planSchema, stakeholders: stakeholdersSchema, pairs: pairsSchema, positions: positionsSchema, terms: termsSchema };

/** The schema a file is checked against: the family's extension of it when the family declares topics or terms. */
export function schemaFor(name: SchemaName, family?: Vocabulary): Record<string, unknown> {
  if (family && (name === 'plan' || name === 'stakeholders' || name === 'positions')) return family[name];
  return SCHEMAS[name] as Record<string, unknown>;
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const compiled = validators as unknown as Record<SchemaName | 'clause', Validator>;

/**
 * Validates `data` against a schema, collecting at most about `maxErrors`
 * errors: a plan is checked clause by clause, so a file with 100,000 broken
 * clauses stops early instead of gathering every error first.
 */
export function runSchema(name: SchemaName, data: unknown, maxErrors = Infinity, family?: Vocabulary): SchemaOutcome {
  let errors: ErrorObject[];
  if (family && family.topics.size + Object.keys(family.declared.terms ?? {}).length > 0) errors = familyErrors(name, data, maxErrors, family);
  else errors = name === 'plan' && hasClauseList(data) ? planErrors(data, maxErrors) : errorsOf(compiled[name], data);
  // References are collected even from data with errors: reading them needs only strings where the schema puts them.
  return { errors, refs: collectRefs(schemaFor(name, family), data) };
}

/**
 * Validates with a family's topics and terms: the built-in validators check a
 * view of the data without them (a family topic reads as \`other\` with no terms,
 * declared terms are set aside), and each declared term's value is checked by
 * its shared type. The paths of the view are the paths of the data, so every
 * error points into the file as it is.
 */
function familyErrors(name: SchemaName, data: unknown, maxErrors: number, family: Vocabulary): ErrorObject[] {
  const withTopics = (errors: ErrorObject[]) =>
    errors.map((e) => (e.keyword === 'enum' && /\/(topic|vetoOn\/\d+)$/.test(e.instancePath) ? { ...e, params: { allowedValues: [...(e.params as { allowedValues: unknown[] }).allowedValues, ...family.topics] } } : e));
  if (name === 'stakeholders' && isObject(data) && Array.isArray(data.stakeholders)) {
    // The family's topics leave the view; errors on the rest point back to their own places in the list.
    const places: number[][] = [];
    const own: ErrorObject[] = [];
    const view = {
      ...data,
      stakeholders: data.stakeholders.map((s, i) => {
        if (!isObject(s) || !Array.isArray(s.vetoOn)) return s;
        const kept = s.vetoOn.flatMap((t, j) => (family.topics.has(t as string) ? [] : [j]));
        places[i] = kept;
        const seen = new Set<unknown>();
        s.vetoOn.forEach((t, j) => {
          if (seen.has(t)) own.push({ keyword: 'uniqueItems', instancePath: `/stakeholders/${i}/vetoOn`, schemaPath: '#/family/uniqueItems', params: { i: j }, message: 'must NOT have duplicate items' });
          seen.add(t);
        });
        const list = s.vetoOn as unknown[];
        return { ...s, vetoOn: kept.map((j) => list[j]) };
      }),
    };
    const errors = errorsOf(compiled.stakeholders, view).map((e) => {
      const m = /^\/stakeholders\/(\d+)\/vetoOn\/(\d+)(.*)$/.exec(e.instancePath);
      const at = m ? places[Number(m[1])]?.[Number(m[2])] : undefined;
      return m && at !== undefined ? { ...e, instancePath: `/stakeholders/${m[1]}/vetoOn/${at}${m[3]}` } : e;
    });
    const unique = new Set(errors.filter((e) => e.keyword === 'uniqueItems').map((e) => e.instancePath));
    return withTopics([...errors, ...own.filter((e) => !unique.has(e.instancePath))]);
  }
  if (name === 'positions' && isObject(data) && Array.isArray(data.rules)) {
    const view = { ...data, rules: data.rules.map((r) => (isObject(r) && family.topics.has(r.topic as string) ? { ...r, topic: 'other' } : r)) };
    return withTopics(errorsOf(compiled.positions, view));
  }
  if (name !== 'plan' || !hasClauseList(data)) return withTopics(errorsOf(compiled[name], data));
  const own: ErrorObject[] = [];
  const clauses = data.clauses.map((c, i) => (isObject(c) ? clauseView(c, `/clauses/${i}`, family, own) : c));
  return [...withTopics(planErrors({ ...data, clauses }, maxErrors)), ...own];
}

/** A clause as the built-in schema sees it, its family terms checked into \`out\`. */
function clauseView(c: Record<string, unknown>, at: string, family: Vocabulary, out: ErrorObject[]): Record<string, unknown> {
  const topic = typeof c.topic === 'string' ? c.topic : '';
  const isFamilyTopic = family.topics.has(topic);
  const declared = declaredTerms(family, topic);
  const split = (terms: unknown, path: string): unknown => {
    if (!isObject(terms) || (!isFamilyTopic && Object.keys(declared).length === 0)) return terms;
    // Built with defineProperty: a key such as __proto__ stays an own key the built-in validator sees.
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(terms)) {
      const d = Object.hasOwn(declared, k) ? declared[k] : undefined;
      if (d) out.push(...declaredValueErrors(d, v, `${path}/${escape(k)}`));
      else if (isFamilyTopic) out.push({ keyword: 'additionalProperties', instancePath: path, schemaPath: '#/family/additionalProperties', params: { additionalProperty: k }, message: 'must NOT have additional properties' });
      else Object.defineProperty(kept, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return kept;
  };
  const view: Record<string, unknown> = { ...c, ...(isFamilyTopic ? { topic: 'other' } : {}) };
  if (Object.hasOwn(c, 'terms')) {
    const terms = split(c.terms, `${at}/terms`);
    if (isFamilyTopic && isObject(terms)) view.terms = {};
    else view.terms = terms;
  }
  if (Array.isArray(c.options)) {
    view.options = c.options.map((o, j) => {
      if (!isObject(o) || !Object.hasOwn(o, 'terms')) return o;
      const terms = split(o.terms, `${at}/options/${j}/terms`);
      return { ...o, terms: isFamilyTopic && isObject(terms) ? {} : terms };
    });
  }
  return view;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorsOf(validate: Validator, data: unknown): ErrorObject[] {
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

function hasClauseList(data: unknown): data is { clauses: unknown[] } {
  return typeof data === 'object' && data !== null && Array.isArray((data as { clauses?: unknown }).clauses);
}

function planErrors(data: { clauses: unknown[] }, maxErrors: number): ErrorObject[] {
  const errors = errorsOf(compiled.plan, { ...data, clauses: [] });
  // A clause rarely yields more than a few raw errors; leave room for folding and de-duplication.
  const budget = maxErrors * 4;
  for (let i = 0; i < data.clauses.length && errors.length < budget; i++) {
    for (const e of errorsOf(compiled.clause, data.clauses[i])) errors.push({ ...e, instancePath: `/clauses/${i}${e.instancePath}` });
  }
  return errors;
}
