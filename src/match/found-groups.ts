/**
 * Splits and merges no version declares, found from what the clauses say: a clause left unpaired
 * whose words lie mostly inside one clause of the other version, or (another hand's part, in words
 * of its own) that took a typed term from it, is a part of that clause.
 */
import { isCarried } from '../model/clause-state.js';
import type { Clause } from '../model/types.js';
import { deepEqual } from '../util/deep-equal.js';
import { termStatements } from '../util/term-key.js';
import type { ClauseGroup, ClausePair, MATCH as Thresholds } from './match-clauses.js';
import type { LazyTokens } from './scorer.js';
import { containment, TokenIndex } from './tokens.js';
import { round3 } from '../util/round.js';

/**
 * Splits: clauses of `b` left unpaired whose content lies inside one clause of
 * `a`; merges, the other way round. A whole that kept its partner (a split
 * that kept the id) groups with that partner.
 */
export function findGroups(
  a: readonly Clause[],
  b: readonly Clause[],
  tokensA: LazyTokens,
  tokensB: LazyTokens,
  aTo: Map<number, ClausePair>,
  bFrom: Map<number, ClausePair>,
  declared: { a: ReadonlySet<number>; b: ReadonlySet<number> },
  MATCH: Pick<typeof Thresholds, 'partInWhole' | 'partInTopic' | 'partWords' | 'partInOwnPair' | 'wholeCovered' | 'keep'>,
): ClauseGroup[] {
  const groups: ClauseGroup[] = [];
  // Clauses of a group their file declares take part in no other.
  const used = { a: new Set<number>(declared.a), b: new Set<number>(declared.b) };
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
    const sets = wholeList.map((_, w) => (changed(w) ? wholeTokens.at(w) : undefined));
    const index = new TokenIndex(sets);
    // The wholes of one typed topic, indexed on first need: within a topic a part needs fewer of its words inside.
    const topicIndex = new Map<string, TokenIndex>();
    const ofTopic = (topic: string) => {
      let found = topicIndex.get(topic);
      if (!found) topicIndex.set(topic, (found = new TokenIndex(sets.map((set, w) => (wholeList[w]?.topic === topic ? set : undefined)))));
      return found;
    };
    const byWhole = new Map<number, Array<{ part: number; score: number }>>();
    // Topics with a clause left free on the whole's side: a part of such a topic may be that clause's own partner,
    // missed, so the weaker evidence (fewer words within the topic, a term) does not make it a part of another.
    const openTopics = new Set(wholeList.flatMap((c, w) => (wholePaired.has(w) || usedWhole.has(w) ? [] : [c.topic])));
    partList.forEach((_, p) => {
      if (partPaired.has(p) || usedPart.has(p)) return;
      let best = -1;
      let bestScore = 0;
      const part = partTokens.at(p);
      // Within one typed topic a part needs less of its words in the whole: another hand's paraphrase keeps fewer.
      // The candidates there are the few wholes of the topic sharing the most of its words: bounded work per part.
      const topic = partList[p]?.topic;
      const weaker = topic !== undefined && topic !== 'other' && !openTopics.has(topic);
      // The weaker share holds only with some words behind it: a short clause of common words is no part.
      const need = (w: number, score: number) => (weaker && wholeList[w]?.topic === topic && score * part.size >= MATCH.partWords ? MATCH.partInTopic : MATCH.partInWhole);
      // The share asked of the index is the lowest a whole may need, so none that could qualify is left out.
      const candidates = weaker ? [...new Set([...index.mayHold(part, MATCH.partInTopic), ...ofTopic(topic).best(part, () => 1, MATCH.keep)])] : index.mayHold(part, MATCH.partInWhole);
      for (const w of candidates) {
        if (usedWhole.has(w)) continue;
        const score = containment(part, wholeTokens.at(w));
        if (score >= need(w, score) && score > bestScore) [best, bestScore] = [w, score];
      }
      if (best < 0) return;
      const partner = wholePaired.get(best);
      const partnerIndex = partner ? (kind === 'split' ? partner.to : partner.from) : undefined;
      if (partnerIndex !== undefined && containment(partTokens.at(p), partTokens.at(partnerIndex)) >= MATCH.partInOwnPair) return;
      // A clause whose every term the whole's partner states alike repeats what the partner kept: not a part.
      if (partnerIndex !== undefined && repeats(partList[p] as Clause, partList[partnerIndex] as Clause)) return;
      byWhole.set(best, [...(byWhole.get(best) ?? []), { part: p, score: bestScore }]);
    });
    // A part whose words another hand wrote shares too little text with its whole; a typed term it states with the
    // whole's value, which no other clause of its version states (the whole's partner dropped it), is the whole's all the same.
    const held = new Set([...byWhole.values()].flatMap((ps) => ps.map((x) => x.part)));
    let stating: [TermHolders, TermHolders] | undefined;
    partList.forEach((_, p) => {
      const clause = partList[p] as Clause;
      if (partPaired.has(p) || usedPart.has(p) || held.has(p) || openTopics.has(clause.topic) || isCarried(clause)) return;
      stating ??= [termStatements(wholeList, wholeList.keys()), termStatements(partList, partList.keys())];
      const partnerOf = (w: number) => {
        const found = wholePaired.get(w);
        return found ? (partList[kind === 'split' ? found.to : found.from] as Clause) : undefined;
      };
      const w = termWhole(clause, ...stating, partnerOf);
      if (w === undefined || usedWhole.has(w) || !wholePaired.has(w)) return;
      const partner = wholePaired.get(w);
      const partnerIndex = partner ? (kind === 'split' ? partner.to : partner.from) : undefined;
      if (partnerIndex !== undefined && containment(partTokens.at(p), partTokens.at(partnerIndex)) >= MATCH.partInOwnPair) return;
      byWhole.set(w, [...(byWhole.get(w) ?? []), { part: p, score: round3(containment(partTokens.at(p), wholeTokens.at(w))) }]);
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
      const score = round3(parts.reduce((s, p) => s + p.score, 0) / parts.length);
      const sorted = [...all].sort((x, y) => x - y);
      groups.push(kind === 'split' ? { kind, from: [w], to: sorted, score } : { kind, from: sorted, to: [w], score });
    }
  };
  side('split');
  side('merged');
  return groups;
}

