import { stat } from 'node:fs/promises';
import type { PlanError } from '../errors.js';
import type { FamilyTerms, Plan } from '../model/types.js';
import { formatError } from '../render/text.js';
import type { ParseResult, PlanResult } from '../parse-plan.js';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadPlan, loadPlanFamily, loadStakeholders, loadTerms, POSITIONS_FILE, STAKEHOLDERS_FILE, TERMS_FILE } from '../node/load-plan.js';
import { checkFamily, namesAbsentVersion } from '../validate/check-family.js';
import { positionsFor } from './positions.js';

/** One file as the CLI reports it. */
export interface CheckedFile {
  file: string;
  result: ParseResult;
}

/** What the CLI read from its path arguments. */
export interface Inputs {
  files: CheckedFile[];
  /** Problems of whole families, each pointing into one of `files`. */
  familyErrors: PlanError[];
  /** Valid versions, lineage order within each family. */
  versions: Plan[];
  /** True when some path could not be read at all. */
  trouble: boolean;
  /** Checks that could not run on a file read on its own (no family folder around it), one sentence each. */
  notes: string[];
}

/**
 * Loads each path: a folder as a plan family, anything else as one plan file.
 * With `family` (a family folder), each plan file is read with that folder's
 * terms and stakeholders and checked with its versions, as if it stood among
 * them (in place of the version of the same id or file there).
 */
