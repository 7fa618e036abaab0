import type { ChangeKind } from '../diff/types.js';
import type { FamilyTerms, Plan, Stakeholders, Topic } from '../model/types.js';
import type { Stance } from '../model/schema-types.js';

export type { Stance } from '../model/schema-types.js';

/** One piece of evidence for a stance: a rule that fired, a statement, or a rule about what a version lacks. */
export interface Reason {
  kind: 'rule' | 'statement' | 'absence';
  /** The rule's id (kind `rule` and `absence`). */
  rule?: string;
  /** The statement's index in the positions file (kind `statement`). */
  statement?: number;
  /** Whose position it is (for inherited reasons, the bloc or member it came from; see `via`). */
  stakeholder: string;
  stance: Stance;
  salience: number;
  date: string;
  sources: string[];
  /** Why, in one line: "personnel cap 600,000 is below 800,000". */
  says: string;
  /** Set when the reason was borrowed from a bloc (blocs: expand) or a member (blocs: collapse). */
  via?: string;
  /** Set when the reason is about one of the clause's rival options (its id), not the clause as it stands. */
  option?: string;
  /** Set when the rule is marked `basis: inferred`: read from a reaction to a whole document, not stated on this point. */
  inferred?: true;
  /** For a statement: the version it was made on (another one when it is carried forward). */
  version?: string;
  /** For a statement marked `carries: forward`. */
  carries?: 'forward';
}

/** One stakeholder's stance on one clause (or topic) of one version. */
export interface Cell {
  /** The most severe (lowest-valued) stance among the reasons: oppose, then ambiguous, conditional, support; null when there are none. */
  stance: Stance | null;
  /** The highest salience among the reasons that give that stance; 0 when there are none. */
  salience: number;
  reasons: Reason[];
  /**
   * For a clause with rival options: the stance on each option that draws one (the clause's
   * terms with the option's in their place), most severe first per option. The cell's own
   * stance is the clause's as it stands; an option opposed does not make the clause opposed.
   */
  options?: Array<{ option: string; stance: Stance }>;
}

/** A column of the matrix: a clause of the version, or a topic. */
export interface MatrixColumn {
  /** The clause id, or the topic. */
  key: string;
  topic: Topic;
  /** For clauses: the number as printed and the title. */
  number?: string;
  title?: string;
  /** For a clause not known to be in the version (`presence: unknown`): rules give it no stance, and it blocks nothing. */
  presence?: 'unknown';
  supporters: string[];
  opponents: string[];
  /** True when the decision rule says an opponent can stop it. */
  blocked: boolean;
  /** The opponents that can stop it. */
  blockedBy: string[];
}

/** How acceptable the version is to one stakeholder. */
export interface Acceptability {
  /**
   * Salience-weighted mean of the stance values (support 1, conditional 0.5,
   * ambiguous 0, oppose −1) over the row's cells, its absence reasons and its
   * latest statement on the whole version, from −1 to 1 (four decimals); null
   * when nothing in the version draws a stance, or only with salience 0.
   */
  score: number | null;
  /** How many cells, absence reasons and statements the score is made of. */
  basis: number;
  /** The clauses (or topics) the stakeholder opposes. */
  opposes: string[];
  /** Rules about what the version lacks. */
  absent: Reason[];
  /** The latest statement about the version as a whole, when there is one. */
  stated?: Reason;
  /**
   * What the score is made of, one part per cell, absence reason and statement:
   * its stance, salience and share of the score (salience × value ÷ the total
   * salience). The shares sum to the score (before its rounding to four decimals).
   */
  parts: AcceptabilityPart[];
}

/** One part of an acceptability score. */
export interface AcceptabilityPart {
  /** A cell of the row (`key` is its column), a rule about what the version lacks, or the statement on the whole version. */
  kind: 'cell' | 'absence' | 'statement';
  key?: string;
  stance: Stance;
  salience: number;
  /** salience × value ÷ the total salience. */
  share: number;
  /** The reason that decided it, in words (for a cell, the first reason giving its stance). */
  says: string;
  /** That reason's rule id, or statement index in the positions file, and date. */
  rule?: string;
  statement?: number;
  date?: string;
  /** For a statement: the version it was made on. */
  version?: string;
  /** For a statement marked `carries: forward`. */
  carries?: 'forward';
}

/**
 * What changed in the reasons that speak of a version as a whole between two
 * versions: statements on the one version that do not apply to the other, and
 * rules about what a version lacks that start or stop applying.
 */
export interface AcceptabilityShift {
  /** In words: "statement of 2025-11-24 on e3-counter-proposal (support) does not apply to my-draft". */
  entered: string[];
  left: string[];
}

