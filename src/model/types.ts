/**
 * The data model: a plan version, its clauses and terms, and the family's
 * stakeholders. The types come from the JSON Schemas (schema-types.ts is
 * generated from them), so the files and the types always agree.
 */
export type {
  Plan,
  Clause,
  ClauseCommon,
  Topic,
  Source,
  Stakeholders,
  Stakeholder,
  Positions,
  Rule,
  Statement,
  Stance,
  Condition,
  ClauseCondition,
  Option,
  Removal,
  Addition,
  FamilyTerms,
  TopicDeclaration,
  TermDeclaration,
  Test,
  Scalar,
  Bound,
  StakeholderId,
  Money,
  Duration,
  Deadline,
  PercentShare,
  CommitmentForm,
  RegionStatus,
  BufferZone,
  Withdrawal,
  ForcePosture,
  SnapBack,
  Fund,
  Allocation,
  SovereigntyTerms,
  NonAggressionTerms,
  TerritoryTerms,
  MilitaryLimitsTerms,
  AllianceTerms,
  GuaranteesTerms,
  EuAccessionTerms,
  EconomyTerms,
  SanctionsTerms,
  AssetsTerms,
  GovernanceTerms,
  ArmsControlTerms,
  NuclearTerms,
  CultureTerms,
  NavigationTerms,
  HumanitarianTerms,
  ElectionsTerms,
  AmnestyTerms,
  CeasefireTerms,
  OtherTerms,
} from './schema-types.js';

import type { Clause, Topic } from './schema-types.js';

/** The clause status values: bracketed means left open for leaders to decide; deferred, put off by agreement to a later phase (format 2). */
export type ClauseStatus = Clause['status'];

/** How well a clause's content is attested. */
export type Certainty = Clause['certainty'];

/** The terms of a clause of topic `T`. */
export type TermsOf<T extends Topic> = NonNullable<Extract<Clause, { topic: T }>['terms']>;
