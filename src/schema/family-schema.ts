/**
 * A family's own topics and terms (terms.yaml) as JSON Schema: the plan
 * schema extended with them, for editors (`peaceplan schema <family>`), for
 * error hints and for the diff's term kinds; and the check of the declared
 * terms' values with the shared types' validators, so a family's drafts are
 * validated without compiling a schema at run time.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import positionsSchema from '../../schemas/positions.schema.json' with { type: 'json' };
import stakeholdersSchema from '../../schemas/stakeholders.schema.json' with { type: 'json' };
import type { FamilyTerms, TermDeclaration } from '../model/schema-types.js';
import * as validators from './validators.generated.js';

type Schema = Record<string, unknown>;
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** A family's declarations, ready for validation and for the diff. */
export interface Vocabulary {
  /** The declarations as read from terms.yaml. */
  declared: FamilyTerms;
  /** The topics the family adds. */
  topics: ReadonlySet<string>;
  /** The plan schema with the family's topics and terms. */
  plan: Schema;
  /** The stakeholders and positions schemas with the family's topics. */
  stakeholders: Schema;
  positions: Schema;
}

const cache = new WeakMap<FamilyTerms, Vocabulary>();

/** The family's schemas and lookups for its declarations (built once per declarations object). */
export function vocabularyOf(declared: FamilyTerms): Vocabulary {
  let v = cache.get(declared);
  if (!v) {
    const topics = new Set(Object.keys(declared.topics ?? {}));
    v = { declared, topics, plan: extendPlan(declared), stakeholders: withTopics(stakeholdersSchema, topics), positions: withTopics(positionsSchema, topics) };
    cache.set(declared, v);
  }
  return v;
}

/** The JSON Schema of one declared term, built on the shared types. */
export function declarationSchema(d: TermDeclaration): Schema {
  const notes: Schema = { ...(d.label ? { 'x-label': d.label } : {}), ...(d.description ? { description: d.description } : {}) };
  const unstated: Schema = d.unstated !== undefined ? { 'x-unstated': d.unstated } : {};
  switch (d.type) {
    case 'quantity':
      return { type: 'number', minimum: 0, ...(d.unit ? { 'x-unit': d.unit } : {}), ...(d.quantity ? { 'x-quantity': d.quantity } : {}), ...notes };
    case 'boolean':
      return { type: 'boolean', ...notes };
    case 'enum':
      return { enum: d.values ?? [], ...unstated, ...notes };
    case 'ordered':
      return { enum: d.values ?? [], 'x-ordered': true, ...unstated, ...notes };
    case 'set':
      return d.values ? { type: 'array', maxItems: 200, uniqueItems: true, items: { enum: d.values }, ...notes } : { $ref: '#/$defs/slugSet', ...notes };
    default:
      return { $ref: `#/$defs/${SHARED[d.type]}`, ...notes };
  }
}

/** The shared type each declared type stands for. */
const SHARED: Record<'money' | 'duration' | 'deadline' | 'date' | 'text' | 'party' | 'parties', string> = {
  money: 'money',
  duration: 'duration',
  deadline: 'deadline',
  date: 'termDate',
  text: 'prose',
  party: 'stakeholderId',
  parties: 'parties',
};

