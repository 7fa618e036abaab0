import { describe, expect, it } from 'vitest';
import { SCHEMAS, TOPICS } from 'peaceplan';
import { text } from './helpers.js';

type Node = Record<string, unknown>;
const plan = JSON.parse(text('schemas/plan.schema.json')) as Node;
const stakeholders = JSON.parse(text('schemas/stakeholders.schema.json')) as Node;
const positions = JSON.parse(text('schemas/positions.schema.json')) as Node;
const pairs = JSON.parse(text('schemas/pairs.schema.json')) as Node;
const diff = JSON.parse(text('schemas/diff.schema.json')) as Node;
const defs = (s: Node) => s.$defs as Record<string, Node>;

/** Every subschema, with its JSON Pointer. */
function* walk(node: unknown, at = ''): Generator<[string, Node]> {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield [at, node as Node];
  for (const [k, v] of Object.entries(node)) yield* walk(v, `${at}/${k}`);
}

describe('the JSON Schemas', () => {
  it('are the ones the library validates with', () => {
    expect(SCHEMAS.plan).toEqual(plan);
    expect(SCHEMAS.stakeholders).toEqual(stakeholders);
  });

  it('list the same topics as the library, with their PA-X codes in the description', () => {
    const topics = defs(plan).topic?.enum as string[];
    expect(TOPICS.map((t) => t.topic)).toEqual(topics);
    expect(defs(stakeholders).topic).toEqual(defs(plan).topic);
    const description = String(defs(plan).topic?.description);
    for (const t of TOPICS) for (const code of t.pax) expect(description).toMatch(new RegExp(`${t.topic} [^;]*\\b${code}\\b`));
  });

  it('give every topic its own closed set of terms', () => {
    const branches = ((defs(plan).clause?.allOf ?? []) as Node[]).map((b) => ((b.if as Node).properties as Record<string, Node>).topic?.const).filter((t) => t !== undefined);
    expect(branches).toEqual(TOPICS.map((t) => t.topic));
    // An option's terms are checked by the same topic branch as the clause's own.
    for (const b of (defs(plan).clause?.allOf ?? []) as Node[]) {
      const then = (b.then as Node).properties as Record<string, Node>;
      if (then.terms) expect(((then.options?.items as Node).properties as Record<string, Node>).terms).toEqual(then.terms);
    }
    for (const [name, def] of Object.entries(defs(plan)).filter(([n]) => n.endsWith('Terms') && n !== 'otherTerms')) {
      expect(def.additionalProperties, name).toBe(false);
    }
  });

  it('bound every string that has a pattern, and every free text of the input formats', () => {
    for (const schema of [plan, stakeholders, positions, pairs]) {
      for (const [at, node] of walk(schema)) {
        if (node.type === 'string' || 'pattern' in node) expect(node.maxLength, at).toBeTypeOf('number');
      }
    }
    for (const [at, node] of walk(diff)) if ('pattern' in node) expect(node.maxLength, at).toBeTypeOf('number');
  });

  it('use patterns that stay fast on long adversarial strings', () => {
    const patterns = [plan, stakeholders, positions, pairs, diff].flatMap((s) => [...walk(s)].flatMap(([, n]) => (typeof n.pattern === "string" ? [n.pattern] : [])));
    const attacks = ['a-'.repeat(50_000) + '!', 'a'.repeat(100_000) + '!', '0-'.repeat(50_000) + '-', 'http://' + ' '.repeat(100_000)];
    for (const p of new Set(patterns)) {
      const re = new RegExp(p, 'u');
      for (const s of attacks) {
        const t = performance.now();
        re.test(s);
        expect(performance.now() - t, p).toBeLessThan(100);
      }
    }
  });
});
