import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { text, runCli } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const plan = (v: string) => join(root, `plans/russia-ukraine-2025/${v}.yaml`);
const fixture = (p: string) => join(root, 'test/fixtures/diff', p);
const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-diff-'));

const run = runCli;

describe('peaceplan diff', () => {
  it('exits 1 when the versions differ (not a failure) and says what changed', async () => {
    const r = await run('diff', plan('us-28-point'), plan('e3-counter-proposal'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('cap raised 600,000 → 800,000 personnel (+33 %)');
    expect(r.stdout).toContain('Clause 26 (Full amnesty and waiver of claims) removed');
    expect(r.stderr).toBe('');
  });

  it('warns, with the nearest id, of a clause id one version names in the other that it does not have, and diffs all the same', async () => {
    const { readFileSync } = await import('node:fs');
    const e3 = readFileSync(plan('e3-counter-proposal'), 'utf8');
    const at = e3.indexOf('  - id: victims-support\n');
    const typo = e3.replace('  - id: victims-support\n', '  - id: victims-support\n    covers: [amnesti]\n');
    expect(at).toBeGreaterThan(0);
    const file = join(tmp, 'e3-typo.yaml');
    writeFileSync(file, typo);
    const line = typo.slice(0, typo.indexOf('covers: [amnesti]')).split('\n').length;
    const r = await run('diff', plan('us-28-point'), file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('cap raised 600,000 → 800,000 personnel (+33 %)');
    expect(r.stderr).toContain(`${file}:${line}:14 UNKNOWN_CLAUSE (warning) clause \`amnesti\` is not in the parent \`us-28-point\`\n  hint: did you mean \`amnesty\`?\n`);
    // Versions that name what the other has, or name a version not given, draw no warning.
    expect((await run('diff', plan('us-28-point'), plan('geneva-19-point'))).stderr).toBe('');
  });

  it('exits 0 when the versions are the same', async () => {
    const r = await run('diff', plan('geneva-19-point'), plan('geneva-19-point'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no clause changed \(25 unchanged\)/);
  });

  it('reads a version kept outside its family folder with the family vocabulary beside the other version', async () => {
    const { copyFileSync, mkdirSync, readFileSync } = await import('node:fs');
    const gaza = (v: string) => join(root, `plans/gaza-2025/${v}.yaml`);
    // A draft another delegation sent, saved in a folder of its own: its family terms and stakeholders live beside the other version.
    const inbox = join(tmp, 'inbox');
    mkdirSync(inbox, { recursive: true });
    copyFileSync(gaza('first-phase'), join(inbox, 'first-phase.yaml'));
    const r = await run('diff', gaza('wh-20-point'), join(inbox, 'first-phase.yaml'));
    expect([r.code, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toContain('What matters most');
    // The same the other way round, and a file of another family is not read with them.
    expect((await run('diff', join(inbox, 'first-phase.yaml'), gaza('wh-20-point'))).code).toBe(1);
    const other = join(tmp, 'other-family');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'first-phase.yaml'), readFileSync(gaza('first-phase'), 'utf8').replace('plan: gaza-2025', 'plan: gaza-2026'));
    const refused = await run('diff', gaza('wh-20-point'), join(other, 'first-phase.yaml'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/first-phase\.yaml:\d+:\d+ UNKNOWN_(TOPIC|FIELD)/);
    // A broken stakeholders file beside the draft is reported, not replaced by the other folder's.
    const broken = join(tmp, 'broken-people');
    mkdirSync(broken, { recursive: true });
    copyFileSync(gaza('first-phase'), join(broken, 'first-phase.yaml'));
    writeFileSync(join(broken, 'stakeholders.yaml'), 'peaceplan: 1\nplan: gaza-2025\nstakeholders: [\n');
    const told = await run('diff', gaza('wh-20-point'), join(broken, 'first-phase.yaml'));
    expect(told.code).toBe(2);
    expect(told.stderr).toContain('stakeholders.yaml');
  });

  it('prints JSON that follows schemas/diff.schema.json', async () => {
    const r = await run('diff', '--format', 'json', plan('us-28-point'), plan('geneva-19-point'));
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(text('schemas/diff.schema.json')) as object);
    const out = JSON.parse(r.stdout) as unknown;
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
  });

  it('prints Markdown with --format markdown', async () => {
    const r = await run('diff', plan('us-28-point'), plan('e3-counter-proposal'), '--format=markdown');
    expect(r.stdout).toMatch(/^### us-28-point/);
  });

  it('uses a pairs file to pin pairs of clauses', async () => {
    const args = [fixture('pinned-pair/a.yaml'), fixture('pinned-pair/b.yaml')];
    const without = await run('diff', ...args, '--format', 'json');
    const pinned = await run('diff', ...args, '--pairs', fixture('pinned-pair/pairs.yaml'), '--format', 'json');
    const kinds = (out: string) => (JSON.parse(out) as { summary: { counts: Record<string, number> } }).summary.counts;
    expect(kinds(without.stdout)).toMatchObject({ added: 1, removed: 1 });
    expect(kinds(pinned.stdout)).toMatchObject({ added: 0, removed: 0, modified: 1 });
  });

  it('exits 2 on a missing file, an invalid plan or a bad pairs file, with positioned errors on stderr', async () => {
    const missing = await run('diff', plan('us-28-point'), join(tmp, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
    const invalid = join(tmp, 'invalid.yaml');
    writeFileSync(invalid, 'peaceplan: 1\nclauses: oops\n');
    const bad = await run('diff', invalid, plan('us-28-point'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${invalid}:1:1 MISSING_FIELD`);
    const pairs = join(tmp, 'pairs.yaml');
    writeFileSync(pairs, 'pairs:\n  - { from: a }\n');
    const badPairs = await run('diff', plan('us-28-point'), plan('us-28-point'), '--pairs', pairs);
    expect(badPairs.code).toBe(2);
    expect(badPairs.stderr).toContain(`${pairs}:2:5 MISSING_FIELD`);
  });

  it('refuses a pairs file that pins and forbids the same pair', async () => {
    const pairs = join(tmp, 'both.yaml');
    writeFileSync(pairs, 'pairs:\n  - { from: army-cap, to: army-cap }\nforbid:\n  - { from: army-cap, to: army-cap }\n');
    const r = await run('diff', plan('us-28-point'), plan('e3-counter-proposal'), '--pairs', pairs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${pairs}:4:5 INVALID_VALUE army-cap → army-cap is both pinned and forbidden`);
    // Nor one that pins a clause twice: the second pin would be dropped without a word.
    writeFileSync(pairs, 'pairs:\n  - { from: army-cap, to: army-cap }\n  - { from: amnesty, to: army-cap }\n');
    const twice = await run('diff', plan('us-28-point'), plan('e3-counter-proposal'), '--pairs', pairs);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`${pairs}:3:26 INVALID_VALUE \`army-cap\` is pinned twice in the new version`);
    // The same pair listed again is said once, as what it is.
    writeFileSync(pairs, 'pairs:\n  - { from: army-cap, to: army-cap }\n  - { from: army-cap, to: army-cap }\n');
    const same = await run('diff', plan('us-28-point'), plan('e3-counter-proposal'), '--pairs', pairs);
    expect(same.code).toBe(2);
    expect(same.stderr.match(/INVALID_VALUE/g)).toHaveLength(1);
    expect(same.stderr).toContain(`${pairs}:3:5 INVALID_VALUE the pair army-cap → army-cap is listed twice`);
    expect(same.stderr).toContain('hint: also at pairs[0]: remove one of them');
  });

  it.each([[['diff']], [['diff', 'a.yaml']], [['diff', 'a', 'b', 'c']], [['diff', 'a', 'b', '--format', 'csv']], [['diff', 'a', 'b', '--pairs']]])('%j exits 2', async (argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
  });
});
