import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELP } from '../src/cli/help.js';
import { cli } from '../src/cli/cli.js';
import { MINIMAL, runCli } from './helpers.js';
import { diffPlans, parsePlan, parseTerms } from '../src/index.js';
import type { Plan } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const FAMILY = join(root, 'plans/russia-ukraine-2025');
const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-cli-'));
const file = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

const run = runCli;

describe('peaceplan validate', () => {
  it('exits 0 on the shipped family and says each file is ok', async () => {
    const r = await run('validate', FAMILY);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('us-28-point.yaml');
    expect(r.stdout).toMatch(/^ok .*russia-ukraine-2025.positions\.yaml$/m);
    expect(r.stdout).toMatch(/5 files checked: 5 valid, 0 invalid; 0 errors, 0 warnings/);
  });

  it('exits 1 on an invalid file and prints file:line:col CODE message, a hint and a code frame', async () => {
    const bad = file('bad.yaml', MINIMAL.replace('personnelCap: 600000', 'personnelCap: lots'));
    const r = await run('validate', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:16:21 WRONG_TYPE \`personnelCap\` must be a whole number, found the text "lots"`);
    expect(r.stdout).toContain('> 16 |       personnelCap: lots');
    expect(r.stdout).toContain('|                     ^^^^');
  });

  it('reads a file named stakeholders.yaml as a stakeholders file', async () => {
    const r = await run('validate', join(FAMILY, 'stakeholders.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 file checked: 1 valid/);
  });

  it('exits 0 with warnings only', async () => {
    const warn = file('warn.yaml', MINIMAL.replace('  s1: {', '  s2: { title: T, publisher: P }\n  s1: {'));
    const r = await run('validate', warn);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UNUSED_SOURCE (warning)');
  });

  it('exits 2 when a file is missing, and still reports the others', async () => {
    const r = await run('validate', join(tmp, 'nope.yaml'), FAMILY);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('FILE_NOT_FOUND');
    expect(r.stdout).toContain('ok ');
  });

  it('checks a draft kept outside its family folder against that family with --family', async () => {
    const gaza = join(root, 'plans/gaza-2025');
    const draft = readFileSync(join(root, 'test/corpus/gaza-2025/hand-s/first-phase-s.yaml'), 'utf8');
    // Alone, its family's topics and terms are unknown, and its parent unchecked.
    const alone = await run('validate', file('first-phase-s.yaml', draft));
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('no terms.yaml beside it');
    // With the family: its terms, stakeholders and parent; a covered id the parent lacks is found at its place.
    const ok = await run('validate', file('first-phase-s.yaml', draft), '--family', gaza);
    expect([ok.code, ok.stdout.trim().split('\n').at(-1)]).toEqual([0, '1 file checked: 1 valid, 0 invalid; 0 errors, 0 warnings']);
    const typo = file('typo.yaml', draft.replace('board-of-peace, pa-reform]', 'board-of-peace, pa-reforms]'));
    const bad = await run('validate', typo, '--family', gaza);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`${typo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ UNKNOWN_CLAUSE clause \`pa-reforms\` is not in the parent \`wh-20-point\``));
    expect(bad.stdout).toContain('hint: did you mean `pa-reform`?');
    // A copy of a version of the folder stands in its place (no duplicate version); a folder that cannot be read is all that is said.
    const copy = await run('validate', file('wh.yaml', readFileSync(join(gaza, 'wh-20-point.yaml'), 'utf8')), '--family', gaza);
    expect(copy.stdout).not.toContain('DUPLICATE_VERSION');
    expect(copy.stdout).toContain('1 file checked: 1 valid');
    const lost = await run('validate', typo, '--family', join(tmp, 'nowhere'));
    expect(lost.code).toBe(2);
    expect(lost.stdout).toContain('FILE_NOT_FOUND no such folder');
    expect(lost.stdout).not.toContain('UNKNOWN_CLAUSE');
  });

  it('reads a draft kept outside its family folder with that family for summary, fmt, migrate and apply (--family)', async () => {
    const gaza = join(root, 'plans/gaza-2025');
    const draft = file('wh-20-grouped.yaml', readFileSync(join(root, 'test/corpus/gaza-2025/hand-ae/wh-20-grouped.yaml'), 'utf8'));
    // Alone, the family's own topics are unknown: the file cannot be read.
    for (const command of ['fmt', 'migrate']) expect((await run(command, draft)).code, command).toBe(2);
    expect((await run('summary', draft)).code).toBe(1);
    const fmt = await run('fmt', draft, '--family', gaza);
    expect([fmt.code, fmt.stderr]).toEqual([0, '']);
    expect(fmt.stdout).toContain('version: wh-20-grouped');
    expect((await run('migrate', draft, '--family', gaza)).code).toBe(0);
    const terms = parseTerms(readFileSync(join(gaza, 'terms.yaml'))).terms;
    const plan = parsePlan(readFileSync(draft), terms ? { terms } : {}).plan as Plan;
    const retitled = file('retitled.json', JSON.stringify(diffPlans(plan, { ...plan, title: 'The plan by subject' }, terms ? { terms } : {})));
    expect((await run('apply', draft, retitled)).code).toBe(2);
    const applied = await run('apply', draft, retitled, '--family', gaza);
    expect([applied.code, applied.stdout.includes('title: The plan by subject')]).toEqual([0, true]);
    // summary names the family's topics by their labels, and describes the file named, not the folder's versions.
    const summary = await run('summary', draft, '--family', gaza);
    expect(summary.code).toBe(0);
    expect(summary.stdout.match(/^wh-[\w-]+/gm)).toEqual(['wh-20-grouped']);
    expect(summary.stdout).toContain('Demilitarisation');
    // A family folder without a terms.yaml leaves the one beside the file to count, as for validate --family.
    const beside = join(tmp, 'beside');
    const bare = join(tmp, 'bare-family');
    mkdirSync(beside, { recursive: true });
    mkdirSync(bare, { recursive: true });
    writeFileSync(join(beside, 'terms.yaml'), readFileSync(join(gaza, 'terms.yaml')));
    const near = join(beside, 'wh-20-grouped.yaml');
    writeFileSync(near, readFileSync(draft));
    expect((await run('fmt', near, '--family', bare)).code).toBe(0);
    // Terms of another family are not this draft's: said, not used to name its topics.
    const other = join(tmp, 'other-family');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'terms.yaml'), readFileSync(join(gaza, 'terms.yaml'), 'utf8').replace(/^plan: gaza-2025$/m, 'plan: other-family'));
    const mismatch = await run('summary', draft, '--family', other);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toMatch(/:2:7 PLAN_MISMATCH this version belongs to `gaza-2025`, but the family terms it is read with are `other-family`'s/);
    // A folder that cannot be read, or whose terms.yaml is broken, is said; nothing is printed.
    const lost = await run('fmt', draft, '--family', join(tmp, 'nowhere'));
    expect([lost.code, lost.stdout]).toEqual([2, '']);
    expect(lost.stderr).toContain('not a folder that can be read');
    const broken = join(tmp, 'broken-family');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'terms.yaml'), 'peaceplan: 1\nplan: gaza-2025\ntopics: [\n');
    const bad = await run('fmt', draft, '--family', broken);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toMatch(/terms\.yaml:\d+:\d+ /);
  });

  it('prints machine-readable JSON with --format json', async () => {
    const bad = file('bad2.yaml', MINIMAL.replace('topic: military-limits', 'topic: army'));
    const r = await run('validate', '--format', 'json', bad);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; errorCount: number; files: Array<{ errors: Array<{ code: string; line: number; col: number }> }> };
    expect(out.ok).toBe(false);
    expect(out.errorCount).toBe(1);
    expect(out.files[0]?.errors[0]).toMatchObject({ code: 'UNKNOWN_TOPIC', line: 11, col: 12 });
  });

  it('checks a family folder as a whole: parents and stakeholders', async () => {
    const dir = mkdtempSync(join(tmp, 'fam-'));
    writeFileSync(join(dir, 'v1.yaml'), MINIMAL.replace('date: 2025-11-20', 'date: 2025-11-20\nparent: v0'));
    writeFileSync(join(dir, 'stakeholders.yaml'), 'peaceplan: 1\nplan: test-family\nstakeholders:\n  - { id: russia, name: Russia, kind: state }\n');
    const r = await run('validate', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'v1.yaml')}:16:14 UNKNOWN_STAKEHOLDER`);
    expect(r.stdout).toContain(`${join(dir, 'v1.yaml')}:6:9 UNKNOWN_PARENT`);
  });
});

describe('inputs that could hide problems', () => {
  it('exits 2 for a folder with no plan versions, instead of checking nothing', async () => {
    const empty = mkdtempSync(join(tmp, 'empty-'));
    const r = await run('validate', empty);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('FILE_NOT_FOUND no plan versions');
  });

  it('checks the first draft of a family against a folder that holds only its stakeholders', async () => {
    const dir = mkdtempSync(join(tmp, 'first-'));
    writeFileSync(join(dir, 'stakeholders.yaml'), readFileSync(join(root, 'plans/russia-ukraine-2025/stakeholders.yaml'), 'utf8'));
    const draft = readFileSync(join(root, 'plans/russia-ukraine-2025/us-28-point.yaml'), 'utf8');
    const ok = await run('validate', file('first.yaml', draft), '--family', dir);
    expect([ok.code, ok.stdout.trim().split('\n').at(-1)]).toEqual([0, expect.stringMatching(/^1 file checked: 1 valid, 0 invalid; 0 errors/)]);
    // Its stakeholders are checked: a party the family does not list is an error at its place.
    const stranger = await run('validate', file('stranger.yaml', draft.replace('authors: [ us ]', 'authors: [ narnia ]')), '--family', dir);
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toMatch(/stranger\.yaml:\d+:\d+ UNKNOWN_STAKEHOLDER unknown stakeholder `narnia`/);
    // A family whose stakeholders cannot be read says so: the draft is not checked as if there were none to check.
    const broken = mkdtempSync(join(tmp, 'broken-family-'));
    writeFileSync(join(broken, 'stakeholders.yaml'), 'peaceplan: 1\nplan: [oops\n');
    const unread = await run('validate', file('stranger2.yaml', draft.replace('authors: [ us ]', 'authors: [ narnia ]')), '--family', broken);
    expect(unread.code).toBe(1);
    expect(unread.stdout).toContain(`${join(broken, 'stakeholders.yaml')}:`);
    // The folder alone is its stakeholders file, checked; a folder with only positions is still no family.
    expect((await run('validate', dir)).code).toBe(0);
    const positionsOnly = mkdtempSync(join(tmp, 'positions-only-'));
    writeFileSync(join(positionsOnly, 'positions.yaml'), readFileSync(join(root, 'plans/russia-ukraine-2025/positions.yaml'), 'utf8'));
    const none = await run('validate', file('first.yaml', draft), '--family', positionsOnly);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('FILE_NOT_FOUND no plan versions (*.yaml), stakeholders.yaml or terms.yaml');
  });

  it('checks a later version against a folder that holds only the family vocabulary, saying its lineage was not checked', async () => {
    // A reply whose parent the folder does not hold: nothing to find it among, so no error, and a note says so.
    const dir = mkdtempSync(join(tmp, 'vocabulary-'));
    writeFileSync(join(dir, 'stakeholders.yaml'), readFileSync(join(root, 'plans/russia-ukraine-2025/stakeholders.yaml'), 'utf8'));
    const e3 = readFileSync(join(root, 'plans/russia-ukraine-2025/e3-counter-proposal.yaml'), 'utf8');
    expect(e3).toMatch(/^parent: us-28-point$/m);
    const later = file('later.yaml', e3);
    const r = await run('validate', later, '--family', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`note: ${later} names \`us-28-point\` of its family, not checked: ${dir} holds no version of the family`);
    expect(r.stdout).not.toContain('UNKNOWN_PARENT');
    // A folder that holds versions of the family, but not the parent, is a family that lacks it: an error, as before.
    writeFileSync(join(dir, 'geneva.yaml'), readFileSync(join(root, 'plans/russia-ukraine-2025/geneva-19-point.yaml'), 'utf8').replace(/^parent: .*$/m, 'parent: null'));
    const lacking = await run('validate', later, '--family', dir);
    expect(lacking.code).toBe(1);
    expect(lacking.stdout).toMatch(/later\.yaml:\d+:\d+ UNKNOWN_PARENT the parent version `us-28-point` is not in the family/);
  });

  it('reports a broken stakeholders.yaml beside a plan instead of skipping the stakeholder check', async () => {
    const dir = mkdtempSync(join(tmp, 'broken-'));
    writeFileSync(join(dir, 'v1.yaml'), MINIMAL);
    writeFileSync(join(dir, 'stakeholders.yaml'), 'peaceplan: 1\nplan: test-family\nstakeholders: [\n');
    const r = await run('validate', join(dir, 'v1.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'stakeholders.yaml')}:`);
  });

  it('never sends control characters from a file to the terminal', async () => {
    const bad = file('esc.yaml', MINIMAL.replace('  s1: {', '  "\\e[2J\\e[31mowned\\nline": 1\n  s1: {'));
    const r = await run('validate', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\x1b/);
    expect(r.stdout).toContain('CONTROL_CHARACTER an escape here makes U+001B');
  });

  it('skips a folder named like a plan inside a family', async () => {
    const dir = mkdtempSync(join(tmp, 'fam2-'));
    writeFileSync(join(dir, 'v1.yaml'), MINIMAL);
    mkdirSync(join(dir, 'x.yaml'));
    expect((await run('validate', dir)).code).toBe(0);
  });
});

