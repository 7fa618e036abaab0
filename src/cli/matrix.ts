import { formatError } from '../render/text.js';
import { basename, dirname, join, resolve } from 'node:path';
import { loadPlan, loadPlanFamily, loadStakeholders, POSITIONS_FILE, STAKEHOLDERS_FILE, termsBeside } from '../node/load-plan.js';
import type { ParseResult } from '../parse-plan.js';
import { buildMatrix } from '../positions/matrix.js';
import type { MatrixOptions } from '../positions/types.js';
import { renderMatrixCsv } from '../render/matrix-csv.js';
import { renderMatrixMarkdown } from '../render/matrix-markdown.js';
import { renderMatrixText } from '../render/matrix-text.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { positionsFor } from './positions.js';
import { reportTrouble } from './trouble.js';
import { emit, refuseTerminal } from './output.js';
import { renderHtml } from '../render/html/page.js';

// `--decision` is the library's name (MatrixOptions.decision); `--blocking` its older spelling.
const CHOICES = { by: ['clause', 'topic'], decision: ['veto', 'unanimity'], blocking: ['veto', 'unanimity'], blocs: ['as-listed', 'expand', 'collapse'] } as const;

/** `peaceplan matrix <version> [--positions file] [--by clause|topic] [--blocking veto|unanimity] [--blocs …] [--format …]` */
export async function runMatrix(args: Args, io: CliIO, format: string): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) {
    io.stderr.write('peaceplan matrix: name exactly one plan file (see peaceplan help matrix)\n');
    return EXIT.TROUBLE;
  }
  const refused = format === 'html' ? refuseTerminal(io, args.options.get('output'), 'matrix', 'an HTML page', `peaceplan matrix ${path} --format html -o matrix.html`) : undefined;
  if (refused !== undefined) return refused;
  const chosen: Record<string, string> = {};
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value = args.options.get(name);
    if (value === undefined) continue;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      io.stderr.write(`peaceplan matrix: --${name} must be ${allowed.join(', ')}; not ${String(value)}\n`);
      return EXIT.TROUBLE;
    }
    chosen[name] = value;
  }
  if (chosen.decision && chosen.blocking && chosen.decision !== chosen.blocking) {
    io.stderr.write('peaceplan matrix: --decision and --blocking name the same rule; give one\n');
    return EXIT.TROUBLE;
  }
  const people = await loadStakeholders(join(dirname(path), STAKEHOLDERS_FILE));
  const peopleBroken = !people.ok && !people.errors.some((e) => e.code === 'FILE_NOT_FOUND');
  const plan = await loadPlan(path, people.stakeholders ? { stakeholders: people.stakeholders } : {});
  const given = args.options.get('positions');
  const positionsPath = typeof given === 'string' ? given : join(dirname(path), POSITIONS_FILE);
  if (!plan.plan || peopleBroken) return reportTrouble(io, 'matrix', [plan, ...(peopleBroken ? [people] : [])]);
  const positions = await positionsFor(positionsPath, [plan.plan], people.stakeholders);
  if (!positions.positions) {
    const missing = positions.errors.some((e) => e.code === 'FILE_NOT_FOUND') && given === undefined;
    if (missing) io.stderr.write(`peaceplan matrix: no ${POSITIONS_FILE} beside ${basename(resolve(path))}; name one with --positions\n`);
    return reportTrouble(io, 'matrix', [positions as ParseResult]);
  }
  // Warnings about the positions (a rule that lost its clause) are worth seeing before the matrix; under --strict, instead of it.
  const strict = args.options.has('strict');
  for (const w of positions.warnings) io.stderr.write(`${formatError(w, (n) => positions.sourceMap.lineText(n))}\n\n`);
  if (strict && positions.warnings.length) {
    io.stderr.write(`peaceplan matrix: ${positions.warnings.length} warning${positions.warnings.length === 1 ? '' : 's'} about the positions, errors under --strict\n`);
    return EXIT.TROUBLE;
  }
  const terms = await termsBeside(path);
  const options: MatrixOptions = {
    ...(people.stakeholders ? { stakeholders: people.stakeholders } : {}),
    ...(terms ? { terms } : {}),
    by: (chosen.by ?? 'clause') as 'clause' | 'topic',
    decision: (chosen.decision ?? chosen.blocking ?? 'veto') as 'veto' | 'unanimity',
    blocs: (chosen.blocs ?? 'as-listed') as NonNullable<MatrixOptions['blocs']>,
  };
  // A revision's rules follow its clauses back along the parent chain, through the versions beside it.
  if (plan.plan.parent) {
    const family = await loadPlanFamily(dirname(path));
    if (family.versions.length) options.versions = family.versions;
  }
  const m = buildMatrix(plan.plan, positions.positions, options);
  const toFile = args.options.get('output');
  let text: string;
  if (format === 'json') text = JSON.stringify(m, null, 2) + '\n';
  else if (format === 'markdown') text = renderMatrixMarkdown(m);
  else if (format === 'csv') text = renderMatrixCsv(m);
  else if (format === 'html') text = renderHtml({ matrices: [m] });
  else text = renderMatrixText(m, { color: io.color === true && toFile === undefined });
  return (await emit(io, text, toFile)) ?? (m.blocked.length ? EXIT.FOUND : EXIT.OK);
}
