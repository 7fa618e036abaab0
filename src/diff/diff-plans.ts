import { matchClauses } from '../match/match-clauses.js';
import { containment, textTokens } from '../match/tokens.js';
import { isCarried, isOpenStatus } from '../model/clause-state.js';
import type { ClauseGroup, ClausePair, PairRules } from '../match/match-clauses.js';
import type { Addition, Clause, FamilyTerms, Plan, Removal } from '../model/types.js';
import { vocabularyOf } from '../schema/family-schema.js';
import { deepEqual } from '../util/deep-equal.js';
import { fingerprint } from '../util/fingerprint.js';
import { groupBy } from '../util/group-by.js';
import { lowerBound } from '../util/lower-bound.js';
import { describeClause } from './describe-clause.js';
import { asUnreported, describeTerm, linkQuantityKinds, NOT_REPORTED_HERE } from './describe-term.js';
import type { Gone, TermChange } from './describe-term.js';
import { linkOwnNumbers } from './own-numbers.js';
import { diffFields } from './diff-fields.js';
import { operativeFlags } from './operative.js';
import type { OperativeFlag } from './operative.js';
import { orderChanges } from './order-changes.js';
import { summarizeDiff } from './summarize-diff.js';
import { termSpec } from './term-kinds.js';
import type { TermSpec } from './term-kinds.js';
import { diffText } from './text-diff.js';
import type { ChangeKind, ClauseChange, ClauseRef, DiffSide, IgnoreClass, PlanDiff, TextChange } from './types.js';
import { asUnreportedConditions, conditionsUnreportedBy, describeProvision } from './describe-provision.js';
import { carriedSources } from './carried-sources.js';
import { saysNothing } from './weigh.js';
import { markMovedTerms } from './moved-terms.js';

/** Options of {@link diffPlans}. */
export interface DiffOptions extends PairRules {
  /**
   * Classes of change to leave out entirely (`sources`, `notes`, `certainty`,
   * `titles`, `wording`, `numbering`): a clause whose only changes are of
   * these classes counts as unchanged. Such a diff cannot be applied.
   */
  ignore?: readonly IgnoreClass[];
  /** The family's own topics and terms (its terms.yaml), so its terms compare by their declared types. */
  terms?: FamilyTerms;
  /**
   * Other versions of the family. A clause carried over unseen (`carriedFrom`) is
   * compared with its clause in the version it repeats: a term whose value differs
   * there is its writer's own statement, so its change is reported and ranked
   * (`stated`). Without them, nothing on a carried side counts as stated.
   */
  versions?: readonly Plan[];
}

/** Every class {@link DiffOptions.ignore} takes. */
export const IGNORE_CLASSES: readonly IgnoreClass[] = ['sources', 'notes', 'certainty', 'titles', 'wording', 'numbering'];

/** The clause field each ignorable class stands for. */
const IGNORED_FIELD: Record<IgnoreClass, string> = { sources: 'sources', notes: 'note', certainty: 'certainty', titles: 'title', wording: 'text', numbering: 'number' };

/**
 * The semantic difference between two versions of a plan: which clauses were
 * added, removed, split, merged, modified, renumbered or moved, with typed term
 * changes, word-level text changes and operative-language flags.
 *
 * @param a - the old version
 * @param b - the new version
 * @param options - pairs to pin or forbid, by clause id; classes of change to ignore
 * @returns plain JSON data (see schemas/diff.schema.json), the same for the same inputs
 * @example
 * const diff = diffPlans(us, e3);
 * diff.clauses.find((c) => c.to?.id === 'army-cap')?.terms[0]?.says;
 * // 'cap raised 600,000 → 800,000 personnel (+33 %)'
 */
