/**
 * Laws of the position engine, on the shipped drafts with random positions:
 * scores stay in range, cells show the most severe stance of their reasons,
 * only opponents block, results are deterministic plain data, and the impact
 * of a reversed diff is the impact of the diff with every direction flipped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatrix, diffImpact, diffPlans, reverseDiff } from 'peaceplan';
import type { Condition, Plan, Positions, Rule, Stance, Statement } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';
import { termsOf } from '../src/diff/term-kinds.js';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const runs = { seed, numRuns: 300 };
const family = await loadPlanFamily('plans/russia-ukraine-2025');
const stakeholders = family.stakeholders?.stakeholders;
const versions = family.versions;
const clauses = [...new Map(versions.flatMap((v) => v.clauses.map((c) => [c.id, c.topic] as const))).entries()];
// Ids that are also names of Object.prototype members.
const WHO = ['ukraine', 'russia', 'us', 'eu', 'france', 'constructor', 'toString', 'valueOf'];
const STANCES: Stance[] = ['support', 'conditional', 'oppose', 'ambiguous'];
const SEVERITY: Stance[] = ['oppose', 'ambiguous', 'conditional', 'support'];
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** A test that fits the term's type, with a random argument. */
function conditionFor(topic: string): fc.Arbitrary<Condition | undefined> {
  const terms = Object.entries(termsOf(topic)).filter(([, s]) => ['quantity', 'ordered', 'enum', 'boolean', 'set', 'text'].includes(s.kind));
  if (terms.length === 0) return fc.constant(undefined);
  return fc.constantFrom(...terms).chain(([name, spec]) => {
    const test =
      spec.kind === 'quantity'
        ? fc.record({ lt: fc.integer({ min: 0, max: 1_200_000 }) })
        : spec.kind === 'ordered'
          ? fc.constantFrom(...(spec.order ?? [])).chain((r) => fc.constantFrom({ gte: r }, { lt: r }, { eq: r }))
          : spec.kind === 'enum'
            ? fc.constantFrom(...(spec.values ?? [])).map((v) => ({ ne: v as string }))
            : spec.kind === 'boolean'
              ? fc.boolean().map((b) => ({ eq: b }))
              : spec.kind === 'set'
                ? fc.constantFrom('us', 'russia', 'ukraine', 'toString').map((m) => ({ includes: m }))
                : fc.constant({ present: true });
    return fc.option(test.map((t) => ({ [name]: t }) as Condition), { nil: undefined });
  });
}

const rule = (i: number): fc.Arbitrary<Rule> =>
  fc
    .tuple(fc.constantFrom(...WHO), fc.constantFrom(...clauses), fc.boolean(), fc.constantFrom(...STANCES), fc.option(fc.constantFrom(...STANCES), { nil: undefined }), fc.option(fc.constantFrom(...STANCES), { nil: undefined }), fc.double({ min: 0, max: 1, noNaN: true }))
    .chain(([who, [id, topic], byTopic, stance, otherwise, ifAbsent, salience]) =>
      conditionFor(topic).map((when) => ({
        id: `r${i}`,
        stakeholder: who,
        ...(byTopic ? { topic } : { clause: id }),
        ...(when ? { when } : {}),
        stance,
        ...(otherwise ? { otherwise } : {}),
        ...(ifAbsent ? { ifAbsent } : {}),
        salience,
        date: '2025-11-21',
        sources: ['s'],
      })),
    );

const statement: fc.Arbitrary<Statement> = fc
  .tuple(fc.constantFrom(...WHO), fc.constantFrom(...versions), fc.boolean(), fc.constantFrom(...STANCES), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('2025-11-21', '2025-11-25'))
  .chain(([who, v, onClause, stance, salience, date]) =>
    fc.constantFrom(...v.clauses.map((c) => c.id)).map((clause) => ({ stakeholder: who, version: v.version, ...(onClause ? { clause } : {}), stance, salience, date, sources: ['s'] })),
  );

