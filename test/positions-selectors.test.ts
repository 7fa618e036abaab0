/**
 * Rules by several clause ids, inferred rules, statements carried forward to
 * revisions, and threshold moves on a family's own terms. Positions are written
 * here, over the shipped drafts, so the tests do not move with the shipped data.
 */
import { describe, expect, it } from 'vitest';
import { buildMatrix, checkPositions, compareAcceptability, diffImpact, diffPlans, parsePositions, parseTerms } from 'peaceplan';
import type { Clause, FamilyTerms, Plan, PositionMatrix, Positions } from 'peaceplan';
import { loadPlan, loadPlanFamily } from 'peaceplan/node';
import { familyWithRenamedClause, runCli, text } from './helpers.js';
import { join } from 'node:path';

const family = await loadPlanFamily('plans/russia-ukraine-2025');
const byVersion = (v: string) => family.versions.find((p) => p.version === v) as Plan;
const [us, e3, geneva] = ['us-28-point', 'e3-counter-proposal', 'geneva-19-point'].map(byVersion) as [Plan, Plan, Plan];

const HEAD = `peaceplan: 1
plan: russia-ukraine-2025
sources:
  s1: { title: A report, publisher: Example, date: 2025-11-20 }
`;
const parse = (body: string) => {
  const r = parsePositions(HEAD + body);
  expect(r.errors).toEqual([]);
  return r.positions as Positions;
};
const cell = (m: PositionMatrix, who: string, clause: string) => m.rows.find((r) => r.stakeholder === who)?.cells[m.columns.findIndex((c) => c.key === clause)];

describe('a rule naming several clauses', () => {
  const positions = parse(`rules:
  - { id: r1, stakeholder: ukraine, clauses: [army-cap, elections], stance: oppose, salience: 1, date: 2025-11-20, sources: [s1] }
`);

  it('covers each of them, and nothing else', () => {
    const m = buildMatrix(us, positions);
    const opposed = m.columns.filter((_, j) => m.rows[0]?.cells[j]?.stance === 'oppose').map((c) => c.key);
    expect(opposed).toEqual(['army-cap', 'elections']);
  });

  it('follows each through lineage, like `clause`', () => {
    const renamed: Plan = { ...e3, version: 'my-draft', parent: 'e3-counter-proposal', clauses: e3.clauses.map((c) => (c.id === 'elections' ? ({ ...c, id: 'vote-after-peace' } as Clause) : c)) };
    const m = buildMatrix(renamed, positions, { versions: [...family.versions, renamed] });
    expect(cell(m, 'ukraine', 'vote-after-peace')?.reasons[0]?.says).toMatch(/this clause is `elections` in e3-counter-proposal/);
  });

  it('is checked id by id: an unknown one is an error at its place in the list, with the id meant', () => {
    const r = parsePositions(`${HEAD}rules:\n  - { id: r1, stakeholder: ukraine, clauses: [army-cap, electons], stance: oppose, salience: 1, date: 2025-11-20, sources: [s1] }\n`);
    const problems = checkPositions(r, family.versions);
    expect(problems.map((p) => [p.code, p.line, p.col, p.hint])).toEqual([['UNKNOWN_CLAUSE', 6, 57, 'did you mean `elections`?']]);
  });

  it('cannot be combined with `clause` or `topic`', () => {
    const r = parsePositions(`${HEAD}rules:\n  - { id: r1, stakeholder: ukraine, clauses: [army-cap], topic: elections, stance: oppose, salience: 1, date: 2025-11-20, sources: [s1] }\n`);
    expect(r.ok).toBe(false);
  });
});

describe('an inferred rule', () => {
  it('says in every reason it gives that it was inferred, and marks the reason', () => {
    const positions = parse(`rules:
  - { id: r1, stakeholder: russia, topic: military-limits, when: { personnelCap: { gt: 700000 } }, stance: oppose, otherwise: support, basis: inferred, salience: 1, date: 2025-11-24, sources: [s1] }
`);
    const reason = cell(buildMatrix(e3, positions), 'russia', 'army-cap')?.reasons[0];
    expect(reason).toMatchObject({ stance: 'oppose', inferred: true });
    expect(reason?.says).toBe('cap 800,000 is above 700,000 (inferred, not stated on this point)');
    expect(cell(buildMatrix(e3, parse(`rules:
  - { id: r1, stakeholder: russia, topic: military-limits, stance: oppose, salience: 1, date: 2025-11-24, sources: [s1] }
`)), 'russia', 'army-cap')?.reasons[0]?.inferred).toBeUndefined();
  });
});

