import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { applyDiff, reverseDiff } from 'peaceplan';
import type { FamilyTerms, Plan, PlanDiff, PlanError, PlanResult } from 'peaceplan';
import { cli } from '../src/cli/cli.js';

/** The project root, as a URL ending in '/'. */
export const ROOT = new URL('../', import.meta.url);

/** The bytes of a file below the project root. */
export function bytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, ROOT)));
}

/** The text of a file below the project root. */
export function text(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

/** Errors and warnings as [code, line, col] triples, in report order. */
export function where(result: Pick<PlanResult, 'errors' | 'warnings'>): Array<[string, number, number]> {
  return [...result.errors, ...result.warnings].map((e: PlanError) => [e.code, e.line, e.col]);
}

/** A small valid plan; tests change one thing in it. */
export const MINIMAL = text('test/fixtures/valid/minimal.yaml');

/** Runs the CLI in-process with captured output. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** The diff laws for one pair of versions: applying `diff` to `a` gives `b`, and its reverse applied to `b` gives `a`. */
export function expectRoundTrip(a: Plan, b: Plan, diff: PlanDiff, terms?: FamilyTerms): void {
  const forward = applyDiff(a, diff);
  expect(forward.conflicts).toEqual([]);
  expect(forward.plan).toEqual(b);
  const back = applyDiff(b, reverseDiff(diff, terms ? { terms } : {}));
  expect(back.conflicts).toEqual([]);
  expect(back.plan).toEqual(a);
}

/**
 * A copy of the positions fixture family with a third version, v3, in which v2's `cap` is
 * rewritten as `force-size` (another id, title, wording and kind of number): close enough to
 * be a possible pair, too far to be followed. Returns the folder.
 */
export function familyWithRenamedClause(): string {
  const dir = mkdtempSync(join(tmpdir(), 'peaceplan-lost-'));
  cpSync('test/fixtures/positions', dir, { recursive: true });
  const v2 = readFileSync(join(dir, 'v2.yaml'), 'utf8');
  const [start, end] = [v2.indexOf('  - id: cap\n'), v2.indexOf('  - id: cap-navy')];
  const renamed =
    '  - id: force-size\n    number: "9"\n    topic: military-limits\n    title: Size of the armed forces\n' +
    '    text: The forces of A may number at most 650,000 soldiers in peacetime.\n    terms: { party: a, personnelLevel: 650000 }\n' +
    '    status: proposed\n    certainty: reported\n    sources: [s1]\n';
  const v3 = (v2.slice(0, start) + v2.slice(end)).replace('peaceplan: 1', 'peaceplan: 2').replace('version: v2', 'version: v3').replace('parent: v1', 'parent: v2').replace('date: 2025-02-01', 'date: 2025-03-01');
  writeFileSync(join(dir, 'v3.yaml'), `${v3.trimEnd()}\n${renamed}`);
  return dir;
}

/** The TypeScript examples of the README, in order. */
export function readmeExamples(): string[] {
  return [...text('README.md').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** The trailing `// ` comment lines of a README example: what it prints. */
export function expectedOutput(code: string): string[] {
  const lines = code.trimEnd().split('\n');
  const out: string[] = [];
  while (lines.length && lines[lines.length - 1]?.startsWith('// ')) out.unshift((lines.pop() ?? '').slice(3));
  return out;
}
