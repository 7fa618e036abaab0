import { FIELD_ORDER } from '../model/field-order.js';
import type { FamilyTerms, Plan } from '../model/types.js';
import type { PlanResult } from '../parse-plan.js';
import { rewriteYaml } from '../load/rewrite-yaml.js';
import { blame } from '../history/blame.js';
import { clauseHistory } from '../history/clause-history.js';
import { mergePlans } from '../history/merge.js';
import { timeline } from '../history/timeline.js';
import { toYaml } from '../load/write-yaml.js';
import { formatPlanYaml } from '../edit/edit-file.js';
import { closest } from '../util/closest.js';
import { familyOptions, loadPlan, loadPlanFamily } from '../node/load-plan.js';
import { describeClause } from '../diff/describe-clause.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { emit } from './output.js';
import { familyTrouble, reportTrouble } from './trouble.js';

/** Loads a family folder for a history command, or reports why it cannot. */
async function family(io: CliIO, command: string, dir: string | undefined) {
  if (!dir) {
    io.stderr.write(`peaceplan ${command}: name a family folder (see peaceplan help ${command})\n`);
    return undefined;
  }
  const f = await loadPlanFamily(dir);
  const versionsBroken = f.files.some((r) => !r.ok) || f.errors.length > 0 || f.versions.length === 0;
  if (versionsBroken) {
    const failed = familyTrouble({ files: f.files, errors: f.errors });
    if (failed.length === 0) io.stderr.write(`peaceplan ${command}: no versions in ${dir}\n`);
    reportTrouble(io, command, failed);
    return undefined;
  }
  return f;
}

/** `peaceplan log <dir> [--format text|json]` */
export async function runLog(args: Args, io: CliIO, format: string): Promise<number> {
  const f = await family(io, 'log', args.positionals[0]);
  if (!f) return EXIT.TROUBLE;
  const entries = timeline(f.versions, familyTerms(f));
  if (format === 'json') io.stdout.write(JSON.stringify(entries, null, 2) + '\n');
  else for (const e of entries) io.stdout.write(`${e.version}  ${e.date}  ${e.parent ? `← ${e.parent}` : '(original)'}${e.authors.length ? `  by ${e.authors.join(', ')}` : ''}\n    ${e.title}\n    ${e.summary}\n`);
  return EXIT.OK;
}

/** `peaceplan history <dir> <clause-id> [--format text|json]` */
export async function runHistory(args: Args, io: CliIO, format: string): Promise<number> {
  const [dir, id] = args.positionals;
  if (!id) {
    io.stderr.write('peaceplan history: name a family folder and a clause id (see peaceplan help history)\n');
    return EXIT.TROUBLE;
  }
  const f = await family(io, 'history', dir);
  if (!f) return EXIT.TROUBLE;
  const h = clauseHistory(f.versions, id, familyTerms(f));
  if (h.presentIn.length === 0) {
    const guess = closest(id, [...new Set(f.versions.flatMap((v) => v.clauses.map((c) => c.id)))]);
    io.stderr.write(`peaceplan history: no version of ${dir} has a clause \`${id}\`${guess ? `; did you mean \`${guess}\`?` : ''}\n`);
    return EXIT.TROUBLE;
  }
  if (format === 'json') {
    io.stdout.write(JSON.stringify(h, null, 2) + '\n');
    return EXIT.OK;
  }
  for (const s of h.steps) {
    const state = s.state ? `${s.id ? `as \`${s.id}\`, ` : ''}${s.state.number !== undefined ? `clause ${s.state.number}` : 'unnumbered clause'}, ${s.state.status}, ${s.state.certainty}: ${s.state.title}` : 'not in this version';
    io.stdout.write(`${s.version}  ${s.date}  ${s.parent ? `← ${s.parent}` : '(original)'}\n    ${state}\n`);
    if (s.change) io.stdout.write(`    ${describeClause(s.change)}\n`);
    if (s.state) for (const [k, v] of Object.entries(s.state.terms)) io.stdout.write(`      ${k}: ${JSON.stringify(v)}\n`);
  }
  return EXIT.OK;
}

/** `peaceplan blame <dir> <version> [--format text|json]` */
export async function runBlame(args: Args, io: CliIO, format: string): Promise<number> {
  const [dir, version] = args.positionals;
  if (!version) {
    io.stderr.write('peaceplan blame: name a family folder and a version (see peaceplan help blame)\n');
    return EXIT.TROUBLE;
  }
  const f = await family(io, 'blame', dir);
  if (!f) return EXIT.TROUBLE;
  const b = blame(f.versions, version, familyTerms(f));
  if (!b) {
    io.stderr.write(`peaceplan blame: ${dir} has no version \`${version}\`; its versions: ${f.versions.map((v) => v.version).join(', ')}\n`);
    return EXIT.TROUBLE;
  }
  if (format === 'json') {
    io.stdout.write(JSON.stringify(b, null, 2) + '\n');
    return EXIT.OK;
  }
  io.stdout.write(`${b.version}, lineage ${b.lineage.join(' → ')}\n`);
  const width = Math.max(...b.lineage.map((v) => v.length));
  for (const c of b.clauses) {
    io.stdout.write(`${c.lastChanged.version.padEnd(width)}  ${(c.number ?? '–').padStart(4)} ${c.clause}  (since ${c.since.version}; text ${c.text.version})\n`);
    for (const [term, ref] of Object.entries(c.terms)) io.stdout.write(`${ref.version.padEnd(width)}         ${term}\n`);
  }
  return EXIT.OK;
}

