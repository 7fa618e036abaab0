import { formatError, formatSummary } from '../render/text.js';
import { summarizePlan } from '../summary/summarize-plan.js';
import type { Args } from './args.js';
import { linesFor, readInputs } from './inputs.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { allProblems, exitCode } from './validate.js';

/** `peaceplan summary <file|dir>...` */
export async function runSummary(args: Args, io: CliIO, format: 'text' | 'json'): Promise<number> {
  if (args.positionals.length === 0) {
    io.stderr.write('peaceplan summary: name at least one file or folder (see peaceplan help summary)\n');
    return EXIT.TROUBLE;
  }
  const inputs = await readInputs(args.positionals);
  const summaries = inputs.versions.map(summarizePlan);
  const errors = allProblems(inputs, 'error');
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ versions: summaries, errors: errors.map((e) => e.toJSON()) }, null, 2) + '\n');
  } else {
    for (const e of errors) io.stdout.write(formatError(e, linesFor(inputs, e)) + '\n\n');
    io.stdout.write(summaries.map(formatSummary).join('\n\n') + (summaries.length ? '\n' : ''));
  }
  return exitCode(inputs);
}
