/** What the shipped positions say about the shipped drafts: the reported stances must come out. */
import { describe, expect, it } from 'vitest';
import { buildMatrix, compareAcceptability, diffImpact, diffPlans } from 'peaceplan';
import type { Plan, PositionMatrix, Positions, Stance } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';

const family = await loadPlanFamily('plans/russia-ukraine-2025');
const positions = family.positions?.positions as Positions;
const stakeholders = family.stakeholders?.stakeholders;
const version = (id: string) => family.versions.find((v) => v.version === id) as Plan;
const [us, e3, geneva] = [version('us-28-point'), version('e3-counter-proposal'), version('geneva-19-point')];
const matrix = (plan: Plan) => buildMatrix(plan, positions, stakeholders ? { stakeholders } : {});
const stance = (m: PositionMatrix, who: string, clause: string): Stance | null | undefined => {
  const j = m.columns.findIndex((c) => c.key === clause);
  return m.rows.find((r) => r.stakeholder === who)?.cells[j]?.stance;
};

describe('the shipped positions', () => {
  it('are valid and consistent with the family', () => {
    expect(family.positions?.errors).toEqual([]);
    expect(family.ok).toBe(true);
    const who = new Set([...(positions.rules ?? []), ...(positions.statements ?? [])].map((e) => e.stakeholder));
    for (const s of ['us', 'ukraine', 'russia', 'eu', 'uk', 'nato']) expect(who).toContain(s);
    const topics = new Set((positions.rules ?? []).map((r) => r.topic ?? [us, e3, geneva].flatMap((v) => v.clauses).find((c) => c.id === r.clause)?.topic));
    for (const t of ['territory', 'military-limits', 'alliance', 'assets', 'elections', 'guarantees']) expect(topics).toContain(t);
  });

  it('Ukraine opposes the US draft’s army cap and its territorial recognition, and can block both', () => {
    const m = matrix(us);
    expect(stance(m, 'ukraine', 'army-cap')).toBe('oppose');
    expect(stance(m, 'ukraine', 'territory')).toBe('oppose');
    expect(m.columns.find((c) => c.key === 'army-cap')?.blockedBy).toContain('ukraine');
    expect(m.columns.find((c) => c.key === 'territory')?.blockedBy).toContain('ukraine');
  });

  it('Ukraine opposes the E3 version’s 800,000 cap too (it rejected any cap), the later report of a softer line only adding a reason', () => {
    const m = matrix(e3);
    const cell = m.rows.find((r) => r.stakeholder === 'ukraine')?.cells[m.columns.findIndex((c) => c.key === 'army-cap')];
    expect(cell?.stance).toBe('oppose');
    expect(cell?.reasons.find((r) => r.rule === 'ukraine-army-cap-floor')?.says).toBe('party is ukraine; cap is stated');
    expect(cell?.reasons.find((r) => r.rule === 'ukraine-peacetime-cap-800k-reported')?.stance).toBe('conditional');
  });

  it('Russia opposes the E3 counter-proposal’s foreign-troop and territory terms', () => {
    const m = matrix(e3);
    expect(stance(m, 'russia', 'nato-troops')).toBe('oppose');
    expect(stance(m, 'russia', 'territory')).toBe('oppose');
    expect(stance(matrix(us), 'russia', 'nato-troops')).not.toBe('oppose');
  });

  it('the Geneva version drops or changes every US clause Ukraine opposed', () => {
    const opposedInUs = matrix(us).rows.find((r) => r.stakeholder === 'ukraine')?.acceptability.opposes ?? [];
    expect(opposedInUs.length).toBeGreaterThan(0);
    const g = matrix(geneva);
    for (const clause of opposedInUs) expect(stance(g, 'ukraine', clause) ?? null, clause).not.toBe('oppose');
    const impact = diffImpact(diffPlans(us, geneva), positions, { from: us, to: geneva, ...(stakeholders ? { stakeholders } : {}) });
    const ukraine = impact.stakeholders.find((s) => s.stakeholder === 'ukraine');
    expect(ukraine?.away).toBe(0);
    expect(ukraine?.toward).toBeGreaterThanOrEqual(opposedInUs.length);
  });

  it('Ukraine’s acceptability rises from the US draft to the later versions; Russia’s falls with the E3 text', () => {
    const c = compareAcceptability(family.versions, positions, stakeholders ? { stakeholders } : {});
    expect(c.versions.map((v) => v.version)).toEqual(['us-28-point', 'e3-counter-proposal', 'geneva-19-point']);
    const track = (who: string) => c.stakeholders.find((s) => s.stakeholder === who)?.versions.map((v) => v.score ?? 0) ?? [];
    const [uUs, uE3, uGeneva] = track('ukraine');
    expect(uE3).toBeGreaterThan(uUs as number);
    expect(uGeneva).toBeGreaterThan(uUs as number);
    const [rUs, rE3] = track('russia');
    expect(rE3).toBeLessThan(rUs as number);
    expect(c.versions[0]?.blocked).toEqual(expect.arrayContaining(['army-cap', 'territory']));
  });
});

describe('ranking by who moves', () => {
  it('ranks a change that moves stakeholders higher, by at most one point, and keeps bookkeeping out', async () => {
    const { rankByImpact } = await import('peaceplan');
    const diff = diffPlans(us, e3);
    const impact = diffImpact(diff, positions, { from: us, to: e3, ...(stakeholders ? { stakeholders } : {}) });
    const ranked = rankByImpact(diff, impact);
    const moved = new Set(impact.clauses.filter((c) => c.toward.length + c.away.length > 0).map((c) => c.clause));
    expect(moved.size).toBeGreaterThan(0);
    const before = new Map(diff.summary.highlights.map((h) => [h.clause, h.weight]));
    for (const h of ranked.summary.highlights) {
      const was = before.get(h.clause);
      if (was === undefined) continue;
      // A line that tells a removal with the clause in its place moves if either does.
      if (moved.has(h.clause) || (h.with !== undefined && moved.has(h.with))) expect(h.weight).toBeGreaterThan(was);
      else expect(h.weight).toBe(was);
      expect(h.weight - was).toBeLessThanOrEqual(1);
    }
    const weights = ranked.summary.highlights.map((h) => h.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    expect(ranked.clauses).toBe(diff.clauses);
  });
});
