import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { resolveLimits } from '../options.js';
import type { ParseOptions } from '../options.js';
import { parsePairs, parsePlan, parsePositions, parseStakeholders, parseTerms } from '../parse-plan.js';
import type { PairsResult, ParseResult, PlanResult, PositionsResult, StakeholdersResult, TermsResult } from '../parse-plan.js';
import { SourceMap } from '../load/source-map.js';
import type { PlanError } from '../errors.js';
import type { FamilyTerms, Plan } from '../model/types.js';
import { checkFamily, namesAbsentVersion } from '../validate/check-family.js';
import { checkPositions } from '../validate/check-positions.js';
import { errnoError, fileError, readBytes } from './read-file.js';
import { checkSchemaPointer } from './schema-pointer.js';

/** The name of a family's stakeholders file, beside its versions. */
export const STAKEHOLDERS_FILE = 'stakeholders.yaml';
/** The name of a family's positions file, beside its versions. */
export const POSITIONS_FILE = 'positions.yaml';
/** The name of a family's own topics and terms, beside its versions. */
export const TERMS_FILE = 'terms.yaml';
/** Files in a family folder that are not plan versions. */
const NOT_VERSIONS = new Set([STAKEHOLDERS_FILE, POSITIONS_FILE, TERMS_FILE]);

/** Options of {@link loadPlan}, {@link loadStakeholders} and {@link loadPlanFamily}. */
export type LoadOptions = Omit<ParseOptions, 'file'>;

/**
 * Reads and checks one plan file. When `options.stakeholders` is not given and
 * a `stakeholders.yaml` lies beside the file, stakeholder references are
 * checked against it.
 *
 * @example
 * const result = await loadPlan('plans/russia-ukraine-2025/us-28-point.yaml');
 * result.plan?.clauses.length; // 28
 */
export async function loadPlan(path: string, options: LoadOptions = {}): Promise<PlanResult> {
  let stakeholders = options.stakeholders;
  const broken: ParseResult[] = [];
  if (!stakeholders && basename(path) !== STAKEHOLDERS_FILE) {
    const found = await loadStakeholders(join(dirname(path), STAKEHOLDERS_FILE), options);
    if (found.stakeholders) stakeholders = found.stakeholders;
    // No stakeholders file: nothing to check against. A broken one must not silently turn the check off.
    else if (!found.errors.some((e) => e.code === 'FILE_NOT_FOUND')) broken.push(found);
  }
  const terms = await termsFor(path, options, broken);
  const bytes = await readBytes(path, resolveLimits(options.limits).maxBytes);
  if (!(bytes instanceof Uint8Array)) return failed(path, bytes);
  const result = withPointerCheck(path, parsePlan(bytes, { ...options, file: path, ...(stakeholders ? { stakeholders } : {}), ...(terms ? { terms } : {}) }));
  if (broken.length === 0) return result;
  const { plan: _unchecked, ...rest } = result;
  return { ...rest, ok: false, errors: [...result.errors, ...broken.flatMap((b) => b.errors)] };
}

/** Reads and checks a family's `terms.yaml` (its own topics and terms). */
export async function loadTerms(path: string, options: LoadOptions = {}): Promise<TermsResult> {
  const bytes = await readBytes(path, resolveLimits(options.limits).maxBytes);
  if (!(bytes instanceof Uint8Array)) return failed(path, bytes);
  return withPointerCheck(path, parseTerms(bytes, { ...(options.limits ? { limits: options.limits } : {}), file: path }));
}

/**
 * The family terms that apply to a file: `options.terms`, or the `terms.yaml`
 * beside it when there is one (a broken one is added to `broken`, so its
 * errors are not lost and the file is not checked as if it had none).
 *
 * @example
 * const terms = await termsBeside('plans/gaza-2025/wh-20-point.yaml');
 * diffPlans(a, b, { ...(terms ? { terms } : {}) });
 */
export async function termsBeside(path: string, options: LoadOptions = {}): Promise<FamilyTerms | undefined> {
  return termsFor(path, options, []);
}

async function termsFor(path: string, options: LoadOptions, broken: ParseResult[]): Promise<FamilyTerms | undefined> {
  if (options.terms || basename(path) === TERMS_FILE) return options.terms;
  const found = await loadTerms(join(dirname(path), TERMS_FILE), options);
  if (found.terms) return found.terms;
  if (!found.errors.some((e) => e.code === 'FILE_NOT_FOUND')) broken.push(found);
  return undefined;
}

