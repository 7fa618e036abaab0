import { numbered } from './clause-name.js';
import type { Topic } from '../model/types.js';
import { clauseName, ifSo, leadOf } from './describe-clause.js';
import { isOpenStatus } from '../model/clause-state.js';
import type { ChangeKind, ClauseChange, DiffSummary, FieldChange, Highlight, OperativeFlag, PossiblePairRef, RenumberRun } from './types.js';
import { METADATA_FIELDS, weightOf } from './weigh.js';

const KINDS: ChangeKind[] = ['added', 'removed', 'split', 'merged', 'modified', 'renumbered', 'moved', 'unchanged'];
const HIGHLIGHTS = 10;
/** How many clauses a line of clauses left open names by their titles; the rest by their numbers. */
const LEFT_OPEN_NAMED = 4;

/** What the ranking knows beside the clause changes. */
export interface RankOptions {
  /** Clause id → extra weight, from callers that know the stakeholders. */
  boost?: ReadonlyMap<string, number>;
  /** Near misses of the matcher: a removed and an added clause that may be one, told in one line. */
  possible?: readonly PossiblePairRef[];
}

/**
 * Counts by kind and topic, runs of renumbered clauses, and the ranked list
 * of what matters most.
 */
export function summarizeDiff(clauses: readonly ClauseChange[], meta: readonly FieldChange[], options: RankOptions = {}): DiffSummary {
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
    highlights: rank(clauses, options),
    ...unranked(clauses),
  };
}

/**
 * Clauses carried over unseen whose terms (other than those their writer
 * changed) or operative words differ, and which weigh nothing for it: left out
 * of the ranking, counted so a reader knows. One ranked by what its writer
 * stated (a status, a changed term) is not listed: its line says the rest is
 * carried over.
 */
function unranked(clauses: readonly ClauseChange[]): { carriedUnranked?: string[] } {
  const ids = clauses.filter((c) => c.carried && (c.terms.some((t) => !t.stated) || (c.text?.flags.length ?? 0) > 0) && weightOf(c) === 0).map((c) => (c.to ?? c.from)?.id ?? '');
  return ids.length ? { carriedUnranked: ids } : {};
}

/**
 * The changes of substance, heaviest first; among equals, more term changes,
 * then reading order. Changes of bookkeeping alone (certainty, sources,
 * notes, titles, wording, numbering) have no weight and are never listed.
 * A removed clause and an added one that the matcher offers as a possible
 * pair are one line (the heavier's weight), since they may be one clause
 * rewritten: two lines would spend two places on one uncertain change. So are
 * a removed clause and an added one printed with the same number, where the
 * two versions number alike (most clauses paired keep their number) and the
 * removal is stated, not only unseen: the new clause took the old one's place
 * ("Clause 26 (Full amnesty) removed; Clause 26 (Victims' suffering) added in
 * its place").
 */
export function rank(clauses: readonly ClauseChange[], { boost, possible = [] }: RankOptions = {}): Highlight[] {
  const weighed = clauses
    .map((c, i) => {
      const id = (c.to ?? c.from)?.id ?? '';
      const base = weightOf(c);
      return { c, i, id, weight: base > 0 ? Math.round((base + (boost?.get(id) ?? 0)) * 100) / 100 : 0 };
    })
    .filter((x) => x.weight > 0)
    .sort((x, y) => y.weight - x.weight || y.c.terms.length - x.c.terms.length || x.i - y.i);
  const open = leftOpenRuns(weighed.map((x) => x.c));
  const partner = possiblePartners(weighed.map((x) => x.c), possible);
  const inPlace = numberAlike(clauses) ? samePlace(weighed.map((x) => x.c), partner) : new Map<ClauseChange, ClauseChange>();
  const told = new Set<string>();
  const out: Highlight[] = [];
  for (const x of weighed) {
    if (out.length === HIGHLIGHTS) break;
    if (told.has(x.id)) continue;
    // A removal and the addition it may be, or that took its place: told once, the removal first
    // ("Clause 7 (…) removed; Clause E-4 (…) added: possibly the same clause (score 0.33)").
    const other = partner.get(x.c) ?? inPlace.get(x.c);
    const line = other && weighed.find((y) => y.c === other);
    if (line) {
      const [gone, come] = x.c.from ? [x, line] : [line, x];
      told.add(gone.id).add(come.id);
      const pair = partner.has(x.c) ? possible.find((p) => p.from === gone.id && p.to === come.id) : undefined;
      const how = pair ? `: possibly the same clause (score ${pair.score.toFixed(2)}${ifSo(pair.terms)})` : ' in its place';
      out.push({ clause: come.id, kind: 'added', weight: x.weight, with: gone.id, says: `${leadOf(gone.c)}; ${leadOf(come.c)}${how}` });
      continue;
    }
    // Clauses that only became questions left open, with the same status: one line, where the heaviest stands.
    const run = open.get(x.c);
    if (run) {
      const ids = run.map((c) => (c.to ?? c.from)?.id ?? '');
      for (const id of ids) told.add(id);
      out.push({ clause: x.id, kind: x.c.kind, weight: x.weight, also: ids.slice(1), says: leftOpenLine(run) });
      continue;
    }
    told.add(x.id);
    out.push({ clause: x.id, kind: x.c.kind, weight: x.weight, says: leadOf(x.c) });
  }
  return out;
}

