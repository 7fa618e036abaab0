import { describe, expect, it } from 'vitest';
import { diffPlans, renderDiffText, reverseDiff } from 'peaceplan';
import planSchema from '../schemas/plan.schema.json' with { type: 'json' };
import { expectRoundTrip } from './helpers.js';
import type { Plan, TermChange } from 'peaceplan';

const plan = (clauses: Array<Record<string, unknown>>): Plan =>
  ({
    peaceplan: 1,
    plan: 'p',
    version: 'v',
    title: 'T',
    date: '2025-11-20',
    sources: { s1: { title: 'S', publisher: 'P' } },
    clauses: clauses.map((c, i) => ({ id: `c${i}`, number: String(i + 1), topic: 'other', title: 'T', text: 'Text.', status: 'proposed', certainty: 'reported', sources: ['s1'], ...c })),
  }) as Plan;
const termsOf = (a: Plan, b: Plan) => diffPlans(a, b).clauses[0]?.terms ?? [];

describe('term changes in words and numbers', () => {
  it('keeps the laws when terms are absent, empty or null', () => {
    const forms = [{}, { terms: {} }, { terms: null }, { terms: { level: 1 } }];
    for (const x of forms) for (const y of forms) {
      const a = plan([x]);
      const b = plan([y]);
      const d = diffPlans(a, b);
      expect(d.summary.identical).toBe(JSON.stringify(a) === JSON.stringify(b));
      expectRoundTrip(a, b, d);
      if (!d.summary.identical) expect(d.clauses[0]?.says).not.toMatch(/unchanged$/);
    }
  });

  it('pairs list items by identity: a repeated identity pairs equal items first, then in order, and says which', () => {
    const alloc = (amounts: number[]) => ({
      topic: 'assets' as const,
      terms: { allocations: amounts.map((amount) => ({ source: 'russian-frozen-assets', amount: { amount, currency: 'USD' } })) },
    });
    const [change] = termsOf(plan([alloc([100e9, 50e9])]), plan([alloc([50e9, 80e9])]));
    expect(change?.changes).toHaveLength(1);
    expect(change?.changes?.[0]).toMatchObject({ term: 'russian-frozen-assets #1' });
    expect(change?.changes?.[0]?.changes?.[0]).toMatchObject({ term: 'amount', kind: 'money', direction: 'lowered', delta: -20e9 });
    expect(change?.says).toBe('allocations: russian-frozen-assets #1: amount lowered USD 100 bn → USD 80 bn (−20 %)');
    const share = (percent: number) => ({ topic: 'nuclear' as const, terms: { electricityShares: [{ to: 'russia', percent }, { to: 'ukraine', percent: 100 - percent }] } });
    expect(termsOf(plan([share(50)]), plan([share(60)]))[0]?.says).toBe(
      'electricity shares: russia: percent raised 50 → 60 (+20 %); ukraine: percent lowered 50 → 40 (−20 %)',
    );
  });

  it('never pairs list items by position: a region listed twice, a reordered list, a changed scope', () => {
    const region = (r: string, scope: string, recognition: string) => ({ region: r, scope, recognition });
    const land = (regions: object[], withdrawals: object[]) => ({ topic: 'territory' as const, terms: { regions, withdrawals } });
    const before = land(
      [region('crimea', 'whole', 'de-facto'), region('donetsk-oblast', 'occupied-part', 'de-facto'), region('donetsk-oblast', 'unoccupied-part', 'de-facto')],
      [{ party: 'ukraine', from: 'donetsk-oblast' }, { party: 'russia', from: 'kharkiv-oblast' }],
    );
    const after = land(
      [region('donetsk-oblast', 'unoccupied-part', 'de-facto'), region('donetsk-oblast', 'occupied-part', 'none'), region('crimea', 'occupied-part', 'none')],
      [{ party: 'russia', from: 'kharkiv-oblast' }, { party: 'russia', from: 'sumy-oblast' }],
    );
    const [regions, withdrawals] = termsOf(plan([before]), plan([after]));
    expect(regions?.says).toBe('regions: donetsk-oblast (occupied-part): recognition moved down: de-facto → none; crimea: scope changed: whole → occupied-part, recognition moved down: de-facto → none');
    expect(withdrawals).toMatchObject({ added: ['russia (sumy-oblast)'], removed: ['ukraine (donetsk-oblast)'], changes: [] });
    const labels = (t: TermChange | undefined): string[] => [String(t?.term), ...(t?.changes ?? []).flatMap(labels)];
    expect([regions, withdrawals].flatMap(labels).filter((l) => /^item \d+$/.test(l))).toEqual([]);
  });

  it('compares durations by length, and says when only the unit changed', () => {
    const dur = (amount: number, unit: string) => ({ topic: 'guarantees' as const, terms: { duration: { amount, unit } } });
    expect(termsOf(plan([dur(1, 'years')]), plan([dur(12, 'months')]))[0]?.direction).toBe('restated');
    expect(termsOf(plan([dur(10, 'years')]), plan([dur(15, 'years')]))[0]).toMatchObject({ direction: 'lengthened', says: 'duration lengthened: 10 years → 15 years' });
  });

  it('keeps ratios finite and signs right on tiny changes', () => {
    expect(termsOf(plan([{ terms: { share: 1e-320 } }]), plan([{ terms: { share: 0.5 } }]))[0]?.ratio).toBeUndefined();
    expect(termsOf(plan([{ terms: { n: 100000 } }]), plan([{ terms: { n: 99999 } }]))[0]?.says).toBe('n lowered 100,000 → 99,999 (−<0.1 %)');
  });

  it('does not call deadlines counted from different events looser or tighter', () => {
    const dl = (days: number, from: string) => ({ topic: 'elections' as const, terms: { deadline: { days, from } } });
    expect(termsOf(plan([dl(30, 'ceasefire')]), plan([dl(60, 'signature')]))[0]?.direction).toBe('changed');
    expect(termsOf(plan([dl(30, 'signature')]), plan([dl(60, 'signature')]))[0]?.direction).toBe('loosened');
  });
});