describe('a family with a version that cannot be read', () => {
  it('reports that file, without lineage or positions noise', async () => {
    const { cpSync, writeFileSync: write } = await import('node:fs');
    const dir = join(tmpdir(), `peaceplan-unread-${process.pid}`);
    cpSync(FAMILY, dir, { recursive: true });
    write(join(dir, 'us-28-point.yaml'), new Uint8Array([0x70, 0x3a, 0x20, 0xff, 0x0a]));
    const r = await run('validate', dir);
    expect(r.code).toBe(1);
    // The copy's editor modelines point at ../../schemas, which is not there from the temporary folder: warned, once per file.
    const codes = r.stdout.match(/^\S+:\d+:\d+ [A-Z0-9_]+/gm)?.map((l) => l.split(' ')[1]);
    expect(codes?.filter((c) => c !== 'SCHEMA_NOT_FOUND')).toEqual(['INVALID_UTF8']);
  });
});

describe('a family with a version that reads but has an error of its own', () => {
  it('reports that error alone: the version still counts for the positions file and the other versions', async () => {
    const { cpSync, readFileSync: read, writeFileSync: write } = await import('node:fs');
    const dir = join(tmpdir(), `peaceplan-invalid-${process.pid}`);
    cpSync(FAMILY, dir, { recursive: true });
    const us = join(dir, 'us-28-point.yaml');
    write(us, read(us, 'utf8').replace(/^date: .*$/m, 'date: 2025-02-30'));
    const e3 = join(dir, 'e3-counter-proposal.yaml');
    write(e3, read(e3, 'utf8').replace('    title:', '    titel:'));
    const r = await run('validate', dir);
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ [A-Z0-9_]+ /.test(l) && !l.includes('(warning)'));
    expect(errors.map((l) => l.split(' ')[1]).sort()).toEqual(['INVALID_DATE', 'MISSING_FIELD', 'UNKNOWN_FIELD']);
    // A reference that is wrong whatever the drafts hold is still reported.
    const positions = join(dir, 'positions.yaml');
    write(positions, read(positions, 'utf8').replace(/version: us-28-point/, 'version: us-28-pont'));
    expect((await run('validate', dir)).stdout).toMatch(/UNKNOWN_VERSION the family has no version `us-28-pont`/);
  });
});

