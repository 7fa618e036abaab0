/**
 * The arithmetic of positions on a small synthetic family (test/fixtures/positions),
 * every expectation computed by hand from the fixture:
 * stance values support 1, conditional 0.5, ambiguous 0, oppose −1; a score is
 * Σ salience·value / Σ salience over cells, absence reasons and the latest
 * statement on the whole version.
 */
import { describe, expect, it } from 'vitest';
import { buildMatrix, compareAcceptability, diffImpact, diffPlans, parsePlan, parsePositions, parseStakeholders, reverseDiff } from 'peaceplan';
import type { Condition, Plan, PositionMatrix, Positions, Rule, Stakeholders } from 'peaceplan';
import { text } from './helpers.js';

const dir = 'test/fixtures/positions/';
const stakeholders = parseStakeholders(text(`${dir}stakeholders.yaml`)).stakeholders as Stakeholders;
const load = (name: string) => parsePlan(text(`${dir}${name}`), { stakeholders }).plan as Plan;
const [v1, v2] = [load('v1.yaml'), load('v2.yaml')];
const positions = parsePositions(text(`${dir}positions.yaml`), { stakeholders }).positions as Positions;

const stances = (m: PositionMatrix) => Object.fromEntries(m.rows.map((r) => [r.stakeholder, r.cells.map((c) => (c.stance ? `${c.stance} ${c.salience}` : '-'))]));
const scores = (m: PositionMatrix) => Object.fromEntries(m.rows.map((r) => [r.stakeholder, r.acceptability.score]));

