import type { Topic } from '../model/types.js';
import type { ChangeKind, ClauseChange, DiffSummary, FieldChange, Highlight } from './types.js';

const KINDS: ChangeKind[] = ['added', 'removed', 'split', 'merged', 'modified', 'renumbered', 'moved', 'unchanged'];
const HIGHLIGHTS = 10;

/** How much a change matters to a reader; see {@link Highlight.weight}. */
function weightOf(c: ClauseChange): number {
  let w = 0;
  if (c.kind === 'added' || c.kind === 'removed') w = 6; // a clause appearing or disappearing is the biggest news
  else if (c.terms.length > 0) w = 5;
  else if ((c.text?.flags.length ?? 0) > 0) w = 4;
  else if (c.kind === 'split' || c.kind === 'merged' || c.fields.some((f) => f.field === 'status')) w = 3;
  else if (c.fields.some((f) => f.field !== 'number') ) w = 2;
  else if (c.renumbered || c.moved) w = 1;
  return w;
}

/** Counts by kind and topic, and the ranked list of what matters most. */
export function summarizeDiff(clauses: readonly ClauseChange[], meta: readonly FieldChange[]): DiffSummary {
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
  const ranked: Highlight[] = clauses
    .map((c, i) => ({ c, i, weight: weightOf(c) }))
    .filter((x) => x.c.kind !== 'unchanged')
    // Among equals, the clause with more term changes first, then reading order.
    .sort((x, y) => y.weight - x.weight || y.c.terms.length - x.c.terms.length || x.i - y.i)
    .slice(0, HIGHLIGHTS)
    .map(({ c, weight }) => ({ clause: (c.to ?? c.from)?.id ?? '', weight, says: c.says }));
  return {
    identical: counts.unchanged === clauses.length && meta.length === 0,
    counts,
    renumbered: clauses.filter((c) => c.renumbered).length,
    moved: clauses.filter((c) => c.moved).length,
    metaChanges: new Set(meta.map((f) => f.field)).size,
    byTopic: [...topics].map(([topic, row]) => ({ topic, ...row })),
    highlights: ranked,
  };
}