describe('matching', () => {
  it('pairs a clause made only of common words, however many clauses share them', () => {
    const old = plan([{ id: 'elections', title: 'Elections', text: 'Ukraine holds elections.' }]);
    const noise = Array.from({ length: 100 }, (_, k) => ({ id: `x${k}`, title: `Rule ${k}`, text: `Ukraine holds elections under rule r${k}x and q${k}y.` }));
    const next = plan([{ id: 'vote', number: '2', title: 'Elections in Ukraine', text: 'Ukraine holds elections.' }, ...noise]);
    const change = diffPlans(old, next).clauses.find((c) => c.to?.id === 'vote');
    expect(change?.match).toMatchObject({ method: 'similarity' });
    expect(change?.from?.id).toBe('elections');
  });
});

describe('set members named otherwise by another hand', () => {
  it('tells a member named more or less precisely as one member, and weighs only what really came or went', () => {
    const sectors = (s: string[]) => ({ terms: { sectors: s, partners: ['world-bank'] } });
    const a = plan([sectors(['artificial-intelligence', 'minerals-and-natural-resources', 'infrastructure'])]);
    const b = plan([{ terms: { sectors: ['ai', 'minerals'], partners: ['world-bank-financing-package'] } }]);
    const d = diffPlans(a, b);
    const terms = d.clauses[0]?.terms ?? [];
    const [set, partners] = ['sectors', 'partners'].map((k) => terms.find((t) => t.term === k));
    expect(set).toMatchObject({ term: 'sectors', relabelled: [{ from: 'artificial-intelligence', to: 'ai' }, { from: 'minerals-and-natural-resources', to: 'minerals' }] });
    expect(set?.says).toBe('infrastructure removed from sectors; named otherwise in sectors: artificial-intelligence → ai, minerals-and-natural-resources → minerals');
    expect(partners?.says).toBe('named otherwise in partners: world-bank → world-bank-financing-package');
    // The one real removal is what the clause weighs; the relabels count nothing.
    const relabelOnly = diffPlans(plan([{ terms: { partners: ['world-bank'] } }]), plan([{ terms: { partners: ['world-bank-financing-package'] } }]));
    expect(relabelOnly.summary.highlights).toEqual([]);
    expect(d.summary.highlights[0]?.weight).toBeCloseTo(5.3);
    expectRoundTrip(a, b, d);
  });

  it('keeps different things apart, and an ambiguous relabel as a removal and an addition', () => {
    const says = (x: string[], y: string[]) => termsOf(plan([{ terms: { members: x } }]), plan([{ terms: { members: y } }]))[0];
    // Words in common are not enough: every word of one label must be in the other.
    expect(says(['world-bank'], ['world-health-organisation'])?.relabelled).toBeUndefined();
    expect(says(['russia'], ['ukraine'])?.relabelled).toBeUndefined();
    // Initials that do not spell the other label.
    expect(says(['un'], ['european-union'])?.relabelled).toBeUndefined();
    expect(says(['eu'], ['european-union'])?.relabelled).toEqual([{ from: 'eu', to: 'european-union' }]);
    expect(says(['iaea'], ['international-atomic-energy-agency'])?.relabelled).toHaveLength(1);
    // Two candidates for one label: neither pair is sure.
    expect(says(['nato'], ['nato-members', 'nato-partners'])?.relabelled).toBeUndefined();
    expect(says(['nato'], ['nato-members', 'nato-partners'])?.says).toBe('nato-members, nato-partners added to members; nato removed from members');
  });
});