describe('statements carried forward', () => {
  const positions = parse(`statements:
  - { stakeholder: russia, version: us-28-point, stance: support, carries: forward, date: 2025-11-21, sources: [s1] }
  - { stakeholder: ukraine, version: us-28-point, stance: conditional, date: 2025-11-21, sources: [s1] }
  - { stakeholder: ukraine, version: us-28-point, clause: army-cap, stance: oppose, carries: forward, date: 2025-11-21, sources: [s1] }
  - { stakeholder: russia, version: e3-counter-proposal, stance: oppose, date: 2025-11-24, sources: [s1] }
`);
  const matrix = (plan: Plan) => buildMatrix(plan, positions, { versions: family.versions });

  it('count in a revision until the stakeholder says something newer on a nearer version', () => {
    // Geneva revises the US draft: Russia's support carries forward; on E3 Russia said something of its own.
    const g = matrix(geneva).rows.find((r) => r.stakeholder === 'russia')?.acceptability.stated;
    expect(g).toMatchObject({ stance: 'support', version: 'us-28-point' });
    expect(g?.says).toBe('stated on 2025-11-21 (stated on us-28-point, carried forward)');
    expect(matrix(e3).rows.find((r) => r.stakeholder === 'russia')?.acceptability.stated).toMatchObject({ stance: 'oppose', version: 'e3-counter-proposal' });
  });

  it('reach the clause a revision has under another id', () => {
    const renamed: Plan = { ...e3, version: 'my-draft', parent: 'us-28-point', clauses: e3.clauses.map((c) => (c.id === 'army-cap' ? ({ ...c, id: 'armed-forces-cap' } as Clause) : c)) };
    const m = buildMatrix(renamed, positions, { versions: [...family.versions, renamed] });
    expect(cell(m, 'ukraine', 'armed-forces-cap')).toMatchObject({ stance: 'oppose' });
  });

  it('without `carries`, stay with their version, and the comparison says why', () => {
    expect(matrix(geneva).rows.find((r) => r.stakeholder === 'ukraine')?.acceptability.stated).toBeUndefined();
    const ukraine = compareAcceptability([us, geneva], positions).stakeholders.find((s) => s.stakeholder === 'ukraine');
    expect(ukraine?.versions[1]?.left).toEqual(['statement of 2025-11-21 on us-28-point (conditional) does not apply to geneva-19-point: it is about us-28-point only (`carries: forward` carries a statement to revisions)']);
    // Between siblings there is no default to explain.
    const sib = compareAcceptability([e3, geneva], parse(`statements:\n  - { stakeholder: ukraine, version: e3-counter-proposal, stance: support, date: 2025-11-23, sources: [s1] }\n`)).stakeholders[0];
    expect(sib?.versions[1]?.left).toEqual(['statement of 2025-11-23 on e3-counter-proposal (support) does not apply to geneva-19-point']);
  });

  it('in diffImpact, carried statements stay put and left-behind ones are explained', () => {
    const impact = diffImpact(diffPlans(us, geneva), positions, { from: us, to: geneva });
    const russia = impact.stakeholders.find((s) => s.stakeholder === 'russia');
    expect([russia?.left, russia?.entered]).toEqual([[], []]);
    expect(impact.stakeholders.find((s) => s.stakeholder === 'ukraine')?.left[0]).toMatch(/: it is about us-28-point only/);
  });
});

describe('threshold moves on a family\'s own terms', () => {
  it('a number declared in terms.yaml moving toward a rule\'s bound is a move', async () => {
    const dir = 'test/fixtures/family-terms';
    const terms = parseTerms(text(`${dir}/terms.yaml`)).terms as FamilyTerms;
    const [v1, v2] = await Promise.all(['v1', 'v2'].map(async (v) => (await loadPlan(`${dir}/${v}.yaml`)).plan as Plan)) as [Plan, Plan];
    const positions = parsePositions(`peaceplan: 1\nplan: spit-family\nsources:\n  s1: { title: A report, publisher: Example }\nrules:\n  - { id: zone-limit, stakeholder: russia, topic: trade, when: { zoneSize: { gt: 1000 } }, stance: oppose, otherwise: support, salience: 1, date: 2025-12-01, sources: [s1] }\n`, { terms }).positions as Positions;
    const impact = diffImpact(diffPlans(v1, v2, { terms }), positions, { from: v1, to: v2, terms });
    const zone = impact.clauses.find((c) => c.clause === 'zone');
    // 300 → 500 km²: still under 1,000, but nearer the bound past which Russia opposes.
    expect(zone?.away).toEqual([expect.objectContaining({ stakeholder: 'russia', delta: 0 })]);
    expect(JSON.stringify(zone?.away)).toContain('zone size moved nearer to 1,000, where russia');
  });
});

