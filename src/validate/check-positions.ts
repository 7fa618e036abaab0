/**
 * Checks a positions file: on its own (unique rule ids, a clause or a topic
 * per rule, real dates, sources and stakeholders that resolve), and against
 * the family's versions (clauses, versions and terms that exist, conditions
 * that fit the terms' types).
 */
import type { ErrorList } from '../error-list.js';
import type { PlanError } from '../errors.js';
import type { SourceMap } from '../load/source-map.js';
import type { FamilyTerms, Plan, Positions, Topic } from '../model/types.js';
import type { SchemaRef } from '../schema/ajv.js';
import { termsOf, testableTerms } from '../diff/term-kinds.js';
import { vocabularyOf } from '../schema/family-schema.js';
import { lineageGuesses } from '../positions/lineage.js';
import { namedClauses } from '../positions/evaluate.js';
import type { TermSpec } from '../diff/term-kinds.js';
import { conditionProblems } from '../positions/condition.js';
import { closest } from '../util/closest.js';
import { checkReferences, isCalendarDate } from './check-plan.js';
import type { PlanResult, PositionsResult } from '../parse-plan.js';

/** Adds positioned errors for problems a positions file has on its own. */
export function checkPositionsFile(file: Positions, refs: readonly SchemaRef[], map: SourceMap, out: ErrorList, stakeholderIds: ReadonlySet<string> | undefined): void {
  const first = new Map<string, number>();
  (file.rules ?? []).forEach((rule, i) => {
    const earlier = first.get(rule.id);
    if (earlier === undefined) first.set(rule.id, i);
    else out.add(map.errorFor(['rules', i, 'id'], { code: 'DUPLICATE_RULE_ID', message: `rule id \`${rule.id}\` is used twice`, hint: `first used on line ${map.locate(['rules', earlier, 'id']).line}` }));
    if (rule.clause === undefined && rule.clauses === undefined && rule.topic === undefined) {
      out.add(map.errorFor(['rules', i], { code: 'MISSING_FIELD', message: 'a rule needs `clause`, `clauses` or `topic`', hint: 'name a topic (with `when` on its terms) for a position on substance, or the clause id (or ids) for a position on specific texts' }, 'key'));
    }
  });
  const dated: Array<[Array<string | number>, string]> = [];
  for (const list of ['rules', 'statements'] as const) (file[list] ?? []).forEach((e, i) => dated.push([[list, i, 'date'], e.date]));
  for (const [id, s] of Object.entries(file.sources)) if (s.date !== undefined) dated.push([['sources', id, 'date'], s.date]);
  for (const [path, date] of dated) {
    if (!isCalendarDate(date)) out.add(map.errorFor(path, { code: 'INVALID_DATE', message: `${date} is not a date in the calendar`, hint: 'write YYYY-MM-DD with a real month and day' }));
  }
  checkReferences(file, refs, map, out, stakeholderIds, 'rule or statement');
}

