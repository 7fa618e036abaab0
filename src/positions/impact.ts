/**
 * A diff read against the positions: for every changed clause, which
 * stakeholders it moves toward agreement and which away — because a stance
 * changed, a clause they opposed or wanted came or went, or a term moved
 * nearer to (or further from) the line where a rule's stance flips.
 */
import { formatValue } from '../diff/format-value.js';
import { termsOf } from '../diff/term-kinds.js';
import type { PlanDiff } from '../diff/types.js';
import type { Clause, Plan, Positions, Rule, Test } from '../model/types.js';
import { fingerprint } from '../util/fingerprint.js';
import { holds, rank } from './condition.js';
import { covers, evaluateVersion, STANCE_VALUE, toCell } from './evaluate.js';
import { borrow, buildMatrix, round, rowsOf } from './matrix.js';
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
  const viewOf = (plan: Plan) => {
    const own = borrow(evaluateVersion(plan, positions), people, rowIds, mode);
    const views = new Map(rowIds.map((id) => [id, own(id)]));
    return (id: string) => views.get(id) ?? own(id);
  };
  const [before, after] = [viewOf(from), viewOf(to)];
  const byId = (plan: Plan) => new Map(plan.clauses.map((c) => [c.id, c]));
  const [oldClauses, newClauses] = [byId(from), byId(to)];

  const clauses: ClauseImpact[] = [];
  for (const change of diff.clauses) {
    if (change.kind === 'unchanged') continue;
    const a = change.from ? oldClauses.get(change.from.id) : undefined;
    const b = change.to ? newClauses.get(change.to.id) : undefined;
    const impact: ClauseImpact = { clause: (change.to ?? change.from)?.id ?? '', kind: change.kind, change: change.says, toward: [], away: [] };
    for (const id of rowIds) {
      // Statements speak of one version as it was; only rules can say how a change moves someone.
      const rules = (list: readonly Reason[] | undefined) => (list ?? []).filter((r) => r.kind !== 'statement');
      const was = [...(a ? rules(before(id).clauses.get(a.id)) : []), ...absences(before(id).absent, after(id).absent, b, positions)];
      const now = [...(b ? rules(after(id).clauses.get(b.id)) : []), ...absences(after(id).absent, before(id).absent, a, positions)];
      const move = moveOf(id, was, now, a, b, positions);
      if (move) (move.direction === 'toward' ? impact.toward : impact.away).push(move);
    }
    if (impact.toward.length + impact.away.length > 0) clauses.push(impact);
  }

  const mBefore = buildMatrix(from, positions, { ...options, by: 'clause' });
  const mAfter = buildMatrix(to, positions, { ...options, by: 'clause' });
  const stakeholders = rowIds.map((id, i) => ({
    stakeholder: id,
    name: mBefore.rows[i]?.name ?? id,
    before: mBefore.rows[i]?.acceptability.score ?? null,
    after: mAfter.rows[i]?.acceptability.score ?? null,
    toward: clauses.filter((c) => c.toward.some((m) => m.stakeholder === id)).length,
    away: clauses.filter((c) => c.away.some((m) => m.stakeholder === id)).length,
  }));
  return { from: from.version, to: to.version, clauses, stakeholders };
}

/**
 * Absence reasons that this change is responsible for: those on this side
 * that the other side lacks, for rules that covered the clause on the other side.
 */
function absences(here: readonly Reason[], there: readonly Reason[], otherClause: Clause | undefined, positions: Positions): Reason[] {
  if (!otherClause) return [];
  const elsewhere = new Set(there.map((r) => r.rule));
  return here.filter((r) => {
    if (elsewhere.has(r.rule)) return false;
    const rule = (positions.rules ?? []).find((x) => x.id === r.rule);
    return rule !== undefined && covers(rule, otherClause);
  });
}

const weighted = (stance: Stance | null, salience: number) => (stance === null ? 0 : STANCE_VALUE[stance] * salience);

function moveOf(stakeholder: string, was: Reason[], now: Reason[], a: Clause | undefined, b: Clause | undefined, positions: Positions): Move | undefined {
  const [x, y] = [toCell(was), toCell(now)];
  const delta = round(weighted(y.stance, y.salience) - weighted(x.stance, x.salience));
  const says = [...was.map((r) => `before: ${line(r)}`), ...now.map((r) => `after: ${line(r)}`)];
  if (delta !== 0) return { stakeholder, direction: delta > 0 ? 'toward' : 'away', before: x.stance, after: y.stance, delta, says };
  if (!a || !b) return undefined;
  // Same stance on both sides: did a term move nearer to the line where a rule flips?
  let lean = 0;
  const notes: string[] = [];
  for (const rule of positions.rules ?? []) {
    if (rule.stakeholder !== stakeholder || !rule.when || !covers(rule, a) || !covers(rule, b)) continue;
    const shift = thresholdShift(rule, a, b);
    if (shift) {
      lean += shift.lean;
      notes.push(shift.says);
    }
  }
  if (lean === 0) return undefined;
  return { stakeholder, direction: lean > 0 ? 'toward' : 'away', before: x.stance, after: y.stance, delta: 0, says: [...says, ...notes] };
}

/** For a rule that gives the same outcome on both clauses: +1 when the change nears a better outcome, −1 when it nears a worse one. */
function thresholdShift(rule: Rule, a: Clause, b: Clause): { lean: number; says: string } | undefined {
  const specsA = termsOf(a.topic);
  const termsA = (a.terms ?? {}) as Record<string, unknown>;
  const termsB = (b.terms ?? {}) as Record<string, unknown>;
  const met = holds(specsA, termsA, rule.when ?? {});
  if (met !== holds(termsOf(b.topic), termsB, rule.when ?? {})) return undefined;
  const current = met ? rule.stance : rule.otherwise;
  const other = met ? rule.otherwise : rule.stance;
  const better = Math.sign((other ? STANCE_VALUE[other] : 0) - (current ? STANCE_VALUE[current] : 0));
  if (better === 0) return undefined;
  for (const [term, test] of Object.entries(rule.when ?? {})) {
    const spec = specsA[term];
    if (!spec) continue;
    for (const op of ['lt', 'lte', 'gt', 'gte'] as Array<keyof Test>) {
      if (test[op] === undefined) continue;
      const [bound, va, vb] = [rank(spec, test[op]), rank(spec, termsA[term]), rank(spec, termsB[term])];
      if (typeof bound !== 'number' || typeof va !== 'number' || typeof vb !== 'number') continue;
      const [da, db] = [Math.abs(va - bound), Math.abs(vb - bound)];
      if (da === db) continue;
      const nearer = db < da;
      return {
        lean: nearer ? better : -better,
        says: `${rule.id}: ${spec.label} moved ${nearer ? 'nearer to' : 'further from'} ${formatValue(test[op])}, where ${rule.stakeholder}'s stance would become ${other ?? 'none'}`,
      };
    }
  }
  return undefined;
}

function line(r: Reason): string {
  const who = r.via ? ` (via ${r.via})` : '';
  const what = r.kind === 'absence' ? `rule ${r.rule} (absence)` : `rule ${r.rule}`;
  return `${what}${who}: ${r.says} → ${r.stance}`;
}
