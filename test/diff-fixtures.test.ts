import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffPlans, parsePairs, parsePlan } from 'peaceplan';
import type { ClauseChange, Plan, PlanDiff } from 'peaceplan';
import { bytes, expectRoundTrip, text } from './helpers.js';

const DIR = 'test/fixtures/diff/';
const cases = readdirSync(new URL(`../${DIR}`, import.meta.url)).sort();

interface Expectation {
  clause: string;
  kind: ClauseChange['kind'];
  renumbered?: boolean;
  moved?: boolean;
  from?: string;
  to?: string;
  match?: string;
  related?: string[];
  terms?: Array<Record<string, unknown>>;
  flags?: Array<Record<string, unknown>>;
  fields?: Array<Record<string, unknown>>;
}

function load(name: string): { a: Plan; b: Plan; diff: PlanDiff } {
  const read = (f: string) => {
    const r = parsePlan(bytes(`${DIR}${name}/${f}`), { file: f });
    expect(r.errors).toEqual([]);
    return r.plan as Plan;
  };
  const a = read('a.yaml');
  const b = read('b.yaml');
  const pairsFile = `${DIR}${name}/pairs.yaml`;
  const rules = existsSync(new URL(`../${pairsFile}`, import.meta.url)) ? parsePairs(text(pairsFile)).rules : undefined;
  return { a, b, diff: diffPlans(a, b, rules ?? {}) };
}

describe.each(cases)('diff fixture %s', (name) => {
  const expected = JSON.parse(text(`${DIR}${name}/expected.json`)) as Expectation[];
  const { a, b, diff } = load(name);

  it('reports exactly the expected clause changes', () => {
    const found = new Set<ClauseChange>();
    for (const want of expected) {
      const c = diff.clauses.find((x) => !found.has(x) && x.kind === want.kind && (x.to?.id === want.clause || x.from?.id === want.clause));
      expect(c, `${want.kind} ${want.clause} in ${diff.clauses.map((x) => `${x.kind}:${x.to?.id ?? x.from?.id}`).join(' ')}`).toBeDefined();
      if (!c) continue;
      found.add(c);
      if (want.renumbered !== undefined) expect(c.renumbered).toBe(want.renumbered);
      if (want.moved !== undefined) expect(c.moved).toBe(want.moved);
      if (want.from !== undefined) expect(c.from?.number).toBe(want.from);
      if (want.to !== undefined) expect(c.to?.number).toBe(want.to);
      if (want.match !== undefined) expect(c.match?.method).toBe(want.match);
      if (want.related !== undefined) expect([...c.related].sort()).toEqual([...want.related].sort());
      for (const t of want.terms ?? []) expect(c.terms).toContainEqual(expect.objectContaining(t));
      if (want.flags !== undefined) expect(c.text?.flags).toEqual(want.flags);
      for (const f of want.fields ?? []) expect(c.fields).toContainEqual(expect.objectContaining(f));
    }
    const unexpected = diff.clauses.filter((c) => c.kind !== 'unchanged' && !found.has(c));
    expect(unexpected.map((c) => c.says)).toEqual([]);
  });

  it('applies, and reverses back', () => expectRoundTrip(a, b, diff));
});
