import { isCarried } from '../model/clause-state.js';
import type { Clause } from '../model/types.js';
import { formatTerm } from './describe-term.js';
import type { OperativeFlag } from './operative.js';
import { termSpec } from './term-kinds.js';
import type { ClauseChange } from './types.js';
import { isReorder, METADATA_FIELDS, saysNothing } from './weigh.js';

/** "Clause 6 (Cap on Ukraine's armed forces)"; "Unnumbered clause (…)" where the number is not known. */
export function clauseName(c: Pick<ClauseChange, 'from' | 'to'>): string {
  const ref = c.to ?? c.from;
  if (!ref) return 'Clause';
  return ref.number !== undefined ? `Clause ${ref.number} (${ref.title})` : `Unnumbered clause (${ref.title})`;
}

/** One flag in words: "obligation softened from will to expected". */
export function describeFlag(f: OperativeFlag): string {
  if (f.kind === 'obligation') return `obligation ${f.direction} from ${f.from ?? '(none)'} to ${f.to ?? '(none)'}`;
  const what = f.words.length ? ` (${f.words.join(', ')})` : '';
  return `${f.kind} ${f.change}${what}`;
}

/** What a paired clause does differently, most important first: split or merge, status (agreed, left open: what became of the clause as a whole), terms, operative language, parties and other fields. */
export function substanceParts(c: ClauseChange): string[] {
  const parts: string[] = [];
  if (!c.from || !c.to) return parts;
  if (c.kind === 'split' || c.kind === 'merged') parts.push(`${c.kind} with ${c.related.join(', ')}`);
  const status = c.fields.find((f) => f.field === 'status');
  if (status) parts.push(status.says);
  for (const t of c.terms) if (!saysNothing(t) && !t.unreported) parts.push(t.says);
  for (const f of c.text?.flags ?? []) parts.push(describeFlag(f));
  for (const f of c.fields) {
    if (METADATA_FIELDS.has(f.field) || f.field === 'status' || (f.field === 'terms' && c.terms.length > 0) || isReorder(f) || f.unreported) continue;
    parts.push(f.says);
  }
  return [...new Set(parts)]; // a term and a clause field can say the same thing (parties)
}

/** How a paired clause is labelled and known, in one list: numbering, place, title, certainty, sources (named), note, wording. */
export function metadataParts(c: ClauseChange): string[] {
  const parts: string[] = [];
  if (!c.from || !c.to) return parts;
  if (c.renumbered) parts.push(`renumbered ${c.from.number} → ${c.to.number}`);
  if (c.moved) parts.push('moved');
  for (const f of c.fields) {
    if (f.field === 'title') parts.push('retitled');
    else if (f.field === 'id') parts.push(f.says);
    else if (f.field === 'sources') parts.push(`sources ${[...(f.added ?? []).map((s) => `+${String(s)}`), ...(f.removed ?? []).map((s) => `−${String(s)}`)].join(' ') || 'reordered'}`);
    else if (f.field === 'note') parts.push(f.from === undefined ? 'note added' : f.to === undefined ? 'note removed' : 'note changed');
    else if (f.field === 'certainty' || f.field === 'presence' || (!METADATA_FIELDS.has(f.field) && isReorder(f))) parts.push(f.says);
    else if (f.field === 'carriedFrom' && !c.fields.some((g) => g.field === 'presence')) parts.push(f.says);
  }
  for (const t of c.terms) if (saysNothing(t) || t.unreported) parts.push(t.says);
  for (const f of c.fields) if (f.unreported) parts.push(f.says);
  if (c.text?.hunks.length) parts.push(c.text.replaced ? 'text rewritten' : 'reworded');
  return parts;
}

/** The parts of what happened to a paired clause: substance first, then one line of bookkeeping ("also: retitled; sources +s27 −s10; reworded"). */
export function clauseDetails(c: ClauseChange): string[] {
  const meta = metadataParts(c);
  const also = meta.length ? [`also: ${meta.join('; ')}`] : [];
  if (!c.carried) return [...substanceParts(c), ...also];
  // A side carried over unseen: what its writer stated leads; the rest is said once under the hedge, never as news.
  const own = statedParts(c);
  const rest = substanceParts(c).filter((p) => !own.includes(p));
  return [...own, ...(rest.length ? [`${carriedNote(c, own.length ? 'else ' : '')}${rest.join('; ')}`] : []), ...also];
}

/** The most a highlight says about one clause: its first few substantive changes. */
const LEAD_PARTS = 3;
const LEAD_CHARS = 160;

/** A short lead for the ranked list: "Clause 21 (Territory): regions: …; line of contact changed: …; and 4 more changes". */
export function leadOf(c: ClauseChange): string {
  if (!c.from || !c.to) return c.says;
  const parts = substanceParts(c);
  if (!parts.length) return c.says;
  if (c.carried) {
    const own = statedParts(c);
    if (!own.length) return c.says;
    const from = (c.to.presence ? c.to : c.from).carriedFrom;
    const unseen = `carried over unseen${from ? ` from ${from}` : ''}`;
    const why = !c.terms.some((t) => t.stated) ? `${unseen}; its terms are not reported` : c.terms.some((t) => !t.stated && !saysNothing(t)) ? `its other terms are ${unseen}, not reported` : `the rest ${unseen}`;
    return `${clauseName(c)}: ${lead(own)} (${why})`;
  }
  return `${clauseName(c)}: ${lead(parts)}`;
}

