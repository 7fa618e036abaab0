import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/** Family history on the shipped drafts, and three-way merge with its laws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blame, clauseHistory, mergePlans, parsePlan, timeline, toYaml } from 'peaceplan';
import type { Clause, Plan } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';
import { runCli } from './helpers.js';

const family = await loadPlanFamily('plans/russia-ukraine-2025');
const stakeholders = family.stakeholders?.stakeholders;
const [us, e3, geneva] = family.versions as [Plan, Plan, Plan];
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

describe('timeline, clause history and blame', () => {
  it('list the versions with their parents and what each changed', () => {
    expect(timeline(family.versions).map((e) => [e.version, e.parent, e.clauses, e.summary.split(' (')[0]])).toEqual([
      ['us-28-point', null, 28, 'original draft, 28 clauses'],
      ['e3-counter-proposal', 'us-28-point', 27, '26 modified, 1 added, 2 removed'],
      ['geneva-19-point', 'us-28-point', 25, '25 modified, 3 removed'],
    ]);
  });

  it('follow one clause through the versions', () => {
    const h = clauseHistory(family.versions, 'army-cap');
    expect(h.steps.map((s) => [s.version, s.state?.terms.personnelCap ?? null, s.change?.kind ?? null])).toEqual([
      ['us-28-point', 600000, null],
      ['e3-counter-proposal', 800000, 'modified'],
      ['geneva-19-point', null, 'removed'],
    ]);
    expect(h.presentIn).toEqual(['us-28-point', 'e3-counter-proposal']);
    expect(clauseHistory(family.versions, 'victims-support').steps.map((s) => s.change?.kind ?? null)).toEqual([null, 'added', null]);
  });

  it('follow a clause another writer renamed, or merged into one of its own, both ways', () => {
    // Another hand's Geneva framework names the NATO clause `nato-question-for-leaders`.
    const q = parsePlan(readFileSync('test/corpus/russia-ukraine-2025/hand-q/geneva-19-point-q.yaml')).plan as Plan;
    const versions = [us, e3, geneva, q];
    const row = (id: string) => clauseHistory(versions, id).steps.map((s) => [s.version, s.id ?? null, s.state?.status ?? null, s.change?.kind ?? null]);
    expect(row('nato-membership')).toEqual([
      ['us-28-point', null, 'proposed', null],
      ['e3-counter-proposal', null, 'proposed', 'modified'],
      ['geneva-19-point', null, 'bracketed', 'modified'],
      ['geneva-19-point-q', 'nato-question-for-leaders', 'bracketed', 'modified'],
    ]);
    // Asked by the later id, the earlier versions have it under theirs.
    expect(row('nato-question-for-leaders').map((r) => r[1])).toEqual(['nato-membership', 'nato-membership', 'nato-membership', null]);
    // A clause merged into another is followed into it, and the step tells the merge.
    const a = parsePlan(['peaceplan: 2', 'plan: p', 'version: a', 'title: T', 'date: 2025-11-20', 'sources:', '  s1: { title: A, publisher: B }', 'clauses:',
      ...['board', 'committee'].flatMap((id, i) => [`  - id: ${id}`, `    number: "${i + 1}"`, '    topic: governance', `    title: ${id}`, `    text: About the ${id}.`, '    status: proposed', '    certainty: reported', '    sources: [s1]']), ''].join('\n')).plan as Plan;
    const b = parsePlan(['peaceplan: 2', 'plan: p', 'version: b', 'title: T', 'date: 2025-11-21', 'parent: a', 'sources:', '  s1: { title: A, publisher: B }', 'clauses:',
      '  - id: later', '    topic: governance', '    title: Governance later', '    text: Left to a later phase.', '    covers: [board, committee]', '    status: deferred', '    certainty: reported', '    sources: [s1]', ''].join('\n')).plan as Plan;
    expect(clauseHistory([a, b], 'committee').steps.map((s) => [s.version, s.id ?? null, s.change?.kind ?? null, s.change?.says ?? null])).toEqual([
      ['a', null, null, null],
      ['b', 'later', 'merged', 'Clause 2 (committee) merged into later'],
    ]);
  });

  it('name the version that last changed each clause and term', () => {
    const b = blame(family.versions, 'e3-counter-proposal');
    const cap = b?.clauses.find((c) => c.clause === 'army-cap');
    expect(b?.lineage).toEqual(['us-28-point', 'e3-counter-proposal']);
    expect([cap?.since.version, cap?.lastChanged.version, cap?.terms.party?.version, cap?.terms.personnelCap?.version, cap?.terms.appliesIn?.version]).toEqual([
      'us-28-point', 'e3-counter-proposal', 'us-28-point', 'e3-counter-proposal', 'e3-counter-proposal',
    ]);
    expect(b?.clauses.find((c) => c.clause === 'victims-support')?.since).toEqual({ version: 'e3-counter-proposal', date: '2025-11-23', authors: ['uk', 'france', 'germany'] });
    expect(blame(family.versions, 'us-28-point')?.clauses.every((c) => c.lastChanged.version === 'us-28-point')).toBe(true);
    expect(blame(family.versions, 'no-such-version')).toBeUndefined();
  });
});

describe('mergePlans on the shipped family: the E3 counter-proposal and the Geneva revision over the US draft', () => {
  const m = mergePlans(us, e3, geneva);
  const conflict = (clause: string) => m.conflicts.filter((c) => c.clause === clause).map((c) => `${c.field}: ${c.says}`);

  it('never resolves a conflict silently', () => {
    expect(m.clean).toBe(false);
    expect(conflict('army-cap')).toEqual(['clause: changed in e3-counter-proposal, removed in geneva-19-point']);
    expect(conflict('nato-membership')).toContain('terms.natoMembership: terms.natoMembership changed differently: e3-counter-proposal consensus-required, geneva-19-point deferred (base barred)');
  });

  it('takes what both sides did alike, and brackets each conflicted clause beside its alternative', () => {
    const ids = m.plan.clauses.map((c) => c.id);
    expect(ids).not.toContain('amnesty'); // removed on both sides
    expect(ids).toContain('victims-support'); // added by the E3 only
    const cap = m.plan.clauses.find((c) => c.id === 'army-cap');
    expect([cap?.status, (cap?.terms as { personnelCap?: number }).personnelCap]).toEqual(['bracketed', 800000]);
    const nato = m.plan.clauses.filter((c) => c.id.startsWith('nato-membership'));
    expect(nato.map((c) => [c.id, c.status, (c.terms as { natoMembership?: string }).natoMembership])).toEqual([
      ['nato-membership', 'bracketed', 'consensus-required'],
      ['nato-membership-alt', 'bracketed', (geneva.clauses.find((c) => c.id === 'nato-membership')?.terms as { natoMembership?: string }).natoMembership],
    ]);
  });

  it('writes YAML that reads back as a valid version', () => {
    const back = parsePlan(toYaml(m.plan), stakeholders ? { stakeholders } : {});
    expect(back.errors).toEqual([]);
    expect(back.plan).toEqual(JSON.parse(JSON.stringify(m.plan)));
  });
});

/** A random revision of a plan: terms, texts, statuses, sets changed; clauses removed and added. */
const revision = (base: Plan, tag: string) =>
  fc
    .record({
      // Edits fall on the first eight clauses, so two revisions often touch the same one.
      edits: fc.array(fc.tuple(fc.nat(7), fc.constantFrom('text', 'status', 'cap', 'sources', 'remove', 'parties')), { maxLength: 6 }),
      add: fc.boolean(),
    })
    .map(({ edits, add }) => {
      let clauses: Array<Clause | undefined> = base.clauses.map((c) => structuredClone(c));
      for (const [i, what] of edits) {
        const c = clauses[i];
        if (!c) continue;
        if (what === 'remove') clauses[i] = undefined;
        else if (what === 'text') c.text = `${c.text} (${tag} ${i})`;
        else if (what === 'status') c.status = c.status === 'agreed' ? 'bracketed' : 'agreed';
        else if (what === 'sources') c.sources = [...c.sources.slice(1), ...Object.keys(base.sources).slice(0, 1)].filter((s, k, a) => a.indexOf(s) === k).slice(0, 3);
        else if (what === 'parties') c.parties = [...new Set([...(c.parties ?? []), tag === 'x' ? 'us' : 'russia'])];
        else if (c.topic === 'military-limits') (c.terms as { personnelCap?: number }).personnelCap = tag === 'x' ? 700000 : 900000;
      }
      clauses = clauses.filter(Boolean);
      if (add) clauses.push({ ...structuredClone(base.clauses[0] as Clause), id: 'new-clause', number: 'n1', text: `A clause ${tag} adds.` });
      return { ...structuredClone(base), version: `rev-${tag}`, parent: base.version, clauses: clauses as Clause[] };
    });

