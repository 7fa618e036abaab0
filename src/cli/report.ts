import { loadPlanFamily } from '../node/load-plan.js';
import { renderHtml } from '../render/html/page.js';
import { buildReport } from '../report/build-report.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { emit, refuseTerminal } from './output.js';
import { familyTrouble, reportTrouble } from './trouble.js';

/** `peaceplan report <dir> [-o report.html]` */
export async function runReport(args: Args, io: CliIO): Promise<number> {
  const [dir, ...extra] = args.positionals;
  if (!dir || extra.length) {
    io.stderr.write('peaceplan report: name exactly one family folder (see peaceplan help report)\n');
    return EXIT.TROUBLE;
  }
  // A whole HTML page is no use on a screen: say where it should go instead.
  const refused = refuseTerminal(io, args.options.get('output'), 'report', 'an HTML page', `peaceplan report ${dir} -o report.html`);
  if (refused !== undefined) return refused;
  const family = await loadPlanFamily(dir);
  if (!family.ok || family.versions.length === 0) {
    const failed = familyTrouble(family);
    if (failed.length === 0) io.stderr.write(`peaceplan report: no versions in ${dir}\n`);
    return reportTrouble(io, 'report', failed);
  }
  const content = buildReport(family.versions, {
    ...(family.positions?.positions ? { positions: family.positions.positions } : {}),
    ...(family.stakeholders?.stakeholders ? { stakeholders: family.stakeholders.stakeholders } : {}),
    ...(family.terms?.terms ? { terms: family.terms.terms } : {}),
  });
  return (await emit(io, renderHtml(content), args.options.get('output'))) ?? EXIT.OK;
}