describe('buildMatrix on a synthetic family', () => {
  const m = buildMatrix(v1, positions, { stakeholders });

  it('gives each stakeholder its stance on each clause, with the salience of the rule or statement', () => {
    expect(m.columns.map((c) => c.key)).toEqual(['cap', 'land', 'cap-navy', 'amnesty']);
    expect(stances(m)).toEqual({
      a: ['oppose 1', 'oppose 0.8', '-', '-'], // r1: 500,000 < 800,000; r3: the north recognised de jure ≥ de facto
      b: ['support 0.5', 'support 1', '-', '-'], // r2: 500,000 is not above 600,000 → otherwise; r4: any territory clause
      bloc: ['-', '-', '-', 'conditional 0.4'], // r6
      c: ['-', '-', 'oppose 0.3', 'support 0.2'], // r7; the clause statement
    });
  });

  it('scores acceptability as the salience-weighted mean, with absences and the version statement', () => {
    // a: (−1 −0.8 −1·1 [statement]) / 2.8 = −1; b: (0.5 + 1 − 0.6 [r5 absent]) / 2.1 = 0.4286
    // bloc: 0.5; c: (−0.3 + 0.2) / 0.5 = −0.2
    expect(scores(m)).toEqual({ a: -1, b: 0.4286, bloc: 0.5, c: -0.2 });
    expect(m.rows.map((r) => r.acceptability.basis)).toEqual([3, 3, 1, 2]);
    expect(m.rows[0]?.acceptability.stated?.stance).toBe('oppose');
    expect(m.rows[1]?.acceptability.absent.map((r) => r.rule)).toEqual(['r5']);
    expect(m.rows[0]?.acceptability.opposes).toEqual(['cap', 'land']);
  });

  it('says why: the rule, its source and the terms that decided it', () => {
    const cell = m.rows[0]?.cells[0];
    expect(cell?.reasons).toEqual([
      { kind: 'rule', rule: 'r1', stakeholder: 'a', stance: 'oppose', salience: 1, date: '2025-01-02', sources: ['p1'], says: 'cap 500,000 is below 800,000' },
    ]);
    expect(m.rows[1]?.cells[0]?.reasons[0]?.says).toBe('cap 500,000 is not above 600,000');
  });

  it('blocks a clause when a veto player on its topic opposes it', () => {
    expect(m.columns.map((c) => [c.key, c.supporters, c.opponents, c.blockedBy])).toEqual([
      ['cap', ['b'], ['a'], ['a']], // a has a veto on military-limits
      ['land', ['b'], ['a'], []], // only b has a veto on territory
      ['cap-navy', [], ['c'], []],
      ['amnesty', ['c'], [], []],
    ]);
    expect(m.blocked).toEqual(['cap']);
    expect(m.decision).toBe('veto');
  });

  it('blocks under unanimity whenever a signatory opposes, and under a custom rule as told', () => {
    expect(buildMatrix(v1, positions, { stakeholders, decision: 'unanimity' }).blocked).toEqual(['cap', 'land']);
    const custom = buildMatrix(v1, positions, { stakeholders, decision: (_col, opponents) => opponents.filter((o) => o === 'c') });
    expect([custom.blocked, custom.decision]).toEqual([['cap-navy'], 'custom']);
    expect(buildMatrix(v1, positions, { stakeholders, vetoes: { territory: ['a'] } }).blocked).toEqual(['cap', 'land']);
  });

  it('measures pairwise alignment over the clauses both have a stance on', () => {
    expect(m.alignment).toEqual([
      { a: 'a', b: 'b', score: 0, common: 2 }, // oppose vs support twice: 1 − 2/2 = 0
      { a: 'a', b: 'bloc', score: null, common: 0 },
      { a: 'a', b: 'c', score: null, common: 0 },
      { a: 'b', b: 'bloc', score: null, common: 0 },
      { a: 'b', b: 'c', score: null, common: 0 },
      { a: 'bloc', b: 'c', score: 0.75, common: 1 }, // conditional vs support: 1 − 0.5/2
    ]);
  });

  it('folds clauses into topics: the most severe stance of the topic, its highest salience', () => {
    const t = buildMatrix(v1, positions, { stakeholders, by: 'topic' });
    expect(t.columns.map((c) => c.key)).toEqual(['military-limits', 'territory', 'amnesty']);
    expect(stances(t)).toEqual({
      a: ['oppose 1', 'oppose 0.8', '-'],
      b: ['support 0.5', 'support 1', '-'],
      bloc: ['-', '-', 'conditional 0.4'],
      c: ['oppose 0.3', '-', 'support 0.2'],
    });
    expect(t.columns[0]?.opponents).toEqual(['a', 'c']);
    expect(t.blocked).toEqual(['military-limits']);
  });

  it('shows a bloc with its members (they take its stance where silent) or folded into it', () => {
    const expanded = buildMatrix(v1, positions, { stakeholders, blocs: 'expand' });
    expect(expanded.rows.map((r) => r.stakeholder)).toEqual(['a', 'b', 'bloc', 'c', 'd']);
    expect(stances(expanded).d).toEqual(['-', '-', '-', 'conditional 0.4']);
    expect(expanded.rows[4]?.cells[3]?.reasons[0]?.via).toBe('bloc');
    expect(stances(expanded).c).toEqual(['-', '-', 'oppose 0.3', 'support 0.2']); // its own statement wins
    const collapsed = buildMatrix(v1, positions, { stakeholders, blocs: 'collapse' });
    expect(collapsed.rows.map((r) => r.stakeholder)).toEqual(['a', 'b', 'bloc']);
    // the bloc keeps its own amnesty stance and takes c's on cap-navy: (−0.3 + 0.5·0.4) / 0.7
    expect(stances(collapsed).bloc).toEqual(['-', '-', 'oppose 0.3', 'conditional 0.4']);
    expect(scores(collapsed).bloc).toBe(-0.1429);
  });

  it('lets signatories speak for themselves: they neither borrow from a bloc nor fold into one', () => {
    const people: Stakeholders = { ...stakeholders, stakeholders: stakeholders.stakeholders.map((p) => (p.id === 'bloc' ? { ...p, members: ['a', 'c', 'd'] } : p)) };
    const withBloc: Positions = { ...positions, rules: [...(positions.rules ?? []), { id: 'bloc-cap', stakeholder: 'bloc', clause: 'cap', stance: 'support', salience: 1, date: '2025-01-02', sources: ['p1'] }] };
    const expanded = buildMatrix(v1, withBloc, { stakeholders: people, blocs: 'expand' });
    expect(stances(expanded).a?.[0]).toBe('oppose 1'); // a's own
    expect(stances(expanded).d?.[0]).toBe('support 1'); // d borrows the bloc's
    expect(stances(expanded).b?.[0]).toBe('support 0.5'); // not a member
    const collapsed = buildMatrix(v1, withBloc, { stakeholders: people, blocs: 'collapse' });
    expect(collapsed.rows.map((r) => r.stakeholder)).toEqual(['a', 'b', 'bloc']);
  });

  it('shows the most severe stance, ambiguous before conditional', () => {
    const mixed: Positions = {
      ...positions,
      statements: [],
      rules: [
        { id: 'x1', stakeholder: 'a', clause: 'amnesty', stance: 'conditional', salience: 1, date: '2025-01-02', sources: ['p1'] },
        { id: 'x2', stakeholder: 'a', clause: 'amnesty', stance: 'ambiguous', salience: 0.5, date: '2025-01-02', sources: ['p1'] },
      ],
    };
    const row = buildMatrix(v1, mixed).rows[0];
    expect([row?.cells[3]?.stance, row?.cells[3]?.salience, row?.acceptability.score]).toEqual(['ambiguous', 0.5, 0]);
  });

  it('keeps the rows asked for, in that order', () => {
    expect(buildMatrix(v1, positions, { stakeholders, rows: ['c', 'a'] }).rows.map((r) => r.stakeholder)).toEqual(['c', 'a']);
  });

  it('is plain data: the same inputs give the same JSON', () => {
    expect(JSON.stringify(buildMatrix(v1, positions, { stakeholders }))).toBe(JSON.stringify(m));
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe('conditions', () => {
  const region = (fields: Record<string, unknown>): Plan => ({
    ...v1,
    clauses: v1.clauses.map((c) => (c.id === 'land' ? ({ ...c, terms: { regions: [{ region: 'north', ...fields }] } } as typeof c) : c)),
  });
  const says = (plan: Plan, when: Condition) =>
    buildMatrix(plan, { ...positions, statements: [], rules: [{ id: 't', stakeholder: 'a', topic: 'territory', when, stance: 'oppose', otherwise: 'support', salience: 1, date: '2025-01-02', sources: ['p1'] }] }).rows[0]?.cells[1]?.reasons[0]?.says;

  it('treat a field an item lacks as holding nothing: not equal, in no list, with no member', () => {
    expect(says(region({}), { regions: { any: { recognisedBy: { excludes: 'b' } } } })).toBe('some item of regions: recognisedBy lacks b');
    expect(says(region({}), { regions: { every: { arrangement: { ne: 'frozen-at-line' } } } })).toBe('every item of regions: arrangement is not frozen-at-line');
    expect(says(region({}), { regions: { any: { recognisedBy: { includes: 'b' } } } })).toBe('no item of regions: recognisedBy includes b');
  });

  it('say what a clause rule found missing', () => {
    const p: Positions = { ...positions, statements: [], rules: [{ id: 'cap-scope', stakeholder: 'a', clause: 'cap', when: { appliesIn: { eq: 'peacetime' } }, stance: 'support', ifAbsent: 'oppose', salience: 1, date: '2025-01-02', sources: ['p1'] }] };
    expect(buildMatrix(v1, p).rows[0]?.acceptability.absent[0]?.says).toBe('the version has no clause `cap` stating applies in');
  });
});

describe('terms a version does not report', () => {
  const capUnreported: Plan = { ...v1, clauses: v1.clauses.map((c) => (c.id === 'cap' ? ({ ...c, terms: { party: 'a' }, unreported: ['personnelCap'] } as typeof c) : c)) };
  const capDropped: Plan = { ...v1, clauses: v1.clauses.map((c) => (c.id === 'cap' ? ({ ...c, terms: { party: 'a' } } as typeof c) : c)) };
  const rules = (...list: Rule[]): Positions => ({ ...positions, statements: [], rules: list });
  const r = (id: string, when: Condition, extra: Partial<Rule> = {}): Rule => ({ id, stakeholder: 'a', clause: 'cap', when, stance: 'oppose', otherwise: 'support', salience: 1, date: '2025-01-02', sources: ['p1'], ...extra });

  it('give no stance from a rule testing them, not even `present: false`', () => {
    const p = rules(r('low', { personnelCap: { lt: 800000 } }), r('none', { personnelCap: { present: false } }, { stakeholder: 'b', stance: 'support' }));
    expect(stances(buildMatrix(capDropped, p))).toMatchObject({ a: ['-', '-', '-', '-'], b: ['support 1', '-', '-', '-'] });
    expect(stances(buildMatrix(capUnreported, p))).toMatchObject({ a: ['-', '-', '-', '-'], b: ['-', '-', '-', '-'] });
  });

  it('do not make the clause absent: `ifAbsent` does not fire', () => {
    const p = rules(r('low', { personnelCap: { lt: 800000 } }, { ifAbsent: 'oppose' }));
    expect(buildMatrix(capDropped, p).rows[0]?.acceptability.absent.map((x) => x.rule)).toEqual(['low']);
    expect(buildMatrix(capUnreported, p).rows[0]?.acceptability.absent).toEqual([]);
  });

  it('leave rules on the clause\'s other terms as they were', () => {
    const p = rules(r('party', { party: { eq: 'a' } }));
    expect(stances(buildMatrix(capUnreported, p)).a?.[0]).toBe('oppose 1');
  });

  it('count as reported for a rival option that sets them', () => {
    const withOption: Plan = { ...capUnreported, clauses: capUnreported.clauses.map((c) => (c.id === 'cap' ? ({ ...c, options: [{ id: 'o1', proposedBy: ['b'], text: 'A cap of 900,000.', terms: { personnelCap: 900000 } }] } as typeof c) : c)) };
    const cell = buildMatrix(withOption, rules(r('low', { personnelCap: { lt: 800000 } }))).rows[0]?.cells[0];
    expect(cell?.options).toEqual([{ option: 'o1', stance: 'support' }]);
    expect(cell?.stance).toBeNull();
  });
});

describe('compareAcceptability', () => {
  it('tracks each stakeholder across versions, and what blocks each version', () => {
    const c = compareAcceptability([v1, v2], positions, { stakeholders });
    expect(c.versions).toEqual([
      { version: 'v1', date: '2025-01-01', parent: null, blocked: ['cap'] },
      { version: 'v2', date: '2025-02-01', parent: 'v1', blocked: ['cap'] }, // 700,000 still below a's 800,000
    ]);
    // v2: a −1 (cap only); b (−0.5 + 0.6) / 1.1 = 0.0909; c loses its v1 statement: −1
    expect(Object.fromEntries(c.stakeholders.map((s) => [s.stakeholder, s.versions.map((v) => v.score)]))).toEqual({
      a: [-1, -1],
      b: [0.4286, 0.0909],
      bloc: [0.5, 0.5],
      c: [-0.2, -1],
    });
  });
});

describe('diffImpact', () => {
  const impact = diffImpact(diffPlans(v1, v2), positions, { from: v1, to: v2, stakeholders });
  const moves = (i: typeof impact) => i.clauses.map((c) => [c.clause, c.toward.map((m) => `${m.stakeholder} ${m.delta}`), c.away.map((m) => `${m.stakeholder} ${m.delta}`)]);

  it('says which change moved whom, by how much', () => {
    expect(moves(impact)).toEqual([
      ['cap', ['a 0'], ['b -1']], // a: still opposed but 700,000 is nearer its 800,000 line; b: support 0.5 → oppose 0.5
      ['land', ['a 0.8'], ['b -1']], // a's opposed clause is gone; b's supported one too
      ['troops', ['b 1.2'], []], // r5: no troop clause (oppose 0.6) → troops banned (support 0.6)
    ]);
    const a = impact.clauses[0]?.toward[0];
    expect(a?.says.at(-1)).toBe("r1: cap moved nearer to 800,000, where a's stance would become support");
    expect(impact.clauses[2]?.toward[0]?.says[0]).toBe('before: rule r5 (absence): the version has no alliance clause stating foreign troops → oppose');
  });

  it('sums up per stakeholder', () => {
    expect(impact.stakeholders.map((s) => [s.stakeholder, s.before, s.after, s.toward, s.away])).toEqual([
      ['a', -1, -1, 2, 0],
      ['b', 0.4286, 0.0909, 1, 2],
      ['bloc', 0.5, 0.5, 0, 0],
      ['c', -0.2, -1, 0, 0], // c lost only a statement, which no change explains
    ]);
  });

  it('runs backwards for the reversed diff: every toward becomes away and the other way round', () => {
    const back = diffImpact(reverseDiff(diffPlans(v1, v2)), positions, { from: v2, to: v1, stakeholders });
    const directions = (i: typeof impact) => i.clauses.flatMap((c) => [...c.toward.map((m) => `${c.clause} ${m.stakeholder} toward`), ...c.away.map((m) => `${c.clause} ${m.stakeholder} away`)]).sort();
    const flipped = directions(impact).map((d) => d.replace(/toward$|away$/, (w) => (w === 'toward' ? 'away' : 'toward'))).sort();
    expect(directions(back)).toEqual(flipped);
  });

  const rule = (id: string, when: Condition): Rule => ({ id, stakeholder: 'a', clause: 'cap', when, stance: 'oppose', otherwise: 'support', salience: 1, date: '2025-01-02', sources: ['p1'] });
  const withCap = (plan: Plan, terms: Record<string, unknown>): Plan => ({ ...plan, clauses: plan.clauses.map((c) => (c.id === 'cap' ? ({ ...c, terms: { party: 'a', ...terms } } as typeof c) : c)) });
  const only = (...rules: Rule[]): Positions => ({ ...positions, rules, statements: [] });
  const capMoves = (p: Positions, a: Plan, b: Plan) => diffImpact(diffPlans(a, b), p, { from: a, to: b }).clauses.filter((c) => c.clause === 'cap').map((c) => [c.toward.map((m) => m.stakeholder), c.away.map((m) => m.stakeholder)]);

  it('counts a threshold only when crossing it would flip the rule', () => {
    // oppose inside the band 600,000–800,000: 700,000 → 610,000 is 10,000 from leaving it, nearer than before
    const band = only(rule('band', { personnelCap: { gt: 600000, lt: 800000 } }));
    expect(capMoves(band, withCap(v1, { personnelCap: 700000 }), withCap(v2, { personnelCap: 610000 }))).toEqual([[['a'], []]]);
    // the condition fails on capabilityLimits, which no cap can change: no move either way
    const both = only(rule('both', { personnelCap: { lt: 800000 }, capabilityLimits: { eq: true } }));
    expect(capMoves(both, withCap(v1, { personnelCap: 500000, capabilityLimits: false }), withCap(v2, { personnelCap: 790000, capabilityLimits: false }))).toEqual([]);
    // failing only on the cap: 500,000 → 790,000 nears 800,000, where the rule would oppose
    const cap = only(rule('cap', { personnelCap: { gt: 800000 } }));
    expect(capMoves(cap, withCap(v1, { personnelCap: 500000 }), withCap(v2, { personnelCap: 790000 }))).toEqual([[[], ['a']]]);
  });

  it('reads a split as one change: the old clause against its parts together', () => {
    const load = (f: string) => parsePlan(text(`test/fixtures/diff/split/${f}`)).plan as Plan;
    const [a, b] = [load('a.yaml'), load('b.yaml')];
    const split: Positions = {
      peaceplan: 1,
      plan: a.plan,
      sources: positions.sources,
      rules: [
        { id: 'no-us', stakeholder: 'x', topic: 'guarantees', when: { guarantors: { includes: 'us' } }, stance: 'oppose', salience: 1, date: '2025-01-02', sources: ['p1'] },
        { id: 'renew', stakeholder: 'x', topic: 'guarantees', when: { renewable: { eq: true } }, stance: 'support', salience: 1, date: '2025-01-02', sources: ['p1'] },
      ],
    };
    const impact = diffImpact(diffPlans(a, b), split, { from: a, to: b });
    expect(diffPlans(a, b).clauses.filter((c) => c.kind === 'split')).toHaveLength(2);
    expect(impact.clauses).toEqual([]); // oppose and support before, the same two after
  });

  it('reads a term the new version does not report as unknown: no move, however the rule would have read its absence', () => {
    const unreported = (plan: Plan): Plan => ({ ...plan, clauses: plan.clauses.map((c) => (c.id === 'cap' ? ({ ...c, terms: { party: 'a' }, unreported: ['personnelCap'] } as typeof c) : c)) });
    const [was, now] = [withCap(v1, { personnelCap: 500000 }), unreported(v2)];
    // Without the list, 500,000 → no cap at all: a opposed (below 800,000), and the cap's absence is what b wants.
    const absentOk = only(rule('low', { personnelCap: { lt: 800000 } }), { ...rule('none', { personnelCap: { present: false } }), stakeholder: 'b', stance: 'support', otherwise: 'oppose' });
    const dropped = withCap(v2, {});
    expect(capMoves(absentOk, was, dropped)).toEqual([[['a', 'b'], []]]);
    expect(capMoves(absentOk, was, now)).toEqual([]);
    expect(capMoves(absentOk, now, was)).toEqual([]);
  });

  it('refuses positions of another family', () => {
    expect(() => buildMatrix(v1, { ...positions, plan: 'other' })).toThrow(TypeError);
  });

  it('refuses versions that are not the diff\'s', () => {
    expect(() => diffImpact(diffPlans(v1, v2), positions, { from: v2, to: v1 })).toThrow(TypeError);
  });
});
