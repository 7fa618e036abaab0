/**
 * Checks that a clause's certainty follows from its sources (warnings; errors
 * under `peaceplan validate --strict`): `reported` rests on at least two
 * independent outlets, `confirmed` on an official text or three independent
 * outlets, and neither on state media alone. Outlets of one network (the
 * language editions of one site, a wire story and its reprints) count once.
 * A clause carried over unseen is not checked: its sources back its presence,
 * not its content. A reported removal (`removed`) or addition (`added`) is
 * checked as a clause is, `reported` when it does not say.
 */
import type { ErrorList } from '../error-list.js';
import type { SourceMap } from '../load/source-map.js';
import { isCarried } from '../model/clause-state.js';
import type { Clause, Plan, Source } from '../model/types.js';

/** The independent outlets among a clause's sources: one per network, or per publisher where no network is named. */
export function outletsOf(clause: Pick<Clause, 'sources'>, sources: Readonly<Record<string, Source>>): { outlets: string[]; stateMediaOnly: boolean; official: boolean } {
  const cited = clause.sources.flatMap((id) => (Object.hasOwn(sources, id) ? [sources[id] as Source] : []));
  const outlets = [...new Set(cited.map((s) => (s.network ?? s.publisher).trim().toLowerCase()))];
  return { outlets, stateMediaOnly: cited.length > 0 && cited.every((s) => s.reliability === 'state-media'), official: cited.some((s) => s.reliability === 'official') };
}

/** Adds evidence warnings for the clauses of `plan`, and for the removals and additions it reports (`removed`, `added`). */
export function checkEvidence(plan: Plan, map: SourceMap, out: ErrorList): void {
  plan.clauses.forEach((clause, i) => {
    if (isCarried(clause)) return;
    checkOne(`clause \`${clause.id}\``, clause.certainty, clause, ['clauses', i, 'certainty'], plan, map, out);
  });
  (plan.removed ?? []).forEach((r, i) => {
    checkOne(`the removal of \`${r.clause}\``, r.certainty ?? 'reported', r, ['removed', i, r.certainty === undefined ? 'clause' : 'certainty'], plan, map, out);
  });
  (plan.added ?? []).forEach((r, i) => {
    checkOne(`the report that \`${r.clause}\` is new`, r.certainty ?? 'reported', r, ['added', i, r.certainty === undefined ? 'clause' : 'certainty'], plan, map, out);
  });
}

function checkOne(what: string, certainty: Clause['certainty'], cited: Pick<Clause, 'sources'>, at: Array<string | number>, plan: Plan, map: SourceMap, out: ErrorList): void {
  if (certainty === 'unconfirmed') return;
  const { outlets, stateMediaOnly, official } = outletsOf(cited, plan.sources);
  const warn = (code: 'SINGLE_OUTLET' | 'STATE_MEDIA_ONLY' | 'CONFIRMED_WITHOUT_TEXT', message: string, hint: string) =>
    out.add(map.errorFor(at, { code, severity: 'warning', message, hint }));
  if (stateMediaOnly) {
    warn('STATE_MEDIA_ONLY', `${what} is \`${certainty}\` on state media alone`, 'cite an independent outlet, or write `certainty: unconfirmed` and say so in the note');
  } else if (certainty === 'reported' && outlets.length < 2) {
    warn('SINGLE_OUTLET', `${what} is \`reported\` on one outlet (${outlets[0] ?? 'none'})`, 'cite a second, independent outlet (outlets of one network count once), or write `certainty: unconfirmed`');
  } else if (certainty === 'confirmed' && !official && outlets.length < 3) {
    warn('CONFIRMED_WITHOUT_TEXT', `${what} is \`confirmed\` without an official text or three independent outlets (${outlets.length})`, 'cite the official text (`reliability: official`), or write `certainty: reported`');
  }
}
