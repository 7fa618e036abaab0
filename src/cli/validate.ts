import type { PlanError } from '../errors.js';
import { formatError, painter } from '../render/text.js';
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
  const strict = args.options.has('strict');
  const family = args.options.get('family');
  const inputs = await readInputs(args.positionals, typeof family === 'string' ? { family } : {});
  const errors = allProblems(inputs, 'error');
  const warnings = allProblems(inputs, 'warning');
  if (format === 'json') {
    io.stdout.write(JSON.stringify(toJson(inputs, strict), null, 2) + '\n');
  } else {
    const paint = painter(io.color);
    for (const e of [...errors, ...warnings]) {
      // On a terminal the code stands out: red for an error, yellow for a warning.
      const text = formatError(e, linesFor(inputs, e)).replace(` ${e.code}`, ` ${paint(e.severity === 'warning' ? 'yellow' : 'red', e.code)}`);
      io.stdout.write(text + '\n\n');
    }
    for (const f of inputs.files) {
      if (valid(inputs, f, strict)) io.stdout.write(`${paint('green', 'ok')} ${f.file}\n`);
    }
    for (const note of inputs.notes) io.stdout.write(`note: ${note}\n`);
    const invalid = inputs.files.filter((f) => !valid(inputs, f, strict)).length;
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stdout.write(
      `${n(inputs.files.length, 'file')} checked: ${inputs.files.length - invalid} valid, ${invalid} invalid; ` +
        `${n(errors.length, 'error')}, ${n(warnings.length, 'warning')}${strict && warnings.length ? ' (errors under --strict)' : ''}\n`,
    );
  }
  return exitCode(inputs, strict);
}

/** A file is valid when it has no errors, no family problem points into it, and (under --strict) no warnings. */
function valid(inputs: Inputs, f: Inputs['files'][number], strict: boolean): boolean {
  return f.result.ok && !(strict && f.result.warnings.length > 0) && !inputs.familyErrors.some((e) => e.file === f.file);
}

/** 2 when some input could not be read, 1 when something is invalid (or, under --strict, warned about), else 0. */
export function exitCode(inputs: Inputs, strict = false): number {
  if (inputs.trouble) return EXIT.TROUBLE;
  const invalid = inputs.files.some((f) => !valid(inputs, f, strict)) || inputs.familyErrors.length > 0;
  return invalid ? EXIT.FOUND : EXIT.OK;
}

/** Every problem of a severity, file by file, family problems last. */
export function allProblems(inputs: Inputs, severity: 'error' | 'warning'): PlanError[] {
  const own = inputs.files.flatMap((f) => (severity === 'error' ? f.result.errors : f.result.warnings));
  return severity === 'error' ? [...own, ...inputs.familyErrors] : own;
}

function toJson(inputs: Inputs, strict: boolean) {
  const errors = allProblems(inputs, 'error');
  return {
    ok: exitCode(inputs, strict) === EXIT.OK,
    strict,
    files: inputs.files.map((f) => ({
      file: f.file,
      ok: valid(inputs, f, strict),
      errors: f.result.errors.map((e) => e.toJSON()),
      warnings: f.result.warnings.map((e) => e.toJSON()),
    })),
    familyErrors: inputs.familyErrors.map((e) => e.toJSON()),
    notes: inputs.notes,
    errorCount: errors.length,
    warningCount: allProblems(inputs, 'warning').length,
  };
}
