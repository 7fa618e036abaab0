/** A number one hand names in the catch-all `other` and another states as a typed term: one number changed, told once. */
import { describe, expect, it } from 'vitest';
import { applyDiff, diffPlans, renderDiffText, reverseDiff } from 'peaceplan';
import type { Clause, FamilyTerms, Plan, PlanDiff } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';
import { termMagnitude } from '../src/diff/weigh.js';
import { linkOwnNumbers } from '../src/diff/own-numbers.js';
import { tellAsOne, type TermChange } from '../src/diff/describe-term.js';

const family = await loadPlanFamily('plans/gaza-2025');
const terms = family.terms?.terms as FamilyTerms;
const base = { status: 'proposed' as const, certainty: 'reported' as const, sources: ['s1'], parties: ['hamas'] };
const hostages = (topic: string, t: Record<string, unknown>): Clause => ({ id: 'hostages', number: '4', topic, title: 'All hostages back', text: 'Every hostage, alive or dead, is returned within the deadline after Israel accepts the deal in public.', terms: t, ...base }) as Clause;
const plan = (version: string, c: Clause): Plan => ({ peaceplan: 1, plan: 'gaza-2025', version, title: version, date: '2025-10-01', sources: { s1: { title: 'S', publisher: 'P' } }, clauses: [c] }) as Plan;
const typed = (hours: number) => plan('typed', hostages('humanitarian', { hostagesReleased: 'all', releaseDeadline: { hours, from: 'israel-public-acceptance' } }));
const own = (t: Record<string, unknown>) => plan('own', hostages('other', { allHostages: true, ...t }));
const changes = (d: PlanDiff) => d.clauses[0]?.terms ?? [];

