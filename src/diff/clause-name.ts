import type { ClauseRef } from './types.js';

/** "clause 9", or "the clause «Amnesty»" for a clause whose number is not known; "a clause" without a reference. */
export function numbered(ref: Pick<ClauseRef, 'number' | 'title'> | null | undefined): string {
  if (!ref) return 'a clause';
  return ref.number !== undefined ? `clause ${ref.number}` : `the clause «${ref.title}»`;
}
