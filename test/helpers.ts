import { readFileSync } from 'node:fs';
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
