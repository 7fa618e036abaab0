/**
 * Pairs the clauses of two versions, and says how each pair was found:
 * pinned by the user, the same id, the same title within a topic, or by the
 * evidence of their content (rare words, terms, topic, number, place), assigned
 * for the best total rather than best-first; last, the only clause of a topic
 * left on each side, and the only two clauses of both versions that name a
 * term of their topic, and a question left open with the clause or few clauses of
 * its topic that stand out. Near misses are kept as possible pairs. Then finds splits
 * (one clause → many) and merges (many → one) by how much of one clause's
 * content the others cover, or by a typed term a part took from its whole.
 */
import { isOpenQuestion } from '../model/clause-state.js';
import type { Clause } from '../model/types.js';
import { assign } from './assign.js';
import type { Candidate } from './assign.js';
import type { MatchEvidence } from './evidence.js';
import { LazyTokens, Scorer } from './scorer.js';
import { nearest, TokenIndex } from './tokens.js';
import { groupBy } from '../util/group-by.js';
import { declaredGroups } from './declared-groups.js';
import { findGroups } from './found-groups.js';
import { besidePartner, openInCatchAll, openQuestionPairs, rankedBy, standingOut } from './open-questions.js';
import { fewInTopic } from './few-in-topic.js';
import { guessTopics } from './topic-guess.js';

/** How a pair of clauses was matched: pinned by the user, declared by a clause that covers others (`covers`) or by clauses that each take part of one (`part`: `partOf`), the same id, the same title within a topic, similar content, or (`topic`) as the only clause of their topic left on both sides, the only two clauses of both versions that name a term of their topic (`evidence.ownTerms`), a question left open and the only clause of its topic left in the other version, or the one that stands out among several (`evidence.openQuestion`), or a question left open alone in a topic the other version files under the catch-all `other` with the catch-all clause nearest it, or the clear best of each other among a topic's few clauses left, as many on both sides (`evidence.fewInTopic`). */
export type MatchMethod = 'pinned' | 'covers' | 'part' | 'id' | 'title' | 'similarity' | 'topic';

/** Two clauses found to be the same clause; indices into the two clause lists. */
export interface ClausePair {
  from: number;
  to: number;
  method: MatchMethod;
  /** 0..1: 1 for pinned, id and title matches; the score of the evidence otherwise. */
  score: number;
  /** What decided a pair found by content or topic. */
  evidence?: MatchEvidence;
}

/** Two unpaired clauses that came close to pairing: a user can pin them with `pairs`. */
export interface PossiblePair {
  from: number;
  to: number;
  score: number;
  evidence: MatchEvidence;
}

/** A split (one → many) or merge (many → one), by clause indices. */
export interface ClauseGroup {
  kind: 'split' | 'merged';
  from: number[];
  to: number[];
  /** How much of the parts' content the whole covers, 0..1; for a question left open, the mean score of the clauses it stands for. */
  score: number;
}

/** Pairs the user fixes or forbids, by clause id. */
export interface PairRules {
  /** Pairs to use whatever their ids and texts. */
  pairs?: ReadonlyArray<{ from: string; to: string }>;
  /** Pairs never to make. */
  forbid?: ReadonlyArray<{ from: string; to: string }>;
  /** Clause ids that pair with no clause of the other version but by a pinned pair, and join no split or merge found: on each side (`from`, `to`), the clauses reported new since the other version (`added`). */
  alone?: { from?: ReadonlySet<string>; to?: ReadonlySet<string> };
  /** Scores a content match (`pair`) or the only clause of a topic on each side (`sole`) needs; defaults in {@link MATCH}. A question left open (bracketed, no terms) alone in its topic needs no score. */
  thresholds?: { pair?: number; sole?: number };
}

/** The outcome of {@link matchClauses}. */
export interface Matching {
  pairs: ClausePair[];
  groups: ClauseGroup[];
  /** Near misses among the clauses left unpaired, best first. */
  possible: PossiblePair[];
}

