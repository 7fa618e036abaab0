/**
 * Generates the TypeScript types of the file formats from their JSON Schemas,
 * so the two cannot drift apart. Covers the subset the schemas use: $ref into
 * $defs, const, enum, anyOf/oneOf, object (properties, required,
 * additionalProperties), array, primitive types, and an allOf of if/then
 * branches keyed on one const property (turned into a discriminated union).
 */
type Schema = Record<string, unknown>;

const pascal = (name: string): string => name.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

function doc(text: unknown, indent: string): string {
  return typeof text === 'string' ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '';
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function typeOf(s: Schema, indent: string): string {
  if (typeof s.$ref === 'string') {
    const m = /^#\/\$defs\/(.+)$/.exec(s.$ref);
    if (!m?.[1]) throw new Error(`unsupported $ref ${s.$ref}`);
    return pascal(m[1]);
  }
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alts) return alts.map((a) => typeOf(a, indent)).join(' | ');
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  return types.map((t) => primitive(t, s, indent)).join(' | ');
}

function primitive(t: string, s: Schema, indent: string): string {
  switch (t) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${typeOf(s.items as Schema, indent)}>`;
    case 'object':
      return objectType(s, indent, new Set());
    default:
      throw new Error(`unsupported type ${String(t)}`);
  }
}

function objectType(s: Schema, indent: string, omit: Set<string>): string {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const inner = indent + '  ';
  const lines: string[] = [];
  for (const [name, p] of Object.entries(props)) {
    if (omit.has(name)) continue;
    lines.push(`${doc(p.description, inner)}${inner}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(p, inner)};\n`);
  }
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object') lines.push(`${inner}[key: string]: ${typeOf(extra as Schema, inner)};\n`);
  else if (extra === undefined && Object.keys(props).length === 0) lines.push(`${inner}[key: string]: unknown;\n`);
  return `{\n${lines.join('')}${indent}}`;
}

interface Branch {
  on: string;
  value: unknown;
  fields: Array<[string, Schema]>;
}

/**
 * Reads `allOf: [{ if: { properties: { on: { const } } }, then: { properties: { field: S, … } } }]`;
 * branches that test no const (such as a field required by another's value) do not shape the type.
 */
function branches(s: Schema): Branch[] | undefined {
  const all = s.allOf as Schema[] | undefined;
  if (!all) return undefined;
  return all.flatMap((b) => {
    const ifProps = (b.if as Schema).properties as Record<string, Schema>;
    const thenProps = ((b.then as Schema).properties ?? {}) as Record<string, Schema>;
    const [on, cond] = Object.entries(ifProps)[0] as [string, Schema];
    if (!('const' in cond)) return [];
    // A list the branch narrows item by item (options' terms) keeps its base type: the union stays on the fields themselves.
    return [{ on, value: cond.const, fields: Object.entries(thenProps).filter(([, v]) => !v.items) }];
  });
}

function declaration(name: string, s: Schema): string {
  const head = doc(s.description ?? s.title, '');
  const bs = branches(s);
  if (bs && bs.length > 0) {
    const first = bs[0] as Branch;
    const required = new Set((s.required ?? []) as string[]);
    const common = `${name}Common`;
    const fieldType = (b: Branch) => b.fields.map(([f, sch]) => `${key(f)}${required.has(f) ? '' : '?'}: ${typeOf(sch, '  ')}`).join('; ');
    const union = bs.map((b) => `  | { ${key(b.on)}: ${JSON.stringify(b.value)}; ${fieldType(b)} }`).join('\n');
    return (
      `/** The fields of ${name} that do not depend on \`${first.on}\`. */\n` +
      `export interface ${common} ${objectType(s, '', new Set([first.on, ...first.fields.map(([f]) => f)]))}\n\n` +
      `${head}export type ${name} = ${common} & (\n${union}\n);\n`
    );
  }
  const isObject = s.type === 'object' && !('$ref' in s);
  return isObject && s.properties
    ? `${head}export interface ${name} ${objectType(s, '', new Set())}\n`
    : `${head}export type ${name} = ${typeOf(s, '')};\n`;
}

/** Generates declarations for several schemas: [root type name, schema]. Shared $defs must agree. */
export function schemasToTs(schemas: Array<[string, Schema]>): string {
  const out = new Map<string, string>();
  const put = (name: string, text: string): void => {
    const seen = out.get(name);
    if (seen !== undefined && seen !== text) throw new Error(`$defs/${name} differs between schemas`);
    out.set(name, text);
  };
  for (const [rootName, schema] of schemas) {
    put(rootName, declaration(rootName, schema));
    for (const [defName, def] of Object.entries((schema.$defs ?? {}) as Record<string, Schema>)) {
      put(pascal(defName), declaration(pascal(defName), def));
    }
  }
  const header =
    '// Generated from schemas/*.schema.json by test/tools/schema-to-ts.ts. Do not edit:\n' +
    '// change the schema, then run `npm run gen:types`. A test fails while they differ.\n\n';
  return header + [...out.values()].join('\n');
}