/**
 * A paired clause whose news is only that a proposal became a question left
 * open (bracketed or deferred, stating no terms in the new version): its new
 * status. Not a settled point reopened (agreed → bracketed) nor one already
 * open, and not one whose parties, topic or other fields changed too, or that
 * gained an operative word: those say more than the status, and keep their own
 * line. The terms it leaves open, the parties it no longer names, the operative
 * words gone with its text and what it waits on (conditions) are the detail of
 * leaving it open.
 */
function leftOpenAs(c: ClauseChange): string | undefined {
  // An operative word that went with the rest of the clause is part of leaving it open; one put in is news. Not a "not":
  // in a question's own words it says what is left open ("the answer does not take up the dialogue").
  const news = (f: OperativeFlag) => (f.kind === 'obligation' ? f.to !== null : f.change === 'added' && f.kind !== 'negation');
  // A question that stands for several clauses (a merge or split) became a question left open all the same.
  const pairedOrGrouped = c.kind === 'modified' || c.kind === 'merged' || c.kind === 'split';
  if (!c.from || !c.to || c.carried || c.to.termCount || !pairedOrGrouped || (c.text?.flags ?? []).some(news)) return undefined;
  const status = c.fields.find((f) => f.field === 'status');
  if (!status || status.from !== 'proposed' || !isOpenStatus(status.to)) return undefined;
  // A question that names no parties leaves them open with the rest; one that names others says more.
  const unstated = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
  const detail = new Set(['status', 'terms', 'conditions']);
  const more = c.fields.some((f) => !detail.has(f.field) && !METADATA_FIELDS.has(f.field) && !(f.field === 'parties' && unstated(f.to)));
  return more || c.from.topic !== c.to.topic ? undefined : String(status.to);
}

/**
 * Clauses that only became questions left open, by their new status, where
 * two or more share it, heaviest first: each run's heaviest maps to the run
 * (weighed in order). A reply that leaves ten points open is one line for
 * them, and leaves room for what it says.
 */
function leftOpenRuns(clauses: readonly ClauseChange[]): Map<ClauseChange, ClauseChange[]> {
  const runs = new Map<string, ClauseChange[]>();
  for (const c of clauses) {
    const status = leftOpenAs(c);
    if (!status) continue;
    const run = runs.get(status);
    if (run) run.push(c);
    else runs.set(status, [c]);
  }
  const out = new Map<ClauseChange, ClauseChange[]>();
  for (const run of runs.values()) if (run.length > 1) out.set(run[0] as ClauseChange, run);
  return out;
}

/**
 * "Left open, now bracketed: Clause 13 (Demilitarisation), Clause 15 (Stabilisation force) and Clause 16
 * (Withdrawal)". Every clause of the run is named: the first four by their titles, the rest by
 * their numbers where they have one ("; also clauses 14, 17 and 18").
 */
function leftOpenLine(run: readonly ClauseChange[]): string {
  // An unnumbered clause by its title, and the number it had ("Unnumbered clause" five times over says nothing).
  const name = (c: ClauseChange) => (c.to?.number !== undefined ? clauseName(c) : `${c.to?.title ?? ''}${c.from?.number !== undefined ? ` (was clause ${c.from.number})` : ''}`);
  const numberOf = (c: ClauseChange) => c.to?.number ?? c.from?.number;
  const rest = run.slice(LEFT_OPEN_NAMED);
  const byTitle = [...run.slice(0, LEFT_OPEN_NAMED), ...rest.filter((c) => numberOf(c) === undefined)].map(name);
  const byNumber = rest.map(numberOf).filter((n): n is string => n !== undefined);
  const also = byNumber.length ? `; also clause${byNumber.length > 1 ? 's' : ''} ${andList(byNumber)}` : '';
  return `Left open, now ${run[0] ? leftOpenAs(run[0]) : ''}: ${andList(byTitle)}${also}`;
}

/** "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}

/**
 * Removed and added clauses of weight paired by their best possible pair,
 * each used once, best score first: the clause change → the one it may be.
 */
function possiblePartners(clauses: readonly ClauseChange[], possible: readonly PossiblePairRef[]): Map<ClauseChange, ClauseChange> {
  const out = new Map<ClauseChange, ClauseChange>();
  if (!possible.length) return out;
  const removed = new Map(clauses.filter((c) => c.kind === 'removed' && c.from).map((c) => [c.from?.id, c]));
  const added = new Map(clauses.filter((c) => c.kind === 'added' && c.to).map((c) => [c.to?.id, c]));
  for (const p of [...possible].sort((x, y) => y.score - x.score)) {
    const [a, b] = [removed.get(p.from), added.get(p.to)];
    if (!a || !b || out.has(a) || out.has(b)) continue;
    out.set(a, b).set(b, a);
  }
  return out;
}

