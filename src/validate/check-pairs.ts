import type { PlanError } from '../errors.js';
import type { Plan } from '../model/types.js';
import type { PairsResult } from '../parse-plan.js';

/**
 * Checks a pairs file against the two versions it is meant for: a pinned or
 * forbidden id that names no clause of its version (a typo) would otherwise
 * silently do nothing, and a pair both pinned and forbidden contradicts itself.
 * Each problem points into the pairs file.
 *
 * @example
 * checkPairs(parsePairs('pairs:\n  - { from: armycap, to: army-cap }\n'), us, e3)[0]?.code; // 'UNKNOWN_CLAUSE'
 */
export function checkPairs(pairs: PairsResult, a: Plan, b: Plan): PlanError[] {
  const known = { from: new Set(a.clauses.map((c) => c.id)), to: new Set(b.clauses.map((c) => c.id)) };
  const out: PlanError[] = [];
  for (const list of ['pairs', 'forbid'] as const) {
    (pairs.rules?.[list] ?? []).forEach((p, i) => {
      for (const side of ['from', 'to'] as const) {
        if (known[side].has(p[side])) continue;
        out.push(
          pairs.sourceMap.errorFor([list, i, side], {
            code: 'UNKNOWN_CLAUSE',
            message: `no clause \`${p[side]}\` in the ${side === 'from' ? 'old' : 'new'} version`,
            hint: 'check the id against the plan file',
          }),
        );
      }
    });
  }
  // A clause pins to one clause at most: a second pin for it would be dropped without a word.
  // The same pair listed again is said once, as such.
  const list = pairs.rules?.pairs ?? [];
  const again = new Set<number>();
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    const earlier = seen.get(`${p.from}\u0000${p.to}`);
    if (earlier === undefined) return void seen.set(`${p.from}\u0000${p.to}`, i);
    again.add(i);
    out.push(pairs.sourceMap.errorFor(['pairs', i], { code: 'INVALID_VALUE', message: `the pair ${p.from} → ${p.to} is listed twice`, hint: `also at pairs[${earlier}]: remove one of them` }));
  });
  for (const side of ['from', 'to'] as const) {
    const first = new Map<string, number>();
    list.forEach((p, i) => {
      if (again.has(i)) return;
      const earlier = first.get(p[side]);
      if (earlier === undefined) first.set(p[side], i);
      else out.push(pairs.sourceMap.errorFor(['pairs', i, side], { code: 'INVALID_VALUE', message: `\`${p[side]}\` is pinned twice in the ${side === 'from' ? 'old' : 'new'} version`, hint: `also at pairs[${earlier}]: a clause pairs with one clause` }));
    });
  }
  const pinned = new Set((pairs.rules?.pairs ?? []).map((p) => `${p.from}\u0000${p.to}`));
  (pairs.rules?.forbid ?? []).forEach((p, i) => {
    if (pinned.has(`${p.from}\u0000${p.to}`)) {
      out.push(pairs.sourceMap.errorFor(['forbid', i], { code: 'INVALID_VALUE', message: `${p.from} → ${p.to} is both pinned and forbidden`, hint: 'keep one of the two' }));
    }
  });
  return out;
}