describe('set members perhaps named otherwise', () => {
  const says = (x: string[], y: string[]) => termsOf(plan([{ terms: { members: x } }]), plan([{ terms: { members: y } }]))[0];

  it('tells labels of three or more words, one word apart after the same first word, as perhaps the same member', () => {
    const t = says(['gas-infrastructure', 'war-affected-cities'], ['gas-infrastructure', 'war-damaged-cities']);
    expect(t?.relabelled).toEqual([{ from: 'war-affected-cities', to: 'war-damaged-cities', perhaps: true }]);
    expect(t?.says).toBe('perhaps named otherwise in members: war-affected-cities → war-damaged-cities');
    expect(says(['neutral-international-institutions'], ['neutral-international-bodies'])?.relabelled).toEqual([{ from: 'neutral-international-institutions', to: 'neutral-international-bodies', perhaps: true }]);
    // A sure relabel and a perhaps in one set: each told as what it is.
    expect(says(['eu', 'war-affected-cities'], ['european-union', 'war-damaged-cities'])?.says).toBe('named otherwise in members: eu → european-union; perhaps named otherwise in members: war-affected-cities → war-damaged-cities');
  });

  it('keeps apart labels whose first word (most often the name) differs, short labels, and ambiguous partners', () => {
    expect(says(['zaporizhzhia-nuclear-plant'], ['kursk-nuclear-plant'])?.relabelled).toBeUndefined();
    expect(says(['daily-services'], ['public-services'])?.relabelled).toBeUndefined();
    expect(says(['war-affected-cities'], ['war-damaged-cities', 'war-affected-areas'])?.relabelled).toBeUndefined();
  });

  it('weighs one perhaps-renamed member as one member changed, below a change of a term of substance', () => {
    const renamed = diffPlans(plan([{ terms: { members: ['war-affected-cities'] } }]), plan([{ terms: { members: ['war-damaged-cities'] } }]));
    const swapped = diffPlans(plan([{ terms: { members: ['war-affected-cities'] } }]), plan([{ terms: { members: ['frontline-regions'] } }]));
    expect(renamed.summary.highlights[0]?.weight).toBeCloseTo(5.3);
    expect(swapped.summary.highlights[0]?.weight).toBeCloseTo(5.6);
    expectRoundTrip(plan([{ terms: { members: ['war-affected-cities'] } }]), plan([{ terms: { members: ['war-damaged-cities'] } }]), renamed);
  });
});