describe('a conflicted clause keeps each side\'s text and terms together', () => {
  it('does not pair one side\'s text with a cap merged in from the other', () => {
    const edit = (version: string, f: (c: Clause) => void): Plan => {
      const plan = { ...structuredClone(us), version, parent: us.version };
      f(plan.clauses.find((c) => c.id === 'army-cap') as Clause);
      return plan;
    };
    const cap = (c: Clause) => c.terms as { personnelCap: number };
    const ours = edit('ours', (c) => {
      c.text = c.text.replace('600,000', '700,000');
      cap(c).personnelCap = 700000;
    });
    // Theirs rewords the figure but forgets the term: its own reading still caps at 600,000.
    const theirs = edit('theirs', (c) => {
      c.text = c.text.replace('600,000', '750,000');
    });
    const m = mergePlans(us, ours, theirs);
    expect(m.conflicts.map((c) => `${c.clause} ${c.field}`)).toEqual(['army-cap text']);
    const [kept, alt] = ['army-cap', 'army-cap-alt'].map((id) => m.plan.clauses.find((c) => c.id === id) as Clause);
    expect([kept?.text.includes('700,000'), cap(kept as Clause).personnelCap]).toEqual([true, 700000]);
    expect([alt?.text.includes('750,000'), cap(alt as Clause).personnelCap]).toEqual([true, 600000]);
  });
});

