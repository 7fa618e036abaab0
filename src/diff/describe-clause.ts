import type { OperativeFlag } from './operative.js';
import type { ClauseChange } from './types.js';

/** "Clause 6 (Cap on Ukraine's armed forces)". */
export function clauseName(c: Pick<ClauseChange, 'from' | 'to'>): string {
  const ref = c.to ?? c.from;
  return ref ? `Clause ${ref.number} (${ref.title})` : 'Clause';
}

/** One flag in words: "obligation softened from will to expected". */
export function describeFlag(f: OperativeFlag): string {
  if (f.kind === 'obligation') return `obligation ${f.direction} from ${f.from ?? '(none)'} to ${f.to ?? '(none)'}`;
  const what = f.words.length ? ` (${f.words.join(', ')})` : '';
  return `${f.kind} ${f.change}${what}`;
}

/**
 * One sentence for a clause change, most important parts first: kind, term
 * changes, operative language, other fields, wording.
 */
export function describeClause(c: ClauseChange): string {
  const name = clauseName(c);
  const others = c.related.length ? ` ${c.kind === 'split' ? (c.from && !c.to ? 'into' : 'with') : c.to && !c.from ? 'from' : 'with'} ${c.related.join(', ')}` : '';
  if (!c.from) return `${name} ${c.kind === 'added' ? 'added' : `added (${c.kind}${others})`}`;
  if (!c.to) return `${name} ${c.kind === 'removed' ? 'removed' : `${c.kind}${others}`}`;
  const parts: string[] = [];
  if (c.kind === 'split' || c.kind === 'merged') parts.push(`${c.kind}${others}`);
  if (c.renumbered) parts.push(`renumbered ${c.from.number} → ${c.to.number}`);
  if (c.moved) parts.push('moved');
  for (const t of c.terms) parts.push(t.says);
  for (const f of c.text?.flags ?? []) parts.push(describeFlag(f));
  for (const f of c.fields) {
    if (f.field === 'number') continue;
    // Bookkeeping fields get a word; what the clause does gets the detail.
    if (f.field === 'sources' || f.field === 'note') parts.push(`${f.field} changed`);
    else if (f.field === 'title') parts.push('retitled');
    else parts.push(f.says);
  }
  if (c.text) parts.push(c.text.replaced ? 'text rewritten' : 'reworded');
  return parts.length ? `${name}: ${parts.join('; ')}` : `${name} unchanged`;
}
