/**
 * Scoring candidate pairs of clauses: the rarity of words among the clauses
 * still unpaired, term tokens, and the order of the pairs already made. See
 * evidence.ts for what the evidence is and how it adds up.
 */
import type { Clause } from '../model/types.js';
import { isOpenQuestion } from '../model/clause-state.js';
import { questionOverlap, Rarity, rarestShared, rawScore, scoreOf, termOverlap, weightedOverlap, wordEvidence } from './evidence.js';
import type { MatchEvidence } from './evidence.js';
import type { ClausePair } from './match-clauses.js';
import { lowerBound } from '../util/lower-bound.js';
import { clausesNaming, clauseTokens, termNames, termTokens, titleTokens, withoutValuesOf } from './tokens.js';
import { round3 } from '../util/round.js';

/** Token sets of a clause list (words, or terms), computed on first use. */
export class LazyTokens {
  private readonly cache: Array<Set<string> | undefined>;

  constructor(
    private readonly list: readonly Clause[],
    private readonly tokens: (c: Clause) => Set<string> = clauseTokens,
  ) {
    this.cache = new Array<Set<string> | undefined>(list.length);
  }

  at(i: number): Set<string> {
    return (this.cache[i] ??= this.tokens(this.list[i] as Clause));
  }
}

/** Scores pairs of clauses that are still free, with the rarity of words among them and the order of the pairs already made. */
export class Scorer {
  private readonly rarity: Rarity;
  private readonly massA = new Map<number, number>();
  private readonly massB = new Map<number, number>();
  private readonly titleMassA = new Map<number, number>();
  private readonly titleMassB = new Map<number, number>();
  private readonly anchors: Array<[number, number]>;
  private readonly termsA: LazyTokens;
  private readonly termsB: LazyTokens;
  private readonly titlesA: LazyTokens;
  private readonly titlesB: LazyTokens;
  /** The clauses of each version that name each term, found on first need. */
  private naming: [Map<string, number[]>, Map<string, number[]>] | undefined;
  /** The clauses of each version that state each term, found on first need. */
  private stating: [Map<string, number[]>, Map<string, number[]>] | undefined;
  /** How many clauses of each version are bound by each set of parties, found on first need. */
  private bound: [Map<string, number>, Map<string, number>] | undefined;

  constructor(
    private readonly a: readonly Clause[],
    private readonly b: readonly Clause[],
    fa: readonly number[],
    fb: readonly number[],
    private readonly tokensA: LazyTokens,
    private readonly tokensB: LazyTokens,
    made: readonly ClausePair[],
  ) {
    this.termsA = new LazyTokens(a, termTokens);
    this.termsB = new LazyTokens(b, termTokens);
    this.titlesA = new LazyTokens(a, titleTokens);
    this.titlesB = new LazyTokens(b, titleTokens);
    const sets = [...fa.map((i) => tokensA.at(i)), ...fb.map((j) => tokensB.at(j))];
    const terms = [...fa.map((i) => this.termsA.at(i)), ...fb.map((j) => this.termsB.at(j))];
    this.rarity = new Rarity(sets.map((s, k) => new Set([...s, ...(terms[k] as Set<string>)])));
    this.anchors = made.map((p) => [p.from, p.to] as [number, number]).sort((x, y) => x[0] - y[0]);
  }

