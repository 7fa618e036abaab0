/**
 * Best total assignment of candidate pairs: each clause pairs at most once,
 * and the sum of the scores of the pairs made is as large as possible (not
 * the greedy "best pair first", which can leave a clause without the partner
 * only it could have had). Candidates fall into independent groups; each
 * group is solved exactly by the Hungarian method while it is small, greedily
 * beyond that, so large plans stay fast.
 */

/** A candidate pair with its score; `from`/`to` are clause indices. */
export interface Candidate {
  from: number;
  to: number;
  score: number;
}

/** Groups with more clauses than this on either side are assigned greedily (the exact method works on a square of that side). */
const EXACT_SIDE = 250;

/** The chosen pairs among `candidates`, in no particular order. */
export function assign(candidates: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const group of components(candidates)) out.push(...(side(group) <= EXACT_SIDE ? exact(group) : greedy(group)));
  return out;
}

/** The larger side of a group: the size of the square the exact method solves. */
function side(group: readonly Candidate[]): number {
  return Math.max(new Set(group.map((c) => c.from)).size, new Set(group.map((c) => c.to)).size);
}

/** Candidates split into groups that share no clause (union–find over both sides). */
function components(candidates: readonly Candidate[]): Candidate[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    for (let y = x; parent.get(y) !== r; ) {
      const next = parent.get(y) as string;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const c of candidates) {
    const a = `a${c.from}`;
    const b = `b${c.to}`;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const r = find(`a${c.from}`);
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  }
  return [...groups.values()];
}

function greedy(group: readonly Candidate[]): Candidate[] {
  const sorted = [...group].sort((x, y) => y.score - x.score || x.from - y.from || x.to - y.to);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Candidate[] = [];
  for (const c of sorted) {
    if (usedA.has(c.from) || usedB.has(c.to)) continue;
    usedA.add(c.from);
    usedB.add(c.to);
    out.push(c);
  }
  return out;
}

/** Maximum total score, by the Hungarian method on a square cost matrix (a missing pair costs 0: left unpaired). */
function exact(group: readonly Candidate[]): Candidate[] {
  const rows = [...new Set(group.map((c) => c.from))].sort((x, y) => x - y);
  const cols = [...new Set(group.map((c) => c.to))].sort((x, y) => x - y);
  const n = Math.max(rows.length, cols.length);
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, j) => [c, j]));
  const cost = Array.from({ length: n }, () => new Float64Array(n));
  const best = new Map<string, Candidate>();
  for (const c of group) {
    const i = rowAt.get(c.from) as number;
    const j = colAt.get(c.to) as number;
    // Tiny tie-breakers keep the result independent of input order: earlier clauses pair with earlier ones.
    const value = -(c.score + 1e-9 * (n - Math.abs(i - j)) / n);
    const row = cost[i] as Float64Array;
    if (value < (row[j] as number)) {
      row[j] = value;
      best.set(`${i},${j}`, c);
    }
  }
  const match = hungarian(cost, n);
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const c = best.get(`${i},${match[i]}`);
    if (c) out.push(c);
  }
  return out;
}

/** For a square cost matrix, the column assigned to each row at minimum total cost (potentials method, O(n³)). */
function hungarian(cost: readonly Float64Array[], n: number): number[] {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[j]: row matched to column j (1-based), 0 = none
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      const row = cost[i0 - 1] as Float64Array;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = (row[j - 1] as number) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if ((p[j] as number) > 0) rowToCol[(p[j] as number) - 1] = j - 1;
  return rowToCol;
}
