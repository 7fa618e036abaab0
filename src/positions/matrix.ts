/**
 * The position matrix of one version: stakeholders × clauses (or topics),
 * each cell a stance with its reasons; per column who supports, who opposes
 * and whether it is blocked; per row how acceptable the version is; and how
 * closely each pair of stakeholders agrees.
 */
import type { Plan, Positions, Stakeholder, Topic } from '../model/types.js';
import { vocabularyOf } from '../schema/family-schema.js';
import { evaluateVersion, namedClauses, STANCE_VALUE, toCell } from './evaluate.js';
import { ancestorsOf, lineageAliases } from './lineage.js';
import type { VersionStances } from './evaluate.js';
import type { Acceptability, AcceptabilityPart, AcceptabilityShift, Alignment, Cell, MatrixColumn, MatrixOptions, MatrixRow, PositionMatrix, Reason } from './types.js';

/**
 * Builds the position matrix of one version.
 *
 * @param plan - the version
 * @param positions - the family's positions file
 * @param options - stakeholders (names, blocs, vetoes), columns by clause or topic, the decision rule, bloc handling
 * @throws TypeError when the positions are about another plan family
 * @example
 * const m = buildMatrix(us, positions, { stakeholders });
 * m.rows.find((r) => r.stakeholder === 'ukraine')?.acceptability.opposes; // ['army-cap', 'territory', …]
 */
export function buildMatrix(plan: Plan, positions: Positions, options: MatrixOptions = {}): PositionMatrix {
  if (positions.plan !== plan.plan) throw new TypeError(`peaceplan: these positions are about ${positions.plan}, not about ${plan.plan}`);
  // The clause ids rules name, and those of statements carried forward: each is followed to this version's clause.
  const named = new Set([...(positions.rules ?? []).flatMap((r) => namedClauses(r) ?? []), ...(positions.statements ?? []).flatMap((st) => (st.carries === 'forward' && st.clause !== undefined ? [st.clause] : []))]);
  const aliases = options.versions && named.size ? lineageAliases(plan, options.versions, named) : undefined;
  return matrixOf(plan, positions, evaluateVersion(plan, positions, aliases, options.terms ? vocabularyOf(options.terms).plan : undefined, ancestorsOf(plan, options.versions)), options);
}

/** The matrix of a version whose stances are already evaluated. */
export function matrixOf(plan: Plan, positions: Positions, stances: VersionStances, options: MatrixOptions): PositionMatrix {
  const by = options.by ?? 'clause';
  const people = options.stakeholders?.stakeholders ?? [];
  const rowIds = rowsOf(positions, people, options);
  const reasonsOf = borrow(stances, people, rowIds, options.blocs ?? 'as-listed');

  const columns: MatrixColumn[] = [];
  const keysOf: string[][] = [];
  if (by === 'clause') {
    for (const c of plan.clauses) {
      columns.push(column(c.id, c.topic, { ...(c.number !== undefined ? { number: c.number } : {}), title: c.title, ...(c.presence === 'unknown' ? { presence: 'unknown' as const } : {}) }));
      keysOf.push([c.id]);
    }
  } else {
    const topics = new Map<Topic, string[]>();
    for (const c of plan.clauses) topics.set(c.topic, [...(topics.get(c.topic) ?? []), c.id]);
    for (const [topic, ids] of topics) {
      columns.push(column(topic, topic, {}));
      keysOf.push(ids);
    }
  }

  const rows: MatrixRow[] = rowIds.map((id) => {
    const own = reasonsOf(id);
    const cells = keysOf.map((keys) => toCell(keys.flatMap((k) => own.clauses.get(k) ?? [])));
    return { stakeholder: id, name: people.find((p) => p.id === id)?.name ?? id, cells, acceptability: acceptability(cells, columns, own.absent, own.stated) };
  });

  const decide = decider(options, people);
  columns.forEach((col, j) => {
    for (const r of rows) {
      const stance = r.cells[j]?.stance;
      if (stance === 'support') col.supporters.push(r.stakeholder);
      if (stance === 'oppose') col.opponents.push(r.stakeholder);
    }
    col.blockedBy = [...decide(col, col.opponents)];
    col.blocked = col.blockedBy.length > 0;
  });

  return {
    plan: plan.plan,
    version: plan.version,
    date: plan.date,
    by,
    decision: typeof options.decision === 'function' ? 'custom' : (options.decision ?? 'veto'),
    columns,
    rows,
    alignment: alignments(rows),
    blocked: columns.filter((c) => c.blocked).map((c) => c.key),
  };
}

