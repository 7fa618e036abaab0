import type { PlanError } from '../errors.js';
import type { FamilyTerms } from '../model/types.js';
import type { PlanSummary } from '../summary/summarize-plan.js';
import { TOPICS } from '../model/topics.js';
import { codeFrame } from './code-frame.js';

/**
 * One problem as a reader wants it: `file:line:col CODE message`, the hint,
 * and a code frame when the source lines are at hand.
 *
 * @example
 * formatError(error, (n) => lines[n - 1] ?? '');
 * // us.yaml:12:19 WRONG_TYPE `personnelCap` must be a whole number, found the text "six"
 * //   hint: ...
 */
export function formatError(error: PlanError, lineText?: (line: number) => string): string {
  const label = error.severity === 'warning' ? `${error.code} (warning)` : error.code;
  const parts = [`${visible(error.file)}:${error.line}:${error.col} ${label} ${clip(visible(error.message))}`];
  if (error.hint) parts.push(`  hint: ${clip(visible(error.hint))}`);
  if (lineText && lineText(error.line) !== '') parts.push(indent(codeFrame(lineText, error)));
  return parts.join('\n');
}

/** Most characters of a message or hint that {@link formatError} prints; longer ones end in `…`. */
export const MESSAGE_WIDTH = 300;

function clip(text: string): string {
  return text.length > MESSAGE_WIDTH ? `${text.slice(0, MESSAGE_WIDTH - 1)}…` : text;
}

/** Control characters from a file (escape sequences, line breaks) shown as escapes, never sent to the terminal. */
const ANSI = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' } as const;

/** A colour a terminal renderer can paint with. */
export type Colour = Exclude<keyof typeof ANSI, 'reset'>;

/** A function that wraps text in a terminal colour when `color` is on, and leaves it as it is otherwise. */
export function painter(color: boolean | undefined): (code: Colour, text: string) => string {
  return (code, text) => (color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
}

export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1F\x7F-\x9F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
}

const label = (topic: string, terms?: FamilyTerms): string => terms?.topics?.[topic]?.label ?? TOPICS.find((t) => t.topic === topic)?.label ?? topic;

/**
 * A short text description of one version: what it is and what it holds.
 *
 * @param options - `terms`: the family's own topics and terms, so its topics are named by their labels
 */
export function formatSummary(s: PlanSummary, options: { terms?: FamilyTerms } = {}): string {
  const lines = [
    `${s.version} — ${s.title}`,
    `  date ${s.date}${s.parent ? `, revises ${s.parent}` : ', original draft'}; ${s.clauses} clauses, ${s.sources} sources`,
    `  status: ${s.byStatus.proposed} proposed, ${s.byStatus.agreed} agreed, ${s.byStatus.bracketed} bracketed${s.bracketed.length ? ` (${s.bracketed.join(', ')})` : ''}${s.deferred.length ? `, ${s.deferred.length} deferred (${s.deferred.join(', ')})` : ''}`,
    `  certainty: ${s.byCertainty.confirmed} confirmed, ${s.byCertainty.reported} reported, ${s.byCertainty.unconfirmed} unconfirmed`,
    ...(s.byPresence.assumed + s.byPresence.unknown > 0 ? [`  presence: ${s.byPresence.stated} stated, ${s.byPresence.assumed} assumed and ${s.byPresence.unknown} unknown (carried over unseen)`] : []),
    ...(s.removed.length ? [`  reported dropped: ${s.removed.join(', ')}`] : []),
    ...(s.added.length ? [`  reported new: ${s.added.join(', ')}`] : []),
    `  evidence: ${s.evidence.singleOutlet} on one outlet, ${s.evidence.stateMediaOnly} on state media only, ${s.evidence.carried} carried over unseen`,
    `  topics: ${s.byTopic.map((t) => `${label(t.topic, options.terms)} ${t.count}`).join(', ')}`,
  ];
  return lines.join('\n');
}
