// Generated from schemas/*.schema.json by test/tools/schema-to-ts.ts. Do not edit:
// change the schema, then run `npm run gen:types`. A test fails while they differ.

/** One version of a peace plan: metadata, the sources it cites, and its clauses with typed terms. One YAML file holds one version. */
export interface Plan {
  /** Optional pointer to this schema, for editors. */
  $schema?: string;
  /** Format version of this file. 2 adds presence, conditions, options, quantity kinds and family-defined terms, and moves "carried over from another version" from certainty to presence; version-1 files are still read. */
  peaceplan: 1 | 2;
  /** The plan family (lineage) this version belongs to, e.g. russia-ukraine-2025. */
  plan: Id;
  /** Identifier of this version, unique within the family, e.g. us-28-point. */
  version: Id;
  title: Title;
  /** The date the version was produced or first reported (YYYY-MM-DD). */
  date: CalendarDate;
  /** The version this one revises, or null for an original draft. */
  parent?: Id | null;
  /** Stakeholders who wrote this version. */
  authors?: StakeholderSet;
  /** How the text is known: published officially, leaked in full, reported in parts by the press, or reconstructed from several partial reports. */
  provenance?: "official" | "leaked" | "reported" | "reconstructed";
  summary?: Prose;
  /** The sources cited by the clauses, keyed by source id. */
  sources: {
    [key: string]: Source;
  };
  /** The clauses in the order the draft prints them. */
  clauses: Array<Clause>;
  /** Clauses of an earlier version that this version is reported to drop, when its text is known only in part (format 2): the press says the clause went, though the text is not seen. A diff then tells that clause as removed, not as possibly there unreported. */
  removed?: Array<Removal>;
  /** Clauses of this version that the press reports as new since an earlier version whose text is known only in part (format 2): the earlier text is not seen whole, but the clause is said not to be in it. A diff then tells the clause as added, not as possibly there unreported. */
  added?: Array<Addition>;
}

/** A clause this version is reported to drop (format 2). */
export interface Removal {
  /** The dropped clause's id in the version it is dropped from. */
  clause: Id;
  /** The version it is dropped from; the parent when left out. */
  from?: Id;
  /** What the dropped clause was about, so a diff finds it in a version that names it otherwise. */
  topic: Topic;
  /** The dropped clause in a few words. */
  title: Title;
  /** The reports that it was dropped. */
  sources: Array<SourceRef>;
  /** How well the removal is attested, as for a clause: reported (the default) by more than one outlet; unconfirmed on one outlet or inferred; confirmed by an official text or three independent outlets. */
  certainty?: "confirmed" | "reported" | "unconfirmed";
  note?: Prose;
}

/** A clause of this version reported as new since an earlier version (format 2). */
export interface Addition {
  /** The id of the new clause, a clause of this version. */
  clause: Id;
  /** The earlier version it is reported not to be in; the parent when left out. */
  since?: Id;
  /** The reports that it is new. */
  sources: Array<SourceRef>;
  /** How well its being new is attested, as for a clause: reported (the default) by more than one outlet; unconfirmed on one outlet or inferred; confirmed by an official text or three independent outlets. */
  certainty?: "confirmed" | "reported" | "unconfirmed";
  note?: Prose;
}

/** An identifier: lowercase letters and digits in words joined by single hyphens, starting with a letter (army-cap). */
export type Id = string;

/** A source id: lowercase letters and digits in words joined by single hyphens (s10-bbc). */
export type SourceKey = string;

export type SourceRef = SourceKey;

/** A short name: lowercase letters and digits in words joined by single hyphens (donetsk-oblast). */
export type Slug = string;

export type SlugSet = Array<Slug>;

export type Title = string;

export type Prose = string;

/** A calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

/** An http or https address. */
export type Url = string;

/** The id of a stakeholder listed in the family's stakeholders.yaml. */
export type StakeholderId = Id;

export type StakeholderSet = Array<StakeholderId>;

export interface Source {
  title: Title;
  /** The outlet that published it. */
  publisher: string;
  /** The owner or network the outlet belongs to, when several outlets share one (the language editions of one site, a wire story reproduced by others): outlets of one network count as one when independence is counted. */
  network?: Slug;
  date?: CalendarDate;
  url?: Url;
  /** ISO 639 code of the text's language. */
  language?: string;
  /** What kind of outlet it is: the authoring government or body itself (official), independent press, a news agency, state-aligned media, a content aggregator, or a mirror of another outlet. */
  reliability?: "official" | "independent" | "wire" | "state-media" | "aggregator" | "mirror";
  note?: Prose;
}

