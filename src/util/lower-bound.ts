/**
 * The first index in `0..n` whose entry is not below the target, for a list
 * sorted by that order: `below(i)` says whether entry `i` is below it.
 *
 * @example
 * lowerBound(3, (i) => [1, 4, 9][i]! < 5); // 2
 */
export function lowerBound(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
