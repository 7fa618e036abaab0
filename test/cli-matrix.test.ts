import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, text } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const family = join(root, 'plans/russia-ukraine-2025');
const plan = (v: string) => join(family, `${v}.yaml`);
const toy = (f: string) => join(root, 'test/fixtures/positions', f);
const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-matrix-'));

describe('peaceplan matrix', () => {
  it('prints the aligned matrix of a version and exits 1 when a clause is blocked', async () => {
    const r = await runCli('matrix', plan('us-28-point'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const header = lines[2] ?? '';
    const cap = lines.find((l) => l.startsWith('6 army-cap')) ?? '';
    // the symbol sits under its stakeholder's name
    expect(cap.slice(header.indexOf('ukraine'), header.indexOf('ukraine') + 2)).toBe('✗!');
    expect(cap).toMatch(/BLOCKED$/);
    expect(r.stdout).toContain('  6 army-cap: ukraine');
  });

  it('matches the sample in the README', async () => {
    const r = await runCli('matrix', plan('us-28-point'));
    const sample = /```text\n(russia-ukraine-2025 \/ us-28-point[\s\S]*?)```/.exec(text('README.md'))?.[1] ?? '';
    const out = r.stdout.split('\n');
    for (const line of sample.split('\n').filter((l) => l.includes('…'))) {
      const prefix = line.slice(0, line.indexOf('…')).trimEnd();
      expect(out.some((o) => o.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('exits 0 when nothing is blocked, 1 when something is, and reads the positions file beside the version', async () => {
    const blocked = await runCli('matrix', toy('v2.yaml'), '--format', 'json');
    expect(blocked.code).toBe(1);
    expect((JSON.parse(blocked.stdout) as { blocked: string[] }).blocked).toEqual(['cap']);
    const dir = join(tmp, 'free');
    (await import('node:fs')).mkdirSync(dir);
    for (const f of ['stakeholders.yaml', 'v1.yaml']) copyFileSync(toy(f), join(dir, f));
    writeFileSync(join(dir, 'positions.yaml'), 'peaceplan: 1\nplan: toy\nsources:\n  p1: { title: A, publisher: B }\nrules:\n  - { id: r, stakeholder: a, topic: amnesty, stance: oppose, salience: 1, date: 2025-01-02, sources: [p1] }\n');
    const free = await runCli('matrix', join(dir, 'v1.yaml'));
    expect([free.code, free.stderr]).toEqual([0, '']);
    const collapsed = await runCli('matrix', toy('v1.yaml'), '--blocs', 'collapse');
    expect(collapsed.stdout).toMatch(/^\s+a\s+b\s+bloc$/m);
  });

  it('writes CSV with one column per stakeholder, quoting and defusing formulas', async () => {
    const dir = join(tmp, 'csv');
    (await import('node:fs')).mkdirSync(dir);
    for (const f of ['stakeholders.yaml', 'positions.yaml']) copyFileSync(toy(f), join(dir, f));
    writeFileSync(join(dir, 'v1.yaml'), text('test/fixtures/positions/v1.yaml').replace("title: Cap on A's army", 'title: "=HYPERLINK(x), said A"'));
    const r = await runCli('matrix', join(dir, 'v1.yaml'), '--format', 'csv');
    const rows = r.stdout.split('\r\n');
    expect(rows[0]).toBe('clause,number,title,topic,blocked_by,a,b,bloc,c');
    expect(rows[1]).toBe(`cap,1,"'=HYPERLINK(x), said A",military-limits,a,oppose,support,,`);
    expect(rows.at(-2)).toBe('acceptability,,,,,-1,0.4286,0.5,-0.2');
    // By topic a row is a topic: no empty clause columns, no second topic column.
    const topics = (await runCli('matrix', join(dir, 'v1.yaml'), '--format', 'csv', '--by', 'topic')).stdout.split('\r\n');
    expect(topics[0]).toBe('topic,blocked_by,a,b,bloc,c');
    expect(topics[1]).toMatch(/^military-limits,a,oppose,support,/);
    expect(topics.at(-2)).toMatch(/^acceptability,,/);
    expect(topics.slice(1, -1).every((row) => row.split(',').length === 6)).toBe(true);
  });

  it('takes the decision rule as --decision, the library\'s name, or --blocking; not both differently', async () => {
    const json = async (...o: string[]) => JSON.parse((await runCli('matrix', plan('us-28-point'), '--format', 'json', ...o)).stdout) as { decision: string };
    expect((await json('--decision', 'unanimity')).decision).toBe('unanimity');
    expect((await json('--blocking', 'unanimity')).decision).toBe('unanimity');
    expect((await json()).decision).toBe('veto');
    const both = await runCli('matrix', plan('us-28-point'), '--decision', 'veto', '--blocking', 'unanimity');
    expect([both.code, both.stderr]).toEqual([2, 'peaceplan matrix: --decision and --blocking name the same rule; give one\n']);
  });

  it('prints Markdown', async () => {
    const r = await runCli('matrix', plan('e3-counter-proposal'), '--format', 'markdown', '--by', 'topic');
    expect(r.stdout).toMatch(/^### russia-ukraine-2025 \/ e3-counter-proposal/);
    expect(r.stdout).toContain('| Topic | us | ukraine | russia |');
  });

  it('exits 2 with a positioned message for a bad positions file, a missing one, or bad options', async () => {
    const dir = join(tmp, 'bad');
    (await import('node:fs')).mkdirSync(dir);
    for (const f of ['stakeholders.yaml', 'v1.yaml']) copyFileSync(toy(f), join(dir, f));
    writeFileSync(join(dir, 'positions.yaml'), text('test/fixtures/positions/positions.yaml').replace('clause: cap,', 'clause: kap,'));
    const bad = await runCli('matrix', join(dir, 'v1.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('positions.yaml:6:39 UNKNOWN_CLAUSE');
    const missing = await runCli('matrix', plan('us-28-point'), '--positions', join(dir, 'nope.yaml'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('FILE_NOT_FOUND')]);
    const option = await runCli('matrix', plan('us-28-point'), '--by', 'row');
    expect([option.code, option.stderr]).toEqual([2, 'peaceplan matrix: --by must be clause, topic; not row\n']);
    const format = await runCli('matrix', plan('us-28-point'), '--format', 'pdf');
    expect(format.code).toBe(2);
  });
});

describe('peaceplan diff --positions', () => {
  it('adds who moved toward agreement and who away, change by change', async () => {
    const r = await runCli('diff', plan('us-28-point'), plan('e3-counter-proposal'), '--positions', join(family, 'positions.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ukraine\s+acceptability -0\.62 → -0\.34/);
    expect(r.stdout).toContain('+ toward ukraine: oppose → conditional');
    expect(r.stdout).toContain('- away russia: support → oppose');
  });

  it('prints { diff, impact } as JSON', async () => {
    const r = await runCli('diff', toy('v1.yaml'), toy('v2.yaml'), '--positions', toy('positions.yaml'), '--format', 'json');
    const out = JSON.parse(r.stdout) as { diff: { peaceplanDiff: number }; impact: { clauses: Array<{ clause: string }> } };
    expect(out.diff.peaceplanDiff).toBe(2);
    expect(out.impact.clauses.map((c) => c.clause)).toEqual(['cap', 'land', 'troops']);
  });

  it('adds a stakeholder table to the Markdown', async () => {
    const r = await runCli('diff', toy('v1.yaml'), toy('v2.yaml'), '--positions', toy('positions.yaml'), '--format', 'markdown');
    expect(r.stdout).toContain('| State B | +0.43 | +0.09 | 1 | 2 |');
  });
});