describe('mistakes on the command line', () => {
  it('suggests the command or option meant, and lists a command\'s options otherwise', async () => {
    const cmd = await run('vaildate', FAMILY);
    expect([cmd.code, cmd.stderr.split('\n')[0]]).toEqual([2, 'peaceplan: unknown command `vaildate`; did you mean `validate`?']);
    const opt = await run('diff', 'a.yaml', 'b.yaml', '--formt', 'json');
    expect([opt.code, opt.stderr]).toEqual([2, 'peaceplan diff: unknown option --formt; did you mean --format?\n']);
    const other = await run('fmt', 'a.yaml', '--colour');
    expect(other.stderr).toBe('peaceplan fmt: unknown option --colour; its options: --write, --check, --family\n');
  });

  it('validate colours codes and ok on a terminal, and nothing elsewhere', async () => {
    const out = (color: boolean) => {
      let stdout = '';
      return cli(['validate', FAMILY, join(root, 'test/fixtures/invalid/duplicate-key.yaml')], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, color }).then(() => stdout);
    };
    const coloured = await out(true);
    expect(coloured).toContain('\x1b[31mDUPLICATE_KEY\x1b[0m');
    expect(coloured).toContain('\x1b[32mok\x1b[0m ');
    expect(await out(false)).not.toMatch(/\x1b/);
  });

  it('report does not pour a page of HTML into a terminal', async () => {
    let stderr = '';
    const code = await cli(['report', FAMILY], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, terminal: true });
    expect(code).toBe(2);
    expect(stderr).toContain('write it to a file with -o');
  });
});

