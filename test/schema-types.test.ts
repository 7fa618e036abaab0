import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSchemas } from './tools/compile-schemas.js';
import { schemasToTs } from './tools/schema-to-ts.js';

const root = new URL('../', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Record<string, unknown>;
const target = new URL('src/model/schema-types.ts', root);

describe('code generated from the JSON Schemas', () => {
  it('TypeScript types are exactly what the schemas generate', () => {
    const generated = schemasToTs([
      ['Plan', read('schemas/plan.schema.json')],
      ['Stakeholders', read('schemas/stakeholders.schema.json')],
      ['Positions', read('schemas/positions.schema.json')],
      ['FamilyTerms', read('schemas/terms.schema.json')],
    ]);
    if (process.env.PEACEPLAN_WRITE_TYPES) writeFileSync(target, generated);
    expect(readFileSync(target, 'utf8'), 'run `npm run gen:types` after changing a schema').toBe(generated);
  });

  it('have standalone validators that are exactly what the schemas compile to', () => {
    const validators = new URL('src/schema/validators.generated.ts', root);
    const generated = compileSchemas(root);
    if (process.env.PEACEPLAN_WRITE_TYPES) writeFileSync(validators, generated);
    expect(readFileSync(validators, 'utf8'), 'run `npm run gen:types` after changing a schema').toBe(generated);
  });
});