export function diffPlans(a: Plan, b: Plan, options: DiffOptions = {}): PlanDiff {
  // A clause its version is reported to add since the other (its `added`) is no clause of the other: it pairs with none.
  const [newInA, newInB] = [reportedNew(a, b), reportedNew(b, a)];
  const alone = newInA.size || newInB.size ? { alone: { from: new Set([...(options.alone?.from ?? []), ...newInA.keys()]), to: new Set([...(options.alone?.to ?? []), ...newInB.keys()]) } } : {};
  const matching = matchClauses(a.clauses, b.clauses, { ...options, ...alone });
  const schema = options.terms ? vocabularyOf(options.terms).plan : undefined;
  const ignore = new Set(options.ignore ?? []);
  const moved = movedPairs(matching.pairs);
  const groupOfA = new Map<number, ClauseGroup>();
  const groupOfB = new Map<number, ClauseGroup>();
  for (const g of matching.groups) {
    for (const i of g.from) groupOfA.set(i, g);
    for (const j of g.to) groupOfB.set(j, g);
  }
  // A clause on one side names the group's clauses on the other side; a pair names the other parts.
  const idsOf = (g: ClauseGroup, side: 'from' | 'to') => (side === 'from' ? g.from.map((i) => a.clauses[i]?.id) : g.to.map((j) => b.clauses[j]?.id));
  // A pair's other parts leave out the pair's own clause on the parts' side only: an old and a new clause may share an id.
  const related = (g: ClauseGroup | undefined, side: 'from' | 'to' | 'parts', self?: { from: string; to: string }) => {
    if (!g) return [];
    const partsSide = g.kind === 'split' ? 'to' : 'from';
    const ids = side === 'parts' ? idsOf(g, partsSide) : idsOf(g, side);
    return [...new Set(ids.filter((id): id is string => id !== undefined && (!self || id !== self[partsSide])))];
  };

  const changes: ClauseChange[] = [];
  let sources: Map<Clause, Clause> | undefined;
  const sourceOf = (c: Clause) => (sources ??= carriedSources([a, b], options.versions ?? [])).get(c);
  const pairedA = new Set(matching.pairs.map((p) => p.from));
  const pairedB = new Set(matching.pairs.map((p) => p.to));
  for (const p of matching.pairs) {
    const ca = a.clauses[p.from] as Clause;
    const cb = b.clauses[p.to] as Clause;
    const group = groupOfA.get(p.from) ?? groupOfB.get(p.to);
    // A side carried unseen from a third version holds that version's words: the differences are not reported,
    // save where its writer changed those words (a term that differs from the version it repeats). A side
    // carried from the other side itself but not a copy of it (another id or other words) is a paraphrase,
    // often by another hand: there too only its status and what its writer added count.
    const unseen = [...carriedSide(ca, cb, b), ...carriedSide(cb, ca, a)];
    const change = pairChange(ca, cb, p, moved.has(p.to), group?.kind, related(group, 'parts', { from: ca.id, to: cb.id }), ignore, schema);
    if (group && change.text?.flags.length) groupFlags(change, group, a.clauses, b.clauses);
    if (unseen.length) {
      change.carried = true;
      const own = unseen.map(({ c, source }) => statedTerms(c, source ?? sourceOf(c), schema));
      change.terms = change.terms.map((t) => (own.every((keys) => keys.has(t.term)) ? { ...t, stated: true as const } : t));
      change.says = describeClause(change);
    }
    changes.push(change);
  }
  // A clause on one side only that the other version is reported to drop (its `removed`) is news, not a gap in what is known.
  const droppedByB = reportedDrops(a.clauses.filter((_, i) => !pairedA.has(i) && !groupOfA.has(i)), a.clauses, b, options);
  const droppedByA = reportedDrops(b.clauses.filter((_, j) => !pairedB.has(j) && !groupOfB.has(j)), b.clauses, a, options);
  // So is a clause its own version is reported to add since the other (its `added`), where that one is known only in
  // part: against a version known in full, a clause it lacks is plainly added.
  const [unconfirmedA, unconfirmedB] = [a, b].map((p) => p.clauses.every((c) => c.certainty === 'unconfirmed')) as [boolean, boolean];
  b.clauses.forEach((cb, j) => {
    if (!pairedB.has(j)) changes.push(oneSided(cb, j, 'to', groupOfB.get(j)?.kind ?? 'added', related(groupOfB.get(j), 'from'), knownInPart(a), unconfirmedB, report(droppedByA.get(cb), knownInPart(a) ? newInB.get(cb.id) : undefined, knownInPart(a))));
  });
  a.clauses.forEach((ca, i) => {
    if (!pairedA.has(i)) changes.push(oneSided(ca, i, 'from', groupOfA.get(i)?.kind ?? 'removed', related(groupOfA.get(i), 'to'), knownInPart(b), unconfirmedA, report(droppedByB.get(ca), knownInPart(b) ? newInA.get(ca.id) : undefined, knownInPart(b))));
  });
  markMovedTerms(changes, a.clauses, b.clauses, schema);
  const clauses = orderChanges(changes);
  const meta = diffFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, ['clauses', ...(ignore.has('sources') ? ['sources'] : [])]);
  const possiblePairs = matching.possible.map((p) => {
    const [ca, cb] = [a.clauses[p.from] as Clause, b.clauses[p.to] as Clause];
    // What would change were they one clause, so a reader can judge the pair by what it would mean.
    const terms = diffTerms(ca, cb, schema).filter((t) => !saysNothing(t));
    return { from: ca.id, to: cb.id, score: p.score, evidence: p.evidence, ...(terms.length ? { terms } : {}) };
  });
  const ignored = IGNORE_CLASSES.filter((k) => ignore.has(k));
  return { peaceplanDiff: 2, from: side(a), to: side(b), meta, clauses, possiblePairs, ignored, summary: summarizeDiff(clauses, meta, { possible: possiblePairs }) };
}