const positions: fc.Arbitrary<Positions> = fc
  .tuple(fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rule(i)))), fc.array(statement, { maxLength: 8 }))
  .map(([rules, statements]) => ({ peaceplan: 1, plan: 'russia-ukraine-2025', sources: { s: { title: 'S', publisher: 'P' } }, rules, statements }));

const options = fc.record({
  by: fc.constantFrom('clause' as const, 'topic' as const),
  decision: fc.constantFrom('veto' as const, 'unanimity' as const),
  blocs: fc.constantFrom('as-listed' as const, 'expand' as const, 'collapse' as const),
});

describe('position matrices (property)', () => {
  it(`keep scores in range, cells at their most severe reason, blockers among opponents (seed ${seed})`, () => {
    fc.assert(
      fc.property(positions, fc.constantFrom(...versions), options, (p, plan: Plan, o) => {
        const m = buildMatrix(plan, p, { ...o, ...(stakeholders ? { stakeholders } : {}) });
        expect(m.columns.length).toBe(o.by === 'clause' ? plan.clauses.length : new Set(plan.clauses.map((c) => c.topic)).size);
        for (const row of m.rows) {
          const s = row.acceptability.score;
          if (s !== null) expect(s >= -1 && s <= 1).toBe(true);
          // The score is the sum of its parts, one per cell with a stance, absence reason and statement.
          const { parts, basis } = row.acceptability;
          expect(parts.length).toBe(basis);
          if (s === null) expect(parts.every((x) => x.share === 0)).toBe(true);
          else expect(Math.abs(parts.reduce((t, x) => t + x.share, 0) - s)).toBeLessThan(5e-5);
          row.cells.forEach((cell) => {
            const worst = SEVERITY.find((st) => cell.reasons.some((r) => r.option === undefined && r.stance === st)) ?? null;
            expect(cell.stance).toBe(worst);
          });
        }
        for (const col of m.columns) for (const b of col.blockedBy) expect(col.opponents).toContain(b);
        for (const a of m.alignment) if (a.score !== null) expect(a.score >= 0 && a.score <= 1).toBe(true);
        expect(JSON.parse(JSON.stringify(m))).toEqual(buildMatrix(plan, p, { ...o, ...(stakeholders ? { stakeholders } : {}) }));
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
      }),
      runs,
    );
  });

  it(`read a reversed diff as the same moves the other way (seed ${seed})`, () => {
    const pairs = [[versions[0], versions[1]], [versions[0], versions[2]], [versions[1], versions[2]]] as Array<[Plan, Plan]>;
    const diffs = pairs.map(([a, b]) => diffPlans(a, b));
    fc.assert(
      fc.property(positions, fc.integer({ min: 0, max: 2 }), (p, k) => {
        const [a, b] = pairs[k] as [Plan, Plan];
        const forward = diffImpact(diffs[k]!, p, { from: a, to: b });
        const back = diffImpact(reverseDiff(diffs[k]!), p, { from: b, to: a });
        const moves = (i: typeof forward, flip: boolean) =>
          i.clauses.flatMap((c) => [...c.toward.map((m) => [m.stakeholder, flip ? 'away' : 'toward', -m.delta]), ...c.away.map((m) => [m.stakeholder, flip ? 'toward' : 'away', -m.delta])].map((x) => `${c.kind === 'added' || c.kind === 'removed' ? '' : c.clause} ${x.join(' ')}`));
        const norm = (xs: string[]) => xs.map((x) => x.replace(/ -?[\d.e-]+$/, (d) => ` ${Math.abs(Number(d))}`).replace(/^\S* /, '')).sort();
        expect(norm(moves(back, false))).toEqual(norm(moves(forward, true)));
        for (const s of forward.stakeholders) for (const v of [s.before, s.after]) if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }),
      { seed, numRuns: 150 },
    );
  });
});