/** What the clause is about. PA-X codes: sovereignty StGen; non-aggression Ce, SsrGua; territory StBor, DdrDemil, SsrFf; military-limits SsrArm; alliance SsrGua, SsrFf, ImPK; guarantees SsrGua, ImE; eu-accession StUni, ImOth; economy Dev, DevInfra, IntFu, NatRes, Bus; sanctions BanInt; assets TjRMa, BanXb, IntFu; governance ImE, ImOth; arms-control SsrGua; nuclear NatRes, EpsRes; culture GRe, GRa, CprReli, SerEdu, SerCult, Med; navigation Wat, CprFmov, Bus; humanitarian TjPrire, TjMis, GCh, GRef, DevHum; elections Ele; amnesty TjAm, TjAmPro; ceasefire Ce, CeProv, ImPK; other: none. */
export type Topic = "sovereignty" | "non-aggression" | "territory" | "military-limits" | "alliance" | "guarantees" | "eu-accession" | "economy" | "sanctions" | "assets" | "governance" | "arms-control" | "nuclear" | "culture" | "navigation" | "humanitarian" | "elections" | "amnesty" | "ceasefire" | "other";

/** The fields of Clause that do not depend on `topic`. */
export interface ClauseCommon {
  /** Permanent identity of the clause: it stays the same across versions while the clause is the same clause, whatever its number or wording. */
  id: Id;
  /** The label the draft prints, as a string: "6", "12(a)". Leave it out where the number is not known (format 2). */
  number?: string;
  title: Title;
  /** The clause in the project's own words (a paraphrase of the reported text). */
  text: Prose;
  /** Terms of this clause that this version's sources do not report (format 2): their value here is not known, so a diff tells them as not reported, not as dropped or changed. A term cannot be both set in terms and listed here. The name conditions (where the topic has no term of that name) says the same of the clause's conditions, which it then states none of. */
  unreported?: Array<string>;
  /** agreed: accepted by the negotiating parties; proposed: on the table; bracketed: left open for leaders to decide; deferred (format 2): put off by agreement to a later phase or to talks of its own. */
  status: "agreed" | "proposed" | "bracketed" | "deferred";
  /** Whether this version is known to contain the clause (format 2). stated (the default): its known text does; assumed: believed to remain, repeated from carriedFrom without being seen in this version; unknown: not known whether this version keeps it. */
  presence?: "stated" | "assumed" | "unknown";
  /** The version whose text this clause repeats, for a clause not seen in this version (format 2). */
  carriedFrom?: Id;
  /** Clauses of the parent version that this one clause stands for, by their ids there (format 2): several points taken together, e.g. left to a later phase or bracketed as one question. A diff tells them as merged into it; the other way round, as split from it. */
  covers?: Array<Id>;
  /** The clause of the parent version that this clause takes part of, by its id there (format 2): one point split into several, e.g. a withdrawal taken out of the ceasefire point into a point of its own. A diff tells that clause as split into the clauses that name it and the one that keeps its id; the other way round, as merged. */
  partOf?: Id;
  /** How well the clause's content is attested. confirmed: official, or identical in several independent copies; reported: reported by more than one outlet; unconfirmed: resting on one outlet or inferred. (In format 1, unconfirmed also covered clauses carried over from another version; format 2 says that with presence and carriedFrom.) */
  certainty: "confirmed" | "reported" | "unconfirmed";
  /** The stakeholders the clause binds. */
  parties?: StakeholderSet;
  /** What the clause, or one of its terms, waits on or depends on (format 2). */
  conditions?: Array<ClauseCondition>;
  /** Rival proposals the version holds for this clause, each with its proposer (format 2). The clause's own terms are what the options share. */
  options?: Array<Option>;
  sources: Array<SourceRef>;
  note?: Prose;
}

