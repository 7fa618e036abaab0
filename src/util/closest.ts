/**
 * The candidate nearest to `word` by edit distance, if it is near enough to be
 * a likely typo (at most a third of the word's length, and at least 1).
 * Distances are computed with a cut-off, so a long list of long candidates
 * costs little more than a scan.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined;
  let best: string | undefined;
  let limit = Math.max(1, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d <= limit && (best === undefined || d < limit || d === 0)) {
      best = c;
      limit = d;
      if (d === 0) break;
    }
  }
  return best;
}

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * {@link closest} with answers remembered, for one list of candidates and many
 * look-ups, within a total work budget (character comparisons): past it, no
 * more suggestions are made, so hostile input cannot make hints expensive.
 */
export function closestIn(candidates: readonly string[], budget = 4_000_000): (word: string) => string | undefined {
  const memo = new Map<string, string | undefined>();
  const size = candidates.reduce((n, c) => n + c.length, 0);
  let spent = 0;
  return (word) => {
    if (memo.has(word)) return memo.get(word);
    const cost = size * Math.min(word.length, 100);
    if (spent + cost > budget) return undefined;
    spent += cost;
    const found = closest(word, candidates);
    memo.set(word, found);
    return found;
  };
}
