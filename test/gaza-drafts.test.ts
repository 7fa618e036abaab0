/** The second shipped family: the 2025 Gaza plan, its own terms, and how its versions differ. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildMatrix, diffPlans, familySchema } from 'peaceplan';
import type { FamilyTerms, Plan, PlanDiff } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';

const family = await loadPlanFamily('plans/gaza-2025');
const terms = family.terms?.terms as FamilyTerms;
const [draft, plan, phase] = family.versions as [Plan, Plan, Plan];
const change = (diff: PlanDiff, id: string) => diff.clauses.find((c) => c.to?.id === id || c.from?.id === id);
const term = (diff: PlanDiff, id: string, name: string) => change(diff, id)?.terms.find((t) => t.term === name);
const conditions = (diff: PlanDiff, id: string) => change(diff, id)?.fields.find((f) => f.field === 'conditions')?.changes ?? [];

describe('the Gaza 2025 family', () => {
  it('validates as a family with its own topics and terms, positions included', () => {
    expect(family.errors).toEqual([]);
    expect([family.terms, family.stakeholders, family.positions, ...family.files].flatMap((r) => r?.errors ?? [])).toEqual([]);
    expect(family.versions.map((v) => v.version)).toEqual(['reported-21-point', 'wh-20-point', 'first-phase']);
    expect(Object.keys(terms.topics ?? {})).toEqual(expect.arrayContaining(['demilitarisation', 'stabilisation-force']));
    expect(draft.provenance).toBe('reported');
  });

  it("ships the family's JSON Schema for editors, current with its terms, and the drafts point at it", () => {
    const shipped = JSON.parse(readFileSync('plans/gaza-2025/plan.schema.json', 'utf8')) as object;
    expect(shipped, 'run peaceplan schema plans/gaza-2025 -o plans/gaza-2025/plan.schema.json').toEqual(familySchema(terms));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(shipped);
    for (const v of ['reported-21-point', 'wh-20-point', 'first-phase']) {
      const text = readFileSync(`plans/gaza-2025/${v}.yaml`, 'utf8');
      expect(text.split('\n')[0], v).toBe('# yaml-language-server: $schema=./plan.schema.json');
      expect(validate(parse(text)), `${v}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    }
  });

  describe('reported 21-point draft → White House 20-point plan', () => {
    const diff = diffPlans(draft, plan, { terms });
    const top = diff.summary.highlights.map((h) => h.clause);

    it('ties the withdrawal to demilitarisation milestones and ends it at a security perimeter', () => {
      expect(term(diff, 'idf-withdrawal', 'securityPerimeter')).toMatchObject({ change: 'added', to: true });
      expect(term(diff, 'idf-withdrawal', 'withdrawalEndpoint')).toMatchObject({ from: 'full', to: 'security-perimeter', direction: 'down' });
      expect(conditions(diff, 'idf-withdrawal').map((c) => c.says)).toContain('condition added: milestone: demilitarisation-milestones-met');
      expect(top[0]).toBe('idf-withdrawal');
    });

    it('fixes the prisoner numbers at 250 + 1,700', () => {
      expect(term(diff, 'prisoner-release', 'lifeSentencePrisoners')).toMatchObject({ change: 'added', to: 250 });
      expect(term(diff, 'prisoner-release', 'gazaDetainees')?.says).toBe('Gaza detainees released 1,700 detainees replaces Gaza detainees released (at least) 1,000 (+70 %)');
      expect(top).toContain('prisoner-release');
    });

    it('makes the amnesty conditional on decommissioning weapons', () => {
      expect(conditions(diff, 'amnesty').map((c) => c.says)).toContain('condition added: compliance: weapons-decommissioned by hamas');
      expect(top).toContain('amnesty');
    });

    it('names the Board of Peace, chaired by Trump, with Tony Blair', () => {
      expect(term(diff, 'board-of-peace', 'body')).toMatchObject({ from: 'us-established-international-body', to: 'board-of-peace' });
      expect(term(diff, 'board-of-peace', 'chairPerson')).toMatchObject({ change: 'added', to: 'Donald Trump' });
      expect(term(diff, 'board-of-peace', 'namedMembers')?.to).toEqual(['tony-blair']);
      expect(top).toContain('board-of-peace');
    });

    it('gives the hostages 72 hours instead of 48', () => {
      expect(term(diff, 'hostage-release', 'releaseDeadline')).toMatchObject({ from: { hours: 48, from: 'israel-public-acceptance' }, to: { hours: 72, from: 'israel-public-acceptance' }, direction: 'loosened', delta: 24 });
      expect(diff.summary.highlights.length).toBe(10);
    });
  });

  describe('White House plan → first-phase agreement', () => {
    const diff = diffPlans(plan, phase, { terms });

    it('counts the 72 hours from the pull-back and names the hostages', () => {
      expect(term(diff, 'hostage-release', 'releaseDeadline')).toMatchObject({ to: { hours: 72, from: 'idf-pullback-to-yellow-line' }, direction: 'changed' });
      expect(term(diff, 'hostage-release', 'livingHostages')).toMatchObject({ to: 20 });
      expect(term(diff, 'hostage-release', 'deceasedHostages')).toMatchObject({ to: 28 });
    });

    it('starts the ceasefire on the Israeli government\'s approval, not at once', () => {
      expect(term(diff, 'ceasefire', 'startsWhen')).toMatchObject({ from: 'immediately', to: 'on-approval', says: 'starts when changed: immediately → on-approval' });
    });

    it('says the later-phase points are not in the deal as far as it is known, not that they were removed', () => {
      const gone = diff.clauses.filter((c) => c.kind === 'removed');
      expect(gone.length).toBeGreaterThan(10);
      for (const c of gone) expect(c.partial, c.from?.id).toBe(true);
    });
  });

  it('tells the same changes in history, log and blame, which read the family terms', async () => {
    const { clauseHistory } = await import('peaceplan');
    const steps = clauseHistory(family.versions, 'hostage-release', { terms }).steps;
    expect(steps[1]?.change?.says).toContain('release deadline loosened: 48 hours');
  });

  it("holds Hamas's reply of 3 October as statements on the 20-point plan", () => {
    const m = buildMatrix(plan, family.positions?.positions ?? { peaceplan: 1, plan: 'gaza-2025', sources: {} }, { stakeholders: family.stakeholders?.stakeholders, terms, versions: family.versions } as never);
    const hamas = m.rows.find((r) => r.stakeholder === 'hamas');
    const cell = (id: string) => hamas?.cells[m.columns.findIndex((c) => c.key === id)];
    expect(cell('hostage-release')?.stance).toBe('support');
    expect(cell('prisoner-release')?.stance).toBe('support');
    expect(cell('technocratic-committee')?.stance).toBe('conditional');
    expect(cell('hostage-release')?.reasons.some((r) => r.kind === 'statement' && r.date === '2025-10-03')).toBe(true);
  });
});
