import { readFile } from 'node:fs/promises';
import { applyDiffToYaml, formatPlanYaml } from '../history/edit-file.js';
import type { TextEditResult } from '../history/edit-file.js';
import type { PlanDiff } from '../diff/types.js';
import { readBytes } from '../node/read-file.js';
import { writeFileAtomic } from '../node/write-file.js';
import { formatError } from '../render/text.js';
import { SourceMap } from '../load/source-map.js';
import { DEFAULT_LIMITS } from '../options.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

/** `peaceplan apply <file> <diff.json> [--write]` */
export async function runApply(args: Args, io: CliIO): Promise<number> {
  const [file, diffPath, ...extra] = args.positionals;
  if (!file || !diffPath || extra.length) {
    io.stderr.write('peaceplan apply: name a plan file and a diff (JSON from peaceplan diff --format json) (see peaceplan help apply)\n');
    return EXIT.TROUBLE;
  }
  const bytes = await readBytes(file, DEFAULT_LIMITS.maxBytes);
  if (!(bytes instanceof Uint8Array)) return fail(io, 'apply', [formatError(bytes)]);
  let diff: PlanDiff;
  try {
    const parsed = JSON.parse(await readFile(diffPath, 'utf8')) as { peaceplanDiff?: unknown; diff?: PlanDiff };
    diff = (parsed.peaceplanDiff === 1 ? parsed : parsed.diff) as PlanDiff;
    if (diff?.peaceplanDiff !== 1 || !Array.isArray(diff.clauses)) throw new Error('not a peaceplan diff (peaceplanDiff: 1)');
  } catch (e) {
    return fail(io, 'apply', [`peaceplan apply: cannot read the diff ${diffPath}: ${(e as Error).message}`]);
  }
  let result: TextEditResult;
  try {
    result = applyDiffToYaml(new TextDecoder().decode(bytes), diff, { file });
  } catch (e) {
    return fail(io, 'apply', [`peaceplan apply: ${diffPath} is not a well-formed diff: ${(e as Error).message}`]);
  }
  return finish(io, 'apply', file, bytes, result, args.options.has('write'));
}

/** `peaceplan fmt <file> [--write|--check]` */
export async function runFmt(args: Args, io: CliIO): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length || (args.options.has('write') && args.options.has('check'))) {
    io.stderr.write('peaceplan fmt: name one plan file, with --write or --check or neither (see peaceplan help fmt)\n');
    return EXIT.TROUBLE;
  }
  const bytes = await readBytes(file, DEFAULT_LIMITS.maxBytes);
  if (!(bytes instanceof Uint8Array)) return fail(io, 'fmt', [formatError(bytes)]);
  const text = new TextDecoder().decode(bytes);
  const result = formatPlanYaml(text, { file });
  if (args.options.has('check') && result.ok) {
    if (result.text === text) return EXIT.OK;
    io.stderr.write(`${file} is not laid out canonically; run peaceplan fmt --write ${file}\n`);
    return EXIT.FOUND;
  }
  return finish(io, 'fmt', file, bytes, result, args.options.has('write'));
}

async function finish(io: CliIO, command: string, file: string, bytes: Uint8Array, result: TextEditResult, write: boolean): Promise<number> {
  if (!result.ok || result.text === undefined) {
    const lines = new SourceMap(new TextDecoder().decode(bytes), file);
    const messages = [
      ...result.errors.map((e) => formatError(e, (n) => lines.lineText(n))),
      ...result.conflicts.map((c) => `${file}: ${c.code} ${c.message}`),
      ...(result.reason ? [`${file}: the file could not be edited faithfully (${result.reason}); it was left as it was`] : []),
    ];
    return fail(io, command, messages);
  }
  if (!write) {
    io.stdout.write(result.text);
    return EXIT.OK;
  }
  const error = await writeFileAtomic(file, result.text, { expected: bytes });
  if (error) return fail(io, command, [formatError(error)]);
  return EXIT.OK;
}

function fail(io: CliIO, command: string, messages: readonly string[]): number {
  for (const m of messages) io.stderr.write(`${m}\n\n`);
  io.stderr.write(`peaceplan ${command}: nothing was written\n`);
  return EXIT.TROUBLE;
}
