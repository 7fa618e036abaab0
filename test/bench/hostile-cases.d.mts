/** Types of hostile-cases.mjs. */
import type { Plan } from '../../src/model/types.js';

/** A hostile input: its name, what it is, and a maker of its text for a size in bytes. */
export interface HostileCase {
  name: string;
  what: string;
  make(size: number, toYaml: (plan: Plan) => string): string;
}
export const HOSTILE_CASES: readonly HostileCase[];
