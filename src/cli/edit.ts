import { applyDiffToYaml, formatPlanYaml, migratePlanYaml } from '../edit/edit-file.js';
import type { ErrorCode } from '../errors.js';
import type { FamilyTerms } from '../model/types.js';
import { POSITIONS_FILE, STAKEHOLDERS_FILE, TERMS_FILE, termsBeside } from '../node/load-plan.js';
import { basename } from 'node:path';

const FAMILY_FILES: Record<string, string> = { [STAKEHOLDERS_FILE]: 'stakeholders', [POSITIONS_FILE]: 'positions', [TERMS_FILE]: 'terms' };
import type { TextEditResult } from '../edit/edit-file.js';
import type { PlanDiff } from '../diff/types.js';
import { readBytes } from '../node/read-file.js';
import { writeFileAtomic } from '../node/write-file.js';
import { formatError } from '../render/text.js';
import { SourceMap } from '../load/source-map.js';
import { DEFAULT_LIMITS } from '../options.js';
import { parsePlan } from '../parse-plan.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { familyTermsOption } from './inputs.js';

/** How many times the largest plan a diff read by `apply` may be: 64 MiB by default. */
export const DIFF_SIZE_FACTOR = 8;

/** `peaceplan apply <file> <diff.json> [--write]` */
export async function runApply(args: Args, io: CliIO): Promise<number> {
  const [file, diffPath, ...extra] = args.positionals;
  if (!file || !diffPath || extra.length) {
    io.stderr.write('peaceplan apply: name a plan file and a diff (JSON from peaceplan diff --format json) (see peaceplan help apply)\n');
    return EXIT.TROUBLE;
  }
  const input = await readPlanText(io, 'apply', file, args);
  if (typeof input === 'number') return input;
  // A diff carries both sides of every changed clause and word-level edits: it may be several times the plans' size.
  const diffBytes = await readBytes(diffPath, DIFF_SIZE_FACTOR * DEFAULT_LIMITS.maxBytes);
  if (!(diffBytes instanceof Uint8Array)) return fail(io, 'apply', [formatError(diffBytes)]);
  let diff: PlanDiff;
  try {
    const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(diffBytes)) as { peaceplanDiff?: unknown; diff?: PlanDiff };
    diff = (parsed.peaceplanDiff !== undefined ? parsed : parsed.diff) as PlanDiff;
    if ((diff?.peaceplanDiff as unknown) === 1) throw new Error('it is in the format of an earlier peaceplan (peaceplanDiff: 1); make it again with peaceplan diff --format json');
    if (diff?.peaceplanDiff !== 2 || !Array.isArray(diff.clauses)) throw new Error('not a peaceplan diff (peaceplanDiff: 2)');
  } catch (e) {
    return fail(io, 'apply', [`peaceplan apply: cannot read the diff ${diffPath}: ${(e as Error).message}`]);
  }
  let result: TextEditResult;
  try {
    result = applyDiffToYaml(input.text, diff, { file, ...input.options });
  } catch (e) {
    return fail(io, 'apply', [`peaceplan apply: ${diffPath} is not a well-formed diff: ${(e as Error).message}`]);
  }
  return finish(io, 'apply', file, input, result, args.options.has('write'));
}

/** `peaceplan fmt <file> [--write|--check]` */
export async function runFmt(args: Args, io: CliIO): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length || (args.options.has('write') && args.options.has('check'))) {
    io.stderr.write('peaceplan fmt: name one plan file, with --write or --check or neither (see peaceplan help fmt)\n');
    return EXIT.TROUBLE;
  }
  const input = await readPlanText(io, 'fmt', file, args);
  if (typeof input === 'number') return input;
  const result = formatPlanYaml(input.text, { file, ...input.options });
  if (args.options.has('check') && result.ok) {
    if (result.text === input.text) return EXIT.OK;
    io.stderr.write(`${file} is not laid out canonically; run peaceplan fmt --write ${file}\n`);
    return EXIT.FOUND;
  }
  return finish(io, 'fmt', file, input, result, args.options.has('write'));
}