function side(p: Plan): DiffSide {
  return { plan: p.plan, version: p.version, date: p.date, fingerprint: fingerprint(p) };
}

/** Where a clause stands in its version. */
function refOf(c: Clause, index: number): ClauseRef {
  const carried = isCarried(c) ? { presence: c.presence, ...(c.carriedFrom !== undefined ? { carriedFrom: c.carriedFrom } : {}) } : {};
  const terms = isMap(c.terms) ? Object.keys(c.terms).length : 0;
  return { id: c.id, ...(c.number !== undefined ? { number: c.number } : {}), index, title: c.title, topic: c.topic, ...(terms ? { termCount: terms } : {}), ...carried, ...(isOpenStatus(c.status) ? { open: true as const } : {}) };
}

function pairChange(ca: Clause, cb: Clause, p: ClausePair, movedAtAll: boolean, group: 'split' | 'merged' | undefined, related: string[], ignore: ReadonlySet<IgnoreClass>, schema: object | undefined): ClauseChange {
  // Most clauses of a revision are untouched: one equality check instead of field-by-field work.
  const same = deepEqual(ca, cb);
  // Terms are compared term by term when both sides have a terms map; otherwise (absent, null) as one field.
  const bothMaps = isMap(ca.terms) && isMap(cb.terms);
  const skipped = [...ignore].map((k) => IGNORED_FIELD[k]);
  const fields = same ? [] : diffFields(ca as unknown as Record<string, unknown>, cb as unknown as Record<string, unknown>, [...(bothMaps ? ['terms', 'text'] : ['text']), ...skipped]);
  const silent = conditionsUnreportedBy(ca, cb);
  const told = fields.map((f) => {
    const d = describeProvision(f, fields, cb.topic, cb, schema, isOpenStatus(cb.status) ? 'left open' : 'dropped');
    return silent && f.field === 'conditions' ? asUnreportedConditions(d, silent) : d;
  });
  // Equal terms have no change to tell, whatever else changed (a renumbered clause): no term-by-term walk.
  const terms = same || deepEqual(ca.terms, cb.terms) ? [] : diffTerms(ca, cb, schema);
  const text = ca.text === cb.text ? null : ignore.has('wording') ? flagsOnly(textChange(ca.text, cb.text)) : textChange(ca.text, cb.text);
  const renumbered = ca.number !== undefined && cb.number !== undefined && ca.number !== cb.number && !ignore.has('numbering');
  const moved = movedAtAll && !ignore.has('numbering');
  const contentChanged = told.some((f) => f.field !== 'number') || terms.length > 0 || text !== null;
  const kind: ChangeKind = group ?? (contentChanged ? 'modified' : renumbered ? 'renumbered' : moved ? 'moved' : 'unchanged');
  const change: ClauseChange = {
    kind,
    from: refOf(ca, p.from),
    to: refOf(cb, p.to),
    match: { method: p.method, score: p.score, ...(p.evidence ? { evidence: p.evidence } : {}) },
    renumbered,
    moved,
    related,
    fields: told,
    terms,
    text,
    says: '',
  };
  change.says = describeClause(change);
  return change;
}

