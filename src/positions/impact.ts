/**
 * A diff read against the positions: for every changed clause, which
 * stakeholders it moves toward agreement and which away — because a stance
 * changed, a clause they opposed or wanted came or went, or a term moved
 * nearer to (or further from) the line where a rule's stance flips.
 */
import { formatValue } from '../diff/format-value.js';
import { termsOf } from '../diff/term-kinds.js';
import type { ClauseChange, PlanDiff } from '../diff/types.js';
import type { Clause, Condition, Plan, Positions, Rule, Test } from '../model/types.js';
import { fingerprint } from '../util/fingerprint.js';
import { holds, rank } from './condition.js';
import { vocabularyOf } from '../schema/family-schema.js';
import { acceptabilityShift } from './matrix.js';
import { covers, evaluateVersion, STANCE_VALUE, toCell, unknownTo } from './evaluate.js';
import type { ClauseAliases, VersionStances } from './evaluate.js';
import { ancestorsOf, diffAliases } from './lineage.js';
import { borrow, matrixOf, round, rowsOf } from './matrix.js';
import type { ClauseImpact, DiffImpact, MatrixOptions, Move, Reason, Stance } from './types.js';

/** The two versions a diff was computed from, with the matrix options. */
export interface ImpactOptions extends Omit<MatrixOptions, 'by' | 'decision' | 'vetoes'> {
  from: Plan;
  to: Plan;
}

/**
 * Which stakeholders each change of a diff moves toward agreement, and which
 * away. `from` and `to` must be the versions the diff was computed from
 * (checked by fingerprint; a TypeError otherwise).
 *
 * @example
 * const impact = diffImpact(diffPlans(us, e3), positions, { from: us, to: e3, stakeholders });
 * impact.clauses.find((c) => c.clause === 'army-cap')?.toward.map((m) => m.stakeholder); // ['ukraine', …]
 */
export function diffImpact(diff: PlanDiff, positions: Positions, options: ImpactOptions): DiffImpact {
  const { from, to } = options;
  if (fingerprint(from) !== diff.from.fingerprint || fingerprint(to) !== diff.to.fingerprint) {
    throw new TypeError(`peaceplan: diffImpact needs the two versions the diff was computed from (${diff.from.version} → ${diff.to.version})`);
  }
  const people = options.stakeholders?.stakeholders ?? [];
  const rowIds = rowsOf(positions, people, options);
  const mode = options.blocs ?? 'as-listed';
  if (positions.plan !== from.plan || positions.plan !== to.plan) throw new TypeError(`peaceplan: these positions are about ${positions.plan}, not about ${from.plan}`);
  // Rules follow the clause: on each side, a clause also answers to the id the diff paired it with.
  const [akaFrom, akaTo] = [diffAliases(diff, 'from'), diffAliases(diff, 'to')];
  const schema = options.terms ? vocabularyOf(options.terms).plan : undefined;
  const lineage = (plan: Plan) => ancestorsOf(plan, options.versions);
  const [stancesFrom, stancesTo] = [evaluateVersion(from, positions, akaFrom, schema, lineage(from)), evaluateVersion(to, positions, akaTo, schema, lineage(to))];
  const viewOf = (stances: VersionStances) => {
    const own = borrow(stances, people, rowIds, mode);
    const views = new Map(rowIds.map((id) => [id, own(id)]));
    return (id: string) => views.get(id) ?? own(id);
  };
  const [before, after] = [viewOf(stancesFrom), viewOf(stancesTo)];
  const byId = (plan: Plan) => new Map(plan.clauses.map((c) => [c.id, c]));
  const [oldClauses, newClauses] = [byId(from), byId(to)];

  const rulesOf = new Map<string, Rule[]>();
  for (const r of positions.rules ?? []) rulesOf.set(r.stakeholder, [...(rulesOf.get(r.stakeholder) ?? []), r]);
  const ruleById = new Map((positions.rules ?? []).map((r) => [r.id, r]));
  const clauses: ClauseImpact[] = [];
  const groups = splitGroups(diff.clauses);
  const done = new Set<number>();
  diff.clauses.forEach((change, i) => {
    if (change.kind === 'unchanged' || done.has(i)) return;
    // A split or merge is one change: its old clauses together against its new ones.
    const members = groups.get(i) ?? [i];
    members.forEach((m) => done.add(m));
    const parts = members.map((m) => diff.clauses[m] as ClauseChange);
    const olds = parts.flatMap((c) => (c.from ? [oldClauses.get(c.from.id)] : [])).filter((c): c is Clause => c !== undefined);
    const news = parts.flatMap((c) => (c.to ? [newClauses.get(c.to.id)] : [])).filter((c): c is Clause => c !== undefined);
    const impact: ClauseImpact = { clause: (change.to ?? change.from)?.id ?? '', kind: change.kind, change: parts.map((c) => c.says).join('; '), toward: [], away: [] };
    // Statements speak of one version as it was; only rules can say how a change moves someone.
    // A rule whose tested terms one side does not report cannot tell a move: it is left out on both sides.
    const blind = new Set((positions.rules ?? []).filter((r) => olds.some((c) => unknownTo(r, c, akaFrom)) || news.some((c) => unknownTo(r, c, akaTo))).map((r) => r.id));
    const rules = (list: readonly Reason[] | undefined) => (list ?? []).filter((r) => r.kind !== 'statement' && !blind.has(r.rule as string));
    for (const id of rowIds) {
      const was = [...olds.flatMap((c) => rules(before(id).clauses.get(c.id))), ...absences(before(id).absent, after(id).absent, news, ruleById, akaTo)];
      const now = [...news.flatMap((c) => rules(after(id).clauses.get(c.id))), ...absences(after(id).absent, before(id).absent, olds, ruleById, akaFrom)];
      const pair = olds.length === 1 && news.length === 1 ? ([olds[0], news[0]] as [Clause, Clause]) : undefined;
      const move = moveOf(id, was, now, pair, rulesOf.get(id) ?? [], [akaFrom, akaTo], schema);
      if (move) (move.direction === 'toward' ? impact.toward : impact.away).push(move);
    }
    if (impact.toward.length + impact.away.length > 0) clauses.push(impact);
  });

  const mBefore = matrixOf(from, positions, stancesFrom, { ...options, by: 'clause' });
  const mAfter = matrixOf(to, positions, stancesTo, { ...options, by: 'clause' });
  const stakeholders = rowIds.map((id, i) => {
    const [was, now] = [mBefore.rows[i]?.acceptability, mAfter.rows[i]?.acceptability];
    return {
      stakeholder: id,
      name: mBefore.rows[i]?.name ?? id,
      before: was?.score ?? null,
      after: now?.score ?? null,
      toward: clauses.filter((c) => c.toward.some((m) => m.stakeholder === id)).length,
      away: clauses.filter((c) => c.away.some((m) => m.stakeholder === id)).length,
      ...(was && now ? acceptabilityShift(was, now, from.version, to.version, lineage(to)) : { entered: [], left: [] }),
    };
  });
  return { from: from.version, to: to.version, clauses, stakeholders };
}