/** The first few parts (three unless told), each cut short, and how many more there are. */
function lead(parts: readonly string[], count = LEAD_PARTS): string {
  const shown = parts.slice(0, count).map((p) => (p.length > LEAD_CHARS ? `${cutAt(p, LEAD_CHARS - 1)}…` : p));
  const more = parts.length - shown.length;
  return `${shown.join('; ')}${more ? `; and ${more} more change${more === 1 ? '' : 's'}` : ''}`;
}

/**
 * `text` cut to at most `max` characters where a reader can stop: after the last whole item of a list
 * ("; " or ", ") in the last two fifths, else after the last whole word; never inside a word.
 */
function cutAt(text: string, max: number): string {
  const head = text.slice(0, max + 1);
  const item = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '));
  if (item >= 0.6 * max) return head.slice(0, item).trimEnd();
  const word = head.lastIndexOf(' ');
  return (word > 0 ? head.slice(0, word) : head.slice(0, max)).replace(/[\s;,:]+$/, '');
}

/** What a possible pair would change were the two one clause: "; if so: nato membership moved down: barred → consensus-required"; empty when nothing. */
export function ifSo(terms: readonly { says: string }[] | undefined): string {
  return terms?.length ? `; if so: ${lead(terms.map((t) => t.says), 2)}` : '';
}

/** What the carried side of a pair states itself: the terms its writer changed from the version it repeats, and its status. */
function statedParts(c: ClauseChange): string[] {
  const status = c.fields.find((f) => f.field === 'status');
  return [...(status ? [status.says] : []), ...c.terms.filter((t) => t.stated && !saysNothing(t)).map((t) => t.says)];
}

/** One sentence for a clause change: "Clause 6 (Army cap): cap raised 600,000 → 800,000 personnel (+33 %)". */
export function describeClause(c: ClauseChange): string {
  const name = clauseName(c);
  const group = c.related.length ? ` ${c.to ? 'from' : 'into'} ${c.related.join(', ')}` : '';
  const carried = c.clause && isCarried(c.clause) ? c.clause : undefined;
  if (carried) {
    const how = carried.presence === 'unknown' ? 'not known whether it is in' : 'assumed to remain in, not seen in';
    return c.from ? `${name} ${how} the earlier version (carried from ${carried.carriedFrom ?? 'another version'}); not in this one` : `${name} ${how} this version (carried from ${carried.carriedFrom ?? 'another version'}); not in the earlier one`;
  }
  // A clause reported new in its version is added (seen the other way, reported absent); one the other version is reported to drop, removed (or restored).
  const reportedAs = !c.reported ? '' : c.reported.added ? (c.from ? 'reported absent from this version' : 'reported new') : c.from ? 'reported' : 'reported dropped from the earlier version';
  const by = c.reported ? ` (${reportedAs}${c.reported.unconfirmed ? ', unconfirmed,' : ''} by ${c.reported.sources.join(', ')})` : '';
  if (!c.from) return `${name} ${c.kind === 'added' ? (c.uncertain ? 'newly reported (unconfirmed)' : c.reported ? `${c.reported.added ? 'added' : 'restored'}${by}` : c.partial ? 'added, or not reported in the earlier version (known only in part)' : 'added') : `added (${c.kind}${group})`}`;
  if (!c.to) return `${name} ${c.kind === 'removed' ? (c.uncertain ? 'not reported in this version (it was unconfirmed)' : c.reported ? `removed${by}` : c.partial ? 'not in this version as far as it is known (its text is known only in part)' : 'removed') : `${c.kind}${group}`}`;
  const parts = [...substanceParts(c), ...metadataParts(c)];
  if (!parts.length) return `${name} unchanged`;
  // A side carried over unseen still states its status and the terms its writer changed: those lead, outside the hedge.
  const own = c.carried ? statedParts(c) : [];
  if (own.length) return `${name}: ${own.join('; ')}; ${carriedNote(c, 'else ')}${parts.filter((p) => !own.includes(p)).join('; ')}`;
  return `${name}: ${carriedNote(c)}${parts.join('; ')}`;
}

/** For a pair with a side carried over unseen: "carried over unseen in the new version (from us-28-point), so what differs is not a reported change: ". */
export function carriedNote(c: Pick<ClauseChange, 'from' | 'to' | 'carried'>, besides = ''): string {
  const side = !c.carried ? undefined : c.to?.presence ? c.to : c.from?.presence ? c.from : undefined;
  if (!side) return '';
  const where = side === c.to ? 'the new version' : 'the old version';
  return `carried over unseen in ${where}${side.carriedFrom ? ` (from ${side.carriedFrom})` : ''}, so what ${besides}differs is not a reported change: `;
}

/** The terms of a whole clause in words, for a clause added or removed: "cap 600,000 personnel; applies in always". */
export function termsInWords(c: Pick<Clause, 'topic' | 'terms'>): string[] {
  return Object.entries(c.terms ?? {}).map(([k, v]) => {
    const spec = termSpec(c.topic, k, v);
    return `${spec.label} ${formatTerm(spec, v)}${spec.unit ? ` ${spec.unit}` : ''}`;
  });
}

/** "clauses 10–28 → 9–27 (−1, after clause 9 was removed)", or "clause 2 → 3". */
export function describeRun(r: { first: string; last: string; firstTo: string; lastTo: string; count: number; shift: number | null; after?: string }): string {
  const which = r.count === 1 ? `clause ${r.first} → ${r.firstTo}` : `clauses ${r.first}–${r.last} → ${r.firstTo}–${r.lastTo}`;
  const why = [...(r.count > 1 && r.shift !== null ? [`${r.shift > 0 ? '+' : '−'}${Math.abs(r.shift)}`] : []), ...(r.after ? [`after ${r.after}`] : [])];
  return `${which}${why.length ? ` (${why.join(', ')})` : ''}`;
}