export type Clause = ClauseCommon & (
  | { topic: "sovereignty"; terms?: SovereigntyTerms }
  | { topic: "non-aggression"; terms?: NonAggressionTerms }
  | { topic: "territory"; terms?: TerritoryTerms }
  | { topic: "military-limits"; terms?: MilitaryLimitsTerms }
  | { topic: "alliance"; terms?: AllianceTerms }
  | { topic: "guarantees"; terms?: GuaranteesTerms }
  | { topic: "eu-accession"; terms?: EuAccessionTerms }
  | { topic: "economy"; terms?: EconomyTerms }
  | { topic: "sanctions"; terms?: SanctionsTerms }
  | { topic: "assets"; terms?: AssetsTerms }
  | { topic: "governance"; terms?: GovernanceTerms }
  | { topic: "arms-control"; terms?: ArmsControlTerms }
  | { topic: "nuclear"; terms?: NuclearTerms }
  | { topic: "culture"; terms?: CultureTerms }
  | { topic: "navigation"; terms?: NavigationTerms }
  | { topic: "humanitarian"; terms?: HumanitarianTerms }
  | { topic: "elections"; terms?: ElectionsTerms }
  | { topic: "amnesty"; terms?: AmnestyTerms }
  | { topic: "ceasefire"; terms?: CeasefireTerms }
  | { topic: "other"; terms?: OtherTerms }
);

/** An amount of money with its currency, and what kind of amount it is. */
export interface Money {
  amount: number;
  currency: "USD" | "EUR" | "GBP" | "RUB" | "UAH";
  /** What the amount is: money committed (the default), a fundraising target, an estimate, or a ceiling. */
  basis?: "committed" | "target" | "estimate" | "ceiling";
}

/** A length of time. */
export interface Duration {
  amount: number;
  unit: "hours" | "days" | "weeks" | "months" | "years";
}

/** When something must happen: asap (optionally after an event), or within a number of days or hours (optionally counted from an event). */
export type Deadline = "asap" | {
  days: number;
  /** The event the time is counted from, e.g. signature. */
  from?: Slug;
} | {
  hours: number;
  /** The event the time is counted from, e.g. signature. */
  from?: Slug;
} | {
  asap: true;
  /** The event it follows as soon as possible, e.g. signature. */
  from: Slug;
};

export interface PercentShare {
  to: StakeholderId;
  percent: number;
}

export type PercentShares = Array<PercentShare>;

/** How binding an undertaking is, weakest first: an expectation, a commitment, written into domestic law, a treaty obligation. */
export type CommitmentForm = "expectation" | "commitment" | "domestic-law" | "treaty";

export interface SovereigntyTerms {
  /** Whose sovereignty is affirmed. */
  party?: StakeholderId;
  /** Whether the clause also affirms territorial integrity or borders. */
  territorialIntegrity?: boolean;
  /** Whether the party must be neutral. */
  neutralityRequired?: boolean;
}

export interface NonAggressionTerms {
  /** The parties that undertake not to attack. */
  parties?: StakeholderSet;
  form?: CommitmentForm;
  /** Whether past disputes are declared settled. */
  settlesPastDisputes?: boolean;
  /** What may not be changed by force. */
  scope?: "general" | "agreed-territorial-arrangements";
  /** Whether a breach voids the security guarantees. */
  breachVoidsGuarantees?: boolean;
}

export interface RegionStatus {
  region: Slug;
  /** Which part of the region the entry covers: all of it, the part occupied when the clause was written, or the rest. */
  scope?: "whole" | "occupied-part" | "unoccupied-part";
  /** Who holds the region under the clause. */
  controlledBy?: StakeholderId;
  /** What the clause does with the region: hands it over, freezes it along the line of contact, makes it a buffer zone, leaves it to negotiation, or returns it. */
  arrangement?: "transferred" | "frozen-at-line" | "buffer-zone" | "negotiable" | "returned";
  /** How far the holder's control is recognised, lowest first: none, de facto, de jure. */
  recognition?: "none" | "de-facto" | "de-jure";
  /** Who recognises the holder's control. */
  recognisedBy?: StakeholderSet;
}

export interface BufferZone {
  area: Slug;
  demilitarised?: boolean;
  /** Whose territory the zone is recognised as. */
  recognisedAs?: StakeholderId;
  /** Whose forces may not enter. */
  forcesBarred?: StakeholderSet;
}

export interface Withdrawal {
  party: StakeholderId;
  from: Slug;
}

export interface TerritoryTerms {
  regions?: Array<RegionStatus>;
  /** What the line of contact becomes: a frozen de facto line, or the starting point for territorial talks. */
  lineOfContact?: "frozen" | "starting-point-for-talks";
  bufferZones?: Array<BufferZone>;
  withdrawals?: Array<Withdrawal>;
  /** Whether territorial swaps are open to negotiation. */
  swapsNegotiable?: boolean;
  /** Parties that renounce recovering territory by military means. */
  militaryRecoveryRenounced?: StakeholderSet;
}

