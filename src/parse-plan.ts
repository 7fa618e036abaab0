import { ErrorList } from './error-list.js';
import type { PlanError } from './errors.js';
import { readDocument } from './load/read-document.js';
import type { SourceMap } from './load/source-map.js';
import type { PairRules } from './match/match-clauses.js';
import type { FamilyTerms, Plan, Positions, Stakeholders } from './model/types.js';
import type { ParseOptions, ReadLimits } from './options.js';
import { runSchema, schemaFor } from './schema/ajv.js';
import { vocabularyOf } from './schema/family-schema.js';
import { checkTerms } from './validate/check-terms.js';
import type { SchemaName } from './schema/ajv.js';
import { mapSchemaErrors } from './schema/map-errors.js';
import { checkPlan, checkReadableParts } from './validate/check-plan.js';
import { checkStakeholders } from './validate/check-stakeholders.js';
import { checkPositionsFile } from './validate/check-positions.js';

/** What reading one file gives: the value when it is valid, and every problem found. */
export interface ParseResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  /** The data as read from YAML, valid or not; absent when the YAML could not be read. */
  data?: unknown;
  /** Problems that make the file invalid, in file order. */
  errors: PlanError[];
  /** Problems worth fixing that do not make the file invalid. */
  warnings: PlanError[];
  /** Where each part of the data came from in the text. */
  sourceMap: SourceMap;
  /** The text as read (after decoding and dropping a byte-order mark). */
  text: string;
}

/** The result of {@link parsePlan}; `plan` is set when the file is valid. */
export interface PlanResult extends ParseResult {
  /** The checked plan; present only when `ok`. */
  plan?: Plan;
}

/** The result of {@link parsePairs}. */
export interface PairsResult extends ParseResult {
  /** The checked pair rules; present only when `ok`. */
  rules?: PairRules;
}

/** The result of {@link parsePositions}. */
export interface PositionsResult extends ParseResult {
  /** The checked positions; present only when `ok`. */
  positions?: Positions;
}

/** The result of {@link parseTerms}. */
export interface TermsResult extends ParseResult {
  /** The checked declarations; present only when `ok`. */
  terms?: FamilyTerms;
}

/** The result of {@link parseStakeholders}. */
export interface StakeholdersResult extends ParseResult {
  /** The checked stakeholders file; present only when `ok`. */
  stakeholders?: Stakeholders;
}

/**
 * Reads one plan version from YAML text (or UTF-8 bytes) and checks it: strict
 * YAML, the JSON Schema, then ids, numbers, dates and references. Never throws
 * on bad input: every problem comes back as a positioned {@link PlanError}.
 *
 * @param input - the file's text, or its bytes (UTF-8, optional BOM)
 * @param options - the file name for errors, reader limits, the family's stakeholders
 * @returns the plan when valid, plus all errors and warnings
 * @example
 * const result = parsePlan('peaceplan: 1\nplan: p\n', { file: 'draft.yaml' });
 * result.ok; // false
 * result.errors.map((e) => `${e.line}:${e.col} ${e.code}`); // ['1:1 MISSING_FIELD', ...]
 */
export function parsePlan(input: string | Uint8Array, options: ParseOptions = {}): PlanResult {
  const ids = options.stakeholders ? new Set(options.stakeholders.stakeholders.map((s) => s.id)) : undefined;
  const result: PlanResult = parseWith<Plan>('plan', input, options.file, options.limits, (plan, refs, map, out, vocabulary) => {
    checkPlan(plan, refs, map, out, ids, vocabulary);
    // Family terms are one family's: a version of another family read with them says so.
    const family = options.terms?.plan;
    if (family && plan.plan !== family) out.add(map.errorFor(['plan'], { code: 'PLAN_MISMATCH', message: `this version belongs to \`${plan.plan}\`, but the family terms it is read with are \`${family}\`'s`, hint: `write plan: ${family}, or read it with its own family's terms.yaml` }));
  }, options.terms, (data, refs, map, out) => checkReadableParts(data, refs, map, out, ids));
  if (result.ok) result.plan = result.data as Plan;
  return result;
}

/**
 * Reads a family's stakeholders file (`stakeholders.yaml`) and checks it:
 * strict YAML, the JSON Schema, unique ids and known members.
 *
 * @example
 * const { stakeholders } = parseStakeholders(text, { file: 'stakeholders.yaml' });
 * stakeholders?.stakeholders.map((s) => s.id); // ['us', 'ukraine', ...]
 */
export function parseStakeholders(input: string | Uint8Array, options: Omit<ParseOptions, 'stakeholders'> = {}): StakeholdersResult {
  const result: StakeholdersResult = parseWith<Stakeholders>('stakeholders', input, options.file, options.limits, checkStakeholders, options.terms);
  if (result.ok) result.stakeholders = result.data as Stakeholders;
  return result;
}