  /** The score of a pair and its evidence; the shared words are named only when `explain` (naming them costs more than scoring). */
  between(i: number, j: number, explain = true): { score: number; raw: number; evidence: MatchEvidence } {
    const ca = this.a[i] as Clause;
    const cb = this.b[j] as Clause;
    const ta = this.tokensA.at(i);
    const tb = this.tokensB.at(j);
    const tiA = this.titlesA.at(i);
    const tiB = this.titlesB.at(j);
    const titles = weightedOverlap(tiA, tiB, this.massOf(this.titleMassA, i, tiA), this.massOf(this.titleMassB, j, tiB), this.rarity);
    const [mA, mB] = [this.massOf(this.massA, i, ta), this.massOf(this.massB, j, tb)];
    // A question left open carries no terms by what it is (they are what it leaves open): no evidence either way.
    const [qa, qb] = [isOpenQuestion(ca), isOpenQuestion(cb)];
    const open = qa || qb;
    const overlap = weightedOverlap(ta, tb, mA, mB, this.rarity);
    // A question's few words against a clause that says the same at length: its words found there count more.
    const words = qa === qb ? overlap : qa ? questionOverlap(overlap, mA, mB) : questionOverlap(overlap, mB, mA);
    const text = wordEvidence(words, titles);
    // Term names belong to a topic: across topics they cannot be compared, and the text carries their share.
    const topic = ca.topic === cb.topic ? 'same' : ca.topic === 'other' || cb.topic === 'other' ? 'open' : 'different';
    const termsInCommon = topic === 'same' && !open ? termOverlap(withoutValuesOf(this.termsA.at(i), cb.unreported), withoutValuesOf(this.termsB.at(j), ca.unreported), this.rarity) : undefined;
    // In the catch-all topic the writer names the terms, so names that differ are no evidence against: terms only add.
    const terms = termsInCommon !== undefined && ca.topic === 'other' ? Math.max(termsInCommon, text) : termsInCommon;
    const evidence: MatchEvidence = {
      text: round3(text),
      ...(terms !== undefined ? { terms: round3(terms) } : {}),
      topic,
      sameNumber: ca.number !== undefined && ca.number === cb.number,
      order: round3(this.order(i, j)),
      shared: [],
    };
    const score = round3(scoreOf(evidence));
    const raw = rawScore(evidence);
    if (explain) this.addReasons(i, j, evidence);
    return { score, raw, evidence };
  }

  /** Names the shared words of a pair scored without them, and the terms only the two of them carry. */
  private addReasons(i: number, j: number, evidence: MatchEvidence): void {
    evidence.shared = rarestShared(this.tokensA.at(i), this.tokensB.at(j), this.rarity);
    // Term names belong to a topic: only within one can two clauses be alone in naming the same thing.
    const own = evidence.topic === 'same' ? this.ownTerms(i, j) : [];
    if (own.length) evidence.ownTerms = own;
    const parties = evidence.topic === 'same' ? this.ownParties(i, j) : [];
    if (parties.length) evidence.ownParties = parties;
  }

  /**
   * The parties clause `i` and clause `j` both bind, when no other clause of either version binds
   * exactly these: each version has one clause for what those parties undertake together ("Ukraine
   * and the EU"), and these are the two. Empty otherwise.
   */
  private ownParties(i: number, j: number): string[] {
    const key = partiesKey(this.a[i] as Clause);
    if (!key || key !== partiesKey(this.b[j] as Clause)) return [];
    const [inA, inB] = (this.bound ??= [countBound(this.a), countBound(this.b)]);
    return inA.get(key) === 1 && inB.get(key) === 1 ? key.split('\u0000') : [];
  }

  /** For each term name, the clauses of each version that name it, found once. */
  termNaming(): [Map<string, number[]>, Map<string, number[]>] {
    return (this.naming ??= [clausesNaming(this.a), clausesNaming(this.b)]);
  }

  /**
   * Term names clause `i` and clause `j` carry and no other clause of either version does. A name a
   * clause only lists as `unreported` counts when that list points at the other clause (see
   * {@link namesToward}): a writer may list there every term the topic has, spread over several clauses.
   */
  private ownTerms(i: number, j: number): string[] {
    const [inA, inB] = this.termNaming();
    const [ca, cb] = [this.a[i] as Clause, this.b[j] as Clause];
    const alone = (k: string) => inA.get(k)?.length === 1 && inB.get(k)?.length === 1;
    const namesB = termNames(cb);
    const candidates = [...termNames(ca)].filter((k) => namesB.has(k) && alone(k));
    // Only a name one of them lists as unreported needs the list to point at the other (rare: counted then).
    const stated = (c: Clause, k: string) => Object.hasOwn(c.terms ?? {}, k);
    if (candidates.every((k) => stated(ca, k) && stated(cb, k))) return candidates.sort();
    const [statedA, statedB] = (this.stating ??= [clausesStating(this.a), clausesStating(this.b)]);
    const [na, nb] = [namesToward(ca, j, statedB), namesToward(cb, i, statedA)];
    return candidates.filter((k) => na.has(k) && nb.has(k)).sort();
  }

