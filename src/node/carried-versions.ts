import { dirname, join } from 'node:path';
import { isCarried } from '../model/clause-state.js';
import type { Plan } from '../model/types.js';
import { loadPlan, loadPlanFamily } from './load-plan.js';
import type { LoadOptions } from './load-plan.js';

/**
 * The versions that clauses of `plans` are carried over from (`carriedFrom`),
 * read from the folder of `path` when `plans` do not hold them; a version that
 * is missing or does not read is left out (its clauses then count as repeated
 * whole). Give them to `diffPlans` as `versions`.
 *
 * @example
 * const versions = await carriedVersionsBeside([e3, geneva], 'plans/russia-ukraine-2025/geneva-19-point.yaml');
 * diffPlans(e3, geneva, { versions });
 */
export async function carriedVersionsBeside(plans: readonly Plan[], path: string, options: LoadOptions = {}): Promise<Plan[]> {
  const have = new Set(plans.map((p) => p.version));
  const wanted = new Set(plans.flatMap((p) => p.clauses.flatMap((c) => (isCarried(c) && c.carriedFrom !== undefined && !have.has(c.carriedFrom) ? [c.carriedFrom] : []))));
  if (!wanted.size) return [];
  // A version usually lives in a file of its own name; the whole folder is read only for the rest.
  const found: Plan[] = [];
  for (const version of wanted) {
    const plan = (await loadPlan(join(dirname(path), `${version}.yaml`), options)).plan;
    if (plan?.version === version) found.push(plan);
  }
  if (found.length === wanted.size) return found;
  const family = await loadPlanFamily(dirname(path), options);
  return family.files.flatMap((f) => (f.plan && wanted.has(f.plan.version) ? [f.plan] : []));
}