function column(key: string, topic: Topic, extra: { number?: string; title?: string; presence?: 'unknown' }): MatrixColumn {
  return { key, topic, ...extra, supporters: [], opponents: [], blocked: false, blockedBy: [] };
}

/** Row order: the stakeholders file's order, then anyone else the positions name, in first-mention order. */
export function rowsOf(positions: Positions, people: readonly Stakeholder[], options: MatrixOptions): string[] {
  if (options.rows) return [...options.rows];
  const named = new Set([...(positions.rules ?? []), ...(positions.statements ?? [])].map((e) => e.stakeholder));
  const mode = options.blocs ?? 'as-listed';
  const speaksForItself = signatories(people);
  if (mode === 'expand') {
    for (const p of people) if (named.has(p.id)) for (const m of members(p.id, people)) named.add(m);
  }
  if (mode === 'collapse') {
    const folded = people.filter((p) => named.has(p.id)).flatMap((p) => [...members(p.id, people)]);
    for (const m of folded) if (!speaksForItself.has(m)) named.delete(m);
  }
  const listed = people.map((p) => p.id).filter((id) => named.has(id));
  return [...listed, ...[...named].filter((id) => !listed.includes(id))];
}

function signatories(people: readonly Stakeholder[]): Set<string> {
  return new Set(people.filter((p) => p.signatory === true).map((p) => p.id));
}

/** Every member of a bloc, members of member blocs included. */
function members(id: string, people: readonly Stakeholder[]): Set<string> {
  const out = new Set<string>();
  const visit = (at: string) => {
    for (const m of people.find((p) => p.id === at)?.members ?? []) {
      if (out.has(m)) continue;
      out.add(m);
      visit(m);
    }
  };
  visit(id);
  out.delete(id);
  return out;
}

export type Own = { clauses: Map<string, Reason[]>; absent: Reason[]; stated: Reason[] };

/** A stakeholder's reasons, with those borrowed from blocs (expand) or members (collapse) where it has none of its own. */
export function borrow(stances: VersionStances, people: readonly Stakeholder[], rowIds: readonly string[], mode: NonNullable<MatrixOptions['blocs']>): (id: string) => Own {
  const own = (id: string): Own => ({ clauses: stances.byClause.get(id) ?? new Map(), absent: stances.absent.get(id) ?? [], stated: stances.stated.get(id) ?? [] });
  if (mode === 'as-listed') return own;
  const speaksForItself = signatories(people);
  return (id) => {
    const mine = own(id);
    if (mode === 'expand' && speaksForItself.has(id)) return mine;
    const lenders =
      mode === 'expand'
        ? people.filter((p) => p.id !== id && members(p.id, people).has(id)).map((p) => p.id)
        : [...members(id, people)].filter((m) => !rowIds.includes(m) && !speaksForItself.has(m));
    const clauses = new Map(mine.clauses);
    for (const lender of lenders) {
      for (const [key, reasons] of stances.byClause.get(lender) ?? []) {
        if (mine.clauses.has(key)) continue;
        clauses.set(key, [...(clauses.get(key) ?? []), ...reasons.map((r) => ({ ...r, via: lender }))]);
      }
    }
    const absent = mine.absent.length ? mine.absent : lenders.flatMap((l) => (stances.absent.get(l) ?? []).map((r) => ({ ...r, via: l })));
    return { clauses, absent, stated: mine.stated };
  };
}

function acceptability(cells: readonly Cell[], columns: readonly MatrixColumn[], absent: readonly Reason[], stated: readonly Reason[]): Acceptability {
  const last = stated[stated.length - 1];
  const items: Array<Omit<AcceptabilityPart, 'share'>> = [
    ...cells.flatMap((c, j) => {
      if (c.stance === null) return [];
      const why = c.reasons.find((r) => r.option === undefined && r.stance === c.stance);
      return [{ kind: 'cell' as const, key: columns[j]?.key ?? '', stance: c.stance, salience: c.salience, says: why?.says ?? '', ...origin(why) }];
    }),
    ...absent.map((r) => ({ kind: 'absence' as const, stance: r.stance, salience: r.salience, says: r.says, ...origin(r) })),
    ...(last ? [{ kind: 'statement' as const, stance: last.stance, salience: last.salience, says: last.says, ...origin(last) }] : []),
  ];
  const weight = items.reduce((s, i) => s + i.salience, 0);
  // `|| 0`: a part of salience 0 on an opposing stance is 0, not -0, so the data survives JSON as it is.
  const parts = items.map((i) => ({ ...i, share: (weight > 0 ? (i.salience * STANCE_VALUE[i.stance]) / weight : 0) || 0 }));
  const score = weight > 0 ? round(parts.reduce((s, p) => s + p.share, 0)) : null;
  return {
    score,
    basis: items.length,
    parts,
    opposes: columns.filter((_, j) => cells[j]?.stance === 'oppose').map((c) => c.key),
    absent: [...absent],
    ...(last ? { stated: last } : {}),
  };
}