describe('a plan file validated on its own', () => {
  it('says which checks it could not make: stakeholders without a stakeholders file, and the lineage', async () => {
    const { copyFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmp, 'alone-'));
    const copy = join(dir, 'e3.yaml');
    copyFileSync(join(FAMILY, 'e3-counter-proposal.yaml'), copy);
    const r = await run('validate', copy);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`note: ${copy} was checked on its own, without its stakeholder ids (no stakeholders.yaml beside it) or its parent \`us-28-point\` and what else a family is checked for; validate its family folder for those checks`);
    const json = JSON.parse((await run('validate', copy, '--format', 'json')).stdout) as { notes: string[] };
    expect(json.notes).toHaveLength(1);
    // In its folder the stakeholders are read; an original draft has no parent: nothing to say.
    // A version that names clauses of its parent (here a removal) is told those ids went unchecked.
    const geneva = join(dir, 'geneva.yaml');
    copyFileSync(join(FAMILY, 'geneva-19-point.yaml'), geneva);
    expect((await run('validate', geneva)).stdout).toMatch(/without its stakeholder ids \(no stakeholders\.yaml beside it\) or its parent `us-28-point` \(the [1-9]\d* clause ids? it names there, in `removed`, `covers` or `partOf`, (is|are) not checked\) and what else a family is checked for/);
    expect((await run('validate', join(FAMILY, 'us-28-point.yaml'))).stdout).not.toContain('note:');
    expect((await run('validate', FAMILY)).stdout).not.toContain('note:');
  });

  it('checks versions named together against each other, and says when a family vocabulary is missing', async () => {
    const { copyFileSync, readFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmp, 'named-'));
    for (const f of ['us-28-point.yaml', 'stakeholders.yaml']) copyFileSync(join(FAMILY, f), join(dir, f));
    // A removal naming a clause the parent does not have: found only when the parent is named too.
    const geneva = readFileSync(join(FAMILY, 'geneva-19-point.yaml'), 'utf8').replace('  - clause: amnesty\n', '  - clause: amnesti\n');
    writeFileSync(join(dir, 'geneva.yaml'), geneva);
    const alone = await run('validate', join(dir, 'geneva.yaml'));
    expect([alone.code, alone.stdout]).toEqual([0, expect.stringContaining('without its parent `us-28-point`')]);
    // The note says which of the family's files beside it the file was read with.
    expect(alone.stdout).toContain('was checked on its own (read with the stakeholders.yaml beside it), without its parent');
    const both = await run('validate', join(dir, 'us-28-point.yaml'), join(dir, 'geneva.yaml'));
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/geneva\.yaml:\d+:\d+ UNKNOWN_CLAUSE clause `amnesti` is not in `us-28-point`/);
    expect(both.stdout).toContain('did you mean `amnesty`?');
    expect(both.stdout).not.toContain('note:');
    // A version of a family with its own topics, read without its terms.yaml.
    const gaza = join(dir, 'gaza');
    mkdirSync(gaza);
    copyFileSync('plans/gaza-2025/wh-20-point.yaml', join(gaza, 'wh.yaml'));
    const bare = await run('validate', join(gaza, 'wh.yaml'));
    expect(bare.stdout).toMatch(/its family's own topics and terms \(no terms\.yaml beside it: the \d+ unknown topics and terms above may be declared there\)/);
  });
});