/**
 * Absence reasons that this change is responsible for: those on this side
 * that the other side lacks, for rules that covered one of the change's
 * clauses on the other side.
 */
function absences(here: readonly Reason[], there: readonly Reason[], otherClauses: readonly Clause[], ruleById: ReadonlyMap<string, Rule>, aliases: ClauseAliases): Reason[] {
  if (otherClauses.length === 0) return [];
  const elsewhere = new Set(there.map((r) => r.rule));
  return here.filter((r) => {
    if (elsewhere.has(r.rule)) return false;
    const rule = r.rule === undefined ? undefined : ruleById.get(r.rule);
    return rule !== undefined && otherClauses.some((c) => covers(rule, c, aliases));
  });
}

/** Split and merge entries of a diff grouped: entry index → every index of its group. */
function splitGroups(changes: readonly ClauseChange[]): Map<number, number[]> {
  const byId = new Map<string, number[]>();
  changes.forEach((c, i) => {
    if (c.kind !== 'split' && c.kind !== 'merged') return;
    for (const id of [c.from?.id, c.to?.id, ...c.related]) if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), i]);
  });
  const out = new Map<number, number[]>();
  for (const start of new Set([...byId.values()].flat())) {
    if (out.has(start)) continue;
    const group = new Set([start]);
    for (const i of group) {
      const c = changes[i] as ClauseChange;
      for (const id of [c.from?.id, c.to?.id, ...c.related]) for (const j of id === undefined ? [] : (byId.get(id) ?? [])) group.add(j);
    }
    const members = [...group].sort((a, b) => a - b);
    for (const i of members) out.set(i, members);
  }
  return out;
}

const weighted = (stance: Stance | null, salience: number) => (stance === null ? 0 : STANCE_VALUE[stance] * salience);

function moveOf(stakeholder: string, was: Reason[], now: Reason[], pair: [Clause, Clause] | undefined, rules: readonly Rule[], [akaA, akaB]: [ClauseAliases, ClauseAliases], schema?: object): Move | undefined {
  const [x, y] = [toCell(was), toCell(now)];
  const delta = round(weighted(y.stance, y.salience) - weighted(x.stance, x.salience));
  if (delta === 0 && !pair) return undefined;
  const says = [...deciding('before', was, x.stance), ...deciding('after', now, y.stance)];
  if (delta !== 0) return { stakeholder, direction: delta > 0 ? 'toward' : 'away', before: x.stance, after: y.stance, delta, says };
  if (!pair) return undefined;
  // Same stance on both sides: did a term move nearer to the line where a rule's outcome flips?
  const [a, b] = pair;
  let lean = 0;
  const notes: string[] = [];
  for (const rule of rules) {
    if (!rule.when || !covers(rule, a, akaA) || !covers(rule, b, akaB)) continue;
    const shift = thresholdShift(rule, a, b, schema);
    if (shift) {
      lean += shift.lean;
      notes.push(shift.says);
    }
  }
  if (lean === 0) return undefined;
  return { stakeholder, direction: lean > 0 ? 'toward' : 'away', before: x.stance, after: y.stance, delta: 0, says: [...says, ...capped(notes, 'more rules')] };
}