export interface MilitaryLimitsTerms {
  /** Whose forces are limited. */
  party?: StakeholderId;
  /** Maximum number of personnel. */
  personnelCap?: number;
  /** A force size the party keeps or is expected to keep: a level, not a legal maximum. */
  personnelLevel?: number;
  /** Minimum number of personnel the party may keep. */
  personnelFloor?: number;
  /** When the cap applies. */
  appliesIn?: "always" | "peacetime";
  /** Whether weapons or capabilities are also limited. */
  capabilityLimits?: boolean;
}

export interface ForcePosture {
  forces: "fighter-jets" | "troops" | "air-defence" | "naval";
  of: StakeholderId;
  in: StakeholderId;
}

export interface AllianceTerms {
  /** The state whose alliance membership, or whose territory for foreign troops, the clause concerns. */
  candidate?: StakeholderId;
  /** The membership route, most open first: open; dependent on a consensus of members; deferred to separate talks; barred. */
  natoMembership?: "open" | "consensus-required" | "deferred" | "barred";
  /** The instruments that write the bar down. */
  membershipBarredBy?: Array<"candidate-constitution" | "nato-statute" | "treaty">;
  /** Whether NATO may admit new members, least restricted first. */
  natoExpansion?: "unrestricted" | "expected-to-halt" | "halted";
  /** Parties that undertake not to invade their neighbours. */
  nonInvasionBy?: StakeholderSet;
  form?: CommitmentForm;
  /** Foreign troops on the candidate's territory, least restricted first. */
  foreignTroops?: "allowed" | "restricted" | "banned";
  /** Whose troops the restriction covers. */
  troopsOf?: StakeholderSet;
  /** Qualifiers that narrow a troop restriction. */
  restrictionLimitedTo?: Array<"permanent-stationing" | "under-nato-command" | "peacetime">;
  forcePosture?: Array<ForcePosture>;
  /** Parties to a security dialogue. */
  dialogueParties?: StakeholderSet;
  mediator?: StakeholderId;
  dialogueStarts?: "now" | "after-signature";
}

export interface SnapBack {
  triggers: SlugSet;
  measures: Array<"military-response" | "sanctions-reinstated" | "recognition-revoked" | "benefits-revoked">;
}

export interface GuaranteesTerms {
  beneficiary?: StakeholderId;
  guarantors?: StakeholderSet;
  /** The kind of guarantee; `unspecified` states nothing, as leaving the term out does. */
  model?: "unspecified" | "article-5-like" | "coalition-of-the-willing" | "bilateral";
  legallyBinding?: boolean;
  duration?: Duration;
  renewable?: boolean;
  /** Whether the guarantor is paid for the guarantee. */
  guarantorCompensated?: boolean;
  /** Events that void the guarantee. */
  voidTriggers?: SlugSet;
  snapBack?: SnapBack;
}

export interface EuAccessionTerms {
  candidate?: StakeholderId;
  /** How far the candidate is on the road to EU membership, least first. */
  membership?: "none" | "eligible" | "candidate" | "member";
  /** Access to the EU single market, least first: none, short-term preferential access, full access. */
  marketAccess?: "none" | "short-term-preferential" | "full";
  targetDate?: TermDate;
  /** Whether the question is left to separate negotiations. */
  separateTalks?: boolean;
}

export interface Fund {
  name: Slug;
  amount?: Money;
  sectors?: SlugSet;
}

export interface EconomyTerms {
  beneficiary?: StakeholderId;
  funds?: Array<Fund>;
  partners?: StakeholderSet;
  sectors?: SlugSet;
  /** The total across the funds, where the clause states one (say with basis whether it is a target). */
  total?: Money;
}

export interface SanctionsTerms {
  target?: StakeholderId;
  /** How sanctions are lifted, least first. */
  relief?: "none" | "staged" | "full";
  reimposable?: boolean;
  /** Whether the target is invited back to the G8. */
  g8Return?: boolean;
  /** Parties to a long-term economic cooperation agreement with the target. */
  cooperationWith?: StakeholderSet;
  cooperationSectors?: SlugSet;
}

export interface Allocation {
  /** The money allocated, or remainder for whatever is left of the source. */
  amount?: Money | "remainder";
  /** Where the money comes from, e.g. russian-frozen-assets. */
  source: Slug;
  providedBy?: StakeholderId;
  purpose?: Slug;
  controlledBy?: StakeholderSet;
  profitShares?: PercentShares;
}

