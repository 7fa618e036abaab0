import type { MatchEvidence } from '../match/evidence.js';
import type { MatchMethod } from '../match/match-clauses.js';
import type { Clause, Topic } from '../model/types.js';
import type { TermChange } from './describe-term.js';
import type { OperativeFlag } from './operative.js';
import type { TextHunk } from './text-diff.js';

export type { TermChange } from './describe-term.js';
export type { Relabel } from './relabels.js';
export type { OperativeFlag } from './operative.js';
export type { TextHunk } from './text-diff.js';

/** The most significant thing that happened to a clause. */
export type ChangeKind = 'added' | 'removed' | 'split' | 'merged' | 'modified' | 'renumbered' | 'moved' | 'unchanged';

/** Which clause, where: in the old version (`from`) or the new one (`to`). */
export interface ClauseRef {
  id: string;
  /** The printed number; absent for a clause whose number is not known. */
  number?: string;
  /** Position in the version's clause list, from 0. */
  index: number;
  title: string;
  topic: Topic;
  /** How many terms the clause carries; absent for none. A change of its status weighs by it. */
  termCount?: number;
  /** For a clause carried over unseen: `assumed` to remain, or `unknown` whether the version keeps it. Its content is the other version's, so how it differs is not news. */
  presence?: 'assumed' | 'unknown';
  /** The version a carried clause repeats. */
  carriedFrom?: string;
  /** For a clause left open (status `bracketed` or `deferred`): what the other side states and it does not is left open there, not dropped. */
  open?: true;
}

/** A changed field of a clause or of the plan (anything but terms and text). */
export interface FieldChange {
  field: string;
  /** For `sources` of the plan: the source id. */
  key?: string;
  from?: unknown;
  to?: unknown;
  /** For list fields (parties, sources, authors): members that appear. */
  added?: unknown[];
  /** For list fields: members that go. */
  removed?: unknown[];
  /** For conditions and options: the change of each item (condition or option). */
  changes?: TermChange[];
  /**
   * For `conditions`: the version that does not report them (its clause lists `conditions` in
   * `unreported`): `to` for the new version, `from` for the old one. Not a change of substance:
   * it weighs nothing and is told with the bookkeeping.
   */
  unreported?: 'from' | 'to';
  says: string;
}

/** Word-level changes of a clause text, with its operative-language flags. */
export interface TextChange {
  hunks: TextHunk[];
  /** True when the texts were too different to align word by word. */
  replaced: boolean;
  flags: OperativeFlag[];
}

/** What happened to one clause between two versions. */
export interface ClauseChange {
  kind: ChangeKind;
  /** The clause in the old version; null when it is new. */
  from: ClauseRef | null;
  /** The clause in the new version; null when it is gone. */
  to: ClauseRef | null;
  /** How the two were paired, with the evidence for a pair found by content or topic; null for a clause on one side only. */
  match: { method: MatchMethod; score: number; evidence?: MatchEvidence } | null;
  /** For a clause on one side only: true when it is `unconfirmed` there, or its presence there is `assumed` or `unknown`, so its absence on the other side is "not reported", not news. */
  uncertain?: true;
  /**
   * For a clause on one side only: true when the other version is known only in part
   * (provenance `reported` or `reconstructed`), so the clause may be there unreported.
   */
  partial?: true;
  /**
   * For a clause on one side only: the version it is absent from is reported to
   * drop it (that version's `removed`), by these sources. It is told as removed
   * (seen the other way, as restored), not as possibly there unreported.
   * `unconfirmed` when the removal rests on one outlet or is inferred: then it
   * weighs as little as an absence from a version known in part. Never on a
   * removal from a version known in full: its text lacks the clause. `added` when
   * the report is the other way round: the version that has the clause is
   * reported to add it (that version's `added`), so the other, known only in
   * part, is reported not to have it; told as added (seen the other way, as
   * removed).
   */
  reported?: { sources: string[]; unconfirmed?: true; added?: true };
  /**
   * For a pair: true when one side is carried over unseen from a version other
   * than the other side, so how the two differ is not a reported change (a side
   * carried from the other side itself differs only where its writer said so).
   */
  carried?: true;
  renumbered: boolean;
  /** True when its position changed relative to the other paired clauses. */
  moved: boolean;
  /** For splits and merges: the ids of the other clauses in the group. */
  related: string[];
  fields: FieldChange[];
  terms: TermChange[];
  text: TextChange | null;
  /** The whole clause, when it exists on one side only. */
  clause?: Clause;
  /** What happened, in one sentence. */
  says: string;
}

