import type { ChangeKind, ClauseChange, PlanDiff, PossiblePairRef } from '../diff/types.js';
import { ifSo } from '../diff/describe-clause.js';

/** A symbol per change kind, so kinds read without colour. */
export const KIND_SYMBOL: Record<ChangeKind, string> = {
  added: '+',
  removed: '-',
  split: '<',
  merged: '>',
  modified: '~',
  renumbered: '#',
  moved: '^',
  unchanged: '=',
};

const ORDER: ChangeKind[] = ['modified', 'added', 'removed', 'split', 'merged', 'renumbered', 'moved', 'unchanged'];

/**
 * "26 modified, 1 added, 2 removed, 1 not reported (0 unchanged); 2 of the added or removed may only be unreported":
 * a clause unconfirmed or carried over unseen on its only side is counted as "not reported" or "newly reported",
 * as {@link kindLabel} names it, not as removed or added.
 */
export function countsLine(diff: PlanDiff): string {
  const s = diff.summary;
  const oneSided = diff.clauses.filter((c) => c.kind === 'added' || c.kind === 'removed');
  const unsure = (kind: ChangeKind) => oneSided.filter((c) => c.kind === kind && c.uncertain).length;
  const shown = (k: ChangeKind) => s.counts[k] - (k === 'added' || k === 'removed' ? unsure(k) : 0);
  const kinds = ORDER.filter((k) => k !== 'unchanged' && shown(k) > 0).map((k) => `${shown(k)} ${k}`);
  if (unsure('removed')) kinds.push(`${unsure('removed')} not reported`);
  if (unsure('added')) kinds.push(`${unsure('added')} newly reported`);
  const body = kinds.length ? kinds.join(', ') : 'no clause changed';
  const meta = s.metaChanges ? `; ${s.metaChanges} plan field${s.metaChanges === 1 ? '' : 's'} changed` : '';
  // Clauses added or removed only as far as a version known in part tells.
  const partial = oneSided.filter((c) => c.partial && !c.uncertain).length;
  const hedge = partial ? `; ${partial} of the added or removed may only be unreported` : '';
  return `${body} (${s.counts.unchanged} unchanged)${hedge}${meta}`;
}

/** "us-28-point (2025-11-20) → e3-counter-proposal (2025-11-23)" */
export function titleLine(diff: PlanDiff): string {
  return `${diff.from.version} (${diff.from.date}) → ${diff.to.version} (${diff.to.date})`;
}

/** The kind a reader is told: a clause unconfirmed or carried over unseen on its only side is "not reported" or "newly reported", not removed or added. */
export function kindLabel(c: ClauseChange): string {
  return c.uncertain && (c.kind === 'added' || c.kind === 'removed') ? (c.kind === 'added' ? 'newly reported' : 'not reported') : c.kind;
}

/** The label of a clause change: its number and title on the side that exists (new side first). */
export function clauseLabel(c: ClauseChange): string {
  const ref = c.to ?? c.from;
  return ref ? (ref.number !== undefined ? `${ref.number} ${ref.title}` : ref.title) : '';
}

/**
 * Plan-level changes for display: the entries of a map (sources) named in one line per field,
 * those added and removed by id and those changed with what changed in them ("sources: +s4 −s3;
 * s1 changed (reliability, title)").
 */
export function metaLines(diff: PlanDiff): string[] {
  const lines: string[] = [];
  const keyed = new Map<string, { added: string[]; removed: string[]; changed: string[] }>();
  for (const f of diff.meta) {
    if (f.key === undefined) {
      lines.push(f.says);
      continue;
    }
    const row = keyed.get(f.field) ?? { added: [], removed: [], changed: [] };
    if (f.from === undefined) row.added.push(`+${f.key}`);
    else if (f.to === undefined) row.removed.push(`−${f.key}`);
    else row.changed.push(`${f.key} changed${whatChanged(f.from, f.to)}`);
    keyed.set(f.field, row);
  }
  for (const [field, n] of keyed) lines.push(`${field}: ${[[...n.added, ...n.removed].join(' '), ...n.changed].filter(Boolean).join('; ')}`);
  return lines;
}

/** " (reliability, title)": the fields of an entry that differ, when both sides are records. */
function whatChanged(from: unknown, to: unknown): string {
  const rec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!rec(from) || !rec(to)) return '';
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k])).sort();
  return keys.length ? ` (${keys.join(', ')})` : '';
}

/**
 * Why a pair was made by topic, where more than the topic told: ", only they name guarantors", ", only
 * they bind eu, ukraine", or ", one in topic other" (a question left open and the catch-all clause
 * nearest it), with ", read as humanitarian" where the catch-all clause was counted in that topic;
 * "" otherwise.
 */
export function topicPairNote(m: ClauseChange['match']): string {
  if (m?.method !== 'topic' || !m.evidence) return '';
  const why = [...ownReasons(m.evidence), ...(m.evidence.topic === 'open' ? ['one in topic other'] : []), ...(m.evidence.topicRead ? [`read as ${m.evidence.topicRead}`] : [])];
  return why.map((r) => `, ${r}`).join('');
}

/** What only the two clauses of a pair share: the terms they alone name, the parties they alone bind; a question left open; the best of each other among their topic's few. */
function ownReasons(e: NonNullable<ClauseChange['match']>['evidence'] & object): string[] {
  return [...(e.ownTerms ? [`only they name ${e.ownTerms.join(', ')}`] : []), ...(e.ownParties ? [`only they bind ${e.ownParties.join(', ')}`] : []), ...(e.openQuestion ? ['a question left open'] : []), ...(e.fewInTopic ? [`each the other's best of the ${e.fewInTopic} left in their topic`] : [])];
}

/** "amnesty ↔ victims-support (score 0.31: text 0.22, same topic, same number; shares amnest, claims)" */
export function possibleLine(p: PossiblePairRef): string {
  const e = p.evidence;
  const why = [`text ${e.text}`, ...(e.terms !== undefined ? [`terms ${e.terms}`] : []), ...(e.topic === 'same' ? ['same topic'] : e.topic === 'open' ? ['one in topic other'] : ['other topics']), ...(e.sameNumber ? ['same number'] : []), ...ownReasons(e)];
  return `${p.from} ↔ ${p.to} (score ${p.score}: ${why.join(', ')}${e.shared.length ? `; shares ${e.shared.join(', ')}` : ''})${ifSo(p.terms)}`;
}

/** "Not ranked: 3 clauses whose terms differ, but one side only carries them over unseen (a, b, c)"; undefined when there are none. */
export function unrankedLine(diff: PlanDiff): string | undefined {
  const ids = diff.summary.carriedUnranked ?? [];
  if (!ids.length) return undefined;
  const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  return `Not ranked: ${ids.length} clause${ids.length === 1 ? ' whose terms differ, but one side only carries it' : 's whose terms differ, but one side only carries them'} over unseen from another version (${shown})`;
}
