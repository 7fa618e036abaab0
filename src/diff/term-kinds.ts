/**
 * What kind of value each term is, read from the plan schema: the diff reasons
 * about a term by its kind (a quantity is raised or lowered, an ordered enum
 * moves up or down its ladder, a set gains or loses members), never by its
 * topic or name. A new term in the schema is understood without code changes.
 */
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };

/** The kinds of term value the diff distinguishes. */
export type TermKind = 'quantity' | 'money' | 'duration' | 'deadline' | 'date' | 'ordered' | 'enum' | 'set' | 'boolean' | 'text' | 'list' | 'record' | 'value';

/** How to compare and describe one term. */
export interface TermSpec {
  kind: TermKind;
  /** Words for the term in sentences: "cap", "guarantors". */
  label: string;
  /** For ordered enums: the ladder, lowest first. */
  order?: readonly string[];
  /** For unordered enums: the allowed values. */
  values?: readonly unknown[];
  /** For enums: the value that states nothing (`x-unstated` in the schema), as leaving the term out does: a guarantee's model `unspecified`. */
  unstated?: string;
  /** For quantities: what is counted ("personnel", "%"). */
  unit?: string;
  /** For quantities: what kind of number it is (`x-quantity`): cap, floor, level, target or commitment. */
  quantity?: string;
  /** For lists of objects: the fields that identify an item (`x-key` in the schema), most telling first. */
  key?: readonly string[];
  /** For records and list items: their fields. */
  fields?: Readonly<Record<string, TermSpec>>;
}

type Schema = Record<string, unknown>;
type Defs = Record<string, Schema>;
const baseDefs = (planSchema as unknown as { $defs: Defs }).$defs;
const SEMANTIC: Record<string, TermKind> = { money: 'money', duration: 'duration', deadline: 'deadline', calendarDate: 'date', termDate: 'date', parties: 'set' };

/** "personnelCap" → "personnel cap". */
export function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function specOf(defs: Defs, node: Schema, name: string): TermSpec {
  const label = typeof node['x-label'] === 'string' ? node['x-label'] : words(name);
  let at = node;
  for (let hops = 0; typeof at.$ref === 'string' && hops < 10; hops++) {
    const def = at.$ref.replace('#/$defs/', '');
    const semantic = SEMANTIC[def];
    if (semantic) return { kind: semantic, label };
    at = { ...(defs[def] ?? {}), ...Object.fromEntries(Object.entries(at).filter(([k]) => k !== '$ref')) };
  }
  const unit = {
    ...(typeof at['x-unit'] === 'string' ? { unit: at['x-unit'] } : {}),
    ...(typeof at['x-quantity'] === 'string' ? { quantity: at['x-quantity'] } : {}),
  };
  if (Array.isArray(at.enum)) {
    const unstated = typeof at['x-unstated'] === 'string' ? { unstated: at['x-unstated'] } : {};
    return at['x-ordered'] === true ? { kind: 'ordered', label, order: at.enum as string[], ...unstated } : { kind: 'enum', label, values: at.enum, ...unstated };
  }
  if ('const' in at) return { kind: 'enum', label, values: [at.const] };
  if (at.type === 'integer' || at.type === 'number') return { kind: 'quantity', label, ...unit };
  if (at.type === 'boolean') return { kind: 'boolean', label };
  if (at.type === 'string') return { kind: 'text', label };
  if (at.type === 'array') {
    const item = specOf(defs, (at.items ?? {}) as Schema, name);
    if (item.kind === 'record') {
      // Items are identified by the fields the schema names in x-key; without one, only equal items pair.
      const declared = resolve(defs, (at.items ?? {}) as Schema)['x-key'] ?? at['x-key'];
      const key = Array.isArray(declared) ? declared.filter((k): k is string => typeof k === 'string') : [];
      return { kind: 'list', label, key, ...(item.fields ? { fields: item.fields } : {}) };
    }
    return { kind: 'set', label, ...(item.values ? { values: item.values } : {}) };
  }
  if (at.type === 'object' && at.properties) {
    const fields = Object.fromEntries(Object.entries(at.properties as Record<string, Schema>).map(([k, v]) => [k, specOf(defs, v, k)]));
    return { kind: 'record', label, fields };
  }
  return { kind: 'value', label };
}