describe('peaceplan matrix --strict', () => {
  it('treats a warning about the positions as an error: printed, no matrix, exit 2', async () => {
    const dir = familyWithRenamedClause();
    const loose = await runCli('matrix', join(dir, 'v3.yaml'));
    expect(loose.stderr).toContain('RULE_CLAUSE_NOT_FOUND');
    expect(loose.stdout).not.toBe('');
    const strict = await runCli('matrix', join(dir, 'v3.yaml'), '--strict');
    expect([strict.code, strict.stdout]).toEqual([2, '']);
    expect(strict.stderr).toMatch(/RULE_CLAUSE_NOT_FOUND[\s\S]*peaceplan matrix: 2 warnings about the positions, errors under --strict\n$/);
    // Where nothing is warned about, --strict changes nothing.
    const shipped = await runCli('matrix', 'plans/russia-ukraine-2025/us-28-point.yaml', '--strict');
    expect(shipped.code).toBe(1);
  });
});

describe('includesAny: a set with at least one of several members', () => {
  const rule = (test: string) => parsePositions(`${HEAD}rules:\n  - { id: r1, stakeholder: russia, topic: guarantees, when: { guarantors: ${test} }, stance: oppose, salience: 1, date: 2025-08-20, sources: [s1] }\n`);
  const withGuarantors = (g: string[]): Plan => ({ ...us, clauses: us.clauses.map((c) => (c.id === 'us-guarantee-terms' ? ({ ...c, terms: { ...(c.terms as object), guarantors: g } } as Clause) : c)) });

  it('holds when one of the members is there, and says which were asked for', () => {
    const positions = rule('{ includesAny: [nato, e3, europe], excludes: russia }').positions as Positions;
    const on = (g: string[]) => cell(buildMatrix(withGuarantors(g), positions), 'russia', 'us-guarantee-terms');
    expect(on(['us', 'europe'])?.stance).toBe('oppose');
    expect(on(['us', 'europe'])?.reasons[0]?.says).toBe('guarantors us, europe includes one of nato, e3, europe; guarantors us, europe lacks russia');
    expect(on(['us'])?.stance ?? null).toBeNull();
    expect(on(['us', 'e3', 'russia'])?.stance ?? null).toBeNull();
  });

  it('fits sets only, and each member is checked where the set has a list of values', () => {
    const r = parsePositions(`${HEAD}rules:\n  - { id: r1, stakeholder: ukraine, topic: military-limits, when: { personnelCap: { includesAny: [1, 2] } }, stance: oppose, salience: 1, date: 2025-11-20, sources: [s1] }\n`);
    expect(checkPositions(r, family.versions).map((p) => p.code)).toEqual(['INVALID_CONDITION']);
    expect(checkPositions(rule('{ includesAny: [nato] }'), family.versions)).toEqual([]);
  });
});

describe('a statement carried forward and then superseded', () => {
  it('leaves with the reason that it was superseded, not the hint to carry it', () => {
    const positions = parse(`statements:
  - { stakeholder: russia, version: us-28-point, stance: support, carries: forward, date: 2025-11-21, sources: [s1] }
  - { stakeholder: russia, version: geneva-19-point, stance: oppose, date: 2025-11-25, sources: [s1] }
`);
    const russia = compareAcceptability([us, geneva], positions).stakeholders.find((s) => s.stakeholder === 'russia');
    expect(russia?.versions[1]?.left).toEqual(['statement of 2025-11-21 on us-28-point (support) does not apply to geneva-19-point: a newer statement of the stakeholder on a nearer version supersedes it']);
    expect(russia?.versions[1]?.entered).toEqual(['statement of 2025-11-25 on geneva-19-point (oppose)']);
  });
});