describe(`merge laws (seed ${seed})`, () => {
  it('merge(base, x, base) = x and merge(base, x, x) = x', () => {
    fc.assert(
      fc.property(revision(us, 'x'), (x) => {
        expect(mergePlans(us, x, us)).toEqual({ plan: x, conflicts: [], clean: true });
        expect(mergePlans(us, x, x)).toEqual({ plan: x, conflicts: [], clean: true });
      }),
      { seed, numRuns: 200 },
    );
  });

  it('swapping the sides swaps ours and theirs in every conflict', () => {
    let withConflicts = 0;
    fc.assert(
      fc.property(revision(us, 'x'), revision(us, 'y'), (x, y) => {
        const [a, b] = [mergePlans(us, x, y).conflicts, mergePlans(us, y, x).conflicts];
        if (a.length) withConflicts++;
        const key = (c: (typeof a)[number]) => `${c.clause} ${c.field}`;
        const swapped = b.map((c) => ({ clause: c.clause, field: c.field, base: c.base, ours: c.theirs, theirs: c.ours }));
        const norm = (cs: Array<{ clause: string | null; field: string; base?: unknown; ours?: unknown; theirs?: unknown }>) =>
          cs.map((c) => ({ clause: c.clause, field: c.field, base: c.base, ours: c.ours, theirs: c.theirs })).sort((p, q) => key(p as never).localeCompare(key(q as never)));
        expect(norm(swapped)).toEqual(norm(a));
      }),
      { seed, numRuns: 200 },
    );
    // About three runs in ten have a conflict; the bound only guards that the law was exercised (60 was within a seed's noise).
    expect(withConflicts).toBeGreaterThan(30);
  });
});

