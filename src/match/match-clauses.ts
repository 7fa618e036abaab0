/**
 * Pairs the clauses of two versions, and says how each pair was found:
 * pinned by the user, same id, same title, similar text and terms within a
 * topic, or (for what is left) the same number with somewhat similar text. Then finds splits (one clause → many)
 * and merges (many → one) by how much of one clause's content the others cover.
 */
import type { Clause } from '../model/types.js';
import { clauseTokens, containment, dice, TokenIndex } from './tokens.js';

/** How a pair of clauses was matched. */
export type MatchMethod = 'pinned' | 'id' | 'title' | 'number' | 'similarity';

/** Two clauses found to be the same clause; indices into the two clause lists. */
export interface ClausePair {
  from: number;
  to: number;
  method: MatchMethod;
  /** 0..1: 1 for pinned, id and title matches; the similarity otherwise. */
  score: number;
}

/** A split (one → many) or merge (many → one), by clause indices. */
export interface ClauseGroup {
  kind: 'split' | 'merged';
  from: number[];
  to: number[];
  /** How much of the parts' content the whole covers, 0..1. */
  score: number;
}

/** Pairs the user fixes or forbids, by clause id. */
export interface PairRules {
  /** Pairs to use whatever their ids and texts. */
  pairs?: ReadonlyArray<{ from: string; to: string }>;
  /** Pairs never to make. */
  forbid?: ReadonlyArray<{ from: string; to: string }>;
}

/** The outcome of {@link matchClauses}. */
export interface Matching {
  pairs: ClausePair[];
  groups: ClauseGroup[];
}

/** Thresholds; see README for what they mean. */
export const MATCH = { similarity: 0.5, numberSimilarity: 0.3, partInWhole: 0.8, wholeCovered: 0.6, partInOwnPair: 0.5, scanLimit: 256 } as const;

/**
 * Matches the clauses of `a` to those of `b`.
 *
 * @example
 * matchClauses(us.clauses, e3.clauses).pairs.find((p) => p.method !== 'id');
 */
export function matchClauses(a: readonly Clause[], b: readonly Clause[], rules: PairRules = {}): Matching {
  const forbidden = new Set((rules.forbid ?? []).map((p) => `${p.from}\u0000${p.to}`));
  const allowed = (i: number, j: number) => !forbidden.has(`${a[i]?.id}\u0000${b[j]?.id}`);
  const aTo = new Map<number, ClausePair>();
  const bFrom = new Map<number, ClausePair>();
  const pair = (i: number, j: number, method: MatchMethod, score: number) => {
    const p = { from: i, to: j, method, score };
    aTo.set(i, p);
    bFrom.set(j, p);
  };
  const aId = indexBy(a, (c) => c.id);
  const bId = indexBy(b, (c) => c.id);

  for (const rule of rules.pairs ?? []) {
    const i = aId.get(rule.from);
    const j = bId.get(rule.to);
    if (i !== undefined && j !== undefined && !aTo.has(i) && !bFrom.has(j)) pair(i, j, 'pinned', 1);
  }
  a.forEach((c, i) => {
    const j = bId.get(c.id);
    if (j !== undefined && !aTo.has(i) && !bFrom.has(j) && allowed(i, j)) pair(i, j, 'id', 1);
  });

  // Tokens are computed only for clauses that need them: on large plans most clauses pair by id.
  const tokensA = new LazyTokens(a);
  const tokensB = new LazyTokens(b);
  const free = () => [a.map((_, i) => i).filter((i) => !aTo.has(i)), b.map((_, j) => j).filter((j) => !bFrom.has(j))] as const;

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
  // Similar content within a topic; best scores first.
  {
    const [fa, fb] = free();
    const open = new Set(fb);
    const index = new TokenIndex(b.map((_, j) => (open.has(j) ? tokensB.at(j) : undefined)));
    const byTopic = new Map<string, number[]>();
    for (const j of fb) {
      const topic = b[j]?.topic ?? '';
      const list = byTopic.get(topic);
      if (list) list.push(j);
      else byTopic.set(topic, [j]);
    }
    const candidates: ClausePair[] = [];
    for (const i of fa) {
      const ta = tokensA.at(i);
      let found = index.sharedAtMost(ta);
      // Only common words: the index has nothing to offer, so look at the topic's open clauses when they are few.
      const sameTopic = byTopic.get(a[i]?.topic ?? '') ?? [];
      if (found.size === 0 && sameTopic.length <= MATCH.scanLimit) found = new Map(sameTopic.map((j) => [j, ta.size]));
      for (const [j, bound] of [...found].sort((x, y) => x[0] - y[0])) {
        if (b[j]?.topic !== a[i]?.topic || !allowed(i, j)) continue;
        if ((2 * bound) / (ta.size + tokensB.at(j).size) < MATCH.similarity) continue; // cannot reach the threshold
        const score = dice(ta, tokensB.at(j));
        if (score >= MATCH.similarity) candidates.push({ from: i, to: j, method: 'similarity', score: round(score) });
      }
    }
    candidates.sort((x, y) => y.score - x.score || x.from - y.from || x.to - y.to);
    for (const c of candidates) if (!aTo.has(c.from) && !bFrom.has(c.to)) pair(c.from, c.to, c.method, c.score);
  }

  // Left over: same topic and number, with text that is at least somewhat alike.
  {
    const [fa, fb] = free();
    const ub = uniqueBy(fb, (j) => `${b[j]?.topic}\u0000${b[j]?.number}`);
    for (const i of fa) {
      const j = ub.get(`${a[i]?.topic}\u0000${a[i]?.number}`);
      if (j === undefined || bFrom.has(j) || !allowed(i, j)) continue;
      const score = dice(tokensA.at(i), tokensB.at(j));
      if (score >= MATCH.numberSimilarity) pair(i, j, 'number', round(score));
    }
  }
  const groups = findGroups(a, b, tokensA, tokensB, aTo, bFrom);
  const pairs = [...aTo.values()].sort((x, y) => x.to - y.to);
  return { pairs, groups };
}

