import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import 'peaceplan/vitest';
import { applyDiff, diffPlans } from 'peaceplan';
import { expectRoundTrip } from './helpers.js';
import type { Plan } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';

const family = await loadPlanFamily(fileURLToPath(new URL('../plans/russia-ukraine-2025', import.meta.url)));
const [us, e3, geneva] = family.versions as [Plan, Plan, Plan];

describe('US 28-point → E3 counter-proposal', () => {
  const diff = diffPlans(us, e3);

  it('raises the army cap from 600,000 to 800,000, in peacetime only', () => {
    expect(diff).toChangeTerm('army-cap', 'personnelCap', { from: 600_000, to: 800_000, delta: 200_000, direction: 'raised' });
    expect(diff).toChangeTerm('army-cap', 'appliesIn', { from: 'always', to: 'peacetime' });
    const cap = diff.clauses.find((c) => c.to?.id === 'army-cap');
    expect(cap?.terms[0]?.says).toBe('cap raised 600,000 → 800,000 personnel (+33 %)');
  });

  it('loosens the election deadline from 100 days to as soon as possible after the agreement', () => {
    expect(diff).toChangeTerm('elections', 'deadline', { from: { days: 100 }, to: { asap: true, from: 'peace-agreement' }, direction: 'loosened' });
  });

  it('removes the amnesty and the no-NATO-expansion clauses, and adds support for victims', () => {
    expect(diff).toRemoveClause('amnesty');
    expect(diff).toRemoveClause('no-nato-expansion');
    expect(diff).toAddClause('victims-support');
    expect(diff.summary.counts).toMatchObject({ removed: 2, added: 1 });
  });

  it('turns territory from recognition into talks starting at the line of contact', () => {
    expect(diff).toChangeTerm('territory', 'lineOfContact', { from: 'frozen', to: 'starting-point-for-talks' });
    const regions = diff.clauses.find((c) => c.to?.id === 'territory')?.terms.find((t) => t.term === 'regions');
    const crimea = regions?.changes?.find((c) => c.term === 'crimea (whole)')?.changes?.find((c) => c.term === 'recognition');
    expect(crimea).toMatchObject({ from: 'de-facto', to: 'none', direction: 'down' });
  });

  it('keeps frozen assets frozen until Russia compensates Ukraine', () => {
    expect(diff).toChangeTerm('frozen-assets', 'frozenUntil', { change: 'added', to: 'russia-compensates-ukraine' });
    expect(diff).toChangeTerm('frozen-assets', 'otherFundsUnfrozen', { change: 'removed', from: true });
  });

  it('ranks term changes and removals first in the highlights', () => {
    const weights = diff.summary.highlights.map((h) => h.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    // The amnesty's removal is told with the victims clause that took its place (`with`).
    expect(diff.summary.highlights.flatMap((h) => [h.clause, ...(h.with ? [h.with] : [])])).toEqual(expect.arrayContaining(['army-cap', 'amnesty']));
  });
});

describe('US 28-point → Geneva revision', () => {
  const diff = diffPlans(us, geneva);

  it('drops the army cap and the amnesty', () => {
    expect(diff).toRemoveClause('army-cap');
    expect(diff).toRemoveClause('amnesty');
  });

  it('brackets NATO membership and territory for the leaders', () => {
    for (const id of ['nato-membership', 'territory']) {
      const c = diff.clauses.find((x) => x.to?.id === id);
      expect(c?.fields).toContainEqual(expect.objectContaining({ field: 'status', from: 'proposed', to: 'bracketed' }));
    }
  });
});

describe('diffs between the shipped drafts', () => {
  const pairs: Array<[Plan, Plan]> = [[us, e3], [us, geneva], [e3, geneva], [geneva, us]];

  it.each(pairs.map(([a, b]) => [a.version, b.version, a, b] as const))('%s → %s applies, reverses and is deterministic', (_x, _y, a, b) => {
    const diff = diffPlans(a, b);
    expectRoundTrip(a, b, diff);
    expect(JSON.stringify(diffPlans(a, b))).toBe(JSON.stringify(diff));
  });

  it('refuses to apply a diff to a version it was not made from, and changes nothing', () => {
    const diff = diffPlans(us, e3);
    const before = JSON.stringify(geneva);
    const result = applyDiff(geneva, diff);
    expect(result.ok).toBe(false);
    expect(result.plan).toBeUndefined();
    expect(result.conflicts[0]?.code).toBe('WRONG_BASE');
    expect(JSON.stringify(geneva)).toBe(before);
  });

  it('finds no change between a version and itself', () => {
    expect(diffPlans(e3, e3)).toHaveNoChanges();
    expect(diffPlans(us, e3)).not.toHaveNoChanges();
  });
});

describe('the fingerprint of a version', () => {
  it('stays what it was, so a diff saved earlier still applies to its version', async () => {
    const { parsePlan } = await import('peaceplan');
    const yaml = [
      'peaceplan: 2', 'plan: p', 'version: v1', 'title: T', 'date: 2025-11-20', 'parent: null',
      'sources:', '  s1: { title: A report, publisher: Example }', 'clauses:',
      '  - id: army-cap', '    number: "6"', '    topic: military-limits', '    title: Cap on the armed forces',
      '    text: The armed forces are capped at 600,000 personnel.', '    terms: { personnelCap: 600000, appliesIn: always }',
      '    status: proposed', '    certainty: reported', '    parties: [ukraine]', '    sources: [s1]', '',
    ].join('\n');
    const plan = parsePlan(yaml).plan as Plan;
    const diff = diffPlans(plan, { ...plan, version: 'v2' });
    // Computed once and written down: a change to how fingerprints are made breaks every diff saved before it.
    expect(diff.from.fingerprint).toBe('d1b2caf851126117');
    expect(diff.to.fingerprint).not.toBe(diff.from.fingerprint);
    // Key order does not matter; a value does.
    const reordered = Object.fromEntries(Object.entries(plan).reverse()) as unknown as Plan;
    expect(diffPlans(reordered, plan).from.fingerprint).toBe(diff.from.fingerprint);
    expect(diffPlans({ ...plan, title: 'U' }, plan).from.fingerprint).not.toBe(diff.from.fingerprint);
  });
});