export interface AssetsTerms {
  /** Whose frozen assets the clause disposes of. */
  owner?: StakeholderId;
  allocations?: Array<Allocation>;
  /** The event until which the assets stay frozen, e.g. russia-compensates-ukraine. */
  frozenUntil?: Slug;
  /** Whether the remaining frozen funds are released. */
  otherFundsUnfrozen?: boolean;
  /** Who is compensated for war damage. */
  compensationTo?: StakeholderId;
}

export interface GovernanceTerms {
  /** The implementing or monitoring body. */
  body?: Slug;
  members?: StakeholderSet;
  chair?: StakeholderId;
  chairPerson?: string;
  legallyBinding?: boolean;
  sanctionsForViolations?: boolean;
}

export interface ArmsControlTerms {
  parties?: StakeholderSet;
  treaties?: SlugSet;
  action?: "extend" | "negotiate" | "comply";
}

export interface NuclearTerms {
  party?: StakeholderId;
  /** Whether the party stays a non-nuclear state under the NPT. */
  nonNuclearStatus?: boolean;
  plant?: Slug;
  /** Who operates the plant: one party, or several together. */
  operator?: Parties;
  supervisor?: StakeholderId;
  electricityShares?: PercentShares;
}

export interface CultureTerms {
  parties?: StakeholderSet;
  /** Rules adopted, e.g. eu-minority-language-rules. */
  standards?: SlugSet;
  prohibited?: SlugSet;
  officialLanguages?: SlugSet;
}

export interface NavigationTerms {
  waterways?: SlugSet;
  beneficiary?: StakeholderId;
  obligedParty?: StakeholderId;
  cargo?: SlugSet;
}

export interface HumanitarianTerms {
  body?: Slug;
  /** How many prisoners are exchanged, fewest first: none, some, all for all. */
  prisonerExchange?: "none" | "partial" | "all-for-all";
  bodiesReturned?: boolean;
  civilianDetaineesReleased?: boolean;
  childrenReturned?: boolean;
  familyReunification?: boolean;
  victimSupport?: boolean;
}

export interface ElectionsTerms {
  /** Who holds the elections. */
  party?: StakeholderId;
  deadline?: Deadline;
}

export interface AmnestyTerms {
  /** How wide the amnesty is, narrowest first: none, partial, full. */
  scope?: "none" | "partial" | "full";
  beneficiaries?: StakeholderSet;
  /** Whether the parties give up future claims. */
  claimsWaived?: boolean;
}

export interface CeasefireTerms {
  parties?: StakeholderSet;
  startsWhen?: "immediately" | "on-signature" | "on-approval" | "after-withdrawal-to-agreed-positions";
  domains?: Array<"air" | "land" | "sea">;
  monitors?: StakeholderSet;
  unconditional?: boolean;
}

export type OtherTerms = {
  [key: string]: string | number | boolean;
};

/** One of several rival proposals for a clause (a bracketed alternative), with its proposer. */
export interface Option {
  /** Names the option across versions, e.g. trilateral-operation. */
  id: Id;
  /** Who proposes it. */
  proposedBy: StakeholderSet;
  text: Prose;
  /** The option's own terms; they take the place of the clause's terms of the same name. */
  terms?: {
    [key: string]: unknown;
  };
  /** proposed (the default): on the table; withdrawn: still reported, no longer pressed. */
  status?: "proposed" | "withdrawn";
  sources?: Array<SourceRef>;
}

/** A calendar date (YYYY-MM-DD), or undisclosed for a date that is fixed but not published. */
export type TermDate = CalendarDate | "undisclosed";

/** One stakeholder, or several acting together. */
export type Parties = StakeholderId | StakeholderSet;

/** Something a clause or one of its terms depends on: a referendum, a ceasefire, a ratification, an approval, a milestone, compliance with an obligation, or a date. */
export interface ClauseCondition {
  /** What kind of condition it is. */
  kind: "referendum" | "ceasefire" | "ratification" | "approval" | "milestone" | "compliance" | "date" | "other";
  /** What must happen, e.g. weapons-decommissioned, idf-withdrawal-to-yellow-line. */
  event?: Slug;
  /** The event it must follow, e.g. ceasefire. */
  after?: Slug;
  /** At least this many days after `after`. */
  minDays?: number;
  /** At most this many days after `after`. */
  maxDays?: number;
  /** For kind date: the day it depends on. */
  date?: CalendarDate;
  /** Who must hold, approve, ratify or comply. */
  by?: StakeholderSet;
  /** The term the condition applies to; the whole clause when absent. */
  term?: string;
  /** The condition in words, where the fields do not say it all. */
  text?: Prose;
}