/**
 * The stakeholders and terms of the family in folder `dir`, as load options for a
 * version read from elsewhere (a copy git hands over, a file given on its own).
 * A file that is missing or broken adds nothing.
 */
export async function familyOptions(dir: string, options: LoadOptions = {}): Promise<LoadOptions> {
  const people = options.stakeholders ?? (await loadStakeholders(join(dir, STAKEHOLDERS_FILE), options)).stakeholders;
  const terms = options.terms ?? (await loadTerms(join(dir, TERMS_FILE), options)).terms;
  return { ...options, ...(people ? { stakeholders: people } : {}), ...(terms ? { terms } : {}) };
}

/** Reads and checks a family's `stakeholders.yaml`. */
export async function loadStakeholders(path: string, options: LoadOptions = {}): Promise<StakeholdersResult> {
  const terms = await termsFor(path, options, []);
  const bytes = await readBytes(path, resolveLimits(options.limits).maxBytes);
  if (!(bytes instanceof Uint8Array)) return failed(path, bytes);
  return withPointerCheck(path, parseStakeholders(bytes, { ...options, file: path, ...(terms ? { terms } : {}) }));
}

/** Reads a pairs file (clause pairs to pin or forbid when diffing); see `parsePairs`. */
export async function loadPairs(path: string, options: LoadOptions = {}): Promise<PairsResult> {
  const bytes = await readBytes(path, resolveLimits(options.limits).maxBytes);
  if (!(bytes instanceof Uint8Array)) return failed(path, bytes);
  return withPointerCheck(path, parsePairs(bytes, { ...options, file: path }));
}

/**
 * Reads a positions file (stance rules and statements). Stakeholders are
 * checked against `options.stakeholders`, or the `stakeholders.yaml` beside
 * the file when there is one. Check it against the versions with
 * `checkPositions`, or load the whole family with {@link loadPlanFamily}.
 *
 * @example
 * const { positions } = await loadPositions('plans/russia-ukraine-2025/positions.yaml');
 */
export async function loadPositions(path: string, options: LoadOptions = {}): Promise<PositionsResult> {
  let stakeholders = options.stakeholders;
  if (!stakeholders) {
    const found = await loadStakeholders(join(dirname(path), STAKEHOLDERS_FILE), options);
    if (found.stakeholders) stakeholders = found.stakeholders;
  }
  const terms = await termsFor(path, options, []);
  const bytes = await readBytes(path, resolveLimits(options.limits).maxBytes);
  if (!(bytes instanceof Uint8Array)) return failed(path, bytes);
  return withPointerCheck(path, parsePositions(bytes, { ...options, file: path, ...(stakeholders ? { stakeholders } : {}), ...(terms ? { terms } : {}) }));
}

/** Everything {@link loadPlanFamily} found in a folder. */
export interface FamilyResult {
  /** True when every file and the family as a whole are valid. */
  ok: boolean;
  /** Valid versions, parents before children. */
  versions: Plan[];
  /** One result per version file, in file-name order. */
  files: PlanResult[];
  /** The stakeholders file's result, when there is one. */
  stakeholders?: StakeholdersResult;
  /** The family terms file's result, when there is one. */
  terms?: TermsResult;
  /** The positions file's result, when there is one, checked against the versions too. */
  positions?: PositionsResult;
  /** Problems of the family as a whole (parents, cycles, duplicate versions). */
  errors: PlanError[];
}

/**
 * Reads every `*.yaml` version in a folder, with the folder's
 * `stakeholders.yaml` and `positions.yaml`, and checks the family: one family
 * id, unique versions, parents that exist and no cycles; the positions
 * against the versions. Versions come back in lineage order. A folder with the
 * family's stakeholders or terms and no version yet is a family with none.
 *
 * @example
 * const family = await loadPlanFamily('plans/russia-ukraine-2025');
 * family.versions.map((v) => v.version); // ['us-28-point', 'e3-counter-proposal', 'geneva-19-point']
 */
