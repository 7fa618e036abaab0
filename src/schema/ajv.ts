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
export type SchemaName = 'plan' | 'stakeholders' | 'pairs' | 'positions';

/** The JSON Schema documents themselves, for tools that want to read them. */
export const SCHEMAS: Readonly<Record<SchemaName, object>> = { plan: planSchema, stakeholders: stakeholdersSchema, pairs: pairsSchema, positions: positionsSchema };

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const compiled = validators as unknown as Record<SchemaName | 'clause', Validator>;

/**
 * Validates `data` against a schema, collecting at most about `maxErrors`
 * errors: a plan is checked clause by clause, so a file with 100,000 broken
 * clauses stops early instead of gathering every error first.
 */
export function runSchema(name: SchemaName, data: unknown, maxErrors = Infinity): SchemaOutcome {
  const errors = name === 'plan' && hasClauseList(data) ? planErrors(data, maxErrors) : errorsOf(compiled[name], data);
  if (errors.length > 0) return { errors, refs: [] };
  return { errors: [], refs: collectRefs(SCHEMAS[name] as Record<string, unknown>, data) };
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