type Bound = { term: string; op: 'lt' | 'lte' | 'gt' | 'gte'; arg: unknown };

/**
 * How far a clause is from flipping a rule's outcome, counting only the tests
 * that decide it: when the condition holds, the nearest bound of any of its
 * numeric or ladder tests (crossing one makes it fail); when it fails, the
 * failing tests, which must all be such bounds (otherwise no change of amount
 * can flip it), and the sum of how far each is from passing.
 */
function flipDistance(rule: Rule, clause: Clause, schema?: object): { met: boolean; failing: string; distance: number; nearest: Bound } | undefined {
  const specs = termsOf(clause.topic, schema);
  const terms = (clause.terms ?? {}) as Record<string, unknown>;
  const tests = Object.entries(rule.when ?? {}).flatMap(([term, test]) => (Object.keys(test) as Array<keyof Test>).map((op) => ({ term, op, arg: test[op] })));
  const distanceOf = (t: { term: string; arg: unknown }) => {
    const spec = specs[t.term];
    const [bound, value] = spec ? [rank(spec, t.arg), rank(spec, terms[t.term])] : [undefined, undefined];
    return typeof bound === 'number' && typeof value === 'number' ? Math.abs(value - bound) : undefined;
  };
  const isBound = (t: { op: string }): t is Bound => t.op === 'lt' || t.op === 'lte' || t.op === 'gt' || t.op === 'gte';
  const passes = (t: { term: string; op: keyof Test; arg: unknown }) => holds(specs, terms, { [t.term]: { [t.op]: t.arg } } as Condition);
  const met = tests.every(passes);
  const relevant = met ? tests.filter(isBound) : tests.filter((t) => !passes(t));
  if (relevant.length === 0 || !relevant.every(isBound)) return undefined;
  const measured = relevant.map((t) => ({ t: t as Bound, d: distanceOf(t) }));
  if (measured.some((m) => m.d === undefined)) return undefined;
  const ds = measured.map((m) => m.d as number);
  const distance = met ? Math.min(...ds) : ds.reduce((s, d) => s + d, 0);
  const nearest = (measured.find((m) => m.d === Math.min(...ds)) ?? measured[0])?.t as Bound;
  return { met, failing: met ? '' : relevant.map((t) => `${t.term}.${t.op}`).join(','), distance, nearest };
}

/** For a rule with the same outcome on both clauses: +1 when the change nears a better outcome, −1 when it nears a worse one; `schema` types a family's own terms. */
function thresholdShift(rule: Rule, a: Clause, b: Clause, schema?: object): { lean: number; says: string } | undefined {
  const [da, db] = [flipDistance(rule, a, schema), flipDistance(rule, b, schema)];
  if (!da || !db || da.met !== db.met || da.failing !== db.failing || da.distance === db.distance) return undefined;
  const current = da.met ? rule.stance : rule.otherwise;
  const other = da.met ? rule.otherwise : rule.stance;
  const better = Math.sign((other ? STANCE_VALUE[other] : 0) - (current ? STANCE_VALUE[current] : 0));
  if (better === 0) return undefined;
  const nearer = db.distance < da.distance;
  const label = termsOf(b.topic, schema)[db.nearest.term]?.label ?? db.nearest.term;
  return {
    lean: nearer ? better : -better,
    says: `${rule.id}: ${label} moved ${nearer ? 'nearer to' : 'further from'} ${formatValue(db.nearest.arg)}, where ${rule.stakeholder}'s stance would become ${other ?? 'none'}`,
  };
}

/** The reasons that gave a side its stance (at most five, then a count), each as a line. */
function deciding(side: 'before' | 'after', reasons: readonly Reason[], stance: Stance | null): string[] {
  return capped(reasons.filter((r) => r.stance === stance).map((r) => `${side}: ${line(r)}`), `more reasons ${side}`);
}

function capped(lines: readonly string[], what: string, max = 5): string[] {
  return lines.length <= max ? [...lines] : [...lines.slice(0, max), `… and ${lines.length - max} ${what}`];
}

function line(r: Reason): string {
  const who = r.via ? ` (via ${r.via})` : '';
  const what = r.kind === 'absence' ? `rule ${r.rule} (absence)` : `rule ${r.rule}`;
  return `${what}${who}: ${r.says} → ${r.stance}`;
}