/**
 * Splits: clauses of `b` left unpaired whose content lies inside one clause of
 * `a`; merges, the other way round. A whole that kept its partner (a split
 * that kept the id) groups with that partner.
 */
function findGroups(
  a: readonly Clause[],
  b: readonly Clause[],
  tokensA: LazyTokens,
  tokensB: LazyTokens,
  aTo: Map<number, ClausePair>,
  bFrom: Map<number, ClausePair>,
): ClauseGroup[] {
  const groups: ClauseGroup[] = [];
  const used = { a: new Set<number>(), b: new Set<number>() };
  const side = (kind: 'split' | 'merged') => {
    const [partList, wholeList, partTokens, wholeTokens, partPaired, wholePaired] =
      kind === 'split' ? [b, a, tokensB, tokensA, bFrom, aTo] : [a, b, tokensA, tokensB, aTo, bFrom];
    const [usedPart, usedWhole] = kind === 'split' ? [used.b, used.a] : [used.a, used.b];
    // A whole is any clause left unpaired, or paired with a clause that reads differently (content may have left it).
    const changed = (w: number) => {
      const partner = wholePaired.get(w);
      if (!partner) return true;
      const [x, y] = kind === 'split' ? [a[w], b[partner.to]] : [a[partner.from], b[w]];
      return x?.text !== y?.text || x?.title !== y?.title;
    };
    const index = new TokenIndex(wholeList.map((_, w) => (changed(w) ? wholeTokens.at(w) : undefined)));
    const byWhole = new Map<number, Array<{ part: number; score: number }>>();
    partList.forEach((_, p) => {
      if (partPaired.has(p) || usedPart.has(p)) return;
      let best = -1;
      let bestScore = 0;
      const part = partTokens.at(p);
      for (const [w, bound] of [...index.sharedAtMost(part)].sort((x, y) => x[0] - y[0])) {
        if (usedWhole.has(w) || bound < MATCH.partInWhole * part.size) continue; // cannot reach the threshold
        const score = containment(part, wholeTokens.at(w));
        if (score > bestScore) [best, bestScore] = [w, score];
      }
      if (best < 0 || bestScore < MATCH.partInWhole) return;
      const partner = wholePaired.get(best);
      const partnerIndex = partner ? (kind === 'split' ? partner.to : partner.from) : undefined;
      if (partnerIndex !== undefined && containment(partTokens.at(p), partTokens.at(partnerIndex)) >= MATCH.partInOwnPair) return;
      byWhole.set(best, [...(byWhole.get(best) ?? []), { part: p, score: bestScore }]);
    });
    for (const [w, parts] of [...byWhole].sort((x, y) => x[0] - y[0])) {
      const partner = wholePaired.get(w);
      const partnerIndex = partner ? (kind === 'split' ? partner.to : partner.from) : undefined;
      const all = [...(partnerIndex !== undefined ? [partnerIndex] : []), ...parts.map((p) => p.part)];
      if (all.length < 2) continue;
      if (partnerIndex === undefined) {
        const covered = new Set<string>();
        for (const p of all) for (const t of partTokens.at(p)) if (wholeTokens.at(w).has(t)) covered.add(t);
        if (covered.size / Math.max(1, wholeTokens.at(w).size) < MATCH.wholeCovered) continue;
      }
      usedWhole.add(w);
      for (const p of all) usedPart.add(p);
      const score = round(parts.reduce((s, p) => s + p.score, 0) / parts.length);
      const sorted = [...all].sort((x, y) => x - y);
      groups.push(kind === 'split' ? { kind, from: [w], to: sorted, score } : { kind, from: sorted, to: [w], score });
    }
  };
  side('split');
  side('merged');
  return groups;
}

/** Token sets of a clause list, computed on first use. */
class LazyTokens {
  private readonly cache: Array<Set<string> | undefined>;

  constructor(private readonly list: readonly Clause[]) {
    this.cache = new Array<Set<string> | undefined>(list.length);
  }

  at(i: number): Set<string> {
    return (this.cache[i] ??= clauseTokens(this.list[i] as Clause));
  }
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

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
