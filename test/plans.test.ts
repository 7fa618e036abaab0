import { describe, expect, it } from 'vitest';
import type { Plan } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../plans/russia-ukraine-2025', import.meta.url));
const family = await loadPlanFamily(DIR);
const byVersion = new Map(family.versions.map((v) => [v.version, v]));
const get = (version: string): Plan => {
  const plan = byVersion.get(version);
  if (!plan) throw new Error(`missing ${version}`);
  return plan;
};
const clause = (version: string, id: string) => get(version).clauses.find((c) => c.id === id);
const terms = (version: string, id: string) => clause(version, id)?.terms as Record<string, unknown> | undefined;

describe('the shipped 2025 Russia–Ukraine family', () => {
  it('is valid: every file, the stakeholders and the lineage, with no warnings', () => {
    const problems = [...family.files, ...(family.stakeholders ? [family.stakeholders] : [])].flatMap((f) => [...f.errors, ...f.warnings]);
    expect(problems.map((e) => `${e.file}:${e.line}:${e.col} ${e.code} ${e.message}`)).toEqual([]);
    expect(family.errors).toEqual([]);
    expect(family.ok).toBe(true);
  });

  it('orders the versions by lineage: the US draft, then its two revisions by date', () => {
    expect(family.versions.map((v) => [v.version, v.parent ?? null, v.date])).toEqual([
      ['us-28-point', null, '2025-11-20'],
      ['e3-counter-proposal', 'us-28-point', '2025-11-23'],
      ['geneva-19-point', 'us-28-point', '2025-11-24'],
    ]);
  });

  it('numbers the US draft 1 to 28, each clause with its own id', () => {
    const us = get('us-28-point');
    expect(us.clauses.map((c) => c.number)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(new Set(us.clauses.map((c) => c.id)).size).toBe(28);
  });

  it('keeps clause ids across versions: revisions reuse the US ids, plus the E3 victims clause', () => {
    const usIds = new Set(get('us-28-point').clauses.map((c) => c.id));
    const newIds = (v: string) => get(v).clauses.map((c) => c.id).filter((id) => !usIds.has(id));
    expect(newIds('e3-counter-proposal')).toEqual(['victims-support']);
    expect(newIds('geneva-19-point')).toEqual([]);
    // Same id, same topic: an id names the same clause in every version.
    for (const v of family.versions) for (const c of v.clauses) {
      const us = clause('us-28-point', c.id);
      if (us) expect(c.topic, `${v.version}/${c.id}`).toBe(us.topic);
    }
  });

  it('holds what was reported of the US draft', () => {
    expect(terms('us-28-point', 'army-cap')).toMatchObject({ party: 'ukraine', personnelCap: 600_000, appliesIn: 'always' });
    expect(terms('us-28-point', 'elections')).toMatchObject({ deadline: { days: 100 } });
    expect(terms('us-28-point', 'amnesty')).toMatchObject({ scope: 'full' });
    expect(terms('us-28-point', 'nato-membership')).toMatchObject({ natoMembership: 'barred' });
    expect(terms('us-28-point', 'no-nato-expansion')).toMatchObject({ natoExpansion: 'expected-to-halt', form: 'expectation' });
    const regions = (terms('us-28-point', 'territory')?.regions ?? []) as Array<{ region: string; recognition?: string }>;
    expect(regions.filter((r) => r.recognition === 'de-facto').map((r) => r.region)).toEqual(
      expect.arrayContaining(['crimea', 'luhansk-oblast', 'donetsk-oblast']),
    );
    expect(JSON.stringify(terms('us-28-point', 'frozen-assets'))).toContain('100000000000');
  });

  it('holds what was reported of the E3 counter-proposal', () => {
    expect(terms('e3-counter-proposal', 'army-cap')).toMatchObject({ personnelCap: 800_000, appliesIn: 'peacetime' });
    expect(terms('e3-counter-proposal', 'elections')).toMatchObject({ deadline: { asap: true, from: 'peace-agreement' } });
    // Territorial talks wait for a ceasefire; Crimea is named whole.
    expect(clause('e3-counter-proposal', 'territory')?.conditions).toEqual([expect.objectContaining({ kind: 'ceasefire', term: 'swapsNegotiable' })]);
    expect(clause('e3-counter-proposal', 'amnesty')).toBeUndefined();
    expect(clause('e3-counter-proposal', 'no-nato-expansion')).toBeUndefined();
    expect(terms('e3-counter-proposal', 'territory')).toMatchObject({ lineOfContact: 'starting-point-for-talks' });
    expect(terms('e3-counter-proposal', 'frozen-assets')).toMatchObject({ frozenUntil: 'russia-compensates-ukraine' });
  });

  it('holds what was reported of the Geneva revision: cap and amnesty gone, NATO questions and territory left to the leaders', () => {
    expect(clause('geneva-19-point', 'army-cap')).toBeUndefined();
    expect(clause('geneva-19-point', 'amnesty')).toBeUndefined();
    expect(get('geneva-19-point').clauses.filter((c) => c.status === 'bracketed').map((c) => c.id).sort()).toEqual(['nato-membership', 'nato-troops', 'no-nato-expansion', 'russia-nato-dialogue', 'territory']);
  });

  it('says which clauses are carried over unseen, from where, and cites only what backs that', () => {
    const geneva = get('geneva-19-point').clauses;
    const carried = geneva.filter((c) => c.presence === 'unknown' || c.presence === 'assumed');
    expect(carried.length).toBeGreaterThan(20);
    for (const c of carried) expect(c.carriedFrom, c.id).toBe('us-28-point');
    // Reports that only say it is unclear which points were dropped back an unknown presence, not a confirmed one.
    for (const c of geneva.filter((x) => x.sources.includes('s44-global-times'))) expect(c.presence, c.id).toBe('unknown');
    for (const c of geneva.filter((x) => x.presence === undefined || x.presence === 'stated')) expect(c.number, c.id).toBeUndefined();
    const e3 = get('e3-counter-proposal').clauses.filter((c) => c.presence === 'assumed').map((c) => c.carriedFrom);
    expect(new Set(e3)).toEqual(new Set(['us-28-point']));
  });

  it('marks as unconfirmed what rests on one outlet, with a note saying so', () => {
    for (const v of ['us-28-point', 'e3-counter-proposal', 'geneva-19-point']) {
      for (const c of get(v).clauses.filter((x) => x.certainty === 'unconfirmed')) expect(c.note, `${v} ${c.id}`).toBeTruthy();
    }
  });

  it('lists the stakeholders the issue names, with blocs and their members', () => {
    const list = family.stakeholders?.stakeholders?.stakeholders ?? [];
    const ids = list.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['us', 'ukraine', 'russia', 'eu', 'uk', 'nato', 'iaea', 'france', 'germany']));
    expect(list.find((s) => s.id === 'eu')).toMatchObject({ kind: 'bloc', members: expect.arrayContaining(['france', 'germany']) });
  });

  it('writes clause texts as paraphrase: no quotation marks around copied wording', () => {
    for (const v of family.versions) for (const c of v.clauses) expect(c.text, `${v.version}/${c.id}`).not.toMatch(/["“”]/);
  });
});