/**
 * Thresholds, measured on the evaluation corpus (`npm run eval`, EVAL.md):
 * `pair` is the score a content match needs, `sole` what the only clause of a
 * topic on both sides needs, `near` where possible pairs start. Each clause is
 * compared with its `candidates` best by shared rare words, and with every
 * clause of its topic while the topic has at most `scanLimit` unpaired clauses.
 * A question left open among several free clauses of its topic stands for the
 * best `openMax` or fewer of them that lie `openGap` times above the next.
 * A topic left with two to `fewMax` clauses on each side, as many on both,
 * pairs those that are each other's best, `fewGap` times above the next in
 * either version, at `sole` or more. Those rules run again with each clause of
 * the catch-all topic counted in the topic of the typed clauses whose words it
 * shares most, at `sole` and `fewGap` above any other topic (topic-guess.ts).
 */
export const MATCH = { pair: 0.38, sole: 0.2, soleOffer: 0.15, soleOrder: 0.75, soleTerms: 0.4, ownTermShare: 0.5, near: 0.25, candidates: 24, keep: 8, maxPossible: 50, partInWhole: 0.8, partInTopic: 0.6, partWords: 4, wholeCovered: 0.6, partInOwnPair: 0.5, scanLimit: 128, openGap: 1.5, openMax: 3, fewMax: 4, fewGap: 1.5 } as const;

/**
 * Matches the clauses of `a` to those of `b`.
 *
 * @example
 * matchClauses(us.clauses, e3.clauses).pairs.find((p) => p.method !== 'id');
 */
