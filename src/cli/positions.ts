import { dirname, resolve } from 'node:path';
import type { Plan, Stakeholders } from '../model/types.js';
import type { PositionsResult } from '../parse-plan.js';
import { loadPlanFamily, loadPositions, termsBeside, withFamilyCheck } from '../node/load-plan.js';

/**
 * Reads a positions file and checks it against every version it could be
 * about: the versions in its own folder and the ones the command was given.
 */
export async function positionsFor(path: string, plans: readonly Plan[], stakeholders: Stakeholders | undefined): Promise<PositionsResult> {
  const result = await loadPositions(path, stakeholders ? { stakeholders } : {});
  if (!result.ok) return result;
  const family = await loadPlanFamily(dirname(resolve(path)));
  const versions = new Map(family.versions.map((v) => [v.version, v]));
  for (const p of plans) versions.set(p.version, p);
  return withFamilyCheck(result, [...versions.values()], await termsBeside(path));
}