/**
 * Reads a pairs file (clause pairs to pin or forbid when diffing, for drafts
 * whose authors used other ids), as the CLI's `--pairs` option does.
 *
 * @example
 * parsePairs('pairs:\n  - { from: cap, to: army-cap }\n').rules; // { pairs: [{ from: 'cap', to: 'army-cap' }] }
 */
export function parsePairs(input: string | Uint8Array, options: Omit<ParseOptions, 'stakeholders'> = {}): PairsResult {
  const result: PairsResult = parseWith<PairRules>('pairs', input, options.file, options.limits, () => undefined);
  if (result.ok) result.rules = result.data as PairRules;
  return result;
}

/**
 * Reads a family's positions file (`positions.yaml`: stance rules and
 * statements) and checks it on its own: strict YAML, the JSON Schema, unique
 * rule ids, a clause or a topic per rule, real dates, sources that resolve,
 * and — when `options.stakeholders` is given — known stakeholders. Check it
 * against the versions with {@link checkPositions}.
 *
 * @example
 * const { positions } = parsePositions(text, { file: 'positions.yaml', stakeholders });
 * positions?.rules?.length; // 33
 */
export function parsePositions(input: string | Uint8Array, options: ParseOptions = {}): PositionsResult {
  const ids = options.stakeholders ? new Set(options.stakeholders.stakeholders.map((s) => s.id)) : undefined;
  const result: PositionsResult = parseWith<Positions>('positions', input, options.file, options.limits, (file, refs, map, out) => checkPositionsFile(file, refs, map, out, ids), options.terms);
  if (result.ok) result.positions = result.data as Positions;
  return result;
}

/** A check after the schema; `vocabulary` is the plan schema with the family's own topics and terms, when there is one. */
type Check<T> = (value: T, refs: ReturnType<typeof runSchema>['refs'], map: SourceMap, out: ErrorList, vocabulary?: object) => void;

/**
 * Reads a family's own topics and terms (`terms.yaml`) and checks them: strict
 * YAML, the JSON Schema, and declarations that do not redefine a built-in
 * topic or term and name topics that exist. Pass the result's `terms` to
 * {@link parsePlan} (and the stakeholders and positions readers) as `terms`.
 *
 * @example
 * const { terms } = parseTerms('peaceplan: 2\nplan: p\nterms:\n  territory:\n    spitDemilitarised: { type: boolean }\n');
 * parsePlan(text, { terms }).ok;
 */
export function parseTerms(input: string | Uint8Array, options: Omit<ParseOptions, 'stakeholders' | 'terms'> = {}): TermsResult {
  const result: TermsResult = parseWith<FamilyTerms>('terms', input, options.file, options.limits, checkTerms);
  if (result.ok) result.terms = result.data as FamilyTerms;
  return result;
}

/** `partial` runs instead of `check` when the schema refused the data: the checks that still mean something there. */
function parseWith<T>(schema: SchemaName, input: string | Uint8Array, file = '<input>', limits: ReadLimits | undefined, check: Check<T>, terms?: FamilyTerms, partial?: Check<unknown>): ParseResult {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError('peaceplan: the input must be a string or a Uint8Array');
  }
  const doc = readDocument(input, file, limits);
  const out = doc.errors;
  if (doc.readable) {
    const family = terms ? vocabularyOf(terms) : undefined;
    const { errors, refs } = runSchema(schema, doc.data, out.max, family);
    mapSchemaErrors(errors, doc.data, doc.sourceMap, out, schemaFor(schema, family));
    if (errors.length === 0) check(doc.data as T, refs, doc.sourceMap, out, family?.plan);
    else partial?.(doc.data, refs, doc.sourceMap, out);
  }
  return finish(doc.data, doc.readable, out, doc.sourceMap, doc.text);
}

function finish(data: unknown, readable: boolean, out: ErrorList, sourceMap: SourceMap, text: string): ParseResult {
  const byPosition = (a: PlanError, b: PlanError) => a.line - b.line || a.col - b.col;
  const errors = out.items.filter((e) => e.severity === 'error').sort(byPosition);
  const warnings = out.items.filter((e) => e.severity === 'warning').sort(byPosition);
  const { error: moreErrors, warning: moreWarnings } = out.dropped;
  if (moreErrors + moreWarnings > 0) {
    // Only left-out errors make the file invalid; left-out warnings are a warning.
    (moreErrors > 0 ? errors : warnings).push(sourceMap.errorAt({ start: 0, end: 0 }, [], {
      code: 'TOO_MANY_ERRORS',
      severity: moreErrors > 0 ? 'error' : 'warning',
      message: `${moreErrors} more errors and ${moreWarnings} more warnings were not listed`,
      hint: 'fix the ones above first, or raise limits.maxErrors',
    }));
  }
  const ok = readable && errors.length === 0;
  const result: ParseResult = { ok, errors, warnings, sourceMap, text };
  if (readable) result.data = data;
  return result;
}
