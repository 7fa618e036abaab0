/**
 * Changes to plan files as text, for editors and the CLI: a diff applied to a
 * YAML file edits only the lines it changes, and a file laid out in canonical
 * order keeps every comment.
 */
import { applyDiff } from '../diff/apply-diff.js';
import type { DiffConflict } from '../diff/apply-diff.js';
import type { PlanDiff } from '../diff/types.js';
import type { PlanError } from '../errors.js';
import type { Plan } from '../model/types.js';
import { formatYamlText } from '../load/format-yaml.js';
import { rewriteYaml } from '../load/rewrite-yaml.js';
import type { ParseOptions } from '../options.js';
import { parsePlan } from '../parse-plan.js';
import { FIELD_ORDER } from '../model/field-order.js';

/** The outcome of {@link applyDiffToYaml}. */
export interface TextEditResult {
  ok: boolean;
  /** The new file text, when `ok`. */
  text?: string;
  /** Problems of the input file: it must be a valid plan. */
  errors: PlanError[];
  /** Why the diff does not apply (not the diff's base, values that differ). */
  conflicts: DiffConflict[];
  /** Set when the edit could not be made faithfully, or its result would not be valid (nothing is produced then). */
  reason?: string;
  /** The text that was produced and refused, when `errors` are about it (not about the input). */
  refused?: string;
}

/**
 * Applies a diff to a plan file's text and returns the new text, touching only
 * what the diff changes: comments, key order, quoting, layout and blank lines
 * of everything else stay as they were, and a string that looks like `true`,
 * `123` or a date stays a string. `parsePlan` of the result equals
 * `applyDiff` of the parsed file.
 *
 * @example
 * const r = applyDiffToYaml(usText, diffPlans(us, e3));
 * r.ok && parsePlan(r.text!).plan; // equals e3
 */
export function applyDiffToYaml(text: string, diff: PlanDiff, options: ParseOptions = {}): TextEditResult {
  const parsed = parsePlan(text, options);
  if (!parsed.plan) return { ok: false, errors: parsed.errors, conflicts: [] };
  const applied = applyDiff(parsed.plan, diff);
  if (!applied.plan) return { ok: false, errors: [], conflicts: applied.conflicts };
  // Clauses the diff paired are the same clause even when their id changed: they are edited in place.
  const pairs = diff.clauses.flatMap((c) => (c.from && c.to ? [[c.from.index, c.to.index] as const] : []));
  const rewritten = rewriteYaml(text, parsed.data, JSON.parse(JSON.stringify(applied.plan)), { pairs: new Map([['/clauses', pairs]]), order: FIELD_ORDER });
  if (!rewritten.ok) return { ok: false, errors: [], conflicts: [], reason: rewritten.reason };
  // A diff can carry values a valid plan may not hold (it is data from outside): the result must be a valid plan too.
  const check = parsePlan(rewritten.text, { ...options, file: `${options.file ?? '<input>'} (as the diff would make it)` });
  if (!check.ok) return { ok: false, errors: check.errors, conflicts: [], reason: 'the result would not be a valid plan', refused: rewritten.text };
  return { ok: true, text: rewritten.text, errors: [], conflicts: [] };
}

/**
 * A plan file laid out canonically: fields in the format's order (the plan's,
 * each clause's, each source's), block style with the file's own line endings
 * and byte-order mark, every comment kept. Formatting a formatted file gives
 * the same bytes. Only a valid plan is formatted.
 *
 * @example
 * const r = formatPlanYaml(text);
 * r.ok && r.text === formatPlanYaml(r.text!).text; // true
 */
export function formatPlanYaml(text: string, options: ParseOptions = {}): TextEditResult {
  const parsed = parsePlan(text, options);
  if (!parsed.plan) return { ok: false, errors: parsed.errors, conflicts: [] };
  const formatted = formatYamlText(text, FIELD_ORDER);
  return formatted.ok ? { ok: true, text: formatted.text, errors: [], conflicts: [] } : { ok: false, errors: [], conflicts: [], reason: formatted.reason };
}

/** The outcome of {@link migratePlanYaml}: the edit, and the clauses a writer should look at again. */
export interface MigrateResult extends TextEditResult {
  /** Ids of clauses that are `unconfirmed`: in format 1 that also meant "carried over from another version", which format 2 says with `presence` and `carriedFrom`. */
  review: string[];
}

/**
 * Moves a version-1 plan file to format 2, editing only the `peaceplan:` line
 * (comments and layout stay). The data means the same in both formats except
 * one thing a program cannot decide: format 1's `certainty: unconfirmed` also
 * covered clauses carried over unseen, which format 2 says with `presence`;
 * those clauses are listed in `review`. A file already in format 2 comes back
 * unchanged.
 *
 * @example
 * const r = migratePlanYaml(text);
 * r.ok && parsePlan(r.text!).plan?.peaceplan; // 2
 */
export function migratePlanYaml(text: string, options: ParseOptions = {}): MigrateResult {
  const parsed = parsePlan(text, options);
  // A version-1 file that already uses format-2 fields is what migrate is for: those errors go away with it.
  const onlyFormat = parsed.errors.length > 0 && parsed.errors.every((e) => e.code === 'NEEDS_FORMAT_2');
  const plan = parsed.plan ?? (onlyFormat ? (parsed.data as Plan) : undefined);
  if (!plan) return { ok: false, errors: parsed.errors, conflicts: [], review: [] };
  const review = plan.peaceplan === 1 ? plan.clauses.filter((c) => c.certainty === 'unconfirmed').map((c) => c.id) : [];
  if (plan.peaceplan === 2) return { ok: true, text, errors: [], conflicts: [], review };
  const rewritten = rewriteYaml(text, parsed.data, { ...(parsed.data as Record<string, unknown>), peaceplan: 2 });
  if (!rewritten.ok) return { ok: false, errors: [], conflicts: [], reason: rewritten.reason, review: [] };
  const check = parsePlan(rewritten.text, { ...options, file: `${options.file ?? '<input>'} (migrated)` });
  if (!check.ok) return { ok: false, errors: check.errors, conflicts: [], reason: 'the result would not be a valid plan', refused: rewritten.text, review: [] };
  return { ok: true, text: rewritten.text, errors: [], conflicts: [], review };
}
