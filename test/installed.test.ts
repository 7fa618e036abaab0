/**
 * The package as an app gets it: `npm pack`, the tarball installed with npm
 * into a fresh folder outside the repository (dependencies from npm's cache,
 * filled by the checkout's own install, or from the registry), and every
 * README library example run there as an ES module with plain node (those of
 * the vitest matchers need vitest, and run in test/readme.test.ts); the Node
 * entry required as CommonJS; and the installed command line, which loads
 * `docx` from the app's dependencies for a Word redline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedOutput, readmeExamples } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = mkdtempSync(join(tmpdir(), 'peaceplan-app-'));
// The examples of the test-suite matchers run inside vitest, by test/readme.test.ts; the rest run here with plain node.
const examples = readmeExamples().filter((code) => !/from 'vitest'/.test(code));


const run = (file: string) => execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' }).trimEnd().split('\n').filter((l) => l !== '');

describe('the installed package', () => {
  beforeAll(() => {
    const packed = join(app, 'pack');
    mkdirSync(packed);
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', packed], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(packed, name)], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }, 300_000);

  it.each(examples.map((code, i) => [i + 1, code] as const))('README example %i runs in an app outside the repository', (i, code) => {
    const file = join(app, `example-${i}.mjs`);
    writeFileSync(file, transformSync(code, { loader: 'ts', format: 'esm', target: 'node20' }).code);
    expect(run(file)).toEqual(expectedOutput(code));
  });

  it('requires the Node entry as CommonJS and finds the shipped families from there', () => {
    const file = join(app, 'require.cjs');
    writeFileSync(
      file,
      `const { loadPlanFamily, shippedFamily, SHIPPED_FAMILIES } = require('peaceplan/node');
       Promise.all(SHIPPED_FAMILIES.map((f) => loadPlanFamily(shippedFamily(f)))).then((families) => {
         for (const f of families) console.log(f.ok, f.versions.map((v) => v.version).join(' '));
       });`,
    );
    expect(run(file)).toEqual(['true us-28-point e3-counter-proposal geneva-19-point', 'true reported-21-point wh-20-point first-phase']);
  });

  it('installs only what the package declares: peaceplan and its dependencies, no dev tools', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const top = Object.keys(lock.packages).filter((p) => /^node_modules\/[^/]+$|^node_modules\/@[^/]+\/[^/]+$/.test(p)).map((p) => p.slice('node_modules/'.length));
    expect(top).toEqual(expect.arrayContaining(['peaceplan', 'yaml', 'ajv', 'diff', 'docx']));
    for (const tool of ['vitest', 'typescript', 'tsup', 'esbuild', 'playwright-core']) expect(top).not.toContain(tool);
  });

  it('runs the installed command line, Word redline included', () => {
    const plans = join(app, 'node_modules/peaceplan/plans/russia-ukraine-2025');
    const out = join(app, 'redline.docx');
    const r = spawnSync(join(app, 'node_modules/.bin/peaceplan'), ['diff', join(plans, 'us-28-point.yaml'), join(plans, 'e3-counter-proposal.yaml'), '--format', 'docx', '-o', out], { cwd: app, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('warns when a draft copied out of the package points its editor at a schema that is not there, and names the installed one', () => {
    mkdirSync(join(app, 'drafts'), { recursive: true });
    const copy = join(app, 'drafts', 'my-draft.yaml');
    writeFileSync(copy, readFileSync(join(app, 'node_modules/peaceplan/plans/russia-ukraine-2025/us-28-point.yaml')));
    const r = spawnSync(join(app, 'node_modules/.bin/peaceplan'), ['validate', 'drafts/my-draft.yaml', '--format', 'json'], { cwd: app, encoding: 'utf8' });
    const warning = (JSON.parse(r.stdout) as { files: Array<{ warnings: Array<{ code: string; line: number; hint?: string }> }> }).files[0]?.warnings.find((w) => w.code === 'SCHEMA_NOT_FOUND');
    expect(warning).toMatchObject({ line: 1, hint: 'point it at the installed schema: # yaml-language-server: $schema=../node_modules/peaceplan/schemas/plan.schema.json' });
    // The shipped drafts, where they are, point at a schema that exists.
    const shipped = spawnSync(join(app, 'node_modules/.bin/peaceplan'), ['validate', 'node_modules/peaceplan/plans/russia-ukraine-2025', '--format', 'json'], { cwd: app, encoding: 'utf8' });
    expect(shipped.stdout).not.toContain('SCHEMA_NOT_FOUND');
  });

  it('says clearly when a path names no family, without throwing', () => {
    const file = join(app, 'missing.mjs');
    writeFileSync(file, `import { loadPlanFamily } from 'peaceplan/node';\nconst f = await loadPlanFamily('plans/russia-ukraine-2025');\nconsole.log(f.versions.length, f.errors[0]?.code);\n`);
    expect(run(file)).toEqual(['0 FILE_NOT_FOUND']);
  });
});