/** `peaceplan migrate <file> [--write]`: a version-1 plan file in format 2, the clauses to look at again on stderr. */
export async function runMigrate(args: Args, io: CliIO): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    io.stderr.write('peaceplan migrate: name one plan file (see peaceplan help migrate)\n');
    return EXIT.TROUBLE;
  }
  const input = await readPlanText(io, 'migrate', file, args, 'NEEDS_FORMAT_2');
  if (typeof input === 'number') return input;
  const result = migratePlanYaml(input.text, { file, ...input.options });
  if (result.ok && result.review.length) {
    io.stderr.write(`${file}: ${result.review.length} clause${result.review.length === 1 ? ' is' : 's are'} \`unconfirmed\` (${result.review.join(', ')}); where one is carried over from another version without being seen, say so with \`presence: assumed\` or \`unknown\` and \`carriedFrom\`\n`);
  }
  return finish(io, 'migrate', file, input, result, args.options.has('write'));
}

/**
 * A plan file's bytes and text, its byte-order mark kept; a file that is not
 * a valid plan (invalid UTF-8 included) is reported with its positions and
 * gives exit code 2.
 */
async function readPlanText(io: CliIO, command: string, file: string, args: Args, tolerated?: ErrorCode): Promise<{ bytes: Uint8Array; text: string; options: { terms?: FamilyTerms } } | number> {
  // A family's other files are not plan versions: say so rather than list the plan fields they lack.
  const kind = FAMILY_FILES[basename(file)];
  if (kind) {
    io.stderr.write(`peaceplan ${command}: ${file} is the family's ${kind} file; ${command} works on plan files (the versions)\n`);
    return EXIT.TROUBLE;
  }
  const bytes = await readBytes(file, DEFAULT_LIMITS.maxBytes);
  if (!(bytes instanceof Uint8Array)) return fail(io, command, [formatError(bytes)]);
  // The family's own topics and terms: those of the folder --family names, else of a terms.yaml beside the file.
  const family = args.options.get('family');
  const named = typeof family === 'string' ? await familyTermsOption(family) : undefined;
  if (Array.isArray(named)) return fail(io, command, named);
  // As validate --family reads it: a family folder without a terms.yaml leaves the one beside the file to count.
  const terms = named?.terms ?? (await termsBeside(file));
  const options = terms ? { terms } : {};
  const parsed = parsePlan(bytes, { file, ...options });
  // migrate reads a version-1 file that already uses format-2 fields: the errors it is there to remove.
  const errors = parsed.errors.filter((e) => e.code !== tolerated);
  if (errors.length) return fail(io, command, errors.map((e) => formatError(e, (n) => parsed.sourceMap.lineText(n))));
  return { bytes, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), options };
}

async function finish(io: CliIO, command: string, file: string, input: { bytes: Uint8Array; text: string }, result: TextEditResult, write: boolean): Promise<number> {
  if (!result.ok || result.text === undefined) {
    // Errors about a refused result point into that result, not into the file.
    const lines = new SourceMap(result.refused ?? input.text, file);
    const messages = [
      ...result.errors.map((e) => formatError(e, (n) => lines.lineText(n))),
      ...result.conflicts.map((c) => `${file}: ${c.code} ${c.message}`),
      ...(result.refused !== undefined
        ? [`${file}: the diff would make it an invalid plan (above); it was left as it was`]
        : result.reason
          ? [`${file}: the file could not be edited faithfully (${result.reason}); it was left as it was`]
          : []),
    ];
    return fail(io, command, messages);
  }
  if (!write) {
    io.stdout.write(result.text);
    return EXIT.OK;
  }
  const error = await writeFileAtomic(file, result.text, { expected: input.bytes });
  if (error) return fail(io, command, [formatError(error)]);
  return EXIT.OK;
}

function fail(io: CliIO, command: string, messages: readonly string[]): number {
  for (const m of messages) io.stderr.write(`${m}\n\n`);
  io.stderr.write(`peaceplan ${command}: nothing was written\n`);
  return EXIT.TROUBLE;
}
