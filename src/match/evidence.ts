/**
 * The evidence that two clauses of different versions are the same clause,
 * as another author may have rewritten it: shared words weighted by how rare
 * they are in the two versions (place names, numbers and "amnesty" count more
 * than "Ukraine" or "agreement"), shared term names and values, the topic,
 * the printed number and the place in the draft.
 */

/** Why two clauses were paired (or nearly were). */
export interface MatchEvidence {
  /** Similarity of their words, title and text, rare words weighing more; where their titles agree more, half of it is the titles' similarity; 0..1. */
  text: number;
  /** Their terms in common (names, and names with values), rare ones weighing more; 0..1. Absent when neither has terms, or when one is a question left open (whose missing terms are what it leaves open). */
  terms?: number;
  /** `same` topic; `open` when one of them is in the catch-all topic `other` (no evidence either way); `different` topics. */
  topic: 'same' | 'open' | 'different';
  /** True when both print the same number. */
  sameNumber: boolean;
  /** How close their places in the drafts are, relative to clauses already paired; 0..1. */
  order: number;
  /** The rarest words they share (stems), at most five. */
  shared: string[];
  /** Term names these two clauses carry and no other clause of either version does: both versions say something about that one thing, each in this clause alone. Absent when there are none. */
  ownTerms?: string[];
  /** The parties these two clauses bind, when no other clause of either version binds exactly these (same topic only). Absent otherwise. */
  ownParties?: string[];
  /** True when one of the two is a question left open (bracketed or deferred, no terms) and the other the only clause of its topic left unpaired in its version, or the one (of the few) that stands out by score among several: what the question leaves open. Absent otherwise. */
  openQuestion?: true;
  /** The number of clauses (two or more) each version had left unpaired in the pair's topic, when the two paired as each other's best among them by a clear gap. Absent otherwise. */
  fewInTopic?: number;
  /** The topic one of the two, filed under the catch-all `other`, was counted in for the rules of what is left of a topic: that of the typed clauses of the other version whose words it clearly shares most (never a topic its own version files other clauses under). Absent otherwise. */
  topicRead?: string;
}

/** Weights of the score: the words carry most, the title's own share of them `title`; see README "Matching". */
export const WEIGHTS = { text: 0.7, title: 0.5, terms: 0.2, sameTopic: 0.1, differentTopic: -0.15, sameNumber: 0.05, order: 0.05 } as const;

/**
 * The evidence of the words: those of title and text together, or, when the
 * titles agree more, the two blended with the titles' overlap at
 * `WEIGHTS.title`. A title is its writer's summary of the clause: another hand
 * paraphrases the text at length but names the same thing in a few words
 * ("Return of all hostages within 72 hours" / "All hostages back within 72
 * hours of the pull-back"), while the long text dilutes what they share.
 */
export function wordEvidence(all: number, titles: number): number {
  return Math.max(all, (1 - WEIGHTS.title) * all + WEIGHTS.title * titles);
}

/**
 * The word overlap of a question left open (mass `question`) with a clause of the other version
 * (mass `other`): a question names in a few words what it leaves open, which the clause says at
 * length, so the plain overlap (shared mass over the geometric mean of both masses) undersells it.
 * Where the question is the shorter, its overlap is the geometric mean of the plain overlap and the
 * share of the question's own words found in the clause. Halfway, because the whole share paired
 * orphans in the leave-one-out trials of the evaluation corpus (EVAL.md, "A question's few words").
 */
export function questionOverlap(overlap: number, question: number, other: number): number {
  if (question <= 0 || other <= question) return overlap;
  return Math.min(1, overlap * Math.sqrt(Math.sqrt(other / question)));
}

/** Inverse document frequencies of tokens over the clauses that take part in matching. */
export class Rarity {
  private readonly idf = new Map<string, number>();
  private readonly fallback: number;

  constructor(sets: Iterable<ReadonlySet<string>>) {
    const df = new Map<string, number>();
    let n = 0;
    for (const s of sets) {
      n++;
      for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.fallback = Math.log(1 + Math.max(1, n));
  }

  weight(token: string): number {
    return this.idf.get(token) ?? this.fallback;
  }

  /** The weight of a token found in one clause only: the most any token weighs. */
  get most(): number {
    return this.fallback;
  }

  /** Sum of the weights of a set. */
  mass(set: ReadonlySet<string>): number {
    let m = 0;
    for (const t of set) m += this.weight(t);
    return m;
  }
}

/** Rarity-weighted overlap (Ochiai): the weight of shared tokens over the geometric mean of both masses. */
export function weightedOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, massA: number, massB: number, rarity: Rarity): number {
  if (massA === 0 || massB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const t of small) if (large.has(t)) common += rarity.weight(t);
  return common / Math.sqrt(massA * massB);
}

/** The rarest words (and term names, as `term:name`) two token sets share, at most five: what a reader checks a pair by. */
export function rarestShared(a: ReadonlySet<string>, b: ReadonlySet<string>, rarity: Rarity): string[] {
  const both: Array<[string, number]> = [];
  for (const t of a) if (b.has(t)) both.push([t, rarity.weight(t)]);
  both.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return both.slice(0, 5).map(([t]) => t);
}

/**
 * Terms in common, weighted by rarity: names and name–value pairs that few
 * clauses share count more than `party: ukraine`, and terms every clause
 * carries alike count little even when two clauses have nothing else.
 * Undefined when neither clause has terms.
 */
export function termOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, rarity: Rarity): number | undefined {
  if (a.size === 0 && b.size === 0) return undefined;
  const score = weightedOverlap(a, b, rarity.mass(a), rarity.mass(b), rarity);
  if (score === 0) return 0;
  // Alike terms that most clauses carry alike (boilerplate) say little: scale by how rare the shared ones are.
  let shared = 0;
  let n = 0;
  for (const t of a) {
    if (!b.has(t)) continue;
    shared += rarity.weight(t);
    n++;
  }
  return score * Math.min(1, shared / (n * rarity.most));
}

/** The score of the evidence, 0..1 (clamped). */
export function scoreOf(e: Omit<MatchEvidence, 'shared'>): number {
  return Math.max(0, Math.min(1, rawScore(e)));
}

/**
 * The sum of the evidence before it is capped at 1: two identical clauses
 * both score 1, and only this sum still tells the one with the same number
 * and place from its twin.
 */
export function rawScore(e: Omit<MatchEvidence, 'shared'>): number {
  const text = WEIGHTS.text * e.text;
  // Without terms on either side, the text carries the terms' share too.
  const terms = e.terms === undefined ? WEIGHTS.terms * e.text : WEIGHTS.terms * e.terms;
  const topic = e.topic === 'same' ? WEIGHTS.sameTopic : e.topic === 'different' ? WEIGHTS.differentTopic : 0;
  return text + terms + topic + (e.sameNumber ? WEIGHTS.sameNumber : 0) + WEIGHTS.order * e.order;
}
