/**
 * Rules follow the clause, not its id: a rule written for `army-cap` covers,
 * in a later version, the clause the diff pairs with `army-cap` along the
 * version's parent chain, whatever that version calls it.
 */
import type { PlanDiff } from '../diff/types.js';
import { matchClauses } from '../match/match-clauses.js';
import type { Clause, Plan } from '../model/types.js';
import type { ClauseAliases } from './evaluate.js';

type Alias = { id: string; version: string; method: string };

function add(out: Map<string, Alias[]>, id: string, alias: Alias): void {
  const list = out.get(id) ?? [];
  if (!list.some((a) => a.id === alias.id)) out.set(id, [...list, alias]);
}

/**
 * The ids each clause of `plan` had in the versions it descends from: for
 * every ancestor along `parent` (nearest first), the clauses it pairs with
 * those of `plan`, where the ids differ and `plan` has no clause of the old id.
 * Given `wanted` (the ids rules name), nothing is matched when `plan` has them all.
 *
 * @example
 * buildMatrix(myDraft, positions, { versions: family.versions }); // uses lineageAliases
 */
export function lineageAliases(plan: Plan, versions: readonly Plan[], wanted?: ReadonlySet<string>): ClauseAliases {
  return follow(plan, versions, wanted).aliases;
}

/** A clause of a version that may be an earlier clause the matcher did not dare pair: a possible pair along the parent chain. */
export interface LineageGuess {
  /** The earlier id. */
  was: string;
  /** The clause of the version that may be it. */
  id: string;
  /** The ancestor the earlier id is from. */
  version: string;
  score: number;
}

/**
 * For ids the rules name that a version neither has nor follows by lineage:
 * the clauses of the version that nearly paired with them (the diff's possible
 * pairs along the parent chain), best first. A rule naming such an id probably
 * lost its clause to a renaming the matcher could not confirm.
 */
export function lineageGuesses(plan: Plan, versions: readonly Plan[], wanted: ReadonlySet<string>): LineageGuess[] {
  const { aliases, guesses } = follow(plan, versions, wanted);
  const followed = new Set([...aliases.values()].flat().map((a) => a.id));
  return guesses.filter((g) => wanted.has(g.was) && !followed.has(g.was)).sort((a, b) => b.score - a.score);
}

function follow(plan: Plan, versions: readonly Plan[], wanted?: ReadonlySet<string>): { aliases: ClauseAliases; guesses: LineageGuess[] } {
  const out = new Map<string, Alias[]>();
  const guesses: LineageGuess[] = [];
  const own = new Set(plan.clauses.map((c) => c.id));
  // Nothing to follow when the version has every id the rules name: no matching at all.
  if (wanted && [...wanted].every((id) => own.has(id))) return { aliases: out, guesses };
  const byVersion = new Map(versions.filter((v) => v.plan === plan.plan).map((v) => [v.version, v]));
  const taken = new Set<string>();
  const seen = new Set([plan.version]);
  for (let at = plan.parent ? byVersion.get(plan.parent) : undefined; at && !seen.has(at.version); at = at.parent ? byVersion.get(at.parent) : undefined) {
    seen.add(at.version);
    // Only clauses whose ids this version lacks need following.
    if (at.clauses.every((c) => own.has(c.id) || taken.has(c.id))) continue;
    const matching = matchClauses(at.clauses, plan.clauses);
    const here = new Set<string>();
    const follows = (old: Clause | undefined, now: Clause | undefined, method: string) => {
      if (!old || !now || old.id === now.id || own.has(old.id) || (taken.has(old.id) && !here.has(old.id))) return;
      here.add(old.id);
      add(out, now.id, { id: old.id, version: at.version, method });
    };
    for (const p of matching.pairs) follows(at.clauses[p.from], plan.clauses[p.to], p.method);
    // Clauses merged into one are that one now; a clause split in parts is each of them.
    for (const g of matching.groups) for (const i of g.from) for (const j of g.to) follows(at.clauses[i], plan.clauses[j], g.kind);
    for (const id of here) taken.add(id);
    for (const p of matching.possible) {
      const [old, now] = [at.clauses[p.from], plan.clauses[p.to]];
      if (old && now && !own.has(old.id) && !guesses.some((g) => g.was === old.id && g.id === now.id)) guesses.push({ was: old.id, id: now.id, version: at.version, score: p.score });
    }
  }
  return { aliases: out, guesses };
}

/** The versions `plan` revises, nearest first, along `parent` among `versions` (a cycle stops the walk); without `versions`, its parent alone. */
export function ancestorsOf(plan: Plan, versions?: readonly Plan[]): string[] {
  if (!versions) return plan.parent ? [plan.parent] : [];
  const byVersion = new Map(versions.filter((v) => v.plan === plan.plan).map((v) => [v.version, v]));
  const out: string[] = [];
  const seen = new Set([plan.version]);
  for (let at = plan.parent ?? undefined; at !== undefined && !seen.has(at); at = byVersion.get(at)?.parent ?? undefined) {
    seen.add(at);
    out.push(at);
  }
  return out;
}

/** The ids the clauses of one side of a diff had on the other side, by the diff's own pairs. */
export function diffAliases(diff: PlanDiff, side: 'from' | 'to'): ClauseAliases {
  const out = new Map<string, Alias[]>();
  const other = side === 'to' ? diff.from.version : diff.to.version;
  const own = new Set(diff.clauses.flatMap((c) => (c[side] ? [c[side].id] : [])));
  for (const c of diff.clauses) {
    // A clause merged into another, or split from one, is that clause on the other side (`related` names it).
    if ((c.kind === 'merged' || c.kind === 'split') && !(c.from && c.to)) {
      const one = (c.from ?? c.to) as { id: string };
      const mine = c[side] !== null && c[side] !== undefined;
      for (const id of c.related) {
        const [here, there] = mine ? [one.id, id] : [id, one.id];
        if (!own.has(there)) add(out, here, { id: there, version: other, method: c.kind });
      }
      continue;
    }
    if (!c.from || !c.to || !c.match || c.from.id === c.to.id) continue;
    const [here, there] = side === 'to' ? [c.to, c.from] : [c.from, c.to];
    if (own.has(there.id)) continue;
    add(out, here.id, { id: there.id, version: other, method: c.match.method });
  }
  return out;
}