describe('conditions another hand named otherwise', () => {
  it('pairs a condition whose event names the same thing, tells it once and weighs only what else changed', () => {
    const cond = (kind: string, event: string, by: string[]) => ({ topic: 'governance' as const, conditions: [{ kind, event, by }] });
    const a = plan([cond('compliance', 'pa-reform-programme-completed', ['palestinian-authority'])]);
    const renamed = plan([cond('milestone', 'pa-reform-completed', ['palestinian-authority'])]);
    const d = diffPlans(a, renamed);
    const field = d.clauses[0]?.fields.find((f) => f.field === 'conditions');
    expect(field?.says).toBe('condition named otherwise: compliance: pa-reform-programme-completed by palestinian-authority → milestone: pa-reform-completed by palestinian-authority');
    expect(field?.changes?.[0]).toMatchObject({ change: 'changed', changes: [] });
    expect(d.summary.highlights).toEqual([]);
    expectRoundTrip(a, renamed, d);
    // Who must act is substance: a condition named otherwise that another party must meet still weighs.
    const other = diffPlans(a, plan([cond('milestone', 'pa-reform-completed', ['israel'])]));
    expect(other.clauses[0]?.fields.find((f) => f.field === 'conditions')?.says).toMatch(/^condition named otherwise: .*; israel added to by; palestinian-authority removed from by$/);
    expect(other.summary.highlights).toHaveLength(1);
    // Events that do not name the same thing stay a condition dropped and one added.
    const apart = diffPlans(a, plan([cond('milestone', 'elections-held', ['palestinian-authority'])]));
    expect(apart.clauses[0]?.fields.find((f) => f.field === 'conditions')?.says).toMatch(/^condition added: .*; condition dropped: /);
  });

  it('tells a condition named otherwise after those added and removed, so a line cut short keeps the news', () => {
    // An unseen hand's amnesty: coexistence named otherwise, decommissioning newly required.
    const amnesty = (conditions: object[]) => plan([{ topic: 'amnesty' as const, conditions }]);
    const a = amnesty([{ kind: 'compliance', event: 'peaceful-coexistence', by: ['hamas'] }]);
    const b = amnesty([
      { kind: 'compliance', event: 'peaceful-coexistence-commitment', by: ['hamas'] },
      { kind: 'compliance', event: 'weapons-decommissioned', by: ['hamas'] },
    ]);
    const d = diffPlans(a, b);
    const field = d.clauses[0]?.fields.find((f) => f.field === 'conditions');
    expect(field?.says).toBe('condition added: compliance: weapons-decommissioned by hamas; condition named otherwise: compliance: peaceful-coexistence by hamas → compliance: peaceful-coexistence-commitment by hamas');
    expect(field?.changes?.map((c) => c.change)).toEqual(['added', 'changed']);
    expect(d.summary.highlights[0]?.says).toMatch(/^Clause 1 \([^)]*\): condition added: compliance: weapons-decommissioned by hamas/);
    expectRoundTrip(a, b, d);
    // The only condition of its kind on each side, named otherwise: the same, not a condition changed that weighs.
    const c = amnesty([{ kind: 'compliance', event: 'peaceful-coexistence-commitment', by: ['hamas'] }]);
    for (const [x, y] of [[a, c], [c, a]] as const) {
      const one = diffPlans(x, y);
      expect(one.clauses[0]?.fields.find((f) => f.field === 'conditions')?.says).toMatch(/^condition named otherwise: /);
      expect(one.summary.highlights).toEqual([]);
      expectRoundTrip(x, y, one);
    }
    // A condition only reworded (its `text` written by one hand) is bookkeeping: told after the news, weighing nothing,
    // and named once, not "changed: X → X".
    const worded = amnesty([{ kind: 'compliance', event: 'peaceful-coexistence', by: ['hamas'], text: 'Members commit to living in peace.' }]);
    for (const [x, y] of [[a, worded], [worded, a]] as const) {
      const w = diffPlans(x, y);
      expect(w.clauses[0]?.fields.find((f) => f.field === 'conditions')?.says).toBe('condition compliance: peaceful-coexistence by hamas: reworded');
      expect(w.summary.highlights).toEqual([]);
      expectRoundTrip(x, y, w);
    }
    const both = diffPlans(a, amnesty([{ kind: 'compliance', event: 'peaceful-coexistence', by: ['hamas'], text: 'In peace.' }, { kind: 'compliance', event: 'weapons-decommissioned', by: ['hamas'] }]));
    expect(both.clauses[0]?.fields.find((f) => f.field === 'conditions')?.says).toBe('condition added: compliance: weapons-decommissioned by hamas; condition compliance: peaceful-coexistence by hamas: reworded');
    // Named otherwise and reworded: still one condition, weighing nothing.
    expect(diffPlans(a, amnesty([{ kind: 'compliance', event: 'peaceful-coexistence-commitment', by: ['hamas'], text: 'In peace.' }])).summary.highlights).toEqual([]);
    // Events that name other things stay a condition changed, paired by their kind.
    const other = diffPlans(a, amnesty([{ kind: 'compliance', event: 'weapons-decommissioned', by: ['hamas'] }]));
    expect(other.clauses[0]?.fields.find((f) => f.field === 'conditions')?.says).toMatch(/^condition changed: /);
    expect(other.summary.highlights).toHaveLength(1);
  });
});

