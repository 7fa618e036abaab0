import type { FamilyTerms } from '../model/types.js';
import { vocabularyOf } from '../schema/family-schema.js';
import { describeClause } from './describe-clause.js';
import { asUnreportedConditions, describeProvision } from './describe-provision.js';
import { asMoved, asUnreported, describeTerm, linkQuantityKinds, NOT_REPORTED_HERE } from './describe-term.js';
import type { Gone, TermChange } from './describe-term.js';
import { linkOwnNumbers } from './own-numbers.js';
import { fieldChange } from './diff-fields.js';
import { operativeFlags } from './operative.js';
import { orderChanges } from './order-changes.js';
import { summarizeDiff } from './summarize-diff.js';
import { termSpec } from './term-kinds.js';
import type { OperativeFlag } from './operative.js';
import type { TextHunk } from './text-diff.js';
import type { ChangeKind, ClauseChange, FieldChange, PlanDiff } from './types.js';

const OPPOSITE: Partial<Record<ChangeKind, ChangeKind>> = { added: 'removed', removed: 'added', split: 'merged', merged: 'split' };

/**
 * The diff that undoes `diff`: applied to the new version it gives back the
 * old one. Every description (term detail, flags, sentences, summary) is
 * recomputed for the other direction.
 *
 * @example
 * applyDiff(e3, reverseDiff(diffPlans(us, e3))).plan; // equals us
 */
export function reverseDiff(diff: PlanDiff, options: { terms?: FamilyTerms } = {}): PlanDiff {
  const schema = options.terms ? vocabularyOf(options.terms).plan : undefined;
  const meta = diff.meta.map(flipField);
  const clauses = orderChanges(diff.clauses.map((c) => flipClause(c, schema)));
  const topicOf = (id: string, side: 'from' | 'to') => diff.clauses.find((c) => c[side]?.id === id)?.[side]?.topic ?? 'other';
  const possiblePairs = diff.possiblePairs.map((p) => {
    const terms = p.terms ? flipTerms(p.terms, topicOf(p.from, 'from'), topicOf(p.to, 'to'), schema, 'dropped') : [];
    const { terms: _, ...rest } = p;
    return { ...rest, from: p.to, to: p.from, ...(terms.length ? { terms } : {}) };
  });
  return { peaceplanDiff: 2, from: diff.to, to: diff.from, meta, clauses, possiblePairs, ignored: [...diff.ignored], summary: summarizeDiff(clauses, meta, { possible: possiblePairs }) };
}

function flipField(f: FieldChange): FieldChange {
  return fieldChange(f.field, f.to, f.from, f.key);
}

/** A clause's field changes seen from the other side, conditions, options and presence told again. */
function flipFields(fields: readonly FieldChange[], topic: string, schema: object | undefined, gone: Gone): FieldChange[] {
  const flipped = fields.map(flipField);
  // Conditions one side did not report stay unreported by that side, which is now the other one.
  return flipped.map((f, i) => {
    const told = describeProvision(f, flipped, topic, undefined, schema, gone);
    const side = fields[i]?.unreported;
    return side ? asUnreportedConditions(told, side === 'from' ? 'to' : 'from') : told;
  });
}

function flipClause(c: ClauseChange, schema: object | undefined): ClauseChange {
  // After the flip, the new side is the old one: its topic reads the terms it has.
  const topic = (c.from ?? c.to)?.topic ?? 'other';
  const oldTopic = (c.to ?? c.from)?.topic ?? topic;
  // The side that becomes new leaves open, rather than drops, what it does not state when it was left open (bracketed or deferred).
  const gone: Gone = c.from?.open ? 'left open' : 'dropped';
  const flipped: ClauseChange = {
    ...c,
    kind: OPPOSITE[c.kind] ?? c.kind,
    from: c.to,
    to: c.from,
    fields: flipFields(c.fields, topic, schema, gone),
    terms: flipTerms(c.terms, topic, oldTopic, schema, gone),
    text: c.text ? (c.text.hunks.length ? flipText(c.text.hunks, c.text.replaced) : { hunks: [], replaced: false, flags: c.text.flags.map(flipFlag) }) : null,
    says: '',
  };
  flipped.says = describeClause(flipped);
  return flipped;
}

/** Term changes seen from the other side, a quantity that changed kind told once again. */
function flipTerms(terms: readonly TermChange[], topic: string, oldTopic: string, schema: object | undefined, gone: string): TermChange[] {
  const specs = new Map(terms.map((t) => [t.term, termSpec(t.from !== undefined ? topic : oldTopic, t.term, t.from ?? t.to, schema)]));
  const linked = linkQuantityKinds(terms.flatMap((t) => flipTerm(t, t.from !== undefined ? topic : oldTopic, schema, gone)), specs);
  return (topic === 'other') !== (oldTopic === 'other') ? linkOwnNumbers(linked, specs) : linked;
}

function flipTerm(t: TermChange, topic: string, schema: object | undefined, gone: string): TermChange[] {
  const back = describeTerm(t.term, termSpec(topic, t.term, t.from ?? t.to, schema), t.to, t.from, t.unreported === 'from' ? NOT_REPORTED_HERE : gone);
  if (!back) return [];
  // A term one side did not report stays unreported by that side, which is now the other one.
  if (t.unreported) return [asUnreported(back, t.unreported === 'from' ? 'to' : 'from')];
  // A term that moved between clauses moved the other way: from the clause it went to.
  const told = t.elsewhere ? asMoved(back, t.elsewhere, termSpec(topic, t.term, t.from ?? t.to, schema)) : back;
  // What a carried clause's writer stated stays stated, whichever side it is on.
  return [t.stated ? { ...told, stated: true } : told];
}

/** A flag seen from the other side (a diff that ignored wording keeps flags without hunks). */
function flipFlag(f: OperativeFlag): OperativeFlag {
  if (f.kind === 'obligation') return { kind: 'obligation', from: f.to, to: f.from, direction: f.direction === 'softened' ? 'strengthened' : 'softened' };
  return { ...f, change: f.change === 'added' ? 'removed' : 'added' };
}

/** Swaps insertions and deletions, keeping each change region as deletion then insertion. */
function flipText(hunks: readonly TextHunk[], replaced: boolean) {
  const swapped: TextHunk[] = hunks.map((h) => ({ op: h.op === 'insert' ? 'delete' : h.op === 'delete' ? 'insert' : 'equal', value: h.value }));
  for (let i = 0; i + 1 < swapped.length; i++) {
    const [x, y] = [swapped[i] as TextHunk, swapped[i + 1] as TextHunk];
    if (x.op === 'insert' && y.op === 'delete') [swapped[i], swapped[i + 1]] = [y, x];
  }
  return { hunks: swapped, replaced, flags: operativeFlags(swapped) };
}
