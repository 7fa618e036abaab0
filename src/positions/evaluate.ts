/**
 * Evaluates a positions file on one version: for every stakeholder, the
 * reasons for a stance on each clause (rules that cover it, statements about
 * it), the rules about what the version lacks, and the statements about the
 * version as a whole.
 */
import { formatValue } from '../diff/format-value.js';
import { termSpec, testableTerms } from '../diff/term-kinds.js';
import type { TermSpec } from '../diff/term-kinds.js';
import type { Clause, Condition, Plan, Positions, Rule, Test } from '../model/types.js';
import { holds, requiredTerms } from './condition.js';
import type { Cell, Reason, Stance } from './types.js';

/** The value of each stance in scores: support 1, conditional 0.5, ambiguous 0, oppose −1. */
export const STANCE_VALUE: Readonly<Record<Stance, number>> = { support: 1, conditional: 0.5, ambiguous: 0, oppose: -1 };

/** Most severe (lowest value) first: a cell shows the most severe stance among its reasons. */
const SEVERITY: readonly Stance[] = ['oppose', 'ambiguous', 'conditional', 'support'];

/** What a positions file says about one version. */
export interface VersionStances {
  /** stakeholder → clause id → reasons. */
  byClause: Map<string, Map<string, Reason[]>>;
  /** stakeholder → rules about what the version lacks. */
  absent: Map<string, Reason[]>;
  /** stakeholder → statements on the whole version, latest last. */
  stated: Map<string, Reason[]>;
}

/**
 * Other ids a clause of a version answers to: the ids its counterparts had in
 * the versions it descends from (clause id in this version → those ids, where
 * they were, and how the diff paired them). A rule naming one of them covers
 * the clause.
 */
export type ClauseAliases = ReadonlyMap<string, ReadonlyArray<{ id: string; version: string; method: string }>>;

/** The clause ids a rule names (`clause`, or the list `clauses`); undefined for a rule by topic. */
export function namedClauses(rule: Pick<Rule, 'clause' | 'clauses'>): readonly string[] | undefined {
  return rule.clauses ?? (rule.clause !== undefined ? [rule.clause] : undefined);
}

/** The alias of `clause` a rule names, if the rule names one. */
function aliasNamed(rule: Rule, clause: Clause, aliases: ClauseAliases | undefined) {
  const ids = namedClauses(rule);
  return ids === undefined ? undefined : aliases?.get(clause.id)?.find((a) => ids.includes(a.id));
}

/** True when the rule is about the clause: it names the clause (by id, or an id it had before) or the clause's topic. */
function aimsAt(rule: Rule, clause: Clause, aliases?: ClauseAliases): boolean {
  const ids = namedClauses(rule);
  return ids !== undefined ? ids.includes(clause.id) || aliasNamed(rule, clause, aliases) !== undefined : rule.topic === clause.topic;
}

/**
 * The terms a rule's condition tests that the clause lists as `unreported`:
 * their value in this version is not known, so the condition can be neither
 * met nor failed (not even `present: false`).
 */
export function untestable(rule: Pick<Rule, 'when'>, clause: Pick<Clause, 'unreported'>): string[] {
  const unknown = new Set(clause.unreported ?? []);
  return Object.keys(rule.when ?? {}).filter((t) => unknown.has(t));
}

/**
 * True when the rule covers the clause: the clause (by id, or an id it had
 * before) or its topic matches, it states every term the condition needs, and
 * none of the terms the condition tests is one its version does not report.
 */
export function covers(rule: Rule, clause: Clause, aliases?: ClauseAliases): boolean {
  if (!aimsAt(rule, clause, aliases) || untestable(rule, clause).length > 0) return false;
  const terms = testableValues(clause);
  return requiredTerms(rule.when).every((t) => Object.hasOwn(terms, t) && terms[t] !== undefined && terms[t] !== null);
}

/** A clause the rule is about whose tested terms its version does not report: the rule gives it no stance, and the clause is not absent either. */
export function unknownTo(rule: Rule, clause: Clause, aliases?: ClauseAliases): boolean {
  return aimsAt(rule, clause, aliases) && untestable(rule, clause).length > 0;
}

/** The reason a rule gives for a clause it covers, or undefined when it says nothing (condition false, no `otherwise`). */
export function ruleReason(rule: Rule, clause: Clause, aliases?: ClauseAliases, schema?: object): Reason | undefined {
  const terms = testableValues(clause);
  const specs = testableTerms(clause.topic, schema);
  const met = rule.when === undefined || holds(specs, terms, rule.when);
  const stance = met ? rule.stance : rule.otherwise;
  if (stance === undefined) return undefined;
  const scope = namedClauses(rule) !== undefined ? 'applies to this clause' : `applies to every ${clause.topic} clause`;
  const why = rule.when === undefined ? scope : explain(specs, terms, rule.when, clause.topic, met, schema);
  // A rule that found its clause through lineage says so: the id it names is not this clause's.
  const alias = aliasNamed(rule, clause, aliases);
  const found = !alias
    ? ''
    : alias.method === 'merged'
      ? ` (\`${alias.id}\` in ${alias.version} was merged into this clause)`
      : alias.method === 'split'
        ? ` (this clause is part of \`${alias.id}\` in ${alias.version}, split from it)`
        : ` (this clause is \`${alias.id}\` in ${alias.version}, paired by ${alias.method})`;
  return reason('rule', rule, stance, why + found + INFERRED(rule));
}

