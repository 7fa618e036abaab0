import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const plan = JSON.stringify(readFileSync(`${root}test/fixtures/valid/minimal.yaml`, 'utf8'));
const node = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], { cwd: root, encoding: 'utf8' });

describe('the package as users get it', () => {
  it('loads as ESM, core and Node entries', () => {
    const out = node(
      `import { parsePlan, ERROR_CODES } from 'peaceplan';
       import { loadPlan, isPlanError } from 'peaceplan/node';
       const r = parsePlan(${plan});
       const l = await loadPlan('plans/russia-ukraine-2025/us-28-point.yaml');
       const bad = parsePlan('a: 1');
       console.log(r.ok, l.plan.clauses.length, ERROR_CODES.length > 0, isPlanError(bad.errors[0]));`,
      'module',
    );
    expect(out.trim()).toBe('true 28 true true');
  });

  it('loads as CommonJS, core and Node entries, sharing one PlanError class', () => {
    const out = node(
      `const core = require('peaceplan');
       const n = require('peaceplan/node');
       const bad = core.parsePlan('a: 1');
       console.log(core.parsePlan(${plan}).ok, bad.errors[0] instanceof n.PlanError, core.PlanError === n.PlanError);`,
      'commonjs',
    );
    expect(out.trim()).toBe('true true true');
  });

  it('ships the schemas, the drafts and the package.json as subpaths', () => {
    const out = node(
      `const s = require('peaceplan/schemas/plan.schema.json'); const p = require('peaceplan/package.json');
       const draft = require.resolve('peaceplan/plans/russia-ukraine-2025/us-28-point.yaml');
       console.log(s.$id, p.name, require('node:path').basename(draft));`,
      'commonjs',
    );
    expect(out.trim()).toBe('urn:peaceplan:schema:plan:1 peaceplan us-28-point.yaml');
  });

  it('bundles the core for a browser with no Node built-ins, and the bundle works', async () => {
    const result = await build({
      entryPoints: [`${root}src/index.ts`],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'peaceplan',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/require\(["']node:|from ["']node:/);
    // Run it where there is no require, process or Buffer, as in a browser.
    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, console };
    runInNewContext(`${code}; globalThis.result = peaceplan.parsePlan(${plan}).ok;`, sandbox);
    expect(sandbox.result).toBe(true);
  });
});