/** One line of the ranked list of what matters most. */
export interface Highlight {
  /** The clause's id (in the new version, or the old one for a clause that is gone). */
  clause: string;
  kind: ChangeKind;
  /** Higher first; only changes of substance have weight (see README "Ranking"); ties go to more term changes, then reading order. */
  weight: number;
  /**
   * For an added clause the matcher offers as a possible pair of a removed one
   * (see `possiblePairs`), or one printed with a removed clause's number (it
   * took that clause's place): the removed clause's id. The line tells both, once.
   */
  with?: string;
  /** For a line that tells several clauses that only became questions left open with the same status (bracketed or deferred): the others' ids, `clause` being the heaviest. */
  also?: string[];
  says: string;
}

/** Counts and the ranked list of a diff. */
export interface DiffSummary {
  /** True when the two versions are equal in every field and clause order. */
  identical: boolean;
  /** Clauses by their kind. */
  counts: Record<ChangeKind, number>;
  /** Clauses whose number changed, whatever else happened to them. */
  renumbered: number;
  /** Clauses whose position changed, whatever else happened to them. */
  moved: number;
  /** How many of the plan's own fields changed (the sources map counts once). */
  metaChanges: number;
  /** Per topic with changes: the clauses of each kind. */
  byTopic: Array<{ topic: Topic } & Partial<Record<ChangeKind, number>>>;
  /** Runs of clauses that were only renumbered. */
  renumberings: RenumberRun[];
  highlights: Highlight[];
  /**
   * Clauses whose terms or operative words differ but which are not ranked, because one side is
   * carried over unseen from another version (its content is that version's, so the difference
   * is not a reported change); absent when there are none. A clause ranked by what the carried
   * side's writer stated (terms changed from that version, `stated`, or its status) is not here.
   */
  carriedUnranked?: string[];
}

/** Identity of one side of a diff. */
export interface DiffSide {
  plan: string;
  version: string;
  date: string;
  /** Fingerprint of the whole version, so a diff is only applied to its own base. */
  fingerprint: string;
}

/**
 * The semantic difference between two versions of a plan: plain JSON data,
 * deterministic, and enough to rebuild either version from the other.
 * Schema: `schemas/diff.schema.json`.
 */
export interface PlanDiff {
  peaceplanDiff: 2;
  from: DiffSide;
  to: DiffSide;
  /** Changes of the plan's own fields (title, date, authors, sources…). */
  meta: FieldChange[];
  /** One entry per clause of either version, in the new version's order (gone clauses where they stood). */
  clauses: ClauseChange[];
  /** Unpaired clauses that nearly paired, best first. */
  possiblePairs: PossiblePairRef[];
  /** Classes of change left out of this diff (see {@link IgnoreClass}); a diff that ignores anything cannot be applied. */
  ignored: IgnoreClass[];
  summary: DiffSummary;
}

/** Consecutive clauses whose only change is the same shift of their number. */
export interface RenumberRun {
  /** Old number of the first and last clause of the run. */
  first: string;
  last: string;
  /** Their new numbers. */
  firstTo: string;
  lastTo: string;
  count: number;
  /** New number minus old, when both are whole numbers; null otherwise. */
  shift: number | null;
  /** What came just before: "clause 9 was removed". */
  after?: string;
}

/** A pair of unpaired clauses that nearly matched: pin it with `--pairs` if it is right. */
export interface PossiblePairRef {
  from: string;
  to: string;
  score: number;
  evidence: MatchEvidence;
  /** How their terms differ, were they one clause (as the diff would tell them once pinned); absent when the terms agree. */
  terms?: TermChange[];
}

/** Classes of change a diff can leave out: `sources`, `notes`, `certainty`, `titles`, `wording` (text edits), `numbering` (renumbering and moves). */
export type IgnoreClass = 'sources' | 'notes' | 'certainty' | 'titles' | 'wording' | 'numbering';
