/**
 * The only module that imports `ajv`. It compiles the format's JSON Schemas
 * (strict mode, all errors) and reports, besides the errors, every reference
 * to a source or a stakeholder it met, found through the schemas' `x-ref`
 * annotations; the semantic checks then resolve those references.
 */
import * as ajvModule from 'ajv/dist/2020.js';
import type { Ajv2020 as Ajv2020Class, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import stakeholdersSchema from '../../schemas/stakeholders.schema.json' with { type: 'json' };
import pairsSchema from '../../schemas/pairs.schema.json' with { type: 'json' };

/** A reference met during validation: `x-ref: source` or `x-ref: stakeholder`. */
export interface SchemaRef {
  kind: string;
  id: string;
  instancePath: string;
}

/** Raw schema errors plus the references met. */
export interface SchemaOutcome {
  errors: ErrorObject[];
  refs: SchemaRef[];
}

/** The schemas peaceplan validates against. */
export type SchemaName = 'plan' | 'stakeholders' | 'pairs';

// ajv is CommonJS; bundlers and Node disagree on where its class sits.
type AjvConstructor = new (options: Options) => Ajv2020Class;
const found = ajvModule as unknown as { default?: AjvConstructor | { default?: AjvConstructor }; Ajv2020?: AjvConstructor };
const Ajv2020: AjvConstructor =
  found.Ajv2020 ?? (typeof found.default === 'function' ? found.default : (found.default?.default as AjvConstructor));

let compiled: Record<SchemaName, ValidateFunction> | undefined;
let collecting: SchemaRef[] | undefined;

function compile(): Record<SchemaName, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'x-ordered', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-label', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-unit', schemaType: 'string' });
  ajv.addKeyword({
    keyword: 'x-ref',
    schemaType: 'string',
    errors: false,
    validate: (kind: string, data: unknown, _parent: unknown, cxt?: { instancePath: string }) => {
      if (typeof data === 'string' && collecting) collecting.push({ kind, id: data, instancePath: cxt?.instancePath ?? '' });
      return true;
    },
  });
  return {
    plan: ajv.compile(planSchema),
    stakeholders: ajv.compile(stakeholdersSchema),
    pairs: ajv.compile(pairsSchema),
  };
}

/** Validates `data` against a schema; compiles the schemas on first use. */
export function runSchema(name: SchemaName, data: unknown): SchemaOutcome {
  compiled ??= compile();
  const validate = compiled[name];
  const refs: SchemaRef[] = [];
  collecting = refs;
  try {
    const ok = validate(data);
    return { errors: ok ? [] : [...(validate.errors ?? [])], refs };
  } finally {
    collecting = undefined;
  }
}

/** The JSON Schema documents themselves, for tools that want to read them. */
export const SCHEMAS: Readonly<Record<SchemaName, object>> = { plan: planSchema, stakeholders: stakeholdersSchema, pairs: pairsSchema };