/** The parties a plan family speaks of: states, blocs, organisations and groups, with their members and the topics on which they hold a veto. */
export interface Stakeholders {
  $schema?: string;
  peaceplan: 1;
  /** The plan family these stakeholders belong to. */
  plan: Id;
  stakeholders: Array<Stakeholder>;
}

export interface Stakeholder {
  id: Id;
  name: string;
  /** state: a country; bloc: a union of states acting together (EU, NATO); organisation: an international body (IAEA); group: an informal set of states (Europe, the E3). */
  kind: "state" | "bloc" | "organisation" | "group";
  /** Stakeholders that belong to this bloc or group. */
  members?: Array<StakeholderId>;
  /** Topics on which no clause can pass without this stakeholder. */
  vetoOn?: Array<Topic>;
  /** Whether the stakeholder would sign the agreement. */
  signatory?: boolean;
  note?: string;
}

/** What the family's stakeholders think of its clauses: stance rules over clause terms, which evaluate any version (including ones written later), and dated statements about a version or one of its clauses as reported. */
export interface Positions {
  /** Optional pointer to this schema, for editors. */
  $schema?: string;
  /** Format version of this file. Only 1 exists. */
  peaceplan: 1;
  /** The plan family these positions are about. */
  plan: Id;
  /** The sources cited by the rules and statements, keyed by source id. */
  sources: {
    [key: string]: Source;
  };
  /** Stance rules: a stakeholder's stance on a clause or a topic, when its terms meet a condition. */
  rules?: Array<Rule>;
  /** Dated stances as reported, on a whole version or one of its clauses. */
  statements?: Array<Statement>;
}

/** support: accepts it; conditional: accepts it on conditions not (yet) met; oppose: rejects it; ambiguous: has said something that can be read either way. */
export type Stance = "support" | "conditional" | "oppose" | "ambiguous";

/** How much the stakeholder cares, from 0 (not at all) to 1 (a red line). */
export type Salience = number;

export type SourceRefs = Array<SourceRef>;

/** A term of the clause's topic, as the plan schema names it (personnelCap). */
export type TermName = string;

/** A term value: a number, a boolean, or a string (an enum value, a stakeholder id, a region). */
export type Scalar = string | number | boolean;

/** A number for quantities and money (its amount); a rung of the ladder for ordered terms (de-facto); a date (YYYY-MM-DD) for dates. */
export type Bound = number | string;

export type ScalarList = Array<Scalar>;

/** Tests on a clause's terms, term name → test; the condition holds when every test does. */
export type Condition = {
  [key: string]: Test;
};

/** What the term's value must be. Several tests in one object must all hold. */
export interface Test {
  /** Equal to this value. */
  eq?: Scalar;
  /** Not equal to this value. */
  ne?: Scalar;
  /** Below: less than a number, lower on the ladder, or earlier than a date. */
  lt?: Bound;
  /** Below or equal. */
  lte?: Bound;
  /** Above: more than a number, higher on the ladder, or later than a date. */
  gt?: Bound;
  /** Above or equal. */
  gte?: Bound;
  /** One of these values. */
  in?: ScalarList;
  /** None of these values. */
  notIn?: ScalarList;
  /** For a set (guarantors, regions…): has this member. */
  includes?: Scalar;
  /** For a set: lacks this member. */
  excludes?: Scalar;
  /** For a set: has at least one of these members (guarantors including NATO, the E3 or Europe). */
  includesAny?: ScalarList;
  /** true: the clause states the term; false: it does not. */
  present?: boolean;
  /** For a list of records (regions, allocations): at least one item meets this condition on its fields. */
  any?: Condition;
  /** For a list of records: every item meets this condition (true of an empty list). */
  every?: Condition;
}