/** The version ids, and the clause ids of each, that data which failed validation still shows plainly. */
function idsOf(results: readonly PlanResult[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of results) {
    const d = r.data as { version?: unknown; clauses?: unknown } | null | undefined;
    if (!d || typeof d !== 'object' || typeof d.version !== 'string') continue;
    const clauses = Array.isArray(d.clauses) ? d.clauses : [];
    out.set(d.version, new Set(clauses.flatMap((c: unknown) => (c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string' ? [(c as { id: string }).id] : []))));
  }
  return out;
}

/**
 * Rules that lost their clause in a version: the version lacks the id the rule
 * names, lineage does not follow it, but a clause of the version nearly paired
 * with it (RULE_CLAUSE_NOT_FOUND, a warning). A clause simply dropped draws no
 * warning; one renamed past what the matcher dares to pair does.
 */
function lostClauses(file: Positions, versions: readonly Plan[], map: PositionsResult['sourceMap']): PlanError[] {
  const rules = file.rules ?? [];
  const named = new Set(rules.flatMap((r) => namedClauses(r) ?? []));
  if (named.size === 0) return [];
  const out: PlanError[] = [];
  for (const v of versions) {
    if (v.plan !== file.plan || !v.parent) continue;
    const guesses = lineageGuesses(v, versions, named);
    rules.forEach((rule, i) => {
      const ids = namedClauses(rule) ?? [];
      // A rule naming several clauses has lost nothing while the version has one of them.
      if (ids.length > 1 && v.clauses.some((c) => ids.includes(c.id))) return;
      const guess = guesses.find((g) => ids.includes(g.was));
      if (!guess || rule.absentFrom?.includes(v.version)) return;
      out.push(map.errorFor(rule.clauses ? ['rules', i, 'clauses', ids.indexOf(guess.was)] : ['rules', i, 'clause'], {
        code: 'RULE_CLAUSE_NOT_FOUND',
        severity: 'warning',
        message: `rule \`${rule.id}\` names \`${guess.was}\`, which ${v.version} lacks; its clause \`${guess.id}\` nearly paired with it (${guess.score.toFixed(2)}) but not surely enough to follow`,
        hint: `if \`${guess.id}\` is that clause, add a rule naming it (or one by topic and terms, which survives re-drafting); if it is not, say so with \`absentFrom: [${v.version}]\``,
      }));
    });
  }
  return out;
}

/**
 * Checks a positions file against the family's versions: the same family id,
 * every clause a rule or statement names exists (in any version for rules, in
 * its version for statements), every version exists, every term a condition
 * tests is a term of the clause's topic, and every test fits the term's type
 * (no `lt` on a set, no value its enum lacks). Each problem points into the
 * positions file. Versions that failed their own checks go in `invalid`:
 * they still count as versions, and their clause ids as clauses, so one
 * mistake in a draft does not turn every reference to it into an error.
 *
 * @example
 * checkPositions(parsePositions(text), family.versions).map((e) => e.code); // ['UNKNOWN_TERM']
 */
export function checkPositions(positions: PositionsResult, versions: readonly Plan[], terms?: FamilyTerms, invalid: readonly PlanResult[] = []): PlanError[] {
  const schema = terms ? vocabularyOf(terms).plan : undefined;
  const file = positions.positions;
  if (!file) return [];
  const unchecked = idsOf(invalid);
  const map = positions.sourceMap;
  const out: PlanError[] = [];
  const others = [...new Set(versions.map((v) => v.plan))].filter((p) => p !== file.plan);
  if (others.length > 0) {
    out.push(map.errorFor(['plan'], { code: 'PLAN_MISMATCH', message: `these positions are about \`${file.plan}\`, not about \`${others.join('`, `')}\``, hint: 'positions belong to one family; keep them beside its versions' }));
  }
  const topicsOf = new Map<string, Set<Topic>>();
  for (const v of versions) for (const c of v.clauses) topicsOf.set(c.id, new Set([...(topicsOf.get(c.id) ?? []), c.topic]));
  const byVersion = new Map(versions.map((v) => [v.version, new Set(v.clauses.map((c) => c.id))]));
  const allClauses = [...topicsOf.keys()];

  (file.rules ?? []).forEach((rule, i) => {
    (rule.absentFrom ?? []).forEach((v, j) => {
      if (byVersion.has(v) || unchecked.has(v)) return;
      const guess = closest(v, [...byVersion.keys()]);
      out.push(map.errorFor(['rules', i, 'absentFrom', j], { code: 'UNKNOWN_VERSION', message: `the family has no version \`${v}\``, hint: guess ? `did you mean \`${guess}\`?` : `its versions: ${[...byVersion.keys()].join(', ')}` }));
    });
    let topics: Topic[];
    const ids = namedClauses(rule);
    if (ids !== undefined) {
      const found = new Set<Topic>();
      let unknown = false;
      ids.forEach((id, j) => {
        const seen = topicsOf.get(id);
        if (seen) return seen.forEach((t) => found.add(t));
        // A clause of a version that has errors of its own: its rule is checked once the version is fixed.
        if ([...unchecked.values()].some((known) => known.has(id))) return;
        unknown = true;
        const guess = closest(id, allClauses);
        out.push(map.errorFor(rule.clauses ? ['rules', i, 'clauses', j] : ['rules', i, 'clause'], { code: 'UNKNOWN_CLAUSE', message: `no version of the family has a clause \`${id}\``, hint: guess ? `did you mean \`${guess}\`?` : 'check the id against the plan files, or name a topic instead' }));
      });
      topics = [...found];
      if (unknown || topics.length === 0) return;
    } else if (rule.topic !== undefined) topics = [rule.topic];
    else return;
    if (!rule.when) return;
    // A clause may change topic between versions; a term is known if any of its topics has it.
    const specs: Record<string, TermSpec> = Object.assign({}, ...topics.map((t) => testableTerms(t, schema)));
    const open = topics.some((t) => Object.keys(termsOf(t, schema)).length === 0);
    if (open) return;
    const what = ids !== undefined ? `${ids.length === 1 ? 'clause' : 'clauses'} ${ids.map((x) => `\`${x}\``).join(', ')} (${topics.join(', ')})` : `topic ${rule.topic}`;
    for (const p of conditionProblems(specs, rule.when, what)) {
      out.push(map.errorFor(['rules', i, 'when', ...p.path], { code: p.code, message: p.message, ...(p.hint ? { hint: p.hint } : {}) }, p.code === 'UNKNOWN_TERM' && p.path.length === 1 ? 'key' : 'value'));
    }
  });

  out.push(...lostClauses(file, versions, map));

  (file.statements ?? []).forEach((s, i) => {
    if (!byVersion.has(s.version) && unchecked.has(s.version)) return;
    const clauses = byVersion.get(s.version);
    if (!clauses) {
      const guess = closest(s.version, [...byVersion.keys()]);
      out.push(map.errorFor(['statements', i, 'version'], { code: 'UNKNOWN_VERSION', message: `the family has no version \`${s.version}\``, hint: guess ? `did you mean \`${guess}\`?` : `its versions: ${[...byVersion.keys()].join(', ')}` }));
    } else if (s.clause !== undefined && !clauses.has(s.clause)) {
      const guess = closest(s.clause, [...clauses]);
      out.push(map.errorFor(['statements', i, 'clause'], { code: 'UNKNOWN_CLAUSE', message: `version \`${s.version}\` has no clause \`${s.clause}\``, hint: guess ? `did you mean \`${guess}\`?` : 'check the id against that version' }));
    }
  });
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}