/** One row of the matrix. */
export interface MatrixRow {
  stakeholder: string;
  name: string;
  /** One cell per column, in column order. */
  cells: Cell[];
  acceptability: Acceptability;
}

/** How closely two stakeholders' stances agree on the version. */
export interface Alignment {
  a: string;
  b: string;
  /** Mean over the columns where both have a stance of 1 − |value(a) − value(b)| / 2, from 0 to 1; null when they share none. */
  score: number | null;
  /** How many columns both have a stance on. */
  common: number;
}

/** Who can stop a clause: by default the stakeholders with a veto on its topic. */
export type DecisionRule =
  | 'veto'
  | 'unanimity'
  | ((column: MatrixColumn, opponents: readonly string[]) => readonly string[]);

/** Options of {@link buildMatrix}, {@link compareAcceptability} and {@link diffImpact}. */
export interface MatrixOptions {
  /** The family's stakeholders: names, blocs and vetoes. Without it rows are named by id and only `unanimity` of no one applies. */
  stakeholders?: Stakeholders;
  /** The family's own topics and terms (terms.yaml), so rules on them compare by their declared types. */
  terms?: FamilyTerms;
  /** Columns per clause (default) or per topic. */
  by?: 'clause' | 'topic';
  /**
   * Who can block a clause: `veto` (default) — the stakeholders whose `vetoOn`
   * lists its topic, or `vetoes[topic]` when given; `unanimity` — every
   * signatory; or a function from a column and its opponents to the blockers.
   */
  decision?: DecisionRule;
  /** Veto players per topic, replacing the stakeholders file's `vetoOn` for those topics. */
  vetoes?: Partial<Record<Topic, readonly string[]>>;
  /**
   * Blocs and their members: `as-listed` (default) — every stakeholder with a
   * position has a row of its own; `expand` — members of a bloc get rows and,
   * where they have no position of their own, take the bloc's; `collapse` —
   * members fold into their bloc, which takes their positions where it has
   * none. Signatories always speak for themselves: they neither take a bloc's
   * positions nor fold into one.
   */
  blocs?: 'as-listed' | 'expand' | 'collapse';
  /** Only these stakeholders, in this order. */
  rows?: readonly string[];
  /**
   * The family's versions. With them, a rule naming a clause id this version
   * lacks covers the clause the diff pairs with it along the version's
   * `parent` chain (its reasons say so); without them rules follow ids only.
   */
  versions?: readonly Plan[];
}

/** Stakeholders × clauses (or topics) of one version. Plain JSON data. */
export interface PositionMatrix {
  plan: string;
  version: string;
  date: string;
  by: 'clause' | 'topic';
  /** `veto`, `unanimity` or `custom`. */
  decision: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Every pair of rows, in row order. */
  alignment: Alignment[];
  /** Columns that are blocked, by key. */
  blocked: string[];
}

/** One stakeholder across versions. */
export interface AcceptabilityTrack {
  stakeholder: string;
  name: string;
  /** One entry per version, in date order. */
  versions: Array<{ version: string; date: string } & Acceptability & Partial<AcceptabilityShift>>;
}

/** Acceptability of several versions, per stakeholder, and what blocks each version. */
export interface AcceptabilityComparison {
  /** The versions in date order, each with the version it revises (its `parent`, null for an original draft), so the family reads as a tree. */
  versions: Array<{ version: string; date: string; parent?: string | null; blocked: string[] }>;
  stakeholders: AcceptabilityTrack[];
}

/** How one change moved one stakeholder. */
export interface Move {
  stakeholder: string;
  direction: 'toward' | 'away';
  before: Stance | null;
  after: Stance | null;
  /** Change of the stance value (support 1 … oppose −1; no stance counts 0), weighted by salience. */
  delta: number;
  /** What made it move: the reasons on each side, and thresholds approached or left. */
  says: string[];
}

/** What one changed clause does to the stakeholders. */
export interface ClauseImpact {
  /** The clause id in the new version, or in the old one when it is gone. */
  clause: string;
  kind: ChangeKind;
  /** The diff's sentence for the change. */
  change: string;
  toward: Move[];
  away: Move[];
}

/** A diff read against the positions: which change moved whom, and the acceptability on each side. */
export interface DiffImpact {
  from: string;
  to: string;
  clauses: ClauseImpact[];
  /** Per stakeholder: acceptability before and after, and how many changes moved it each way. */
  stakeholders: Array<{ stakeholder: string; name: string; before: number | null; after: number | null; toward: number; away: number } & AcceptabilityShift>;
}
