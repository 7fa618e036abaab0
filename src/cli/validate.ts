import type { PlanError } from '../errors.js';
import { formatError } from '../render/text.js';
import type { Args } from './args.js';
import { readInputs, linesFor } from './inputs.js';
import type { Inputs } from './inputs.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

/** `peaceplan validate <file|dir>...` */
export async function runValidate(args: Args, io: CliIO, format: 'text' | 'json'): Promise<number> {
  if (args.positionals.length === 0) {
    io.stderr.write('peaceplan validate: name at least one file or folder (see peaceplan help validate)\n');
    return EXIT.TROUBLE;
  }
  const inputs = await readInputs(args.positionals);
  const errors = allProblems(inputs, 'error');
  const warnings = allProblems(inputs, 'warning');
  if (format === 'json') {
    io.stdout.write(JSON.stringify(toJson(inputs), null, 2) + '\n');
  } else {
    for (const e of [...errors, ...warnings]) io.stdout.write(formatError(e, linesFor(inputs, e)) + '\n\n');
    for (const f of inputs.files) {
      if (f.result.ok) io.stdout.write(`ok ${f.file}\n`);
    }
    const invalid = inputs.files.filter((f) => !f.result.ok).length;
    io.stdout.write(
      `${inputs.files.length} files checked: ${inputs.files.length - invalid} valid, ${invalid} invalid; ` +
        `${errors.length} errors, ${warnings.length} warnings\n`,
    );
  }
  return exitCode(inputs);
}

/** 2 when some input could not be read, 1 when something is invalid, else 0. */
export function exitCode(inputs: Inputs): number {
  if (inputs.trouble) return EXIT.TROUBLE;
  const invalid = inputs.files.some((f) => !f.result.ok) || inputs.familyErrors.length > 0;
  return invalid ? EXIT.FOUND : EXIT.OK;
}

/** Every problem of a severity, file by file, family problems last. */
export function allProblems(inputs: Inputs, severity: 'error' | 'warning'): PlanError[] {
  const own = inputs.files.flatMap((f) => (severity === 'error' ? f.result.errors : f.result.warnings));
  return severity === 'error' ? [...own, ...inputs.familyErrors] : own;
}

function toJson(inputs: Inputs) {
  const errors = allProblems(inputs, 'error');
  return {
    ok: exitCode(inputs) === EXIT.OK,
    files: inputs.files.map((f) => ({
      file: f.file,
      ok: f.result.ok,
      errors: f.result.errors.map((e) => e.toJSON()),
      warnings: f.result.warnings.map((e) => e.toJSON()),
    })),
    familyErrors: inputs.familyErrors.map((e) => e.toJSON()),
    errorCount: errors.length,
    warningCount: allProblems(inputs, 'warning').length,
  };
}
