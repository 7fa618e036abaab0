/**
 * Walks data alongside its JSON Schema, for the subset the format's schemas
 * use: $ref into $defs, properties, additionalProperties, items, and allOf
 * branches of if/then on a const. Gives the schema that applies at any path
 * (for error hints) and the values the schema marks as references
 * (`x-ref: source`, `x-ref: stakeholder`).
 */
import { toPointer } from '../errors.js';
import type { PathSegment } from '../errors.js';

/** A reference found in the data. */
export interface SchemaRef {
  kind: string;
  id: string;
  instancePath: string;
}

type Schema = Record<string, unknown>;

const resolved = new WeakMap<Schema, Schema>();

/** Follows $ref chains, keeping the referring schema's own keywords (such as description). Cached per schema object. */
function resolve(root: Schema, s: Schema): Schema {
  let at = resolved.get(s);
  if (!at) {
    at = follow(root, s);
    resolved.set(s, at);
  }
  return at;
}

function follow(root: Schema, s: Schema): Schema {
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  let at = s;
  for (let hops = 0; typeof at.$ref === 'string' && hops < 20; hops++) {
    const target = defs[at.$ref.replace('#/$defs/', '')] ?? {};
    at = { ...target, ...Object.fromEntries(Object.entries(at).filter(([k]) => k !== '$ref')) };
  }
  return at;
}

/** An if/then branch of an allOf: the constants its `if` requires, and the properties its `then` gives. */
interface Branch {
  when: ReadonlyArray<readonly [string, unknown]>;
  then: Record<string, Schema>;
}

const branchCache = new WeakMap<Schema, Branch[]>();

/** The if/then branches of a schema's allOf, read once per schema object (a clause schema has one per topic). */
function branchesOf(schema: Schema): Branch[] {
  let branches = branchCache.get(schema);
  if (!branches) {
    branches = ((schema.allOf ?? []) as Schema[]).map((branch) => ({
      when: Object.entries(((branch.if as Schema | undefined)?.properties ?? {}) as Record<string, Schema>).map(([k, c]) => [k, c.const] as const),
      then: (((branch.then as Schema | undefined)?.properties ?? {}) as Record<string, Schema>),
    }));
    branchCache.set(schema, branches);
  }
  return branches;
}

/** The schema of the value under `key` of an object whose (resolved) schema is `schema`. */
function childSchema(root: Schema, schema: Schema, obj: Record<string, unknown>, key: string): Schema | undefined {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const own = Object.hasOwn(props, key) ? props[key] : typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : undefined;
  for (const { when, then } of branchesOf(schema)) {
    if (!Object.hasOwn(then, key)) continue;
    const sub = then[key] as Schema;
    // A branch narrows some fields (an option's terms by topic); the field's own schema gives the rest.
    if (when.every(([k, c]) => Object.hasOwn(obj, k) && obj[k] === c)) return own ? merged(root, own, sub) : sub;
  }
  return own;
}

/** `narrow` laid over `base`: its properties and items take the place of base's, field by field. */
function merged(root: Schema, baseIn: Schema, narrow: Schema): Schema {
  const base = resolve(root, baseIn);
  const out: Schema = { ...base, ...narrow };
  if (base.properties || narrow.properties) out.properties = { ...((base.properties ?? {}) as object), ...((narrow.properties ?? {}) as object) };
  if (base.items && narrow.items) out.items = merged(root, base.items as Schema, narrow.items as Schema);
  return out;
}

/** The alternative of an anyOf that fits a value (a party written alone or as a list). */
function alternative(root: Schema, schema: Schema, value: unknown): Schema | undefined {
  for (const alt of (schema.anyOf ?? []) as Schema[]) {
    const a = resolve(root, alt);
    if (Array.isArray(value) ? a.type === 'array' : typeof value === 'string' ? a.type === 'string' || typeof a['x-ref'] === 'string' || typeof a.pattern === 'string' : false) return a;
  }
  return undefined;
}

/** The resolved schema that applies at `path` in `data`, or an empty schema when none does. */
export function schemaAt(root: Schema, data: unknown, path: readonly PathSegment[]): Schema {
  let schema = withBranchProperties(root, resolve(root, root));
  let value = data;
  for (const seg of path) {
    if (Array.isArray(value)) {
      schema = resolve(root, (schema.items ?? {}) as Schema);
      value = value[Number(seg)];
    } else if (value !== null && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      schema = resolve(root, childSchema(root, schema, obj, String(seg)) ?? {});
      value = Object.hasOwn(obj, seg) ? obj[seg as string] : undefined;
    } else return {};
    schema = withBranchProperties(root, schema);
  }
  return schema;
}

/** For an anyOf/oneOf of objects (a deadline, an amount): the properties of its object branches, for hints. */
function withBranchProperties(root: Schema, schema: Schema): Schema {
  const alts = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (!alts || schema.properties) return schema;
  const properties = Object.assign({}, ...alts.map((a) => (resolve(root, a).properties ?? {}) as object)) as Record<string, Schema>;
  return Object.keys(properties).length ? { ...schema, properties } : schema;
}

const holdsRefs = new WeakMap<Schema, boolean>();

/** False when no value under `schemaIn` can be a reference, so a walk can skip it. Cached; a cycle counts as true. */
function mayHoldRefs(root: Schema, schemaIn: Schema, seen = new Set<Schema>()): boolean {
  const schema = resolve(root, schemaIn);
  const known = holdsRefs.get(schema);
  if (known !== undefined) return known;
  if (seen.has(schema)) return true;
  seen.add(schema);
  const children = [schema.items, schema.additionalProperties, ...Object.values((schema.properties ?? {}) as Record<string, Schema>), ...branchesOf(schema).flatMap((b) => Object.values(b.then)), ...((schema.anyOf ?? []) as Schema[])];
  const result = typeof schema['x-ref'] === 'string' || children.some((c) => c !== null && typeof c === 'object' && mayHoldRefs(root, c as Schema, seen));
  holdsRefs.set(schema, result);
  return result;
}

/** Every reference in `data`, in document order. */
export function collectRefs(root: Schema, data: unknown): SchemaRef[] {
  const out: SchemaRef[] = [];
  const visit = (schemaIn: Schema, value: unknown, path: PathSegment[]): void => {
    const schema = resolve(root, schemaIn);
    if (schema.anyOf && typeof schema['x-ref'] !== 'string') {
      const alt = alternative(root, schema, value);
      if (alt) visit(alt, value, path);
      return;
    }
    if (typeof schema['x-ref'] === 'string' && typeof value === 'string') {
      out.push({ kind: schema['x-ref'], id: value, instancePath: toPointer(path) });
    }
    if (Array.isArray(value)) {
      const items = schema.items as Schema | undefined;
      if (items && mayHoldRefs(root, items)) value.forEach((v, i) => visit(items, v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        const sub = childSchema(root, schema, obj, key);
        if (sub && mayHoldRefs(root, sub)) visit(sub, obj[key], [...path, key]);
      }
    }
  };
  visit(root, data, []);
  return out;
}
