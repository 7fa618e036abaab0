import { summarizePlan } from '../summary/summarize-plan.js';
import { diffPlans } from '../diff/diff-plans.js';
import type { Plan, Positions, Stakeholders } from '../model/types.js';
import { compareAcceptability } from '../positions/acceptability.js';
import { diffImpact } from '../positions/impact.js';
import { buildMatrix } from '../positions/matrix.js';
import type { MatrixOptions } from '../positions/types.js';
import type { HtmlContent, HtmlDiff } from '../render/html/page.js';
import { byVersion, parentOf } from '../history/lineage.js';

/** Options of {@link buildReport}. */
export interface ReportOptions extends Omit<MatrixOptions, 'stakeholders'> {
  positions?: Positions;
  stakeholders?: Stakeholders;
}

/**
 * Everything a family report shows, as data: each version diffed against its
 * parent (or, for a version without one in the set, against the version
 * before it by date), with the impact on the stakeholders when positions are
 * given; the position matrix of each version; and acceptability across
 * versions. Render it with `renderHtml`.
 *
 * @example
 * const report = buildReport(family.versions, { positions, stakeholders });
 * report.diffs?.map((d) => `${d.diff.from.version} → ${d.diff.to.version}`); // ['us-28-point → e3-counter-proposal', …]
 */
export function buildReport(versions: readonly Plan[], options: ReportOptions = {}): HtmlContent {
  const { positions, stakeholders, ...matrixOptions } = options;
  const shared = { ...matrixOptions, ...(stakeholders ? { stakeholders } : {}) };
  const all = byVersion(versions);
  const byDate = [...versions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const diffs: HtmlDiff[] = [];
  versions.forEach((to) => {
    const from = parentOf(to, all) ?? byDate[byDate.indexOf(to) - 1];
    if (!from) return;
    const diff = diffPlans(from, to, { versions, ...(matrixOptions.terms ? { terms: matrixOptions.terms } : {}) });
    const impact = positions ? diffImpact(diff, positions, { from, to, versions, ...shared }) : undefined;
    diffs.push({ diff, from, to, ...(impact ? { impact } : {}) });
  });
  const plan = versions[0]?.plan ?? 'plan';
  return {
    title: `${plan}: ${versions.length} version${versions.length === 1 ? '' : 's'}`,
    subtitle: byDate.map((v) => `${v.version} (${v.date})`).join(' → '),
    evidence: versions.map(summarizePlan),
    diffs,
    ...(positions
      ? { matrices: versions.map((v) => buildMatrix(v, positions, { versions, ...shared })), acceptability: compareAcceptability(versions, positions, { versions, ...shared }) }
      : {}),
  };
}