/** What an inferred rule adds to every reason it gives. */
const INFERRED = (rule: Pick<Rule, 'basis'>) => (rule.basis === 'inferred' ? ' (inferred, not stated on this point)' : '');

/** What a rule can test on a clause: its terms, and its conditions as the list `conditions`. */
export function testableValues(clause: Clause): Record<string, unknown> {
  const terms = (clause.terms ?? {}) as Record<string, unknown>;
  return clause.conditions?.length ? { ...terms, conditions: clause.conditions } : terms;
}

/**
 * Evaluates every rule and statement of `positions` on `plan`; `aliases` lets
 * rules naming an earlier id follow the clause; `schema` is the family's plan
 * schema when it declares terms of its own; `ancestors` (the versions `plan`
 * revises, nearest first) lets statements marked `carries: forward` reach it.
 */
export function evaluateVersion(plan: Plan, positions: Positions, aliases?: ClauseAliases, schema?: object, ancestors: readonly string[] = []): VersionStances {
  const out: VersionStances = { byClause: new Map(), absent: new Map(), stated: new Map() };
  const push = <K>(map: Map<string, K[]>, key: string, item: K) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const rule of positions.rules ?? []) {
    let covered = false;
    for (const clause of plan.clauses) {
      if (!covers(rule, clause, aliases)) {
        // Its terms are not reported here: not known either way, so not absent.
        if (unknownTo(rule, clause, aliases)) covered = true;
        continue;
      }
      covered = true;
      // Not known to be in the version: no stance on it, but not absent either.
      if (clause.presence === 'unknown') continue;
      const r = ruleReason(rule, clause, aliases, schema);
      if (r) push(row(out.byClause, rule.stakeholder), clause.id, r);
    }
    // Each rival option is the clause with the option's terms in place of its own.
    for (const clause of plan.clauses) {
      if (!clause.options?.length || clause.presence === 'unknown') continue;
      for (const option of clause.options) {
        if (option.status === 'withdrawn') continue;
        const terms = { ...((clause.terms ?? {}) as Record<string, unknown>), ...((option.terms ?? {}) as Record<string, unknown>) };
        // A term the option sets is reported for that option, whatever the clause leaves unreported.
        const unreported = clause.unreported?.filter((t) => !Object.hasOwn(terms, t));
        const variant = { ...clause, terms, ...(clause.unreported ? { unreported } : {}) } as Clause;
        if (!covers(rule, variant, aliases)) continue;
        covered = true;
        const r = ruleReason(rule, variant, aliases, schema);
        const by = option.proposedBy.length ? ` (proposed by ${option.proposedBy.join(', ')})` : '';
        if (r) push(row(out.byClause, rule.stakeholder), clause.id, { ...r, option: option.id, says: `under option ${option.id}${by}: ${r.says}` });
      }
    }
    if (!covered && rule.ifAbsent !== undefined) {
      const terms = requiredTerms(rule.when).map((t) => termSpec(rule.topic ?? 'other', t, undefined, schema).label);
      const stating = terms.length ? ` stating ${terms.join(', ')}` : '';
      const ids = namedClauses(rule);
      const what = ids === undefined ? `no ${rule.topic} clause${stating}` : ids.length === 1 ? `no clause \`${ids[0]}\`${stating}` : `none of the clauses ${ids.map((x) => `\`${x}\``).join(', ')}${stating}`;
      push(out.absent, rule.stakeholder, reason('absence', rule, rule.ifAbsent, `the version has ${what}${INFERRED(rule)}`));
    }
  }
  const ids = new Set(plan.clauses.map((c) => c.id));
  // The version, then its ancestors nearest first: a statement carried forward reaches down this chain.
  const chain = [plan.version, ...ancestors];
  const statements = positions.statements ?? [];
  statements.forEach((s, i) => {
    const depth = chain.indexOf(s.version);
    if (depth < 0 || (depth > 0 && s.carries !== 'forward')) return;
    // Superseded: the stakeholder said something on the same thing about a version nearer this one.
    if (depth > 0 && statements.some((t) => t !== s && t.stakeholder === s.stakeholder && t.clause === s.clause && chain.indexOf(t.version) >= 0 && chain.indexOf(t.version) < depth)) return;
    const said = s.note ?? (s.quote !== undefined ? `“${s.quote}”` : `stated on ${s.date}`);
    const carried = depth > 0 ? ` (stated on ${s.version}, carried forward)` : '';
    const r: Reason = { ...reason('statement', s, s.stance, said + carried), statement: i, version: s.version, ...(s.carries === 'forward' ? { carries: 'forward' as const } : {}) };
    if (s.clause === undefined) return push(out.stated, s.stakeholder, r);
    // A carried statement's clause as this version has it: the same id, or the one lineage pairs with it.
    const target = s.clause;
    const here = ids.has(target) ? target : depth > 0 ? plan.clauses.find((c) => aliases?.get(c.id)?.some((a) => a.id === target))?.id : undefined;
    if (here !== undefined) push(row(out.byClause, s.stakeholder), here, r);
  });
  for (const list of out.stated.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

function row(map: Map<string, Map<string, Reason[]>>, stakeholder: string): Map<string, Reason[]> {
  let r = map.get(stakeholder);
  if (!r) map.set(stakeholder, (r = new Map()));
  return r;
}

type Entry = { stakeholder: string; salience?: number; date: string; sources: string[]; id?: string; basis?: Rule['basis'] };

function reason(kind: Reason['kind'], entry: Entry, stance: Stance, says: string): Reason {
  return {
    kind,
    ...(kind !== 'statement' && entry.id !== undefined ? { rule: entry.id } : {}),
    ...(entry.basis === 'inferred' ? { inferred: true as const } : {}),
    stakeholder: entry.stakeholder,
    stance,
    salience: entry.salience ?? 1,
    date: entry.date,
    sources: entry.sources,
    says,
  };
}

/**
 * Folds reasons into a cell: the most severe stance, with the highest salience
 * among the reasons that give it; reasons about a rival option give that
 * option's stance, not the clause's.
 */
export function toCell(reasons: readonly Reason[]): Cell {
  const own = reasons.filter((r) => r.option === undefined);
  // Options in the order their reasons come (the clause's order), each at its most severe stance.
  const byOption = new Map<string, Stance>();
  for (const r of reasons) {
    if (r.option === undefined) continue;
    const was = byOption.get(r.option);
    if (was === undefined || SEVERITY.indexOf(r.stance) < SEVERITY.indexOf(was)) byOption.set(r.option, r.stance);
  }
  const options = byOption.size ? { options: [...byOption].map(([option, stance]) => ({ option, stance })) } : {};
  for (const stance of SEVERITY) {
    const same = own.filter((r) => r.stance === stance);
    if (same.length > 0) return { stance, salience: Math.max(...same.map((r) => r.salience)), reasons: [...reasons], ...options };
  }
  return { stance: null, salience: 0, reasons: [...reasons], ...options };
}

const OPS: Record<string, [string, string]> = {
  eq: ['is', 'is not'],
  ne: ['is not', 'is'],
  lt: ['is below', 'is not below'],
  lte: ['is at most', 'is above'],
  gt: ['is above', 'is not above'],
  gte: ['is at least', 'is below'],
  in: ['is one of', 'is none of'],
  notIn: ['is none of', 'is one of'],
  includes: ['includes', 'lacks'],
  excludes: ['lacks', 'includes'],
  includesAny: ['includes one of', 'includes none of'],
};

/**
 * Why a rule gave its stance, in words: "personnel cap 600,000 is below
 * 800,000". When the condition failed, only the tests that failed, negated:
 * "personnel cap 800,000 is not below 800,000".
 */
function explain(specs: Readonly<Record<string, TermSpec>>, values: Readonly<Record<string, unknown>>, cond: Condition, topic: string, met: boolean, schema?: object): string {
  const parts: string[] = [];
  for (const [term, test] of Object.entries(cond)) {
    const spec = Object.hasOwn(specs, term) ? (specs[term] as TermSpec) : termSpec(topic, term, undefined, schema);
    const value = Object.hasOwn(values, term) ? values[term] : undefined;
    for (const op of Object.keys(test) as Array<keyof Test>) {
      const one = { [term]: { [op]: test[op] } } as Condition;
      if (!met && holds(specs, values, one)) continue;
      parts.push(phrase(spec, value, op, test[op], met));
    }
  }
  return parts.join('; ');
}

function phrase(spec: TermSpec, value: unknown, op: keyof Test, arg: unknown, met: boolean): string {
  if (op === 'present') return `${spec.label} ${arg === met ? 'is' : 'is not'} stated`;
  if (op === 'any' || op === 'every') {
    const inner = Object.entries(arg as Condition)
      .map(([f, t]) => Object.keys(t).map((o) => `${f} ${OPS[o]?.[0] ?? o} ${formatValue(t[o as keyof Test])}`).join(' and '))
      .join(', ');
    const quantifier = op === 'any' ? (met ? 'some item' : 'no item') : met ? 'every item' : 'not every item';
    return `${quantifier} of ${spec.label}: ${inner}`;
  }
  if (op === 'eq') return met ? `${spec.label} is ${formatValue(arg)}` : `${spec.label} is ${formatValue(value)}, not ${formatValue(arg)}`;
  return `${spec.label} ${formatValue(value)} ${OPS[op]?.[met ? 0 : 1] ?? op} ${formatValue(arg)}`;
}
