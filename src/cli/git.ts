import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { diffPlans } from '../diff/diff-plans.js';
import { SourceMap } from '../load/source-map.js';
import { familyOptions, loadPlan } from '../node/load-plan.js';
import { carriedVersionsBeside } from '../node/carried-versions.js';
import type { LoadOptions } from '../node/load-plan.js';
import { fileError } from '../node/read-file.js';
import { parsePlan } from '../parse-plan.js';
import type { PlanResult } from '../parse-plan.js';
import { renderDiffText } from '../render/diff-text.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

/** Where git puts a side that does not exist (an added or deleted file). */
const NO_FILE = '/dev/null';

/**
 * `peaceplan git-diff <path> <old-file> <old-hex> <old-mode> <new-file> <new-hex> <new-mode>`:
 * the diff driver git calls (`diff.peaceplan.command`), with the seven arguments of its
 * external-diff contract. Prints the semantic diff of the two versions under a header
 * naming the path. The family's stakeholders and terms are read from the working tree's
 * folder of `path` (git hands over temporary copies). Always exits 0 once it has
 * printed something, as git stops a `git diff` at a driver that fails; a side that
 * cannot be read is reported and not compared.
 */
export async function runGitDiff(args: Args, io: CliIO): Promise<number> {
  const [path, oldFile, , , newFile, ...rest] = args.positionals;
  if (!path || !oldFile || !newFile || rest.length !== 2) {
    io.stderr.write('peaceplan git-diff: git calls this with seven arguments (path, old file, hex, mode, new file, hex, mode); see peaceplan help git-diff\n');
    return EXIT.TROUBLE;
  }
  io.stdout.write(`peaceplan diff ${path}\n`);
  const options = await familyOptions(dirname(path));
  const terms = options.terms;
  const read = (file: string) => (file === NO_FILE ? Promise.resolve(undefined) : loadPlan(file, options));
  const [a, b] = await Promise.all([read(oldFile), read(newFile)]);
  if (!a || !b) {
    const there = (a ?? b) as PlanResult;
    const clauses = there.plan ? `, ${there.plan.clauses.length} clauses` : '';
    io.stdout.write(`${a ? 'deleted' : 'new'} file${there.plan ? `: version ${there.plan.version}` : ''}${clauses}\n`);
    return EXIT.OK;
  }
  const broken = [a, b].filter((r) => !r.plan);
  if (broken.length) {
    // Positions in a temporary copy mean nothing to the reader: name the side instead.
    for (const r of broken) {
      const side = r === a ? 'the old version' : 'the new version';
      io.stdout.write(`${side} of ${path} is not a valid plan, so it is not compared:\n`);
      for (const e of r.errors.slice(0, 20)) io.stdout.write(`  ${path}:${e.line}:${e.col} ${e.code} ${e.message}\n`);
    }
    return EXIT.OK;
  }
  const [pa, pb] = [a.plan as NonNullable<PlanResult['plan']>, b.plan as NonNullable<PlanResult['plan']>];
  const versions = await carriedVersionsBeside([pa, pb], path, options);
  io.stdout.write(renderDiffText(diffPlans(pa, pb, { versions, ...(terms ? { terms } : {}) }), { color: io.color === true }));
  return EXIT.OK;
}

/**
 * `peaceplan git-merge <base> <ours> <theirs> <path>`: the merge driver git calls
 * (`merge.peaceplan.driver = peaceplan git-merge %O %A %B %P`). Merges as `peaceplan
 * merge` does, reading the family's stakeholders and terms from the working tree's
 * folder of `path`, and writes the result over `ours` (%A), as git's contract asks: exit
 * 0 when clean, 1 with conflicts (bracketed in the file), 2 when it could not merge (git
 * then reports a conflict and leaves ours as it was).
 */
export async function runGitMerge(args: Args, io: CliIO): Promise<number> {
  const [base, ours, theirs, path, ...extra] = args.positionals;
  if (!base || !ours || !theirs || !path || extra.length) {
    io.stderr.write('peaceplan git-merge: git calls this with four arguments (%O %A %B %P); see peaceplan help git-merge\n');
    return EXIT.TROUBLE;
  }
  const { mergeFiles } = await import('./history.js');
  return mergeFiles([base, ours, theirs], io, 'yaml', { output: ours, family: dirname(path), shownAs: path });
}

/** `rev:path` as git names a file at a revision (`HEAD~1:plans/x.yaml`), when `arg` is not a file on disk. */
export function gitRevisionPath(arg: string): { rev: string; path: string } | undefined {
  if (existsSync(arg)) return undefined;
  const m = /^([^:\s]+):(.+)$/.exec(arg);
  return m && m[1] && m[2] && !/^[a-zA-Z]$/.test(m[1]) ? { rev: m[1], path: m[2] } : undefined;
}

/**
 * A plan read from git at a revision, checked like a file of the working tree's folder of
 * its path (stakeholders, terms). Errors name `rev:path`; a revision or path git does not
 * know is a FILE_NOT_FOUND with git's own words.
 */
export async function loadPlanAt(arg: string, rev: string, path: string, options: LoadOptions = {}): Promise<PlanResult> {
  const shown = spawnSync('git', ['show', `${rev}:${path}`], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  if (shown.error || shown.status !== 0) {
    const why = shown.error ? shown.error.message : shown.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    const error = fileError('FILE_NOT_FOUND', arg, `git has no ${path} at ${rev}: ${why}`, 'name a revision and a path git knows, as in git show HEAD~1:plans/x.yaml');
    return { ok: false, errors: [error], warnings: [], sourceMap: new SourceMap('', arg), text: '' };
  }
  const { stakeholders, terms } = await familyOptions(dirname(path), options);
  return parsePlan(new Uint8Array(shown.stdout), { file: arg, ...(stakeholders ? { stakeholders } : {}), ...(terms ? { terms } : {}) });
}
