/**
 * Hand AE: the White House 20-point plan, encoded from the fact sheet by an author who saw neither
 * the shipped file nor any other encoding, arranged by subject as a briefing would be: four clauses
 * that each take two or three points together, three points each split in two, and no `covers` or
 * `partOf` to say so (test/corpus/hand-ae-expectations.md, written before the file). Its lineage runs
 * many to one and one to many, which the corpus cases do not model, so it is checked here: the
 * groups its author annotated against the groups the diff finds from the shipped point-by-point file.
 */
import { describe, expect, it } from 'vitest';
import { checkFamily, diffPlans, parsePlan } from 'peaceplan';
import type { Plan, PlanDiff } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';
import { text } from './helpers.js';

const family = await loadPlanFamily('plans/gaza-2025');
const terms = family.terms?.terms;
const wh = family.versions.find((v) => v.version === 'wh-20-point') as Plan;
const read = parsePlan(text('test/corpus/gaza-2025/hand-ae/wh-20-grouped.yaml'), { file: 'wh-20-grouped.yaml', ...(terms ? { terms } : {}) });
const grouped = read.plan as Plan;
const options = { ...(terms ? { terms } : {}), versions: family.versions };

// The author's table ((a)), with the shipped file's clauses for each point (its point 9 is three clauses, 8 two).
const MERGED: Record<string, string[]> = {
  'hostage-prisoner-exchange': ['hostage-release', 'prisoner-release'],
  'aid-access': ['aid', 'aid-distribution', 'rafah-crossing'],
  'economic-recovery': ['redevelopment', 'economic-development', 'special-economic-zone'],
  'political-horizon': ['statehood-pathway', 'political-dialogue'],
  'interim-administration': ['technocratic-committee', 'board-of-peace', 'pa-reform'],
};
const SPLIT: Record<string, string[]> = {
  amnesty: ['conditional-amnesty', 'safe-passage-out'],
  demilitarisation: ['factions-out-of-government', 'weapons-and-tunnels'],
  'idf-withdrawal': ['no-occupation-annexation', 'milestone-withdrawal'],
};
const ONE_TO_ONE: Record<string, string> = {
  'terror-free-zone': 'terror-free-gaza',
  ceasefire: 'fighting-stops-lines-frozen',
  'no-forced-displacement': 'no-forced-departure',
  'regional-guarantee': 'regional-guarantee',
  isf: 'isf-mandate',
  'rejection-contingency': 'fallback-if-hamas-refuses',
  'interfaith-dialogue': 'interfaith-dialogue',
};

/** Each group a diff tells, as the sorted ids of its old side → the sorted ids of its new side. */
function groups(d: PlanDiff): string[] {
  const out = new Set<string>();
  for (const c of d.clauses) {
    if (c.kind === 'merged' && c.to) out.add(`${[c.from?.id, ...c.related].sort().join(' + ')} → ${c.to.id}`);
    if (c.kind === 'split' && c.from) out.add(`${c.from.id} → ${[c.to?.id, ...c.related].sort().join(' + ')}`);
  }
  return [...out].sort();
}

describe("hand AE's 20-point plan arranged by subject, which declares none of its groups", () => {
  const diff = diffPlans(wh, grouped, options);

  it('is valid in its family', () => {
    expect(read.errors).toEqual([]);
    expect(checkFamily([...family.files, read]).errors).toEqual([]);
  });

  it('tells every group its author annotated, and no clause added or removed', () => {
    const expected = [
      ...Object.entries(MERGED).map(([whole, parts]) => `${[...parts].sort().join(' + ')} → ${whole}`),
      ...Object.entries(SPLIT).map(([whole, parts]) => `${whole} → ${[...parts].sort().join(' + ')}`),
    ].sort();
    expect(groups(diff)).toEqual(expected);
    expect(diff.clauses.filter((c) => c.kind === 'added' || c.kind === 'removed').map((c) => (c.from ?? c.to)?.id)).toEqual([]);
    for (const [from, to] of Object.entries(ONE_TO_ONE)) expect(diff.clauses.find((c) => c.from?.id === from)?.to?.id, from).toBe(to);
    // Read the other way, the same groups with their kinds swapped.
    const back = diffPlans(grouped, wh, options);
    expect(back.clauses.filter((c) => c.kind === 'merged').length).toBe(diff.clauses.filter((c) => c.kind === 'split').length);
    expect(back.clauses.filter((c) => c.kind === 'added' || c.kind === 'removed')).toEqual([]);
  });

  it('says nothing its author ruled out: no point removed or added, and no operative word a part took with it', () => {
    const lines = diff.summary.highlights.map((h) => h.says).join('\n');
    expect(lines).not.toMatch(/ (removed|added)$/m);
    expect(lines).not.toMatch(/(negation|condition) (added|removed) \(/);
    // Terms the parts carry are told as moved within the group, not dropped.
    const moved = diff.clauses.flatMap((c) => c.terms.filter((t) => t.elsewhere).map((t) => t.term)).sort();
    expect(moved).toEqual(expect.arrayContaining(['excludedFromGovernance', 'occupationAndAnnexationRenounced', 'safePassageAbroad']));
  });
});
