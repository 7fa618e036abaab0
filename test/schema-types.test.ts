import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemasToTs } from './tools/schema-to-ts.js';

const root = new URL('../', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Record<string, unknown>;
const target = new URL('src/model/schema-types.ts', root);

describe('TypeScript types of the file formats', () => {
  it('are exactly what the JSON Schemas generate', () => {
    const generated = schemasToTs([
      ['Plan', read('schemas/plan.schema.json')],
      ['Stakeholders', read('schemas/stakeholders.schema.json')],
    ]);
    if (process.env.PEACEPLAN_WRITE_TYPES) writeFileSync(target, generated);
    expect(readFileSync(target, 'utf8'), 'run `npm run gen:types` after changing a schema').toBe(generated);
  });
});
