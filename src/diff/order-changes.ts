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
  const keyed = changes.map((c) => ({ c, key: c.to ? [c.to.index, 0, 0] : [anchor(c.from?.index ?? 0), 1, c.from?.index ?? 0] }));
  keyed.sort((x, y) => (x.key[0] as number) - (y.key[0] as number) || (x.key[1] as number) - (y.key[1] as number) || (x.key[2] as number) - (y.key[2] as number));
  return keyed.map((k) => k.c);
}