describe('peaceplan summary', () => {
  it('describes each version in lineage order', async () => {
    const r = await run('summary', FAMILY);
    expect(r.code).toBe(0);
    const order = ['us-28-point', 'e3-counter-proposal', 'geneva-19-point'].map((v) => r.stdout.indexOf(`${v} — `));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toMatch(/5 bracketed \(no-nato-expansion, russia-nato-dialogue, nato-membership, nato-troops, territory\)/);
    expect(r.stdout).toContain('presence: 2 stated, 1 assumed and 22 unknown (carried over unseen)');
  });

  it("names a family's own topics by their labels, from its folder or from the terms beside a file", async () => {
    for (const input of ['plans/gaza-2025', 'plans/gaza-2025/wh-20-point.yaml']) {
      const r = await run('summary', input);
      expect(r.stdout, input).toContain('Demilitarisation and decommissioning');
      expect(r.stdout, input).not.toMatch(/topics: .*\bdemilitarisation \d/);
    }
  });

  it('prints JSON summaries', async () => {
    const r = await run('summary', FAMILY, '--format=json');
    const out = JSON.parse(r.stdout) as { versions: Array<{ version: string; clauses: number }> };
    expect(out.versions.map((v) => v.version)).toEqual(['us-28-point', 'e3-counter-proposal', 'geneva-19-point']);
    expect(out.versions[0]?.clauses).toBe(28);
  });
});

