/** Pins the data corrections made to the shipped drafts after checking them against their sources. */
import { describe, expect, it } from 'vitest';
import { buildMatrix } from 'peaceplan';
import type { FamilyTerms, Plan, Positions } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';

const ukraine = await loadPlanFamily('plans/russia-ukraine-2025');
const gaza = await loadPlanFamily('plans/gaza-2025');
const version = (family: typeof ukraine, id: string) => family.versions.find((v) => v.version === id) as Plan;
const clause = (plan: Plan, id: string) => plan.clauses.find((c) => c.id === id);
/** One outlet per network, or per publisher where no network is named, as the evidence check counts them. */
const outlets = (plan: Plan, ids: readonly string[]) => new Set(ids.map((id) => plan.sources[id]?.network ?? plan.sources[id]?.publisher));

describe('E3 counter-proposal: point 20 (tolerance, minorities, the ban on Nazi ideology)', () => {
  const e3 = version(ukraine, 'e3-counter-proposal');
  const us = version(ukraine, 'us-28-point');

  it('stays carried over unseen from the US draft, with the US wording’s certainty: no source read shows the E3 text drops it', () => {
    const carried = clause(e3, 'tolerance-and-minorities');
    expect(carried).toMatchObject({ presence: 'assumed', carriedFrom: 'us-28-point' });
    expect(carried?.certainty).toBe(clause(us, 'tolerance-and-minorities')?.certainty);
    expect(carried?.terms).toEqual(clause(us, 'tolerance-and-minorities')?.terms);
  });
});

describe('E3 counter-proposal: the ceasefire-first order of the territorial talks', () => {
  const e3 = version(ukraine, 'e3-counter-proposal');
  const territory = clause(e3, 'territory');

  it('keeps the ceasefire condition and cites three outlets that report it, not The Dispatch alone', () => {
    expect(territory?.conditions).toEqual([expect.objectContaining({ kind: 'ceasefire', term: 'swapsNegotiable' })]);
    const ceasefireFirst = ['s11-dispatch', 's-india-today', 's-shorouk-cnn'];
    expect(territory?.sources).toEqual(expect.arrayContaining(ceasefireFirst));
    expect(outlets(e3, ceasefireFirst)).toEqual(new Set(['The Dispatch', 'India Today', 'cnn']));
    expect(territory?.certainty).toBe('reported');
  });

  it('describes the added sources', () => {
    expect(e3.sources['s-india-today']).toMatchObject({ publisher: 'India Today', date: '2025-11-24', reliability: 'independent' });
    expect(e3.sources['s-india-today']?.network).toBeUndefined();
    expect(e3.sources['s-shorouk-cnn']).toMatchObject({ network: 'cnn', language: 'ar', reliability: 'mirror' });
  });
});

describe('Gaza first phase: the aid figure', () => {
  const phase = version(gaza, 'first-phase');
  const aid = clause(phase, 'aid');

  it('keeps the document’s 600 trucks and 50 fuel trucks a day, citing only the reports that give them', () => {
    expect(aid?.terms).toMatchObject({ aidTrucksPerDay: 600, fuelTrucksPerDay: 50 });
    expect(aid?.sources).toEqual(['s73-ynetnews', 's81-libertarian-institute']);
    expect(outlets(phase, aid?.sources ?? []).size).toBe(2);
    expect(aid?.certainty).toBe('reported');
  });

  it('leaves the BBC’s 400 a day out of the clause’s citations and says so in its note', () => {
    for (const id of aid?.sources ?? []) expect(phase.sources[id]?.network, id).not.toBe('bbc');
    expect(aid?.note).toContain('400 trucks a day for the first five days');
    expect(aid?.note).toContain('s70-bbc');
  });
});

describe('Gaza positions: the UAE on the stabilisation force', () => {
  const positions = gaza.positions?.positions as Positions;
  const rule = positions.rules?.find((r) => r.id === 'uae-force-needs-framework');

  it('is recorded as opposition (for now), as the fact sheet codes it', () => {
    expect(rule).toMatchObject({ stakeholder: 'uae', clause: 'isf', stance: 'oppose', date: '2025-11-10', sources: ['s110-gulf-news'] });
    expect(rule?.note).toContain('for now');
  });

  it('makes the UAE oppose the force in the 20-point plan’s matrix', () => {
    const plan = version(gaza, 'wh-20-point');
    const terms = gaza.terms?.terms as FamilyTerms;
    const m = buildMatrix(plan, positions, { stakeholders: gaza.stakeholders?.stakeholders, terms, versions: gaza.versions } as never);
    const j = m.columns.findIndex((c) => c.key === 'isf');
    expect(m.rows.find((r) => r.stakeholder === 'uae')?.cells[j]?.stance).toBe('oppose');
  });
});