describe('peaceplan log, history, blame and merge', () => {
  const dir = 'plans/russia-ukraine-2025';
  it('print the family, a clause and a blame, as text and JSON', async () => {
    const log = await runCli('log', dir);
    expect([log.code, log.stdout.split('\n')[0]]).toEqual([0, 'us-28-point  2025-11-20  (original)  by us']);
    const h = await runCli('history', dir, 'army-cap', '--format', 'json');
    expect((JSON.parse(h.stdout) as { presentIn: string[] }).presentIn).toEqual(['us-28-point', 'e3-counter-proposal']);
    const b = await runCli('blame', dir, 'e3-counter-proposal');
    expect(b.stdout).toMatch(/^e3-counter-proposal\s+6 army-cap/m);
    expect((await runCli('history', dir, 'no-such-clause')).code).toBe(2);
    expect((await runCli('blame', dir, 'v9')).code).toBe(2);
  });

  it('merge exits 1 with conflicts listed, 0 when clean, 2 on bad input', async () => {
    const [base, ours, theirs] = ['us-28-point', 'e3-counter-proposal', 'geneva-19-point'].map((v) => `${dir}/${v}.yaml`) as [string, string, string];
    const m = await runCli('merge', base, ours, theirs, '--as', 'merged-draft');
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('conflict: army-cap clause: changed in e3-counter-proposal, removed in geneva-19-point');
    expect(parsePlan(m.stdout, stakeholders ? { stakeholders } : {}).plan?.version).toBe('merged-draft');
    const clean = await runCli('merge', base, ours, base);
    expect([clean.code, clean.stderr]).toEqual([0, '']);
    expect(parsePlan(clean.stdout).plan).toEqual(e3);
    // A clean merge of ours with an unchanged base is ours' file as it was: comments, modeline and layout.
    expect(clean.stdout).toBe(readFileSync(ours, 'utf8'));
    // With conflicts, ours' file is edited, not rewritten: its comments and modeline stay, and the
    // alternative clause lists plain values inline like its neighbours.
    const text = readFileSync(ours, 'utf8');
    const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments(m.stdout)).toEqual(comments(text));
    expect(m.stdout.split('\n')[0]).toBe(text.split('\n')[0]);
    expect(m.stdout).toMatch(/- id: russia-nato-dialogue-alt\n(?:.*\n)*?    sources: \[ /);
    expect((await runCli('merge', base, ours)).code).toBe(2);
  });

  it('lays a conflicted merge out as fmt does, also where the clause had a one-line quoted note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peaceplan-merge-note-'));
    const source = readFileSync('plans/russia-ukraine-2025/us-28-point.yaml', 'utf8');
    const start = source.indexOf('  - id: army-cap\n');
    const end = source.indexOf('  - id: nato-membership');
    const clause = source.slice(start, end).replace(/    note: >-\n(?: {6}.*\n)+/, '    note: "A short note."\n');
    const base = source.slice(0, start) + clause + source.slice(end);
    const files = ['base', 'ours', 'theirs'].map((n) => join(dir, `${n}.yaml`)) as [string, string, string];
    writeFileSync(files[0], base);
    writeFileSync(files[1], base.replace('personnelCap: 600000', 'personnelCap: 700000').replace('no more than 600,000', 'no more than 700,000'));
    writeFileSync(files[2], base.replace('personnelCap: 600000', 'personnelCap: 850000').replace('no more than 600,000', 'no more than 850,000'));
    expect((await runCli('fmt', files[0], '--check')).code).toBe(0);
    const out = join(dir, 'merged.yaml');
    const m = await runCli('merge', ...files, '-o', out);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('terms.personnelCap changed differently: ours 700,000, theirs 850,000 (base 600,000)');
    expect(m.stderr).toMatch(/2 conflicts; conflicted clauses are bracketed in .*merged\.yaml/);
    expect(await runCli('fmt', out, '--check')).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8')).toMatch(/    note: >-\n      Merge conflict on text, terms\.personnelCap: this is the reading of ours; /);
  });

  it('history suggests the clause id meant', async () => {
    const r = await runCli('history', dir, 'armycap');
    expect([r.code, r.stderr]).toEqual([2, `peaceplan history: no version of ${dir} has a clause \`armycap\`; did you mean \`army-cap\`?\n`]);
  });
});

describe('merge: problems found in review, kept fixed', () => {
  const added = (terms?: Record<string, string>): Clause => ({ id: 'n', number: '99', topic: 'other', title: 'N', text: 'New.', status: 'proposed', certainty: 'reported', sources: ['s1-liga'], ...(terms ? { terms } : {}) }) as Clause;
  it('a clause added differently on both sides comes out as each side wrote it', () => {
    const ours = { ...us, version: 'o', clauses: [...us.clauses, added()] };
    const theirs = { ...us, version: 't', clauses: [...us.clauses, added({ note: 'x' })] };
    const m = mergePlans(us, ours, theirs);
    const [n, alt] = [m.plan.clauses.find((c) => c.id === 'n'), m.plan.clauses.find((c) => c.id === 'n-alt')];
    expect([n?.terms, alt?.terms, n?.status, alt?.status]).toEqual([undefined, { note: 'x' }, 'bracketed', 'bracketed']);
  });

  it('a conflict on a plan field keeps both readings in the file', () => {
    const m = mergePlans(us, { ...us, version: 'o', title: 'Ours' }, { ...us, version: 't', title: 'Theirs' });
    expect(m.plan.title).toBe('Ours');
    expect(m.plan.summary).toContain('title in t: Theirs');
  });
});