export async function readInputs(paths: readonly string[], options: { family?: string } = {}): Promise<Inputs> {
  const out: Inputs = { files: [], familyErrors: [], versions: [], trouble: false, notes: [] };
  const single: Array<{ path: string; result: PlanResult }> = [];
  const home = options.family !== undefined ? await loadPlanFamily(options.family) : undefined;
  // A family folder that cannot be read says nothing to check against: that alone is reported.
  if (home && home.files.length === 0 && !home.stakeholders && !home.terms) return { ...out, familyErrors: home.errors, trouble: true };
  // The family's own terms or stakeholders that cannot be read are reported: the files checked against them are not.
  for (const r of [home?.terms, home?.stakeholders]) if (r && !r.ok) out.files.push({ file: r.sourceMap.file, result: r });
  const terms = home?.terms?.terms;
  const stakeholders = home?.stakeholders?.stakeholders;
  const within = { ...(terms ? { terms } : {}), ...(stakeholders ? { stakeholders } : {}) };
  for (const path of paths) {
    const isDir = await stat(path).then((s) => s.isDirectory(), () => false);
    if (isDir) {
      const family = await loadPlanFamily(path);
      if (family.terms) out.files.push({ file: family.terms.sourceMap.file, result: family.terms });
      if (family.stakeholders) out.files.push({ file: family.stakeholders.sourceMap.file, result: family.stakeholders });
      for (const f of family.files) out.files.push({ file: f.sourceMap.file, result: f });
      if (family.positions) out.files.push({ file: family.positions.sourceMap.file, result: family.positions });
      out.familyErrors.push(...family.errors);
      out.versions.push(...family.versions);
      if (family.files.length === 0 && !family.stakeholders && !family.terms) out.trouble = true; // an unreadable folder, or not a family's
    } else if (basename(path) === TERMS_FILE) {
      out.files.push({ file: path, result: await loadTerms(path) });
    } else if (basename(path) === STAKEHOLDERS_FILE) {
      out.files.push({ file: path, result: await loadStakeholders(path) });
    } else if (basename(path) === POSITIONS_FILE) {
      out.files.push({ file: path, result: await positionsFor(path, out.versions, undefined) });
    } else {
      const result = await loadPlan(path, home ? within : {});
      out.files.push({ file: path, result });
      if (result.plan) out.versions.push(result.plan);
      single.push({ path, result });
    }
  }
  // Versions named one by one are checked together as far as they go: their lineage, carried and removed clauses.
  // A file named twice is one version.
  const named = single.filter((f, i) => f.result.plan && single.findIndex((g) => resolve(g.path) === resolve(f.path)) === i);
  const families = new Map<string, PlanResult[]>();
  for (const f of named) families.set((f.result.plan as Plan).plan, [...(families.get((f.result.plan as Plan).plan) ?? []), f.result]);
  const together = new Set<string>();
  if (home) {
    // Checked among the family's versions; a version of the folder the named files stand for (same file or id) steps aside.
    const ids = new Set(named.map((f) => (f.result.plan as Plan).version));
    const paths = new Set(named.map((f) => resolve(f.path)));
    const others = home.files.filter((f) => !paths.has(resolve(f.sourceMap.file)) && !(f.plan && ids.has(f.plan.version)));
    const files = new Set(named.map((f) => f.result.sourceMap.file));
    // A folder that holds none of the family's versions (its stakeholders or terms only) has no parent to find:
    // as with versions named one by one, only what the named ones show counts, and the note says what was not checked.
    const lineage = (e: PlanError) => others.length > 0 || !namesAbsentVersion(e);
    const found = checkFamily([...others, ...named.map((f) => f.result)], stakeholders?.plan).errors.filter((e) => files.has(e.file));
    out.familyErrors.push(...found.filter(lineage));
    const unchecked = new Set(found.filter((e) => !lineage(e)).map((e) => e.file));
    for (const f of named) {
      if (!unchecked.has(f.result.sourceMap.file)) continue;
      const plan = f.result.plan as Plan;
      const names = [...new Set([plan.parent, ...plan.clauses.map((c) => c.carriedFrom), ...(plan.removed ?? []).map((r) => r.from), ...(plan.added ?? []).map((r) => r.since)].filter((v): v is string => typeof v === 'string'))];
      out.notes.push(`${f.path} names ${names.map((v) => `\`${v}\``).join(', ')} of its family, not checked: ${options.family} holds no version of the family`);
    }
    out.versions.push(...others.flatMap((f) => (f.plan ? [f.plan] : [])));
    families.clear();
  }
  for (const results of families.values()) {
    if (results.length < 2) continue;
    // Versions left unnamed are not missing from the family: only what the named ones show counts.
    out.familyErrors.push(...checkFamily(results).errors.filter((e) => !namesAbsentVersion(e)));
    for (const r of results) together.add(`${r.plan?.plan}/${r.plan?.version}`);
  }
  for (const { path, result } of single) {
    const family = result.plan?.plan;
    const note = home ? undefined : aloneNote(path, result, (v) => family !== undefined && together.has(`${family}/${v}`));
    if (note) out.notes.push(note);
  }
  out.trouble ||= out.files.some((f) => f.result.errors.some((e) => e.code === 'FILE_NOT_FOUND' || e.code === 'READ_FAILED'));
  return out;
}

/** The source lines of the file an error points into, for code frames. */
export function linesFor(inputs: Inputs, error: PlanError): ((line: number) => string) | undefined {
  const found = inputs.files.find((f) => f.file === error.file);
  return found ? (line) => found.result.sourceMap.lineText(line) : undefined;
}

/**
 * The terms of the family folder `--family` names, for a command that reads one plan file with them:
 * none when the folder has no terms.yaml; the problems, formatted, when the folder cannot be read
 * or its terms.yaml is broken.
 */
export async function familyTermsOption(dir: string): Promise<{ terms?: FamilyTerms } | string[]> {
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) return [`--family ${dir}: not a folder that can be read`];
  const found = await loadTerms(join(dir, TERMS_FILE));
  if (found.terms) return { terms: found.terms };
  if (found.errors.every((e) => e.code === 'FILE_NOT_FOUND')) return {};
  return found.errors.map((e) => formatError(e, (n) => found.sourceMap.lineText(n)));
}

/** How many clause ids of its parent a plan's data names: its removals from the parent, and its clauses' `covers` and `partOf`. */
function parentIdsNamed(data: { parent: string; removed?: unknown; clauses?: unknown }): number {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const removed = list(data.removed).filter((r) => {
    const from = (r as { from?: unknown } | null)?.from;
    return from === undefined || from === data.parent;
  }).length;
  const named = list(data.clauses).reduce<number>((n, c) => {
    const clause = (c ?? {}) as { covers?: unknown; partOf?: unknown };
    return n + list(clause.covers).length + (typeof clause.partOf === 'string' ? 1 : 0);
  }, 0);
  return removed + named;
}

/**
 * What a plan file read on its own was not checked for: its stakeholders (with no stakeholders
 * file beside it), its family's own topics and terms (with none beside it, when some read as
 * unknown) and its lineage (unless its parent was named too); and the family's files beside it
 * that it was read with.
 */
function aloneNote(path: string, result: ParseResult, named: (version: string) => boolean): string | undefined {
  const data = result.data as { parent?: unknown; stakeholders?: unknown } | undefined;
  if (!data || result.errors.some((e) => e.code === 'FILE_NOT_FOUND' || e.code === 'READ_FAILED')) return undefined;
  const skipped: string[] = [];
  // The family's files beside it, which it was read with.
  const beside = [STAKEHOLDERS_FILE, TERMS_FILE].filter((f) => existsSync(join(dirname(path), f)));
  if (!beside.includes(STAKEHOLDERS_FILE)) skipped.push(`its stakeholder ids (no ${STAKEHOLDERS_FILE} beside it)`);
  const unknown = result.errors.filter((e) => e.code === 'UNKNOWN_TOPIC' || (e.code === 'UNKNOWN_FIELD' && e.path.includes('terms'))).length;
  if (unknown && !beside.includes(TERMS_FILE)) skipped.push(`its family's own topics and terms (no ${TERMS_FILE} beside it: the ${unknown} unknown topics and terms above may be declared there)`);
  if (typeof data.parent === 'string' && !named(data.parent)) {
    // The parent's clause ids the file names (its removals, and what its clauses cover or are part of) are guesses until then.
    const ids = parentIdsNamed(data as { parent: string });
    const naming = ids ? ` (the ${ids} clause id${ids === 1 ? '' : 's'} it names there, in \`removed\`, \`covers\` or \`partOf\`, ${ids === 1 ? 'is' : 'are'} not checked)` : '';
    skipped.push(`its parent \`${data.parent}\`${naming} and what else a family is checked for`);
  }
  if (skipped.length === 0) return undefined;
  // What it was read with, so a writer knows the family's files beside it counted.
  const read = beside.length ? ` (read with the ${beside.join(' and ')} beside it)` : '';
  return `${path} was checked on its own${read}, without ${skipped.join(' or ')}; validate its family folder for those checks`;
}
