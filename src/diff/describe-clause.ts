import type { OperativeFlag } from './operative.js';
import type { ClauseChange } from './types.js';

/** "Clause 6 (Cap on Ukraine's armed forces)". */
function clauseName(c: Pick<ClauseChange, 'from' | 'to'>): string {
  const ref = c.to ?? c.from;
  return ref ? `Clause ${ref.number} (${ref.title})` : 'Clause';
}

/** One flag in words: "obligation softened from will to expected". */
export function describeFlag(f: OperativeFlag): string {
  if (f.kind === 'obligation') return `obligation ${f.direction} from ${f.from ?? '(none)'} to ${f.to ?? '(none)'}`;
  const what = f.words.length ? ` (${f.words.join(', ')})` : '';
  return `${f.kind} ${f.change}${what}`;
}

/** The parts of what happened to a paired clause, most important first: kind, terms, operative language, fields, wording. */
export function clauseDetails(c: ClauseChange): string[] {
  const parts: string[] = [];
  if (!c.from || !c.to) return parts;
  if (c.kind === 'split' || c.kind === 'merged') parts.push(`${c.kind} with ${c.related.join(', ')}`);
  if (c.renumbered) parts.push(`renumbered ${c.from.number} → ${c.to.number}`);
  if (c.moved) parts.push('moved');
  for (const t of c.terms) parts.push(t.says);
  for (const f of c.text?.flags ?? []) parts.push(describeFlag(f));
  for (const f of c.fields) {
    if (f.field === 'number' || (f.field === 'terms' && c.terms.length > 0)) continue;
    // Bookkeeping fields get a word; what the clause does gets the detail.
    if (f.field === 'sources' || f.field === 'note') parts.push(`${f.field} changed`);
    else if (f.field === 'title') parts.push('retitled');
    else parts.push(f.says);
  }
  if (c.text) parts.push(c.text.replaced ? 'text rewritten' : 'reworded');
  return [...new Set(parts)]; // a term and a clause field can say the same thing (parties)
}

/** One sentence for a clause change: "Clause 6 (Army cap): cap raised 600,000 → 800,000 personnel (+33 %)". */
export function describeClause(c: ClauseChange): string {
  const name = clauseName(c);
  const group = c.related.length ? ` ${c.to ? 'from' : 'into'} ${c.related.join(', ')}` : '';
  if (!c.from) return `${name} ${c.kind === 'added' ? 'added' : `added (${c.kind}${group})`}`;
  if (!c.to) return `${name} ${c.kind === 'removed' ? 'removed' : `${c.kind}${group}`}`;
  const parts = clauseDetails(c);
  return parts.length ? `${name}: ${parts.join('; ')}` : `${name} unchanged`;
}