/** True when a clause states terms, all of which `other`, of the same topic, states with the same values. */
function repeats(c: Clause, other: Clause): boolean {
  const own = Object.entries(c.terms ?? {});
  return own.length > 0 && c.topic === other.topic && own.every(([k, v]) => deepEqual((other.terms as Record<string, unknown> | undefined)?.[k], v));
}

/** The clauses of a list that state a term of a (typed) topic with a value ({@link termStatements}). */
type TermHolders = (topic: string, term: string, value: unknown) => number[];

/**
 * The clause of the wholes a clause is part of by its terms: the only clause of its (typed) topic
 * that states one of its terms with the same value, where the whole's partner no longer states
 * that term at all (`partnerOf`: a value it changed is a change, not a term that left) and no other
 * clause of the part's side states it: the term left the whole for this part alone. Undefined when
 * no term says so, or when two terms name different wholes.
 */
function termWhole(part: Clause, wholes: TermHolders, parts: TermHolders, partnerOf: (w: number) => Clause | undefined): number | undefined {
  if (part.topic === 'other' || !part.terms) return undefined;
  let found: number | undefined;
  for (const [k, v] of Object.entries(part.terms)) {
    const ws = wholes(part.topic, k, v);
    if (ws.length !== 1 || parts(part.topic, k, v).length !== 1) continue;
    const w = ws[0] as number;
    if ((partnerOf(w)?.terms as Record<string, unknown> | undefined)?.[k] !== undefined) continue;
    if (found !== undefined && found !== w) return undefined;
    found = w;
  }
  return found;
}
