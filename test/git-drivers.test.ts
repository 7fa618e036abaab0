/**
 * The git drivers with real git in a temporary repository: `git diff` and
 * `git log -p --ext-diff` print the semantic diff, and `git merge` merges plan files as
 * `peaceplan merge` does (clean merges taken, conflicts bracketed in the file).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from 'peaceplan';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `"${process.execPath}" "${join(root, 'dist/cli.cjs')}"`;
const repo = mkdtempSync(join(tmpdir(), 'peaceplan-git-'));
const plan = 'plans/ru/us-28-point.yaml';
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });
const edit = (f: (text: string) => string) => writeFileSync(join(repo, plan), f(readFileSync(join(repo, plan), 'utf8')));

describe('git drivers', () => {
  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    cpSync(join(root, 'plans/russia-ukraine-2025'), join(repo, 'plans/ru'), { recursive: true });
    writeFileSync(join(repo, '.gitattributes'), 'plans/**/*.yaml diff=peaceplan merge=peaceplan\n');
    git('config', 'diff.peaceplan.command', `${cli} git-diff`);
    git('config', 'merge.peaceplan.driver', `${cli} git-merge %O %A %B %P`);
    git('add', '.');
    git('commit', '-q', '-m', 'drafts');
  });

  it('git diff and git log -p print the semantic diff of a plan file', () => {
    edit((t) => t.replace('personnelCap: 600000', 'personnelCap: 800000'));
    const diff = git('diff');
    expect(diff).toContain(`peaceplan diff ${plan}`);
    expect(diff).toMatch(/600,000 → 800,000/);
    expect(diff).not.toMatch(/^[-+] +personnelCap/m);
    git('commit', '-q', '-am', 'cap raised');
    // git log and git show use a diff driver when asked to, with --ext-diff.
    expect(git('log', '-p', '--ext-diff', '-1')).toMatch(/600,000 → 800,000/);
    // A version that does not read is reported, and git goes on.
    edit((t) => t.replace(/^date: .*$/m, 'date: 2025-02-30'));
    expect(git('diff')).toContain('the new version of plans/ru/us-28-point.yaml is not a valid plan, so it is not compared');
    git('checkout', '-q', '--', plan);
  });

  it('peaceplan diff reads a version straight from git, and names the revision when git has none', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist/cli.cjs'), ...args], { cwd: repo, encoding: 'utf8' });
    const r = run('diff', `HEAD~1:${plan}`, plan);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/600,000 → 800,000/);
    const missing = run('diff', `no-such-rev:${plan}`, plan);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`no-such-rev:${plan}`);
    expect(missing.stderr).toMatch(/git has no plans\/ru\/us-28-point\.yaml at no-such-rev/);
  });

  it('git merge takes changes from both branches, and brackets a conflict in the file', () => {
    git('checkout', '-q', '-b', 'theirs');
    edit((t) => t.replace('personnelCap: 800000', 'personnelCap: 700000'));
    git('commit', '-q', '-am', 'theirs: cap 700,000');
    git('checkout', '-q', 'main');
    edit((t) => t.replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    git('commit', '-q', '-am', 'ours: retitled');
    git('merge', '-q', '--no-edit', 'theirs');
    const merged = parsePlan(readFileSync(join(repo, plan), 'utf8')).plan;
    expect(merged?.title).toMatch(/\(revised\)$/);
    expect(merged?.clauses.find((c) => c.id === 'army-cap')?.terms).toMatchObject({ personnelCap: 700000 });
    // The same term changed on both sides: git stops, and the file holds both readings.
    git('checkout', '-q', '-b', 'other');
    edit((t) => t.replace('personnelCap: 700000', 'personnelCap: 650000'));
    git('commit', '-q', '-am', 'other: 650,000');
    git('checkout', '-q', 'main');
    edit((t) => t.replace('personnelCap: 700000', 'personnelCap: 750000'));
    git('commit', '-q', '-am', 'main: 750,000');
    const r = spawnSync('git', ['merge', '--no-edit', 'other'], { cwd: repo, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    // Messages name the file in the work tree (git's %P), not git's temporary copy, and give the values.
    expect(r.stderr).toContain(`peaceplan merge: 1 conflict; conflicted clauses are bracketed in ${plan} with the other reading beside them`);
    expect(r.stderr).toContain('terms.personnelCap changed differently: ours 750,000, theirs 650,000 (base 700,000)');
    const text = readFileSync(join(repo, plan), 'utf8');
    expect(text).not.toContain('<<<<<<<');
    const conflicted = parsePlan(text).plan;
    expect(conflicted?.clauses.filter((c) => c.id.startsWith('army-cap')).map((c) => [c.id, c.status, (c.terms as { personnelCap: number }).personnelCap])).toEqual([
      ['army-cap', 'bracketed', 750000],
      ['army-cap-alt', 'bracketed', 650000],
    ]);
    // Both branches hold one version id: the notes name the sides ours and theirs.
    expect(conflicted?.clauses.find((c) => c.id === 'army-cap-alt')?.note).toMatch(/^Merge conflict: the reading of theirs for clause army-cap\. Keep one\. It was proposed\./);
    // The file is laid out as fmt lays it out: the alternative's fields in the format's order, long texts folded.
    const alt = /\n  - id: army-cap-alt\n((?: {4}.*\n)+)/.exec(text)?.[1] ?? '';
    expect(alt.split('\n').filter((l) => /^ {4}\w/.test(l)).map((l) => l.trim().split(':')[0])).toEqual(['number', 'topic', 'title', 'text', 'terms', 'status', 'certainty', 'parties', 'sources', 'note']);
    expect(spawnSync(process.execPath, [join(root, 'dist/cli.cjs'), 'fmt', join(repo, plan), '--check'], { encoding: 'utf8' }).status).toBe(0);
    git('merge', '--abort');
  });
});
