/**
 * Schema validation. The validators are ajv's standalone code, generated from
 * the JSON Schemas at development time (validators.generated.ts), so nothing
 * is compiled when the library starts. This folder is the only place that
 * touches ajv.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import pairsSchema from '../../schemas/pairs.schema.json' with { type: 'json' };
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
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
export type SchemaName = 'plan' | 'stakeholders' | 'pairs';

/** The JSON Schema documents themselves, for tools that want to read them. */
export const SCHEMAS: Readonly<Record<SchemaName, object>> = { plan: planSchema, stakeholders: stakeholdersSchema, pairs: pairsSchema };

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Validates `data` against a schema. */
export function runSchema(name: SchemaName, data: unknown): SchemaOutcome {
  const validate = (validators as unknown as Record<SchemaName, Validator>)[name];
  if (!validate(data)) return { errors: [...(validate.errors ?? [])], refs: [] };
  return { errors: [], refs: collectRefs(SCHEMAS[name] as Record<string, unknown>, data) };
}
