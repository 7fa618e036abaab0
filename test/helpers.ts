import { readFileSync } from 'node:fs';
import type { PlanError, PlanResult } from 'peaceplan';

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
