import type { PlanError } from '../errors.js';
import type { ParseResult } from '../parse-plan.js';
import { formatError } from '../render/text.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

/**
 * The results to report for a family that did not load: its broken files, and
 * each family-wide problem shown with the lines of the file it points into.
 */
export function familyTrouble(family: { files: readonly ParseResult[]; errors: readonly PlanError[]; stakeholders?: ParseResult; positions?: ParseResult }): ParseResult[] {
  const all: ParseResult[] = [...(family.stakeholders ? [family.stakeholders] : []), ...family.files, ...(family.positions ? [family.positions] : [])];
  const ofFamily = family.errors.flatMap((e) => {
    const file = all.find((r) => r.sourceMap.file === e.file) ?? all[0];
    return file ? [{ ...file, errors: [e] }] : [];
  });
  return [...all.filter((r) => !r.ok), ...ofFamily];
}

/** Prints every problem once, with the lines of the file it is in, and returns exit code 2. */
export function reportTrouble(io: CliIO, command: string, failed: readonly ParseResult[]): number {
  const seen = new Set<string>();
  for (const r of failed) {
    for (const e of r.errors) {
      const id = `${e.file}:${e.line}:${e.col}:${e.code}:${e.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      io.stderr.write(formatError(e, e.file === r.sourceMap.file ? (n) => r.sourceMap.lineText(n) : undefined) + '\n\n');
    }
  }
  io.stderr.write(`peaceplan ${command}: fix the problems above first\n`);
  return EXIT.TROUBLE;
}