/** Where a part's reason comes from: its rule or statement, and its date. */
function origin(r: Reason | undefined): Pick<AcceptabilityPart, 'rule' | 'statement' | 'date' | 'version' | 'carries'> {
  if (!r) return {};
  return { ...(r.rule !== undefined ? { rule: r.rule } : {}), ...(r.statement !== undefined ? { statement: r.statement } : {}), ...(r.version !== undefined ? { version: r.version } : {}), ...(r.carries ? { carries: r.carries } : {}), date: r.date };
}

/**
 * The reasons about a version as a whole (its statement, rules on what it
 * lacks) that apply to one version and not the other, in words.
 */
export function acceptabilityShift(before: Acceptability, after: Acceptability, from: string, to: string, toAncestors: readonly string[] = []): AcceptabilityShift {
  const whole = (a: Acceptability) => a.parts.filter((p) => p.kind !== 'cell');
  const id = (p: AcceptabilityPart) => `${p.kind}:${p.rule ?? ''}:${p.statement ?? ''}`;
  const [was, now] = [whole(before), whole(after)];
  const told = (p: AcceptabilityPart, version: string) =>
    p.kind === 'statement'
      ? `statement of ${p.date ?? '?'} on ${p.version ?? version} (${p.stance})${p.version !== undefined && p.version !== version ? `, carried forward to ${version}` : ''}`
      : `rule ${p.rule ?? '?'} on what ${version} lacks (${p.stance}): ${p.says}`;
  // A statement left behind on a version `to` revises: the default (about its version only) said, with the way to change it.
  // One carried forward that stops counting was superseded by the stakeholder's newer word on a nearer version.
  const why = (p: AcceptabilityPart) =>
    p.kind !== 'statement' || !toAncestors.includes(p.version ?? from)
      ? ''
      : p.carries === 'forward'
        ? ': a newer statement of the stakeholder on a nearer version supersedes it'
        : `: it is about ${p.version ?? from} only (\`carries: forward\` carries a statement to revisions)`;
  return {
    entered: now.filter((p) => !was.some((q) => id(q) === id(p))).map((p) => told(p, to)),
    left: was.filter((p) => !now.some((q) => id(q) === id(p))).map((p) => `${told(p, from)} does not apply to ${to}${why(p)}`),
  };
}

function decider(options: MatrixOptions, people: readonly Stakeholder[]): (col: MatrixColumn, opponents: readonly string[]) => readonly string[] {
  const rule = options.decision ?? 'veto';
  if (typeof rule === 'function') return rule;
  if (rule === 'unanimity') {
    const players = signatories(people);
    return (_col, opponents) => opponents.filter((o) => players.has(o));
  }
  return (col, opponents) => {
    const named = options.vetoes?.[col.topic];
    const players = new Set(named ?? people.filter((p) => p.vetoOn?.includes(col.topic)).map((p) => p.id));
    return opponents.filter((o) => players.has(o));
  };
}

function alignments(rows: readonly MatrixRow[]): Alignment[] {
  const out: Alignment[] = [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const [a, b] = [rows[i] as MatrixRow, rows[j] as MatrixRow];
      let sum = 0;
      let common = 0;
      a.cells.forEach((ca, k) => {
        const cb = b.cells[k];
        if (ca.stance === null || !cb || cb.stance === null) return;
        sum += 1 - Math.abs(STANCE_VALUE[ca.stance] - STANCE_VALUE[cb.stance]) / 2;
        common++;
      });
      out.push({ a: a.stakeholder, b: b.stakeholder, score: common ? round(sum / common) : null, common });
    }
  }
  return out;
}

/** Scores keep four decimals, so that JSON output is stable across platforms; never −0. */
export function round(n: number): number {
  const r = Math.round(n * 10000) / 10000;
  return r === 0 ? 0 : r;
}