/** A stance rule. It covers the clause with the given id, or every clause of the topic, that states the terms its condition tests; for each such clause it gives `stance` when the condition holds and `otherwise` when it does not. */
export interface Rule {
  /** Names the rule, unique in the file; shown as the reason for a stance. */
  id: Id;
  stakeholder: StakeholderId;
  /** The id of the clause the rule is about, in any version of the family; in a revision it covers the clause paired with it along the parent chain. Give this, clauses or topic. */
  clause?: Id;
  /** The ids of several clauses the rule is about, each followed through lineage like `clause`: for a position on specific texts that appear under different ids. Give this, clause or topic. */
  clauses?: Array<Id>;
  /** The topic the rule is about: every clause of it that states the terms `when` tests. Give this, clause or clauses. Prefer it (with `when`) for a position on substance: it survives re-drafting. */
  topic?: Topic;
  /** The condition on the clause's terms; without it the rule holds for every clause it covers. */
  when?: Condition;
  /** The stance when the condition holds. */
  stance: Stance;
  /** The stance when the condition does not hold; without it the rule says nothing then. */
  otherwise?: Stance;
  /** The stance on a version that has no clause the rule covers (Russia opposes any version without a foreign-troop ban). */
  ifAbsent?: Stance;
  /** Versions known not to contain the clause the rule names, though one of their clauses resembles it: no RULE_CLAUSE_NOT_FOUND warning for them. */
  absentFrom?: Array<Id>;
  salience: Salience;
  /** stated (the default): the stakeholder said so about what the rule covers; inferred: read from a reaction to a whole document or from other positions, so weaker evidence. Shown with every stance the rule gives. */
  basis?: "stated" | "inferred";
  /** When the position was stated or first reported. */
  date: CalendarDate;
  sources: SourceRefs;
  /** A short phrase as said, when the wording matters. */
  quote?: string;
  /** What was said or reported, in our own words. */
  note?: Prose;
}

/** A stance as reported on one version, or on one clause of it. */
export interface Statement {
  stakeholder: StakeholderId;
  /** The version the statement is about. */
  version: Id;
  /** The clause of that version, when the statement is about one clause. */
  clause?: Id;
  /** version (the default): the statement is about its version only; forward: it also holds for the revisions of that version (down the parent chain, its clause followed through lineage) until the stakeholder states a stance on a later one. */
  carries?: "version" | "forward";
  stance: Stance;
  /** How much the stakeholder cares, from 0 to 1; 1 when not given. */
  salience?: Salience;
  date: CalendarDate;
  sources: SourceRefs;
  /** A short phrase as said, when the wording matters. */
  quote?: string;
  /** What was said or reported, in our own words. */
  note?: Prose;
}

/** Topics and terms a plan family adds to the built-in ones (terms.yaml beside the versions). Each term takes one of the shared types, so the family's drafts are validated, completed by editors and diffed like built-in terms. */
export interface FamilyTerms {
  $schema?: string;
  /** Format version: family terms exist from format 2. */
  peaceplan: 2;
  /** The plan family these terms belong to. */
  plan: Id;
  /** New topics, keyed by their id. A built-in topic cannot be declared again. */
  topics?: {
    [key: string]: TopicDeclaration;
  };
  /** New terms, by topic (built-in or declared under topics) and then by term name (camelCase). */
  terms?: {
    [key: string]: {
      [key: string]: TermDeclaration;
    };
  };
}

export interface TopicDeclaration {
  /** The topic's name in reports: "Hostages and detainees". */
  label: string;
  description?: string;
  /** The PA-X category codes the topic corresponds to. */
  pax?: Array<string>;
}

export interface TermDeclaration {
  /** The shared type of the value: a quantity (a number), money, a duration, a deadline, a date, a boolean, free text, one of listed values (enum), one of listed values in order (ordered, lowest first), a set of short names (set), a stakeholder (party) or one or several stakeholders (parties). */
  type: "quantity" | "money" | "duration" | "deadline" | "date" | "boolean" | "text" | "enum" | "ordered" | "set" | "party" | "parties";
  /** Words for the term in sentences: "release deadline". */
  label?: string;
  description?: string;
  /** For a quantity: what is counted ("prisoners", "km"). */
  unit?: string;
  /** For a quantity: what kind of number it is: a maximum, a minimum, a level kept, a target, or an amount committed. */
  quantity?: "cap" | "floor" | "level" | "target" | "commitment";
  /** For enum and ordered (required; ordered lowest first) and set (optional: without it, any short names). */
  values?: Array<Slug>;
  /** For enum and ordered: the value, one of values, that states nothing, as leaving the term out does ("unspecified"). Against a term left out it is no change of substance. */
  unstated?: Slug;
}
