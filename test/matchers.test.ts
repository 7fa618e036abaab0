import { describe, expect, it } from 'vitest';
import 'peaceplan/vitest';
import { diffPlans, parsePlan, planDiffMatchers } from 'peaceplan';
import type { Plan } from 'peaceplan';
import { bytes } from './helpers.js';

const read = (f: string) => parsePlan(bytes(`test/fixtures/diff/${f}`)).plan as Plan;
const diff = diffPlans(read('term-quantity-and-enum/a.yaml'), read('term-quantity-and-enum/b.yaml'));
const { toChangeTerm, toAddClause, toRemoveClause, toRenumberClause, toHaveNoChanges } = planDiffMatchers;

describe('diff matchers', () => {
  it('pass on what the diff holds', () => {
    expect(toChangeTerm(diff, 'army-cap', 'personnelCap', { from: 600000, to: 800000 }).pass).toBe(true);
    expect(toChangeTerm(diff, 'army-cap', 'personnelCap').pass).toBe(true);
    expect(toHaveNoChanges(diffPlans(read('unchanged/a.yaml'), read('unchanged/a.yaml'))).pass).toBe(true);
  });

  it('fail with a message that shows the actual change', () => {
    const wrong = toChangeTerm(diff, 'army-cap', 'personnelCap', { to: 900000 });
    expect(wrong.pass).toBe(false);
    expect(wrong.message()).toBe(
      'expected the diff to change army-cap.personnelCap with {"to":900000}, but it changed: {"from":600000,"to":800000,"delta":200000,"direction":"raised"} (cap raised 600,000 → 800,000 personnel (+33 %))',
    );
    expect(toAddClause(diff, 'army-cap').message()).toMatch(/^expected clause army-cap to be added, but clause army-cap is modified: Clause 1 \(Army cap\)/);
    expect(toRemoveClause(diff, 'ghost').message()).toBe('clause ghost is in neither version; check the id');
    expect(toRenumberClause(diff, 'army-cap', { to: '2' }).message()).toBe('expected clause army-cap to be renumbered ? → 2, but it is numbered 1 → 1');
    expect(toHaveNoChanges(diff).message()).toContain('army-cap: Clause 1 (Army cap): cap raised');
    expect(toHaveNoChanges({}).message()).toBe('expected a PlanDiff (the result of diffPlans)');
  });

  it('fail under .not too when the clause id is a typo', () => {
    expect(() => expect(diff).not.toChangeTerm('army_cap', 'personnelCap')).toThrow('clause army_cap is in neither version; did you mean army-cap?');
    expect(() => expect(diff).not.toRemoveClause('armycap')).toThrow('clause armycap is in neither version; did you mean army-cap?');
    expect(() => expect(diff).not.toRenumberClause('nothing')).toThrow('clause nothing is in neither version');
    expect(() => expect(diff).not.toChangeTerm('army-cap', 'personelCap')).toThrow('personelCap is not a term of topic military-limits; did you mean personnelCap?');
    expect(diff).not.toRemoveClause('army-cap');
    expect(diff).not.toChangeTerm('army-cap', 'capabilityLimits');
  });
});
