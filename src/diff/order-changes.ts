import type { ClauseChange } from './types.js';

/**
 * Puts clause changes in reading order: the new version's order, with each
 * gone clause right after the new position of the last paired clause that
 * stood before it.
 */
export function orderChanges(changes: readonly ClauseChange[]): ClauseChange[] {
  const paired = changes.filter((c) => c.from && c.to).sort((x, y) => (x.from?.index ?? 0) - (y.from?.index ?? 0));
  const runningMax: number[] = [];
  for (const c of paired) runningMax.push(Math.max(runningMax[runningMax.length - 1] ?? -1, c.to?.index ?? -1));
  const anchor = (fromIndex: number): number => {
    let lo = 0;
    let hi = paired.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((paired[mid]?.from?.index ?? 0) < fromIndex) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : (runningMax[lo - 1] as number);
  };
  // Sort key: twice the position, plus one for a gone clause (after the clause it follows); then its old position.
  const keyed = changes.map((c) => ({ c, key: c.to ? 2 * c.to.index : 2 * anchor(c.from?.index ?? 0) + 1, tie: c.to ? 0 : (c.from?.index ?? 0) }));
  keyed.sort((x, y) => x.key - y.key || x.tie - y.tie);
  return keyed.map((k) => k.c);
}
