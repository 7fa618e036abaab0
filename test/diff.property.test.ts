import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { diffPlans, parsePlan, parseTerms, toYaml } from 'peaceplan';
import type { Clause, FamilyTerms, Plan } from 'peaceplan';
import { expectRoundTrip, text } from './helpers.js';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const runs = { seed, numRuns: 2_000 };
const validateDiff = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(text('schemas/diff.schema.json')) as object);

// Hostile names everywhere a key or id can go.
const HOSTILE = ['toString', 'constructor', '__proto__', 'prototype', 'hasOwnProperty', 'valueOf'];
const ids = fc.constantFrom('cap', 'elections', 'amnesty', 'nato', 'guarantees', ...HOSTILE);
const words = fc.array(fc.constantFrom('Ukraine', 'will', 'not', 'may', 'expected', 'once', 'if', '600,000', '800,000', 'army', 'the', 'NATO', 'expand', 'shall', 'until'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const labels = fc.uniqueArray(fc.constantFrom('world-bank', 'world-bank-financing-package', 'eu', 'european-union', 'ai', 'artificial-intelligence', 'nato', 'nato-members'), { maxLength: 4 });
const scalar = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.boolean(), fc.constantFrom('a', 'b', 'asap'));

const militaryClause = fc.record({
  number: fc.constantFrom('1', '2', '3', '3a', '4'),
  title: fc.constantFrom('Army cap', 'Cap', 'Forces'),
  text: words,
  status: fc.constantFrom('agreed', 'proposed', 'bracketed'),
  certainty: fc.constantFrom('confirmed', 'reported', 'unconfirmed'),
  terms: fc.record({ party: fc.constantFrom('ukraine', 'russia'), personnelCap: fc.nat(2_000_000), appliesIn: fc.constantFrom('always', 'peacetime') }, { requiredKeys: [] }),
}).map((c) => ({ ...c, topic: 'military-limits' as const }));
const otherClause = fc.record({
  number: fc.constantFrom('5', '6', '7'),
  title: fc.constantFrom('Other', 'Misc'),
  text: words,
  status: fc.constantFrom('proposed', 'bracketed'),
  certainty: fc.constantFrom('reported', 'unconfirmed'),
  // Lists of names, some naming the same thing more or less precisely (relabels).
  terms: fc.dictionary(fc.constantFrom('level', 'note', ...HOSTILE), fc.oneof(scalar, labels), { maxKeys: 4 }),
}).map((c) => ({ ...c, topic: 'other' as const }));

// Format 2: conditions, rival options, presence, no number, one operator or several, a family topic with declared terms.
const condition = fc.record(
  { kind: fc.constantFrom('referendum', 'ceasefire', 'compliance', 'milestone'), event: fc.constantFrom('weapons-decommissioned', 'ceasefire', 'vote'), after: fc.constantFrom('ceasefire', 'signature'), minDays: fc.nat(120), by: fc.subarray(['ukraine', 'russia', 'us']) },
  { requiredKeys: ['kind'] },
);
const option = fc.record({
  id: fc.constantFrom('trilateral', 'joint-venture', 'toString'),
  proposedBy: fc.subarray(['ukraine', 'russia', 'us']),
  text: words,
  terms: fc.record({ operator: fc.oneof(fc.constantFrom('ukraine', 'us'), fc.subarray(['ukraine', 'russia', 'us'], { minLength: 1 })) }, { requiredKeys: [] }),
  status: fc.constantFrom('proposed', 'withdrawn'),
}, { requiredKeys: ['id', 'proposedBy', 'text'] });
const provisionClause = fc.record({
  number: fc.constantFrom('8', '9', '9a'),
  title: fc.constantFrom('Plant', 'Zone'),
  text: words,
  status: fc.constantFrom('proposed', 'bracketed'),
  certainty: fc.constantFrom('reported', 'unconfirmed'),
  presence: fc.constantFrom('stated', 'assumed', 'unknown'),
  terms: fc.record({ operator: fc.oneof(fc.constantFrom('ukraine', 'us'), fc.subarray(['ukraine', 'russia', 'us'], { minLength: 1 })), plant: fc.constantFrom('zaporizhzhia') }, { requiredKeys: [] }),
  conditions: fc.uniqueArray(condition, { selector: (c) => `${c.kind}/${c.event ?? ''}`, maxLength: 3 }),
  options: fc.uniqueArray(option, { selector: (o) => o.id, maxLength: 3 }),
}, { requiredKeys: ['title', 'text', 'status', 'certainty'] }).map((c) => ({ ...c, topic: 'nuclear' as const, ...(c.presence && c.presence !== 'stated' ? { carriedFrom: 'a' } : {}) }));
const familyClause = fc.record({
  number: fc.constantFrom('10', '11'),
  title: fc.constantFrom('Zone'),
  text: words,
  status: fc.constantFrom('proposed'),
  certainty: fc.constantFrom('reported'),
  terms: fc.record({ zoneSize: fc.nat(1000), monitoring: fc.subarray(['space', 'drones', 'observers']), freeTradeAgreement: fc.boolean(), tariffRelief: fc.record({ amount: fc.nat(1e9), currency: fc.constantFrom('EUR', 'USD'), basis: fc.constantFrom('target', 'committed') }, { requiredKeys: ['amount', 'currency'] }) }, { requiredKeys: [] }),
}).map((c) => ({ ...c, topic: 'trade' as unknown as 'other' }));
const FAMILY_TERMS = parseTerms(text('test/fixtures/family-terms/terms.yaml')).terms as FamilyTerms;

const plan = (version: string) =>
  fc
    .uniqueArray(fc.tuple(ids, fc.oneof(militaryClause, otherClause, provisionClause, familyClause)), { selector: ([id]) => id, maxLength: 6 })
    .chain((rows) =>
      fc.record({ title: fc.constantFrom('Draft', 'Revised draft'), date: fc.constantFrom('2025-11-20', '2025-11-23') }).map(
        ({ title, date }): Plan => ({
          peaceplan: 2,
          plan: FAMILY_TERMS.plan,
          version,
          title,
          date,
          sources: { s1: { title: 'S', publisher: 'P' } },
          clauses: rows.map(([id, c]) => ({ id, ...c, sources: ['s1'] }) as Clause),
        }),
      ),
    );
const twoPlans = fc.tuple(plan('a'), plan('b'));

describe(`diff laws (seed ${seed}; rerun with FC_SEED=${seed})`, () => {
  it('generates valid format-2 plans (conditions, options, presence, a family topic), so the laws speak of real plans', () => {
    fc.assert(
      fc.property(plan('a'), (generated) => {
        // Hostile ids, term keys and repeated numbers are there to test the engine, not the format: valid ones stand in here.
        const a = { ...generated, clauses: generated.clauses.filter((c) => c.topic !== 'other').map((c, i) => ({ ...c, id: `c${i}`, ...(c.number !== undefined ? { number: `${i + 1}` } : {}), ...(c.options ? { options: c.options.map((o, j) => ({ ...o, id: `o${j}` })) } : {}) })) };
        const r = parsePlan(toYaml(a), { terms: FAMILY_TERMS });
        expect(r.errors).toEqual([]);
        expect(parsePlan(toYaml(a)).ok).toBe(!a.clauses.some((c) => (c.topic as string) === 'trade'));
      }),
      { seed, numRuns: 300 },
    );
  });

  it('diff(a, a) is empty', () => {
    fc.assert(fc.property(plan('a'), (a) => diffPlans(a, a).summary.identical && diffPlans(a, a).clauses.every((c) => c.kind === 'unchanged')), runs);
  });

  it('applyDiff(a, diff(a, b)) equals b, and applyDiff(b, reverseDiff(diff(a, b))) equals a', () => {
    fc.assert(
      fc.property(twoPlans, ([a, b]) => expectRoundTrip(a, b, diffPlans(a, b, { terms: FAMILY_TERMS }), FAMILY_TERMS)),
      runs,
    );
  });

  it('is empty exactly when the plans are equal (key order aside), hostile term keys included', () => {
    fc.assert(
      fc.property(twoPlans, fc.boolean(), ([a, other], equal) => {
        // Half the time b is a with every key order reversed: equal data, different JSON text.
        const b = equal ? reverseKeys(a) : { ...other, version: a.version, title: a.title, date: a.date };
        expect(diffPlans(a, b).summary.identical).toBe(canonical(a) === canonical(b));
        if (equal) expect(diffPlans(a, b).summary.identical).toBe(true);
      }),
      runs,
    );
  });

  it('is deterministic, valid against the diff schema, and pollutes nothing', () => {
    fc.assert(
      fc.property(twoPlans, ([a, b]) => {
        const one = JSON.stringify(diffPlans(a, b));
        expect(JSON.stringify(diffPlans(a, b))).toBe(one);
        expect(validateDiff(JSON.parse(one)), JSON.stringify(validateDiff.errors)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.toString).toBe(Object.prototype.toString);
      }),
      runs,
    );
  });
});

/** The same data with every object's keys in reverse order (own keys kept own, `__proto__` included). */
function reverseKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reverseKeys) as T;
  if (!v || typeof v !== 'object') return v;
  const out = {};
  for (const k of Object.keys(v).reverse()) Object.defineProperty(out, k, { value: reverseKeys((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  return out as T;
}

function canonical(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sort) : x && typeof x === 'object' ? Object.keys(x).sort().map((k) => [k, sort((x as Record<string, unknown>)[k])]) : x;
  return JSON.stringify(sort(v));
}

describe('relabelled set members', () => {
  it('pair only members that went with members that came, each at most once, whichever way they are read', async () => {
    const { nearlySameThing, relabels, sameThing } = await import('../src/diff/relabels.js');
    const name = fc.constantFrom('world-bank', 'world-bank-financing-package', 'eu', 'european-union', 'ai', 'artificial-intelligence', 'nato', 'nato-members', 'nato-partners', 'un', 'russia', 'war-affected-cities', 'war-damaged-cities', 'war-affected-areas');
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 5 }), fc.uniqueArray(name, { maxLength: 5 }), (gone, come) => {
        const removed = gone.filter((x) => !come.includes(x));
        const added = come.filter((x) => !gone.includes(x));
        const pairs = relabels(removed, added);
        for (const p of pairs) {
          expect(removed).toContain(p.from);
          expect(added).toContain(p.to);
          expect(sameThing(p.from, p.to)).toBe(sameThing(p.to, p.from));
          expect(p.perhaps ? nearlySameThing(p.from, p.to) && nearlySameThing(p.to, p.from) : sameThing(p.from, p.to)).toBe(true);
        }
        expect(new Set(pairs.map((p) => p.from)).size).toBe(pairs.length);
        expect(new Set(pairs.map((p) => p.to)).size).toBe(pairs.length);
      }),
      runs,
    );
  });
});
