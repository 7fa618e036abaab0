/**
 * The package as an app gets it: `npm pack`, the tarball unpacked into a
 * fresh folder's node_modules (its dependencies linked from this checkout, so
 * no network is needed), and every README library example run there as an
 * ES module with plain node, outside the repository (those of the vitest
 * matchers need vitest, and run in test/readme.test.ts); and the Node entry
 * required as CommonJS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
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
    const modules = join(app, 'node_modules');
    mkdirSync(join(modules, 'peaceplan'), { recursive: true });
    execFileSync('tar', ['-xzf', join(packed, name), '-C', join(modules, 'peaceplan'), '--strip-components=1']);
    // The dependencies (and theirs), as an install would give them, linked from this checkout.
    for (const dep of readdirSync(join(root, 'node_modules'))) {
      if (dep === 'peaceplan' || dep.startsWith('.')) continue;
      symlinkSync(join(root, 'node_modules', dep), join(modules, dep));
    }
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
  }, 120_000);

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

  it('says clearly when a path names no family, without throwing', () => {
    const file = join(app, 'missing.mjs');
    writeFileSync(file, `import { loadPlanFamily } from 'peaceplan/node';\nconst f = await loadPlanFamily('plans/russia-ukraine-2025');\nconsole.log(f.versions.length, f.errors[0]?.code);\n`);
    expect(run(file)).toEqual(['0 FILE_NOT_FOUND']);
  });
});