function extendPlan(declared: FamilyTerms): Schema {
  const s = structuredClone(planSchema) as Schema;
  const defs = s.$defs as Record<string, Schema>;
  const topicDef = defs.topic as Schema;
  const builtIn = topicDef.enum as string[];
  const added = Object.keys(declared.topics ?? {}).filter((t) => !builtIn.includes(t));
  topicDef.enum = [...builtIn, ...added];
  const clause = defs.clause as Schema;
  const branches = clause.allOf as Schema[];
  const branchOf = (topic: string) => branches.find((b) => ((b.if as Schema).properties as Record<string, Schema>).topic?.const === topic);
  for (const topic of added) {
    // Topic ids are unique and safe in a JSON pointer as they are: `phase-2` and `phase2` stay apart.
    const name = `family-terms-${topic}`;
    defs[name] = { type: 'object', additionalProperties: false, properties: {} };
    const terms = { $ref: `#/$defs/${name}` };
    branches.push({ if: { properties: { topic: { const: topic } }, required: ['topic'] }, then: { properties: { terms, options: { type: 'array', items: { type: 'object', properties: { terms } } } } } });
  }
  for (const [topic, terms] of Object.entries(declared.terms ?? {})) {
    const branch = branchOf(topic);
    const ref = (((branch?.then as Schema | undefined)?.properties as Record<string, Schema> | undefined)?.terms?.$ref ?? '') as string;
    const def = defs[ref.replace('#/$defs/', '')];
    if (!def) continue; // a topic neither built in nor declared: reported by the terms file's check
    const props = (def.properties ?? {}) as Record<string, Schema>;
    // The open topic (`other`) stays open; a closed one gains the declared terms.
    if (def.additionalProperties === false) def.properties = { ...props, ...Object.fromEntries(Object.entries(terms).map(([k, d]) => [k, declarationSchema(d)])) };
  }
  return s;
}

function withTopics(base: object, topics: ReadonlySet<string>): Schema {
  const s = structuredClone(base) as Schema;
  const topicDef = (s.$defs as Record<string, Schema>).topic as Schema;
  topicDef.enum = [...new Set([...(topicDef.enum as string[]), ...topics])];
  return s;
}

/**
 * The JSON Schema of a family's plan files: the plan schema with the family's
 * own topics and terms, for editors (write it to a file and point the YAML
 * modeline at it; `peaceplan schema <family>` does this).
 *
 * @example
 * const { terms } = parseTerms(text);
 * JSON.stringify(familySchema(terms!)); // the plan schema, with the family's topics and terms
 */
export function familySchema(declared: FamilyTerms): Record<string, unknown> {
  return structuredClone(vocabularyOf(declared).plan);
}

/** The declared terms of a topic, empty when it has none. */
export function declaredTerms(v: Vocabulary, topic: string): Readonly<Record<string, TermDeclaration>> {
  const terms = v.declared.terms ?? {};
  return Object.hasOwn(terms, topic) ? (terms[topic] ?? {}) : {};
}

const compiled = validators as unknown as Record<string, Validator>;

/**
 * Raw schema errors of one declared term's value, at `path` (a JSON pointer),
 * in the form the schema validators give them.
 */
export function declaredValueErrors(d: TermDeclaration, value: unknown, path: string): ErrorObject[] {
  const err = (keyword: string, params: Record<string, unknown>, message: string): ErrorObject => ({ keyword, instancePath: path, schemaPath: `#/family/${keyword}`, params, message });
  switch (d.type) {
    case 'quantity':
      if (typeof value !== 'number') return [err('type', { type: 'number' }, 'must be number')];
      return value < 0 ? [err('minimum', { comparison: '>=', limit: 0 }, 'must be >= 0')] : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [err('type', { type: 'boolean' }, 'must be boolean')];
    case 'enum':
    case 'ordered':
      return (d.values ?? []).includes(value as string) ? [] : [err('enum', { allowedValues: d.values ?? [] }, 'must be equal to one of the allowed values')];
    case 'set':
      if (d.values) {
        if (!Array.isArray(value)) return [err('type', { type: 'array' }, 'must be array')];
        const errors = value.flatMap((x, i) => ((d.values ?? []).includes(x as string) ? [] : [{ ...err('enum', { allowedValues: d.values ?? [] }, 'must be equal to one of the allowed values'), instancePath: `${path}/${i}` }]));
        if (new Set(value.map((x) => JSON.stringify(x))).size !== value.length) errors.push(err('uniqueItems', {}, 'must not have duplicate items'));
        return errors;
      }
      return run(compiled.slugSet, value, path);
    default:
      return run(compiled[SHARED[d.type]], value, path);
  }
}

function run(validate: Validator | undefined, value: unknown, path: string): ErrorObject[] {
  if (!validate || validate(value)) return [];
  return (validate.errors ?? []).map((e) => ({ ...e, instancePath: `${path}${e.instancePath}` }));
}
