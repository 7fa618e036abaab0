import type { ParseResult } from '../parse-plan.js';
import { formatError } from '../render/text.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

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