/** True for a version whose text is known only in part: reported by the press in parts, or reconstructed from partial reports. */
function knownInPart(p: Plan): boolean {
  return p.provenance === 'reported' || p.provenance === 'reconstructed';
}

/**
 * The clauses of one side (`clauses`, those left unpaired of `whole`) that
 * `other` is reported to drop: each removal entry found among them as a clause
 * is found (by id, title, content or as the only one of its topic), from its
 * id, topic and title against theirs; else as the only clause of its topic in
 * `whole`, when it is the only removal of that topic left.
 */
function reportedDrops(clauses: readonly Clause[], whole: readonly Clause[], other: Plan, options: DiffOptions): Map<Clause, Removal> {
  const out = new Map<Clause, Removal>();
  const removals = other.removed ?? [];
  if (!removals.length || !clauses.length) return out;
  const rules = options.thresholds ? { thresholds: options.thresholds } : {};
  // A removal as a clause of its title alone; a clause by its title alone, to compare like with like.
  const named = (id: string, topic: Clause['topic'], title: string, sources: string[]): Clause => ({ id, topic, title, text: title, status: 'proposed', certainty: 'reported', sources });
  const match = (cs: readonly Clause[], rs: readonly Removal[], byTitle: boolean) => {
    const side = byTitle ? cs.map((c) => ({ ...named(c.id, c.topic, c.title, c.sources), ...(c.number !== undefined ? { number: c.number } : {}) })) : cs;
    for (const p of matchClauses(side, rs.map((r) => named(r.clause, r.topic, r.title, r.sources)), rules).pairs) out.set(cs[p.from] as Clause, rs[p.to] as Removal);
  };
  // First by what the clauses say (a title may share nothing with the removal's, the text its numbers);
  // then, for the rest, by their titles alone: a removal names its clause by title.
  match(clauses, removals, false);
  const found = new Set(out.values());
  const [left, open] = [clauses.filter((c) => !out.has(c)), removals.filter((r) => !found.has(r))];
  if (left.length && open.length) match(left, open, true);
  // Last, by topic alone, which a removal declares so it is found under any name: the only removal
  // left of its topic drops the clause that is the only one of that topic in the whole version.
  const all = groupBy(whole, (c) => c.topic);
  const taken = new Set(out.values());
  const openByTopic = groupBy(removals.filter((r) => !taken.has(r)), (r) => r.topic);
  for (const [topic, rs] of openByTopic) {
    const cs = all.get(topic);
    const c = cs?.[0];
    if (topic !== 'other' && rs.length === 1 && cs?.length === 1 && c && clauses.includes(c) && !out.has(c)) out.set(c, rs[0] as Removal);
  }
  return out;
}

/** The clauses `p` is reported to add since `other` (entries of its `added` that name `other`, or name no version when `other` is its parent), by id. */
function reportedNew(p: Plan, other: Plan): Map<string, Addition> {
  const out = new Map<string, Addition>();
  for (const x of p.added ?? []) if ((x.since ?? p.parent) === other.version && !out.has(x.clause)) out.set(x.clause, x);
  return out;
}

/**
 * A report of what a clause on one side only is: dropped from the other version (that version's `removed`), or new in
 * its own (its `added`). A removal from a version known in full (`otherInPart` false) rests on its text, which lacks the
 * clause, not on the report: it is not `unconfirmed`, however sure the report that names it.
 */
function report(dropped: Removal | undefined, added: Addition | undefined, otherInPart: boolean): ClauseChange['reported'] {
  const by = dropped ?? added;
  if (!by) return undefined;
  const unsure = by.certainty === 'unconfirmed' && (!dropped || otherInPart);
  return { sources: [...by.sources], ...(unsure ? { unconfirmed: true as const } : {}), ...(!dropped ? { added: true as const } : {}) };
}