describe('a value that states nothing (x-unstated)', () => {
  const guarantee = (terms: Record<string, unknown>) => ({ topic: 'guarantees' as const, terms: { beneficiary: 'ukraine', ...terms } });

  it('tells a model written as unspecified against one left out as the same thing, among the bookkeeping, weighing nothing', () => {
    const a = plan([guarantee({ guarantors: ['us'], model: 'unspecified' })]);
    const b = plan([guarantee({ guarantors: ['us', 'europe'] })]);
    const d = diffPlans(a, b);
    const model = d.clauses[0]?.terms.find((t) => t.term === 'model');
    expect(model).toMatchObject({ change: 'removed', from: 'unspecified', unstated: true, says: 'model left out (was written as unspecified: the same)' });
    // The clause weighs and reads as the guarantor added alone would.
    const without = diffPlans(plan([guarantee({ guarantors: ['us'] })]), b);
    expect(d.summary.highlights[0]?.weight).toBe(without.summary.highlights[0]?.weight);
    expect(d.summary.highlights[0]?.says).toBe(without.summary.highlights[0]?.says);
    expect(renderDiffText(d)).toMatch(/also: .*model left out \(was written as unspecified: the same\)/);
    expectRoundTrip(a, b, d);
    // Seen the other way, still the same thing.
    expect(reverseDiff(d).clauses[0]?.terms.find((t) => t.term === 'model')).toMatchObject({ change: 'added', unstated: true, says: 'model written as unspecified (left out before: the same)' });
  });

  it('keeps a clause whose only difference is such a value out of the highlights, and still applies', () => {
    const a = plan([guarantee({ model: 'unspecified' })]);
    const b = plan([guarantee({})]);
    const d = diffPlans(b, a);
    expect(d.summary.identical).toBe(false);
    expect(d.summary.highlights).toEqual([]);
    expectRoundTrip(b, a, d);
  });

  it('still tells a model that came to be specified, from unspecified or from nothing', () => {
    const specified = plan([guarantee({ model: 'article-5-like' })]);
    for (const before of [guarantee({ model: 'unspecified' }), guarantee({})]) {
      const d = diffPlans(plan([before]), specified);
      const model = d.clauses[0]?.terms.find((t) => t.term === 'model');
      expect(model?.unstated).toBeUndefined();
      expect(d.summary.highlights[0]?.says).toMatch(/model (changed: unspecified → article-5-like|set to article-5-like)/);
    }
  });

  it('names, wherever the plan schema marks one, a value of that enum', () => {
    const marked: Array<[string, unknown, unknown]> = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if ('x-unstated' in n) marked.push([at, n['x-unstated'], n.enum]);
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(planSchema, '#');
    expect(marked.length).toBeGreaterThan(0);
    for (const [at, value, values] of marked) expect(values, at).toContain(value);
  });
});