function resolve(defs: Defs, node: Schema): Schema {
  let at = node;
  for (let hops = 0; typeof at.$ref === 'string' && hops < 10; hops++) at = defs[at.$ref.replace('#/$defs/', '')] ?? {};
  return at;
}

const tables = new WeakMap<object, Map<string, Record<string, TermSpec>>>();

/** Term specs per topic, from the clause schema's topic → terms branches (of the plan schema, or a family's extension of it). */
function table(schema?: object): Map<string, Record<string, TermSpec>> {
  const key = schema ?? planSchema;
  const known = tables.get(key);
  if (known) return known;
  const defs = schema ? ((schema as { $defs?: Defs }).$defs ?? {}) : baseDefs;
  const byTopic = new Map<string, Record<string, TermSpec>>();
  const branches = (defs.clause?.allOf ?? []) as Schema[];
  for (const b of branches) {
    const topic = (((b.if as Schema).properties as Record<string, Schema>).topic as Schema | undefined)?.const;
    if (typeof topic !== 'string') continue;
    const terms = resolve(defs, (((b.then as Schema).properties as Record<string, Schema>).terms ?? {}) as Schema);
    const props = (terms.properties ?? {}) as Record<string, Schema>;
    byTopic.set(topic, Object.fromEntries(Object.entries(props).map(([k, v]) => [k, specOf(defs, v, k)])));
  }
  tables.set(key, byTopic);
  return byTopic;
}

/**
 * How to compare a term of a topic. Terms the schema does not type (the
 * `other` topic) get a kind from their value. `schema` is a family's plan
 * schema (with its own topics and terms); the built-in one by default.
 */
export function termSpec(topic: string, term: string, sample?: unknown, schema?: object): TermSpec {
  const known = table(schema).get(topic);
  if (known && Object.hasOwn(known, term)) return known[term] as TermSpec;
  const label = words(term);
  if (typeof sample === 'number') return { kind: 'quantity', label };
  if (typeof sample === 'boolean') return { kind: 'boolean', label };
  if (typeof sample === 'string') return { kind: 'text', label };
  // A list of names or numbers compares by its members: "eu added to guarantors", not "changed: … → …".
  if (Array.isArray(sample) && sample.every((x) => typeof x === 'string' || typeof x === 'number')) return { kind: 'set', label };
  return { kind: 'value', label };
}

/** The terms the schema defines for `topic`; empty for a topic whose terms are open (`other`). */
export function termsOf(topic: string, schema?: object): Readonly<Record<string, TermSpec>> {
  return table(schema).get(topic) ?? {};
}

/**
 * The terms a position rule can test on a clause of `topic`: the topic's terms,
 * and the clause's `conditions` as a list of records (kind, event, after,
 * minDays, maxDays, date, by, term, text), so a rule can ask whether a clause
 * waits on a referendum or on decommissioning.
 */
export function testableTerms(topic: string, schema?: object): Readonly<Record<string, TermSpec>> {
  return { ...termsOf(topic, schema), conditions: conditionsSpec() };
}

let conditions: TermSpec | undefined;

function conditionsSpec(): TermSpec {
  conditions ??= specOf(baseDefs, { type: 'array', items: { $ref: '#/$defs/clauseCondition' } }, 'conditions');
  return conditions;
}

/** The term names a topic declares, the family's own included when `schema` has them (empty for an open topic such as `other`). */
export function termsOfTopic(topic: string, schema?: object): string[] {
  return Object.keys(table(schema).get(topic) ?? {});
}

/** True when the schema defines `term` for `topic`; for a topic whose terms are open (`other`), always. */
export function isKnownTerm(topic: string, term: string, schema?: object): boolean {
  const known = table(schema).get(topic);
  if (!known) return false;
  const open = Object.keys(known).length === 0;
  return open || Object.hasOwn(known, term);
}