describe('a number named otherwise across the catch-all', () => {
  it('tells a typed deadline and an own-named count of hours as one number changed, both ways round', () => {
    const d = diffPlans(typed(48), own({ deadlineHours: 72 }), { terms });
    const set = changes(d).find((t) => t.term === 'deadlineHours');
    const gone = changes(d).find((t) => t.term === 'releaseDeadline');
    expect(set).toMatchObject({ change: 'added', ratio: 1.5, delta: 24, namedOtherwise: 'releaseDeadline', says: 'deadline hours 72 replaces release deadline 48 hours from israel-public-acceptance (+50 %)' });
    expect(gone).toMatchObject({ change: 'removed', namedOtherwise: 'deadlineHours', says: set?.says });
    // Told once among the clause's changes (and once in its lead in the ranked list).
    const [ranked, clauses] = renderDiffText(d).split('\nClauses\n') as [string, string];
    expect(clauses.match(/replaces release deadline/g)).toHaveLength(1);
    expect(ranked.match(/replaces release deadline/g)).toHaveLength(1);
    // The other way round, the typed deadline replaces the own count; the reversed diff says the same.
    const back = diffPlans(own({ deadlineHours: 72 }), typed(48), { terms });
    expect(changes(back).find((t) => t.term === 'releaseDeadline')?.says).toBe('release deadline 48 hours from israel-public-acceptance replaces deadline hours 72 (−33 %)');
    expect(changes(reverseDiff(d, { terms })).find((t) => t.term === 'releaseDeadline')?.says).toBe('release deadline 48 hours from israel-public-acceptance replaces deadline hours 72 (−33 %)');
    // Both changes stay, so the diff applies term by term.
    const applied = applyDiff(typed(48), d);
    expect(applied.plan?.clauses[0]?.terms).toEqual({ allHostages: true, deadlineHours: 72 });
  });

  it('counts days in hours, and says a number that did not change is the same under another name', () => {
    const days = changes(diffPlans(typed(48), own({ deadlineDays: 3 }), { terms })).find((t) => t.term === 'deadlineDays');
    expect(days).toMatchObject({ ratio: 1.5, says: 'deadline days 3 replaces release deadline 48 hours from israel-public-acceptance (+50 %)' });
    const same = changes(diffPlans(typed(72), own({ deadlineHours: 72 }), { terms })).find((t) => t.term === 'deadlineHours');
    expect(same).toMatchObject({ ratio: 1, says: 'deadline hours 72, the same number as release deadline 72 hours from israel-public-acceptance' });
  });

  it('weighs the change once, on the term set, by its size; a rename weighs nothing', () => {
    const d = changes(diffPlans(typed(48), own({ deadlineHours: 72 }), { terms }));
    const [set, gone] = [d.find((t) => t.term === 'deadlineHours'), d.find((t) => t.term === 'releaseDeadline')];
    expect(termMagnitude(set as never)).toBeCloseTo(2 * Math.log(1.5), 5);
    expect(termMagnitude(gone as never)).toBe(0);
    const same = changes(diffPlans(typed(72), own({ deadlineHours: 72 }), { terms })).find((t) => t.term === 'deadlineHours');
    expect(termMagnitude(same as never)).toBe(0);
  });

  it('links nothing where the names share no word, the units differ, two numbers could be meant, or no side is the catch-all', () => {
    const linked = (d: PlanDiff) => changes(d).filter((t) => t.namedOtherwise !== undefined);
    // No word in common: a count of trucks is not the hostages' deadline.
    expect(linked(diffPlans(typed(48), own({ trucksPerDay: 600 }), { terms }))).toEqual([]);
    // A plain count against a deadline in hours: not one unit.
    expect(linked(diffPlans(typed(48), own({ deadlineCount: 72 }), { terms }))).toEqual([]);
    // Two numbers that could each be the deadline: neither is linked.
    expect(linked(diffPlans(typed(48), own({ deadlineHours: 72, deadlineHoursAtMost: 96 }), { terms }))).toEqual([]);
    // Both in the catch-all, each hand naming its own: names that differ are compared as they are.
    const mine = plan('mine', hostages('other', { releaseDeadlineHours: 48 }));
    expect(linked(diffPlans(mine, own({ deadlineHours: 72 }), { terms }))).toEqual([]);
  });

  it('leaves a clause with more pairs of numbers than it weighs as it is', () => {
    const many = (n: number, change: 'added' | 'removed', name: string): TermChange[] =>
      Array.from({ length: n }, (_, k) => ({ term: `${name}${k}Hours`, kind: 'quantity', change, [change === 'added' ? 'to' : 'from']: k + 1, says: `${name} ${k}` }) as TermChange);
    const specs = (list: TermChange[]) => new Map(list.map((t) => [t.term, { kind: 'quantity' as const, label: t.term }]));
    // One of each, sharing "deadline": linked.
    const few = [...many(1, 'removed', 'deadline'), ...many(1, 'added', 'deadline')];
    expect(linkOwnNumbers(few, specs(few)).filter((t) => t.namedOtherwise).length).toBe(2);
    // 501 × 500 pairs to weigh, each dropped number sharing a word with one number set only: none linked.
    const word = (k: number) => `w${String.fromCharCode(97 + Math.floor(k / 26) % 26, 97 + (k % 26), 97 + Math.floor(k / 676))}`;
    const one = (k: number, change: 'added' | 'removed'): TermChange => ({ term: change === 'added' ? `${word(k)}Count` : word(k), kind: 'quantity', change, [change === 'added' ? 'to' : 'from']: k + 1, says: word(k) }) as TermChange;
    const build = () => [...Array.from({ length: 501 }, (_, k) => one(k, 'removed')), ...Array.from({ length: 500 }, (_, k) => one(k, 'added'))];
    const lots = build();
    // (Three of each alone link one to one.)
    const three = build();
    expect(linkOwnNumbers(three.slice(0, 3).concat(three.slice(501, 504)), specs(three)).filter((t) => t.namedOtherwise).length).toBe(6);
    expect(linkOwnNumbers(lots, specs(lots)).some((t) => t.namedOtherwise)).toBe(false);
    // Under the limit, numbers that could each be another's are left alone too.
    const two = [...many(2, 'removed', 'deadline'), ...many(2, 'added', 'deadline')];
    expect(linkOwnNumbers(two, specs(two)).some((t) => t.namedOtherwise)).toBe(false);
  });

  it('links no number already told as one with another (a level that replaces a cap)', () => {
    const t = (term: string, change: 'added' | 'removed', n: number) => ({ term, kind: 'quantity', change, [change === 'added' ? 'to' : 'from']: n, says: term }) as TermChange;
    const [cap, level, count] = [t('personnelCap', 'removed', 600000), t('personnelLevel', 'added', 800000), t('personnelCount', 'added', 800000)];
    const specs = new Map([cap, level, count].map((x) => [x.term, { kind: 'quantity' as const, label: x.term }]));
    // The cap dropped and the count set share a word: alone, they are linked.
    expect(linkOwnNumbers([{ ...cap }, { ...count }], specs).filter((x) => x.namedOtherwise).length).toBe(2);
    // Told already as the level that replaces it, the cap is linked with nothing more.
    tellAsOne(cap, level, 600000, 800000, 'level 800,000 replaces cap 600,000');
    expect(linkOwnNumbers([cap, level, count], specs).filter((x) => x.namedOtherwise)).toEqual([]);
    expect(cap.says).toBe('level 800,000 replaces cap 600,000 (+33 %)');
  });
});