describe('arguments and help', () => {
  it.each([
    [['validate'], 2],
    [['summary'], 2],
    [['frobnicate'], 2],
    [['validate', '--strictly', 'x'], 2],
    [['validate', '--format'], 2],
    [['validate', '--format', 'xml', 'x'], 2],
    [['-x'], 2],
    [[], 2],
  ])('%j exits %i with a message on stderr', async (argv, code) => {
    const r = await run(...argv);
    expect(r.code).toBe(code);
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(r.stdout).toBe('');
  });

  it.each(Object.keys(HELP).filter(Boolean))('has help for %s', async (command) => {
    for (const argv of [['help', command], [command, '--help'], [command, '-h']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(HELP[command]);
    }
  });

  it('prints the version', async () => {
    const r = await run('--version');
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the built bin', () => {
  const bin = join(root, 'dist/cli.cjs');

  it('runs as a program with the documented exit codes', () => {
    const ok = spawnSync(process.execPath, [bin, 'validate', FAMILY], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'validate', file('b.yaml', 'peaceplan: 1\n')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    const trouble = spawnSync(process.execPath, [bin, 'validate', join(tmp, 'missing.yaml')], { encoding: 'utf8' });
    expect(trouble.status).toBe(2);
  });

  it('stops quietly when its output is piped into head', () => {
    const many = Array.from({ length: 300 }, (_, i) => file(`m${i}.yaml`, 'peaceplan: 1\n'));
    const out = execFileSync('bash', ['-c', `set -o pipefail; node ${bin} validate ${many.join(' ')} | head -n 2; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(out).not.toMatch(/EPIPE|Error:/);
    expect(out.trim().split('\n')).toHaveLength(3);
    expect(out).toMatch(/status 1$/m);
  });
});
