/** Types of generate.mjs, for TypeScript tests that use the generated plans. */
import type { Plan } from '../../src/model/types.js';

/** A plan of `n` generated clauses, deterministic for a seed. */
export function makePlan(n: number, seed?: number): Plan;
/** A revision of `a` with the kinds of edits negotiators make. */
export function revise(a: Plan, seed?: number, options?: { renameIds?: boolean; retitle?: boolean }): Plan;