export function matchClauses(a: readonly Clause[], b: readonly Clause[], rules: PairRules = {}): Matching {
  const forbidden = new Set((rules.forbid ?? []).map((p) => `${p.from}\u0000${p.to}`));
  const allowed = (i: number, j: number) => !forbidden.has(`${a[i]?.id}\u0000${b[j]?.id}`) && !rules.alone?.from?.has(a[i]?.id ?? '') && !rules.alone?.to?.has(b[j]?.id ?? '');
  const aTo = new Map<number, ClausePair>();
  const bFrom = new Map<number, ClausePair>();
  const pair = (i: number, j: number, method: MatchMethod, score: number, evidence?: MatchEvidence) => {
    const p: ClausePair = { from: i, to: j, method, score, ...(evidence ? { evidence } : {}) };
    aTo.set(i, p);
    bFrom.set(j, p);
  };
  const aId = indexBy(a, (c) => c.id);
  const bId = indexBy(b, (c) => c.id);
  const pairAt = rules.thresholds?.pair ?? MATCH.pair;
  const soleAt = rules.thresholds?.sole ?? MATCH.sole;

  for (const rule of rules.pairs ?? []) {
    const i = aId.get(rule.from);
    const j = bId.get(rule.to);
    if (i !== undefined && j !== undefined && !aTo.has(i) && !bFrom.has(j)) pair(i, j, 'pinned', 1);
  }
  const declared = declaredGroups(a, b, aId, bId, aTo, bFrom, allowed, pair);
  a.forEach((c, i) => {
    const j = bId.get(c.id);
    if (j !== undefined && !aTo.has(i) && !bFrom.has(j) && !declared.a.has(i) && !declared.b.has(j) && allowed(i, j)) pair(i, j, 'id', 1);
  });

  // Splits and merges of a question left open and the clauses it stands for, with the clauses they hold on each side.
  const openGroups: ClauseGroup[] = [];
  // Tokens are computed only for clauses that need them: on large plans most clauses pair by id.
  const tokensA = new LazyTokens(a);
  const tokensB = new LazyTokens(b);
  // Clauses a question left open took as parts of a split or merge, on each side.
  const taken = [new Set<number>(), new Set<number>()] as const;
  const free = () =>
    [a.map((_, i) => i).filter((i) => !aTo.has(i) && !declared.a.has(i) && !taken[0].has(i)), b.map((_, j) => j).filter((j) => !bFrom.has(j) && !declared.b.has(j) && !taken[1].has(j))] as const;

  // Same topic and the same title, when that title is unique on both sides.
  {
    const [fa, fb] = free();
    const key = (c: Clause) => `${c.topic}\u0000${c.title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
    const ua = uniqueBy(fa, (i) => key(a[i] as Clause));
    const ub = uniqueBy(fb, (j) => key(b[j] as Clause));
    for (const [k, i] of ua) {
      const j = ub.get(k);
      if (j !== undefined && allowed(i, j)) pair(i, j, 'title', 1);
    }
  }

  // Content: every signal weighed together, then the best total assignment.
  const [fa, fb] = free();
  const scorer = new Scorer(a, b, fa, fb, tokensA, tokensB, [...aTo.values()]);
  const candidates: Array<Candidate & { raw: number; evidence: MatchEvidence }> = [];
  {
    const index = new TokenIndex(b.map((_, j) => (bFrom.has(j) ? undefined : tokensB.at(j))));
    const byTopic = groupBy(fb, (j) => b[j]?.topic ?? '');
    const byNumber = groupBy(fb.filter((j) => b[j]?.number !== undefined), (j) => b[j]?.number ?? '');
    const freeB = [...fb];
    for (const i of fa) {
      // Candidates: those sharing the most rare words (ties to the nearest place), the topic while it is small,
      // the same printed number, and the clauses where the pairs made put it; so twins of common words still meet.
      const near = scorer.expected(i);
      const found = new Set(index.best(tokensA.at(i), (t) => scorer.weight(t), MATCH.candidates, near));
      const sameTopic = byTopic.get(a[i]?.topic ?? '') ?? [];
      if (sameTopic.length <= MATCH.scanLimit) for (const j of sameTopic) found.add(j);
      const number = a[i]?.number;
      if (number !== undefined) for (const j of byNumber.get(number) ?? []) found.add(j);
      for (const j of nearest(freeB, near, 2)) found.add(j);
      const mine: Array<Candidate & { raw: number; evidence: MatchEvidence }> = [];
      for (const j of [...found].sort((x, y) => x - y)) {
        if (!allowed(i, j)) continue;
        const { score, raw, evidence } = scorer.between(i, j, false);
        if (score >= Math.min(MATCH.near, pairAt)) mine.push({ from: i, to: j, score, raw, evidence });
      }
      // Only the best few per clause go on: memory and the assignment stay in proportion to the clauses.
      mine.sort((x, y) => y.raw - x.raw || x.to - y.to);
      candidates.push(...mine.slice(0, MATCH.keep));
    }
  }
  const byPair = new Map(candidates.map((c) => [`${c.from},${c.to}`, c]));
  // The assignment weighs the sum before it is capped, so a twin with the same number and place wins.
  const chosen = assign(candidates.filter((c) => c.score >= pairAt).map((c) => ({ from: c.from, to: c.to, score: c.raw })));
  for (const c of chosen) {
    const kept = byPair.get(`${c.from},${c.to}`);
    if (kept) pair(c.from, c.to, 'similarity', kept.score, scorer.explain(c.from, c.to, kept.evidence));
  }

  // The rules for what is left of a topic, over the topics `topicA` and `topicB` give the clauses of each version.
  // Only pairs `admit` lets through are made there.
  const leftOfTopic = (topicA: (i: number) => string, topicB: (j: number) => string, admit = (_i: number, _j: number) => true) => {
    const may = (i: number, j: number) => allowed(i, j) && admit(i, j);
    // The only clause of a topic left on each side pairs when the evidence does not speak against it.
    const [fa2, fb2] = free();
    // Or when the two say something about one thing no other clause of either version names (a term of their own),
    // that thing is much of what each carries, and neither is nearer to another clause left free.
    // The candidates of each clause, indexed on first need: most drafts never ask.
    let byClause: [Map<number, Candidate[]>, Map<number, Candidate[]>] | undefined;
    // One side of it: clause `at` of version `side` scores higher than `score` with a free clause other than `not`.
    const nearerOne = (side: 0 | 1, at: number, not: number, score: number) => {
      byClause ??= [groupBy(candidates, (c) => c.from), groupBy(candidates, (c) => c.to)];
      return side === 0
        ? (byClause[0].get(at) ?? []).some((c) => c.score > score && c.to !== not && !bFrom.has(c.to))
        : (byClause[1].get(at) ?? []).some((c) => c.score > score && c.from !== not && !aTo.has(c.from));
    };
    const nearer = (i: number, j: number, score: number) => nearerOne(0, i, j, score) || nearerOne(1, j, i, score);
    const ownThing = (i: number, j: number, score: number, e: MatchEvidence) =>
      (e.ownTerms?.length ?? 0) > 0 && nameShare(a[i] as Clause, b[j] as Clause) >= MATCH.ownTermShare && !nearer(i, j, score);
    const topicsA = groupBy(fa2, topicA);
    const topicsB = groupBy(fb2, topicB);
    for (const [topic, is] of topicsA) {
      const js = topicsB.get(topic);
      if (is.length !== 1 || js?.length !== 1) continue;
      const [i, j] = [is[0] as number, js[0] as number];
      if (!may(i, j)) continue;
      const { score, evidence } = scorer.between(i, j);
      // Compatible: enough shared content, and the same printed number, the same place among the pairs made, or terms much alike.
      // The place must agree closely (a quarter of its window): the clause beside the gap a missing partner left is
      // off by about one place (order 0.5–0.67 in the held-out hands' trials), a true partner by less (0.79 and up).
      // Or the two bind the same parties as no other clause of either version does, and neither is nearer to another.
      const compatible =
        evidence.sameNumber || evidence.order >= MATCH.soleOrder || (evidence.terms ?? 0) >= MATCH.soleTerms || ownThing(i, j, score, evidence) || (evidence.ownParties !== undefined && !nearer(i, j, score));
      // A question left open (bracketed, no terms) says nothing but its topic: alone in it on both sides, that is enough.
      const open = topic !== 'other' && (isOpenQuestion(a[i] as Clause) || isOpenQuestion(b[j] as Clause));
      if (score >= soleAt && compatible) pair(i, j, 'topic', score, evidence);
      else if (open) pair(i, j, 'topic', score, { ...evidence, openQuestion: true });
      // Alone in their topic but with nothing else agreeing, or scoring a little under the threshold while sharing some
      // words or terms: a pair for the user to judge (the only elections clauses of two drafts, 0.19; an army cap and "no
      // limits", 0.16); not two that share nothing (0.10), nor the only catch-all clauses.
      else if ((score >= soleAt || (topic !== 'other' && score >= MATCH.soleOffer && (evidence.text > 0 || (evidence.terms ?? 0) > 0))) && !byPair.has(`${i},${j}`)) {
        const offered = { from: i, to: j, score, raw: score, evidence };
        candidates.push(offered);
        byPair.set(`${i},${j}`, offered);
      }
    }
    // A question left open alone in a topic the other version files under the catch-all: its nearest clause there.
    for (const choices of openInCatchAll(a, b, topicsA, topicsB)) {
      let best: { i: number; j: number; score: number; evidence: MatchEvidence } | undefined;
      for (const [i, j] of choices) {
        if (aTo.has(i) || bFrom.has(j) || !may(i, j)) continue;
        const { score, evidence } = scorer.between(i, j);
        if (!best || score > best.score) best = { i, j, score, evidence };
      }
      if (best && best.score >= soleAt && !nearer(best.i, best.j, best.score)) pair(best.i, best.j, 'topic', best.score, best.evidence);
    }
    // Within a topic, the only two clauses of both versions that name a term pair on the same evidence.
    for (const [i, j] of ownTermPairs(a, b, aTo, bFrom, () => scorer.termNaming())) {
      // Clauses a `covers` group holds take part in no other pair.
      if (aTo.has(i) || bFrom.has(j) || declared.a.has(i) || declared.b.has(j) || !may(i, j)) continue;
      const { score, evidence } = scorer.between(i, j);
      if (score >= soleAt && ownThing(i, j, score, evidence)) pair(i, j, 'topic', score, evidence);
    }
    // Last, a question left open, the only one of its topic left on its side, and the only clause of that topic left on
    // the other: unless that clause scores higher with another clause of its topic left free beside the question (whatever
    // the score: the question needs none), or either is nearer another free clause among the candidates.
    const [fa3, fb3] = free();
    for (const { q, other, rivals } of openQuestionPairs(a, b, groupBy(fa3, topicA), groupBy(fb3, topicB), MATCH.scanLimit)) {
      const [i, j] = q.side === 0 ? [q.at, other] : [other, q.at];
      if (aTo.has(i) || bFrom.has(j) || !may(i, j)) continue;
      const { score, evidence } = scorer.between(i, j);
      const rival = rivals.some((r) => !(q.side === 0 ? aTo.has(r) : bFrom.has(r)) && (q.side === 0 ? scorer.between(r, j) : scorer.between(i, r)).score > score);
      if (!rival && !nearer(i, j, score)) pair(i, j, 'topic', score, { ...evidence, openQuestion: true });
    }
    // A question left open among several free clauses of its topic: the one or few that stand out are what it leaves
    // open. It pairs with the best of them; with more than one, the others join it as a split or merge.
    const [fa4, fb4] = free();
    const isFree = (side: 0 | 1, at: number) => !(side === 0 ? aTo : bFrom).has(at) && !taken[side].has(at);
    const scoreOf = (side: 0 | 1, q: number, o: number) => (side === 0 ? scorer.between(q, o, false) : scorer.between(o, q, false)).score;
    const limits = { gap: MATCH.openGap, max: MATCH.openMax, floor: soleAt, scanLimit: MATCH.scanLimit };
    // A question of version `side` and the clauses of the other it stands for, as a split (old side) or merge; all taken.
    const join = (side: 0 | 1, q: number, parts: number[], score: number) => {
      parts.sort((x, y) => x - y);
      openGroups.push(side === 0 ? { kind: 'split', from: [q], to: parts, score } : { kind: 'merged', from: parts, to: [q], score });
      taken[side].add(q);
      for (const o of parts) taken[side === 0 ? 1 : 0].add(o);
    };
    // The gap is measured over these and the clauses another question left open of the other version paired with: what
    // that question leaves open still shows where the topic's clauses fall off (the Authority's reform, paired with
    // its own question, below the board and the committee that another stands for). Those are not free, so none stands for them.
    const withQuestions = (free: readonly number[], pairs: ReadonlyMap<number, ClausePair>, other: readonly Clause[], side: 0 | 1) =>
      [...free, ...[...pairs.values()].filter((p) => isOpenQuestion(other[side === 0 ? p.to : p.from] as Clause)).map((p) => (side === 0 ? p.from : p.to))].sort((x, y) => x - y);
    const topics4 = [groupBy(withQuestions(fa4, aTo, b, 0), topicA), groupBy(withQuestions(fb4, bFrom, a, 1), topicB)] as const;
    for (const found of standingOut(a, b, ...topics4, scoreOf, isFree, limits)) {
      const at = (o: number): [number, number] => (found.side === 0 ? [found.at, o] : [o, found.at]);
      const [best, ...more] = found.standFor;
      // The others must be allowed with the question, and none nearer another free clause of the question's side.
      const other = found.side === 0 ? 1 : 0;
      if (!best || !may(...at(best.at)) || nearer(...at(best.at), best.score) || more.some((o) => !may(...at(o.at)) || nearerOne(other, o.at, found.at, o.score))) continue;
      const [i, j] = at(best.at);
      const { score, evidence } = scorer.between(i, j);
      pair(i, j, 'topic', score, { ...evidence, openQuestion: true });
      if (more.length) join(found.side, found.at, found.standFor.map((o) => o.at), found.score);
    }
    // A question content paired with one clause stands for those that stand out with it as well: they join the pair
    // as a merge (or a split), as when the rule above pairs the question. Where the scores fall off is measured over
    // every clause of the topic, paired or not (a point held as two clauses, both named in the question, with nothing
    // free below them shows no gap otherwise); only free ones join.
    let everyOf: [Map<string, number[]>, Map<string, number[]>] | undefined;
    for (const p of aTo.values()) {
      const side = p.method !== 'similarity' ? undefined : isOpenQuestion(b[p.to] as Clause) ? 1 : isOpenQuestion(a[p.from] as Clause) ? 0 : undefined;
      if (side === undefined) continue;
      const [q, partner] = side === 1 ? [p.to, p.from] : [p.from, p.to];
      const other = side === 1 ? 0 : 1;
      const topic = (side === 1 ? b[q] : a[q])?.topic ?? '';
      if (topic === 'other' || taken[side].has(q)) continue;
      everyOf ??= [groupBy(a.map((_, k) => k), (k) => a[k]?.topic ?? ''), groupBy(b.map((_, k) => k), (k) => b[k]?.topic ?? '')];
      const theirs = (everyOf[other].get(topic) ?? []).slice(0, MATCH.scanLimit);
      if (!theirs.includes(partner)) continue;
      const ranked = rankedBy(theirs, (o) => scoreOf(side, q, o));
      const at = (o: number): [number, number] => (side === 0 ? [q, o] : [o, q]);
      const more = besidePartner(ranked, partner, (o) => isFree(other, o), limits);
      if (!more.length || more.some((o) => !may(...at(o.at)) || nearerOne(other, o.at, q, o.score))) continue;
      join(side, q, [partner, ...more.map((o) => o.at)], p.score);
    }
    // Last, a topic left with a few clauses, as many on each side: those that are each other's best by a clear gap pair,
    // as the only clause of a topic left on each side does, unless either is nearer a free clause of another topic.
    const [fa5, fb5] = free();
    const topics5 = [groupBy(fa5, topicA), groupBy(fb5, topicB)] as const;
    for (const p of fewInTopic(...topics5, (i, j) => scorer.between(i, j, false).score, { max: MATCH.fewMax, gap: MATCH.fewGap, floor: soleAt })) {
      if (aTo.has(p.from) || bFrom.has(p.to) || !may(p.from, p.to) || nearer(p.from, p.to, p.score)) continue;
      const { score, evidence } = scorer.between(p.from, p.to);
      pair(p.from, p.to, 'topic', score, { ...evidence, fewInTopic: p.few });
    }
  };
  leftOfTopic((i) => a[i]?.topic ?? '', (j) => b[j]?.topic ?? '');
  // Then once more with each catch-all clause counted in the topic of the typed clauses whose words it clearly shares
  // most (topic-guess.ts), as if its hand had filed it there: pairs of such a clause only, added to those the writers'
  // topics made.
  const guessed = guessTopics(a, b, candidates.map((c) => ({ from: c.from, to: c.to, score: c.evidence.text })), { floor: soleAt, gap: MATCH.fewGap });
  if (guessed[0].size || guessed[1].size) {
    const before = new Set(aTo.keys());
    leftOfTopic(
      (i) => guessed[0].get(i) ?? a[i]?.topic ?? '',
      (j) => guessed[1].get(j) ?? b[j]?.topic ?? '',
      (i, j) => guessed[0].has(i) || guessed[1].has(j),
    );
    for (const [i, p] of aTo) {
      const read = guessed[0].get(i) ?? guessed[1].get(p.to);
      if (!before.has(i) && read && p.evidence) p.evidence = { ...p.evidence, topicRead: read };
    }
  }

  const held = { a: new Set([...declared.a, ...openGroups.flatMap((g) => g.from)]), b: new Set([...declared.b, ...openGroups.flatMap((g) => g.to)]) };
  const possible = candidates
    .filter((c) => !aTo.has(c.from) && !bFrom.has(c.to) && !held.a.has(c.from) && !held.b.has(c.to))
    .sort((x, y) => y.score - x.score || x.from - y.from || x.to - y.to)
    .slice(0, MATCH.maxPossible)
    .map((c) => ({ from: c.from, to: c.to, score: c.score, evidence: scorer.explain(c.from, c.to, c.evidence) }));
  // A clause reported new since the other version (`alone`) is no part of a clause there either: no found split or merge takes it.
  const indicesOf = (ids: ReadonlySet<string> | undefined, list: readonly Clause[]) => list.flatMap((c, k) => (ids?.has(c.id) ? [k] : []));
  const heldOrNew = { a: new Set([...held.a, ...indicesOf(rules.alone?.from, a)]), b: new Set([...held.b, ...indicesOf(rules.alone?.to, b)]) };
  const groups = [...declared.groups, ...openGroups, ...findGroups(a, b, tokensA, tokensB, aTo, bFrom, heldOrNew, MATCH)];
  const pairs = [...aTo.values()].sort((x, y) => x.to - y.to);
  return { pairs, groups, possible };
}

/**
 * Free clauses of the same topic, one in each version, that are the only
 * clauses of their versions to name some term: each is alone in a part of
 * its topic, as the only clause of a topic is alone in all of it.
 */
function ownTermPairs(
  a: readonly Clause[],
  b: readonly Clause[],
  aTo: ReadonlyMap<number, ClausePair>,
  bFrom: ReadonlyMap<number, ClausePair>,
  naming: () => [Map<string, number[]>, Map<string, number[]>],
): Array<[number, number]> {
  if (aTo.size === a.length || bFrom.size === b.length) return [];
  const [inA, inB] = naming();
  const out: Array<[number, number]> = [];
  for (const [name, is] of inA) {
    const js = inB.get(name);
    if (is.length !== 1 || js?.length !== 1) continue;
    const [i, j] = [is[0] as number, js[0] as number];
    if (!aTo.has(i) && !bFrom.has(j) && a[i]?.topic === b[j]?.topic && a[i]?.topic !== 'other') out.push([i, j]);
  }
  return out;
}

/**
 * Dice overlap of two clauses' term names: how much of what each says is about the same things. A
 * term a clause lists as `unreported` counts only where the other clause states it: a writer who
 * lists every term its version leaves unsaid (so that none reads as dropped) does not thin out
 * what the clause is about, and two clauses that both leave a term unsaid do not share it.
 */
function nameShare(x: Clause, y: Clause): number {
  const stated = (c: Clause) => new Set(Object.keys(c.terms ?? {}));
  const [tx, ty] = [stated(x), stated(y)];
  const said = (c: Clause, own: ReadonlySet<string>, other: ReadonlySet<string>) => new Set([...own, ...(c.unreported ?? []).filter((k) => other.has(k))]);
  const [sx, sy] = [said(x, tx, ty), said(y, ty, tx)];
  const both = [...sx].filter((k) => sy.has(k)).length;
  return sx.size + sy.size ? (2 * both) / (sx.size + sy.size) : 0;
}

function indexBy<T>(list: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  list.forEach((t, i) => {
    const k = key(t);
    if (!out.has(k)) out.set(k, i);
  });
  return out;
}

/** Keys that occur exactly once among `indices`, with their index. */
function uniqueBy(indices: readonly number[], key: (i: number) => string): Map<string, number> {
  const seen = new Map<string, number>();
  const dup = new Set<string>();
  for (const i of indices) {
    const k = key(i);
    if (seen.has(k)) dup.add(k);
    else seen.set(k, i);
  }
  for (const k of dup) seen.delete(k);
  return seen;
}
