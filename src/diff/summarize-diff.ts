import { numbered } from './clause-name.js';
import type { Topic } from '../model/types.js';
import { leadOf } from './describe-clause.js';
import type { ChangeKind, ClauseChange, DiffSummary, FieldChange, Highlight, RenumberRun } from './types.js';
import { weightOf } from './weigh.js';

const KINDS: ChangeKind[] = ['added', 'removed', 'split', 'merged', 'modified', 'renumbered', 'moved', 'unchanged'];
const HIGHLIGHTS = 10;

/**
 * Counts by kind and topic, runs of renumbered clauses, and the ranked list
 * of what matters most. `boost` (clause id → extra weight) lets callers that
 * know the stakeholders rank changes that move them higher.
 */
export function summarizeDiff(clauses: readonly ClauseChange[], meta: readonly FieldChange[], boost?: ReadonlyMap<string, number>): DiffSummary {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const topics = new Map<Topic, Partial<Record<ChangeKind, number>>>();
  for (const c of clauses) {
    counts[c.kind]++;
    if (c.kind === 'unchanged') continue;
    const topic = (c.to ?? c.from)?.topic as Topic;
    const row = topics.get(topic) ?? {};
    row[c.kind] = (row[c.kind] ?? 0) + 1;
    topics.set(topic, row);
  }
  return {
    identical: counts.unchanged === clauses.length && meta.length === 0,
    counts,
    renumbered: clauses.filter((c) => c.renumbered).length,
    moved: clauses.filter((c) => c.moved).length,
    metaChanges: new Set(meta.map((f) => f.field)).size,
    byTopic: [...topics].map(([topic, row]) => ({ topic, ...row })),
    renumberings: renumberRuns(clauses),
    highlights: rank(clauses, boost),
    ...unranked(clauses),
  };
}

/** Clauses carried over unseen whose terms (other than those their writer changed) or operative words differ: left out of the ranking, counted so a reader knows. */
function unranked(clauses: readonly ClauseChange[]): { carriedUnranked?: string[] } {
  const ids = clauses.filter((c) => c.carried && (c.terms.some((t) => !t.stated) || (c.text?.flags.length ?? 0) > 0)).map((c) => (c.to ?? c.from)?.id ?? '');
  return ids.length ? { carriedUnranked: ids } : {};
}

/**
 * The changes of substance, heaviest first; among equals, more term changes,
 * then reading order. Changes of bookkeeping alone (certainty, sources,
 * notes, titles, wording, numbering) have no weight and are never listed.
 */
export function rank(clauses: readonly ClauseChange[], boost?: ReadonlyMap<string, number>): Highlight[] {
  return clauses
    .map((c, i) => {
      const id = (c.to ?? c.from)?.id ?? '';
      const base = weightOf(c);
      return { c, i, id, weight: base > 0 ? Math.round((base + (boost?.get(id) ?? 0)) * 100) / 100 : 0 };
    })
    .filter((x) => x.weight > 0)
    .sort((x, y) => y.weight - x.weight || y.c.terms.length - x.c.terms.length || x.i - y.i)
    .slice(0, HIGHLIGHTS)
    .map(({ c, id, weight }) => ({ clause: id, kind: c.kind, weight, says: leadOf(c) }));
}

/**
 * Clauses whose only change is their number, in runs of consecutive clauses
 * shifted alike: one line for "clauses 10–28 renumbered −1" instead of nineteen.
 */
export function renumberRuns(clauses: readonly ClauseChange[]): RenumberRun[] {
  const runs: RenumberRun[] = [];
  let run: (RenumberRun & { lastIndex: number }) | undefined;
  const close = () => {
    if (run) runs.push({ first: run.first, last: run.last, firstTo: run.firstTo, lastTo: run.lastTo, count: run.count, shift: run.shift, ...(run.after ? { after: run.after } : {}) });
    run = undefined;
  };
  let previous: ClauseChange | undefined;
  for (const c of clauses) {
    if (c.kind !== 'renumbered' || c.moved || c.from?.number === undefined || c.to?.number === undefined) {
      close();
      previous = c;
      continue;
    }
    const [a, b] = [Number(c.from.number), Number(c.to.number)];
    const shift = Number.isInteger(a) && Number.isInteger(b) ? b - a : null;
    if (run && shift !== null && run.shift === shift && c.to.index === run.lastIndex + 1) {
      run.last = c.from.number;
      run.lastTo = c.to.number;
      run.count++;
      run.lastIndex = c.to.index;
    } else {
      close();
      const cause = previous && (previous.kind === 'removed' || previous.kind === 'added') ? previous : undefined;
      const after = cause ? `${numbered(cause.from ?? cause.to)} was ${cause.kind}` : undefined;
      run = { first: c.from.number, last: c.from.number, firstTo: c.to.number, lastTo: c.to.number, count: 1, shift, lastIndex: c.to.index, ...(after ? { after } : {}) };
    }
    previous = c;
  }
  close();
  return runs;
}