/**
 * The change for a clause on one side only. Unconfirmed there, it is `uncertain` (not news that the other
 * version lacks it) unless every clause of its version is unconfirmed (`allUnconfirmed`): a version that
 * rests on one report as a whole is as sure of this clause as of any other it states.
 */
function oneSided(c: Clause, index: number, where: 'from' | 'to', kind: ChangeKind, related: string[], otherInPart: boolean, allUnconfirmed: boolean, reported?: ClauseChange['reported']): ClauseChange {
  const ref = refOf(c, index);
  const change: ClauseChange = {
    kind,
    from: where === 'from' ? ref : null,
    to: where === 'to' ? ref : null,
    match: null,
    renumbered: false,
    moved: false,
    related,
    fields: [],
    terms: [],
    text: null,
    clause: c,
    ...((c.certainty === 'unconfirmed' && !allUnconfirmed) || isCarried(c) ? { uncertain: true as const } : {}),
    ...(reported && (kind === 'added' || kind === 'removed') ? { reported } : otherInPart && (kind === 'added' || kind === 'removed') ? { partial: true as const } : {}),
    says: '',
  };
  change.says = describeClause(change);
  return change;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A side of a pair whose content is another version's, not its own: carried over unseen from a third
 * version (its source found among the family's versions), or from the other side's version without
 * being a copy of the clause it is paired with (its source is that clause).
 */
function carriedSide(c: Clause, other: Clause, otherPlan: Plan): Array<{ c: Clause; source?: Clause }> {
  if (!isCarried(c)) return [];
  if (c.carriedFrom !== otherPlan.version) return [{ c }];
  return isCopy(c, other) ? [] : [{ c, source: other }];
}

/** A carried clause that repeats its source as it is written: the same id and the same words. */
function isCopy(c: Clause, source: Clause): boolean {
  return c.id === source.id && c.text === source.text;
}

/**
 * The terms a clause carried over unseen states itself: those that differ from its clause in the
 * version it repeats (none when that is not known). In a copy (the same id and words), every value its
 * writer changed is a statement; a clause carried in words of its own was written from what its writer
 * knew of the source, often by another hand, so only the terms it adds are.
 */
function statedTerms(c: Clause, source: Clause | undefined, schema: object | undefined): Set<string> {
  if (!source) return new Set();
  const copy = isCopy(c, source);
  return new Set(diffTerms(source, c, schema).filter((t) => !saysNothing(t) && (copy || t.change === 'added')).map((t) => t.term));
}

/** Term by term, in the order the terms first appear (old version first). */
function diffTerms(ca: Pick<Clause, 'topic' | 'terms' | 'unreported'>, cb: Pick<Clause, 'topic' | 'terms' | 'status' | 'unreported'>, schema: object | undefined): TermChange[] {
  // A clause left open (bracketed, deferred) does not drop the old terms it does not state: it leaves them unsettled.
  const gone: Gone = isOpenStatus(cb.status) ? 'left open' : 'dropped';
  const ta = isMap(ca.terms) ? ca.terms : {};
  const tb = isMap(cb.terms) ? cb.terms : {};
  // A term one version does not report is not known there: told so, and neither dropped nor added by it.
  const unknownIn = (c: Pick<Clause, 'unreported'>, t: Record<string, unknown>) => new Set((c.unreported ?? []).filter((k) => !Object.hasOwn(t, k)));
  const [notInA, notInB] = [unknownIn(ca, ta), unknownIn(cb, tb)];
  const keys = [...new Set([...Object.keys(ta), ...Object.keys(tb)])];
  const specs = new Map<string, TermSpec>();
  const unreported: TermChange[] = [];
  const changes = keys.flatMap((k) => {
    const from = Object.hasOwn(ta, k) ? ta[k] : undefined;
    const to = Object.hasOwn(tb, k) ? tb[k] : undefined;
    // A term only the old clause has is read by the old clause's topic (a clause can change topic).
    const spec = to !== undefined ? termSpec(cb.topic, k, to, schema) : termSpec(ca.topic, k, from, schema);
    const side = notInB.has(k) ? 'to' : notInA.has(k) ? 'from' : undefined;
    if (side) {
      const c = describeTerm(k, spec, from, to, NOT_REPORTED_HERE);
      if (c) unreported.push(asUnreported(c, side));
      return [];
    }
    specs.set(k, spec);
    const c = describeTerm(k, spec, from, to, gone);
    return c ? [c] : [];
  });
  // Kinds are linked among reported terms only: a cap not reported is not replaced by a level that is.
  const linked = linkQuantityKinds(changes, specs);
  // Across the catch-all, where one writer named the terms, a number named otherwise is one number changed.
  return [...((ca.topic === 'other') !== (cb.topic === 'other') ? linkOwnNumbers(linked, specs) : linked), ...unreported];
}

/**
 * Keeps, in place, only the operative flags of a pair in a split or merge that its own words show:
 * the whole's sentences another part of the group took ("Israel will neither occupy nor annex
 * Gaza" given a clause of its own) are not this pair's, so a "will" or a "neither … nor" that went
 * with them did not leave the text; what the pair still says is compared as before.
 */
function groupFlags(change: ClauseChange, group: ClauseGroup, a: readonly Clause[], b: readonly Clause[]): void {
  const text = change.text as TextChange;
  const [i, j] = [change.from?.index as number, change.to?.index as number];
  const othersA = group.from.filter((k) => k !== i).map((k) => a[k]?.text ?? '');
  const othersB = group.to.filter((k) => k !== j).map((k) => b[k]?.text ?? '');
  const own = operativeFlags(diffText(withoutTaken(a[i]?.text ?? '', othersB), withoutTaken(b[j]?.text ?? '', othersA)).hunks);
  const shown = (f: OperativeFlag) =>
    f.kind === 'obligation'
      ? own.some((g) => g.kind === 'obligation' && g.direction === f.direction)
      : own.some((g) => g.kind === f.kind && g.change === f.change && g.words.some((w) => f.words.includes(w)));
  const flags = text.flags.filter(shown);
  if (flags.length === text.flags.length) return;
  change.text = { ...text, flags };
  change.says = describeClause(change);
}

/** The share of a sentence's words (stemmed as for matching) another text must hold for the sentence to be that text's. */
const SENTENCE_HELD = 0.6;

/** A text without its sentences that another text holds (at least {@link SENTENCE_HELD} of their words are there). */
function withoutTaken(text: string, others: readonly string[]): string {
  if (!others.length) return text;
  const held = others.map(textTokens);
  return text
    .split(/(?<=[.;!?])\s+/)
    .filter((sentence) => {
      const own = textTokens(sentence);
      return own.size === 0 || !held.some((h) => containment(own, h) >= SENTENCE_HELD);
    })
    .join(' ');
}

/** With wording ignored, a text change keeps only its operative flags: an added "not" is never wording. */
function flagsOnly(t: TextChange): TextChange | null {
  return t.flags.length ? { hunks: [], replaced: false, flags: t.flags } : null;
}

/** The word-level change of a text, with its operative flags. */
function textChange(from: string, to: string): TextChange {
  const { hunks, replaced } = diffText(from, to);
  return { hunks, replaced, flags: operativeFlags(hunks) };
}

/** Pairs whose relative order changed: those outside a longest increasing run of new positions. */
function movedPairs(pairs: readonly ClausePair[]): Set<number> {
  const seq = [...pairs].sort((x, y) => x.from - y.from).map((p) => p.to);
  const keep = longestIncreasing(seq);
  return new Set(seq.filter((to) => !keep.has(to)));
}

/** The values of one longest strictly increasing subsequence (patience method, O(n log n)). */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailAt: number[] = [];
  const prev: number[] = new Array<number>(seq.length).fill(-1);
  seq.forEach((v, i) => {
    const lo = lowerBound(tails.length, (k) => (tails[k] as number) < v);
    tails[lo] = v;
    tailAt[lo] = i;
    prev[i] = lo > 0 ? (tailAt[lo - 1] as number) : -1;
  });
  const out = new Set<number>();
  for (let i = tailAt[tails.length - 1] ?? -1; i >= 0; i = prev[i] as number) out.add(seq[i] as number);
  return out;
}