/** `peaceplan merge <base> <ours> <theirs> [-o out.yaml] [--as version-id] [--format yaml|json]` */
export async function runMerge(args: Args, io: CliIO, format: string): Promise<number> {
  const paths = args.positionals;
  if (paths.length !== 3) {
    io.stderr.write('peaceplan merge: name three plan files: the base, ours, theirs (see peaceplan help merge)\n');
    return EXIT.TROUBLE;
  }
  const version = args.options.get('as');
  const out = args.options.get('output');
  return mergeFiles(paths, io, format, { ...(typeof version === 'string' ? { version } : {}), ...(typeof out === 'string' ? { output: out } : {}) });
}

/** Where a merge goes and what it reads besides the three files. */
export interface MergeFilesOptions {
  /** The merged version's id. */
  version?: string;
  /** The file to write; stdout without. */
  output?: string;
  /** The family folder to read stakeholders and terms from (for files outside it, as git's temporary copies are). */
  family?: string;
  /** The name to give the result in messages (git's %P: the file in the work tree, not git's temporary copy). */
  shownAs?: string;
}

/** Merges three plan files; the exit code of `peaceplan merge`. */
export async function mergeFiles(paths: readonly string[], io: CliIO, format: string, options: MergeFilesOptions): Promise<number> {
  const context = options.family ? await familyOptions(options.family) : {};
  const loaded = await Promise.all(paths.map((p) => loadPlan(p, context)));
  const failed = loaded.filter((r) => !r.ok);
  const [base, ours, theirs] = loaded.map((r) => r.plan);
  if (failed.length || !base || !ours || !theirs) return reportTrouble(io, 'merge', failed);
  const result = mergePlans(base, ours, theirs, options.version ? { version: options.version } : {});
  const text = format === 'json' ? JSON.stringify(result, null, 2) + '\n' : mergedText(loaded[1] as PlanResult, result.plan);
  const out = options.output;
  const failedWrite = await emit(io, text, out);
  if (failedWrite !== undefined) return failedWrite;
  for (const c of result.conflicts) io.stderr.write(`conflict: ${c.clause ?? '(plan)'} ${c.field}: ${c.says}\n`);
  const n = result.conflicts.length;
  const where = options.shownAs ?? out;
  if (n) io.stderr.write(`peaceplan merge: ${n} conflict${n === 1 ? '' : 's'}; conflicted clauses are bracketed${typeof where === 'string' ? ` in ${where}` : ''} with the other reading beside them\n`);
  return result.clean ? EXIT.OK : EXIT.FOUND;
}

/**
 * The merged version written as ours' file edited: its comments, modeline, key order and
 * flow or block layout kept, only what the merge changed rewritten. Where that cannot be
 * done faithfully, the merged version in canonical layout, as `peaceplan fmt` leaves it.
 */
function mergedText(ours: PlanResult, merged: Plan): string {
  const edited = rewriteYaml(ours.text, ours.data, JSON.parse(JSON.stringify(merged)) as unknown, { order: FIELD_ORDER });
  if (edited.ok) return edited.text;
  const yaml = toYaml(merged);
  return formatPlanYaml(yaml).text ?? yaml;
}

/** The family's own topics and terms, when its folder has a terms.yaml, for diffs that tell them by kind. */
function familyTerms(f: { terms?: { terms?: FamilyTerms } }): { terms?: FamilyTerms } {
  return f.terms?.terms ? { terms: f.terms.terms } : {};
}