export async function loadPlanFamily(dir: string, options: LoadOptions = {}): Promise<FamilyResult> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => !e.isDirectory() && /\.ya?ml$/.test(e.name)).map((e) => e.name).sort();
  } catch (e) {
    return { ok: false, versions: [], files: [], errors: [errnoError(dir, e, 'folder')] };
  }
  // A folder with the family's stakeholders or terms and no version yet is a family whose first draft is being
  // written: checked against them, that draft is not alone. A folder with none of these is not a family folder.
  if (!names.some((n) => n !== POSITIONS_FILE)) {
    return { ok: false, versions: [], files: [], errors: [fileError('FILE_NOT_FOUND', dir, `no plan versions (*.yaml), ${STAKEHOLDERS_FILE} or ${TERMS_FILE} in ${dir}`, 'name a family folder, such as plans/russia-ukraine-2025')] };
  }
  const termsFile = names.includes(TERMS_FILE) ? await loadTerms(join(dir, TERMS_FILE), options) : undefined;
  // Broken family terms are reported once, in their own file; the versions are then read without them
  // (an empty declaration, so no version reads the broken file again and reports it once more).
  if (termsFile) options = { ...options, terms: termsFile.terms ?? { peaceplan: 2, plan: '' } };
  const stakeholders = names.includes(STAKEHOLDERS_FILE) ? await loadStakeholders(join(dir, STAKEHOLDERS_FILE), options) : undefined;
  const files: PlanResult[] = [];
  for (const name of names.filter((n) => !NOT_VERSIONS.has(n))) {
    const own = options.stakeholders ?? stakeholders?.stakeholders;
    files.push(await loadPlan(join(dir, name), { ...options, ...(own ? { stakeholders: own } : {}) }));
  }
  const checked = checkFamily(files, stakeholders?.stakeholders?.plan);
  // A version that could not be read at all says nothing of its lineage or clauses: checks that need it would only add noise.
  const unread = files.some((f) => f.data === undefined);
  const family = unread ? { ...checked, errors: checked.errors.filter((e) => !namesAbsentVersion(e)) } : checked;
  let positions: PositionsResult | undefined;
  if (names.includes(POSITIONS_FILE)) {
    const own = options.stakeholders ?? stakeholders?.stakeholders;
    const loaded = await loadPositions(join(dir, POSITIONS_FILE), { ...options, ...(own ? { stakeholders: own } : {}) });
    // A version with errors of its own still counts as a version, and its clauses as clauses.
    positions = unread ? loaded : withFamilyCheck(loaded, family.versions, options.terms, files.filter((f) => f.plan === undefined));
  }
  const ok = files.every((f) => f.ok) && (stakeholders?.ok ?? true) && (positions?.ok ?? true) && (termsFile?.ok ?? true) && family.errors.length === 0;
  return { ok, versions: family.versions, files, ...(stakeholders ? { stakeholders } : {}), ...(termsFile ? { terms: termsFile } : {}), ...(positions ? { positions } : {}), errors: family.errors };
}

/** A result with a warning added, in file order, when its editor modeline points at a schema file that does not exist. */
function withPointerCheck<R extends ParseResult>(path: string, result: R): R {
  const warning = checkSchemaPointer(path, result.text);
  if (!warning) return result;
  return { ...result, warnings: [...result.warnings, warning].sort((a, b) => a.line - b.line || a.col - b.col) };
}

/** A positions result with the problems it has against the versions added; no positions when there are any. */
export function withFamilyCheck(result: PositionsResult, versions: readonly Plan[], terms?: FamilyTerms, invalid: readonly PlanResult[] = []): PositionsResult {
  const problems = checkPositions(result, versions, terms, invalid);
  if (problems.length === 0) return result;
  const byPosition = (a: PlanError, b: PlanError) => a.line - b.line || a.col - b.col;
  const warnings = [...result.warnings, ...problems.filter((p) => p.severity === 'warning')].sort(byPosition);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return { ...result, warnings };
  const { positions: _unchecked, ...rest } = result;
  return { ...rest, ok: false, errors: [...result.errors, ...errors].sort(byPosition), warnings };
}

/** The result for a file that could not be read at all. */
function failed(file: string, error: PlanError): ParseResult {
  return { ok: false, errors: [error], warnings: [], sourceMap: new SourceMap('', file), text: '' };
}
