/**
 * Compiles the JSON Schemas to standalone validation code with ajv, so the
 * library validates without compiling schemas at start-up (ajv's compiler
 * costs more than the rest of a CLI run). The output is a generated source
 * file; a test fails while it differs from what the schemas give.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';

type Standalone = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: Standalone }).default ?? standaloneModule) as unknown as Standalone;

/** The schema names and their ids, as the library knows them. */
export const SCHEMA_IDS = {
  plan: 'urn:peaceplan:schema:plan:1',
  stakeholders: 'urn:peaceplan:schema:stakeholders:1',
  pairs: 'urn:peaceplan:schema:pairs:1',
  positions: 'urn:peaceplan:schema:positions:1',
  terms: 'urn:peaceplan:schema:terms:1',
  /** One clause: large plans are validated clause by clause, to stop early on a flood of errors. */
  clause: 'urn:peaceplan:schema:plan:1#/$defs/clause',
  /** The shared value types, for the terms a family declares (terms.yaml). */
  money: 'urn:peaceplan:schema:plan:1#/$defs/money',
  duration: 'urn:peaceplan:schema:plan:1#/$defs/duration',
  deadline: 'urn:peaceplan:schema:plan:1#/$defs/deadline',
  termDate: 'urn:peaceplan:schema:plan:1#/$defs/termDate',
  stakeholderId: 'urn:peaceplan:schema:plan:1#/$defs/stakeholderId',
  parties: 'urn:peaceplan:schema:plan:1#/$defs/parties',
  slugSet: 'urn:peaceplan:schema:plan:1#/$defs/slugSet',
  prose: 'urn:peaceplan:schema:plan:1#/$defs/prose',
} as const;

/** Generates the validators module from the schemas in `root/schemas`. */
export function compileSchemas(root: URL): string {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true, lines: false } });
  ajv.addKeyword({ keyword: 'x-ordered', schemaType: 'boolean' });
  for (const k of ['x-ref', 'x-label', 'x-unit', 'x-quantity', 'x-unstated']) ajv.addKeyword({ keyword: k, schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-key', schemaType: 'array' });
  for (const name of ['plan', 'stakeholders', 'pairs', 'positions', 'terms']) ajv.addSchema(JSON.parse(readFileSync(new URL(`schemas/${name}.schema.json`, root), 'utf8')) as object);
  let code = standaloneCode(ajv, SCHEMA_IDS);
  // ajv writes require() for its two runtime helpers even in ESM mode; make them imports.
  const helpers = new Map<string, string>();
  code = code.replace(/require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default/g, (_: string, name: string) => {
    helpers.set(name, `ajvRuntime_${name}`);
    return `ajvRuntime_${name}`;
  });
  code = code.replace(/^"use strict";/, '');
  // The helpers are CommonJS with an `exports.default`; Node and bundlers disagree on where that lands.
  const imports = [...helpers]
    .map(([file, id]) => `import * as ${id}_module from 'ajv/dist/runtime/${file}.js';\nconst ${id} = ${id}_module.default?.default ?? ${id}_module.default;`)
    .join('\n');
  return (
    '// @ts-nocheck\n' +
    '// Generated from schemas/*.schema.json by test/tools/compile-schemas.ts. Do not edit:\n' +
    '// change the schema, then run `npm run gen:types`. A test fails while they differ.\n' +
    `${imports}\n${code}\n`
  );
}