  /** The rarity mass of a clause's token set, computed once per clause. */
  private massOf(cache: Map<number, number>, k: number, set: ReadonlySet<string>): number {
    let m = cache.get(k);
    if (m === undefined) cache.set(k, (m = this.rarity.mass(set)));
    return m;
  }

  /** Names the shared words (and terms of their own) of a pair scored without them. */
  explain(i: number, j: number, evidence: MatchEvidence): MatchEvidence {
    if (evidence.shared.length) return evidence;
    const out = { ...evidence };
    this.addReasons(i, j, out);
    return out;
  }

  /** How much a token weighs: its rarity among the clauses being matched. */
  weight(token: string): number {
    return this.rarity.weight(token);
  }

  /** 1 where `j` stands where the pairs around `i` put it, falling to 0 a tenth of the draft away. */
  private order(i: number, j: number): number {
    const expected = this.expected(i);
    const window = Math.max(2, 0.1 * this.b.length);
    return Math.max(0, 1 - Math.abs(j - expected) / window);
  }

  /** Where the pairs already made put clause `i` of the old version in the new one. */
  expected(i: number): number {
    const list = this.anchors;
    const lo = lowerBound(list.length, (k) => (list[k] as [number, number])[0] < i);
    const before = list[lo - 1] ?? [-1, -1];
    const after = list[lo] ?? [this.a.length, this.b.length];
    const span = after[0] - before[0];
    return before[1] + ((i - before[0]) * (after[1] - before[1])) / Math.max(1, span);
  }
}

/**
 * The term names clause `c` carries toward clause `partner` of the other version: those it states,
 * and those it lists as unreported when that list points at `partner`, which states more of those
 * names than any other clause of `c`'s topic in its version does (`stating`: topic and name → the
 * clauses that state it). A list spread evenly over several clauses points at none.
 */
function namesToward(c: Clause, partner: number, stating: ReadonlyMap<string, number[]>): Set<string> {
  const stated = Object.keys(c.terms ?? {});
  const unsaid = c.unreported ?? [];
  if (!unsaid.length) return new Set(stated);
  const counts = new Map<number, number>();
  for (const k of unsaid) for (const o of stating.get(`${c.topic}\u0000${k}`) ?? []) counts.set(o, (counts.get(o) ?? 0) + 1);
  const mine = counts.get(partner) ?? 0;
  const pointed = mine > 0 && [...counts].every(([o, n]) => o === partner || n < mine);
  return new Set(pointed ? [...stated, ...unsaid] : stated);
}

/** A clause's parties as one key, in order of their ids; "" when it names none. */
function partiesKey(c: Clause): string {
  return [...new Set(c.parties ?? [])].sort().join('\u0000');
}

/** For each set of parties, how many clauses of a list bind exactly it. */
function countBound(list: readonly Clause[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of list) {
    const key = partiesKey(c);
    if (key) m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

/** For each topic and term name (`topic\u0000name`), the clauses of a list that state it (not those that list it as unreported). */
function clausesStating(list: readonly Clause[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  list.forEach((c, k) => {
    for (const name of Object.keys(c.terms ?? {})) {
      const n = `${c.topic}\u0000${name}`;
      const at = m.get(n);
      if (at) at.push(k);
      else m.set(n, [k]);
    }
  });
  return m;
}
