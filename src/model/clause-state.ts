/** What a clause's own fields say of how much of it a version is known to hold. */
import type { Clause } from './types.js';

/** True for a clause carried over unseen from another version (`presence: assumed` or `unknown`): its words are that version's unless its writer changed them. */
export function isCarried(c: Pick<Clause, 'presence'>): boolean {
  return c.presence === 'assumed' || c.presence === 'unknown';
}

/** A status that leaves a clause's substance unsettled: `bracketed` (for the leaders) or `deferred` (to a later phase). */
export function isOpenStatus(status: unknown): boolean {
  return status === 'bracketed' || status === 'deferred';
}

/** A question left open: a clause `bracketed` or `deferred` with no terms, whose content is not known, only what it is about. */
export function isOpenQuestion(c: Pick<Clause, 'status' | 'terms'>): boolean {
  return isOpenStatus(c.status) && Object.keys(c.terms ?? {}).length === 0;
}