/**
 * Removed and added clauses of weight printed with the same number, each used
 * once and not already told with a possible pair: the added one took the
 * removed one's place.
 */
function samePlace(clauses: readonly ClauseChange[], taken: ReadonlyMap<ClauseChange, ClauseChange>): Map<ClauseChange, ClauseChange> {
  const out = new Map<ClauseChange, ClauseChange>();
  const removed = new Map<string, ClauseChange>();
  for (const c of clauses) if (c.kind === 'removed' && !c.partial && c.from?.number !== undefined && !taken.has(c) && !removed.has(c.from.number)) removed.set(c.from.number, c);
  for (const c of clauses) {
    const gone = c.kind === 'added' && c.to?.number !== undefined && !taken.has(c) ? removed.get(c.to.number) : undefined;
    if (!gone || out.has(gone)) continue;
    out.set(gone, c).set(c, gone);
  }
  return out;
}

/** Whether two versions number their clauses alike: at least half the paired clauses printed with a number on both sides keep it. */
function numberAlike(clauses: readonly ClauseChange[]): boolean {
  let numbered = 0;
  let kept = 0;
  for (const c of clauses) {
    if (c.from?.number === undefined || c.to?.number === undefined) continue;
    numbered++;
    if (c.from.number === c.to.number) kept++;
  }
  return numbered > 0 && 2 * kept >= numbered;
}

/**
 * Clauses whose number changed (alone, or beside other changes: another hand's ids), in runs
 * of consecutive clauses shifted alike: one line for "clauses 10–28 renumbered −1" instead of
 * nineteen. A clause added between them that shifts nothing (a "20a") does not break a run.
 */
export function renumberRuns(clauses: readonly ClauseChange[]): RenumberRun[] {
  const runs: RenumberRun[] = [];
  const addedAt = new Set(clauses.filter((c) => c.kind === 'added' && c.to).map((c) => c.to?.index));
  const onlyAdded = (from: number, to: number) => {
    for (let k = from + 1; k < to; k++) if (!addedAt.has(k)) return false;
    return true;
  };
  let run: (RenumberRun & { lastIndex: number; modified: boolean; affix: string | undefined }) | undefined;
  // A lone clause with other changes tells its new number in its own lines; a run of them, or a clause only renumbered, here.
  const close = () => {
    if (run && !(run.count === 1 && run.modified)) runs.push({ first: run.first, last: run.last, firstTo: run.firstTo, lastTo: run.lastTo, count: run.count, shift: run.shift, ...(run.after ? { after: run.after } : {}) });
    run = undefined;
  };
  let previous: ClauseChange | undefined;
  for (const c of clauses) {
    if ((c.kind !== 'renumbered' && c.kind !== 'modified') || !c.renumbered || c.moved || c.from?.number === undefined || c.to?.number === undefined) {
      // An added clause leaves the run open: the next clause tells whether the numbering went on alike.
      if (!(c.kind === 'added' && c.to)) close();
      previous = c;
      continue;
    }
    const [a, b] = [numberParts(c.from.number), numberParts(c.to.number)];
    // "4a" → "3a" and "x5" → "x4" shift as "4" → "3" does: the same letters around a number that moved.
    const affix = a && b && a.pre === b.pre && a.post === b.post ? `${a.pre}\u0000${a.post}` : undefined;
    const shift = a && b && affix !== undefined ? b.n - a.n : null;
    if (run && shift !== null && run.shift === shift && run.affix === affix && c.to.index > run.lastIndex && onlyAdded(run.lastIndex, c.to.index)) {
      run.last = c.from.number;
      run.lastTo = c.to.number;
      run.count++;
      run.lastIndex = c.to.index;
      run.modified &&= c.kind === 'modified';
    } else {
      close();
      // A removal before the run explains a shift down, an addition a shift up; nothing else is told as its cause.
      const cause = previous && ((previous.kind === 'removed' && (shift ?? 0) < 0) || (previous.kind === 'added' && (shift ?? 0) > 0)) ? previous : undefined;
      const after = cause ? `${numbered(cause.from ?? cause.to)} was ${cause.kind}` : undefined;
      run = { first: c.from.number, last: c.from.number, firstTo: c.to.number, lastTo: c.to.number, count: 1, shift, affix, lastIndex: c.to.index, modified: c.kind === 'modified', ...(after ? { after } : {}) };
    }
    previous = c;
  }
  close();
  return runs;
}

/** A clause number as the letters before and after one whole number ("x4" → x, 4, ""; "12" → "", 12, ""), or null. */
function numberParts(number: string): { pre: string; n: number; post: string } | null {
  const m = /^(\D*?)(\d+)(\D*)$/.exec(number);
  return m ? { pre: m[1] ?? '', n: Number(m[2]), post: m[3] ?? '' } : null;
}
