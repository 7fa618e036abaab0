import { diffPlans, IGNORE_CLASSES } from '../diff/diff-plans.js';
import type { IgnoreClass } from '../diff/types.js';
import { rankByImpact } from '../positions/rank-by-impact.js';
import type { DiffImpact } from '../positions/types.js';
import { checkPairs } from '../validate/check-pairs.js';
import { checkFamily } from '../validate/check-family.js';
import { formatError } from '../render/text.js';
import { PlanError } from '../errors.js';
import type { ParseResult, PlanResult } from '../parse-plan.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { familyOptions, loadPairs, loadPlan, loadStakeholders, STAKEHOLDERS_FILE, TERMS_FILE, termsBeside } from '../node/load-plan.js';
import { carriedVersionsBeside } from '../node/carried-versions.js';
import { renderDiffMarkdown } from '../render/diff-markdown.js';
import { renderDiffText } from '../render/diff-text.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import { positionsFor } from './positions.js';
import { emit, refuseTerminal } from './output.js';
import { renderDiffDocx } from '../render/docx/diff-docx.js';
import { renderHtml } from '../render/html/page.js';
import { reportTrouble } from './trouble.js';
import { gitRevisionPath, loadPlanAt } from './git.js';
import { diffImpact } from '../positions/impact.js';
import { renderImpactMarkdown, renderImpactText } from '../render/impact-text.js';
import type { CliIO } from './io.js';

/** `peaceplan diff <old> <new> [--format text|markdown|json|html|docx] [--pairs file] [--positions file] [-o file]` */
export async function runDiff(args: Args, io: CliIO, format: string): Promise<number> {
  const [oldPath, newPath, ...extra] = args.positionals;
  if (!oldPath || !newPath || extra.length) {
    io.stderr.write('peaceplan diff: name exactly two plan files, the old one first (see peaceplan help diff)\n');
    return EXIT.TROUBLE;
  }
  const toFile = args.options.get('output');
  const refused = format === 'html' || format === 'docx' ? refuseTerminal(io, toFile, 'diff', format === 'html' ? 'an HTML page' : 'a Word document', `peaceplan diff ${oldPath} ${newPath} --format ${format} -o redline.${format}`) : undefined;
  if (refused !== undefined) return refused;
  const ignore = ignoreClasses(args.options.get('ignore'));
  if (typeof ignore === 'string') {
    io.stderr.write(`peaceplan diff: --ignore takes ${IGNORE_CLASSES.join(', ')} (comma-separated), not ${ignore}\n`);
    return EXIT.TROUBLE;
  }
  const pairsPath = args.options.get('pairs');
  const loaded = await loadBoth(oldPath, newPath);
  const pairs = typeof pairsPath === 'string' ? await loadPairs(pairsPath) : undefined;
  const failed = [...loaded, ...(pairs ? [pairs] : [])].filter((r) => !r.ok);
  const [a, b] = loaded;
  if (failed.length || !a?.plan || !b?.plan) return reportTrouble(io, 'diff', failed);
  const unknown = pairs ? checkPairs(pairs, a.plan, b.plan) : [];
  if (unknown.length) return reportTrouble(io, 'diff', [{ ...(pairs as ParseResult), errors: unknown }]);
  // The new version's family terms type what both versions say (a family shares one terms file).
  const familyPath = gitRevisionPath(newPath)?.path ?? newPath;
  const terms = (await termsBeside(familyPath)) ?? (await termsBeside(gitRevisionPath(oldPath)?.path ?? oldPath));
  // A clause carried over unseen is compared with the version it repeats, read from the same folder.
  const versions = await carriedVersionsBeside([a.plan, b.plan], familyPath, terms ? { terms } : {});
  let diff = diffPlans(a.plan, b.plan, { ...(pairs?.rules ?? {}), ignore, versions, ...(terms ? { terms } : {}) });
  const positionsPath = args.options.get('positions');
  let impact: DiffImpact | undefined;
  if (typeof positionsPath === 'string') {
    const people = await loadStakeholders(join(dirname(newPath), STAKEHOLDERS_FILE));
    const positions = await positionsFor(positionsPath, [a.plan, b.plan], people.stakeholders);
    if (!positions.positions) return reportTrouble(io, 'diff', [positions]);
    impact = diffImpact(diff, positions.positions, { from: a.plan, to: b.plan, ...(people.stakeholders ? { stakeholders: people.stakeholders } : {}), ...(terms ? { terms } : {}) });
    diff = rankByImpact(diff, impact);
  }
  // A clause id one version names in the other (`covers`, `partOf`, `removed`) that the other does not have is read as
  // naming nothing: say so, with the nearest id, as `validate` would. The diff itself stands.
  for (const e of checkFamily([a, b]).errors.filter((x) => x.code === 'UNKNOWN_CLAUSE')) {
    const from = [a, b].find((r) => r.sourceMap.file === e.file);
    io.stderr.write(formatError(new PlanError({ ...e.toJSON(), severity: 'warning' }), from ? (n) => from.sourceMap.lineText(n) : undefined) + '\n\n');
  }
  const color = io.color === true && toFile === undefined;
  let text: string | Uint8Array;
  if (format === 'json') text = JSON.stringify(impact ? { diff, impact } : diff, null, 2) + '\n';
  else if (format === 'markdown') text = renderDiffMarkdown(diff) + (impact ? '\n' + renderImpactMarkdown(impact) : '');
  else if (format === 'docx') text = await renderDiffDocx({ diff, from: a.plan, to: b.plan, ...(impact ? { impact } : {}) });
  else if (format === 'html') text = renderHtml({ diffs: [{ diff, from: a.plan, to: b.plan, ...(impact ? { impact } : {}) }] });
  else text = renderDiffText(diff, { color }) + (impact ? '\n' + renderImpactText(impact, { color }) : '');
  return (await emit(io, text, toFile)) ?? (diff.summary.identical ? EXIT.OK : EXIT.FOUND);
}

/**
 * Both versions; a stakeholders file shared by their folder is read once, and a broken one
 * is reported once. A version written as git names it (`HEAD~1:plans/x.yaml`) is read from git.
 */
async function loadBoth(oldPath: string, newPath: string): Promise<ParseResult[] & PlanResult[]> {
  const [oldGit, newGit] = [gitRevisionPath(oldPath), gitRevisionPath(newPath)];
  if (oldGit || newGit) {
    const read = (arg: string, at: ReturnType<typeof gitRevisionPath>) => (at ? loadPlanAt(arg, at.rev, at.path) : loadPlan(arg));
    return Promise.all([read(oldPath, oldGit), read(newPath, newGit)]);
  }
  if (dirname(oldPath) !== dirname(newPath)) {
    const [a, b] = await Promise.all([loadPlan(oldPath), loadPlan(newPath)]);
    return Promise.all([borrowFamily(a, oldPath, b, newPath), borrowFamily(b, newPath, a, oldPath)]);
  }
  const found = await loadStakeholders(join(dirname(oldPath), STAKEHOLDERS_FILE));
  if (!found.ok && !found.errors.some((e) => e.code === 'FILE_NOT_FOUND')) return [found];
  const options = found.stakeholders ? { stakeholders: found.stakeholders } : {};
  return Promise.all([loadPlan(oldPath, options), loadPlan(newPath, options)]);
}

/**
 * A version kept outside its family's folder (a draft another delegation sent, a copy in a
 * scratch folder) is read with the family's topics, terms and stakeholders found beside the
 * other version, where no such file lies beside it (a broken one is reported, not replaced)
 * and it names the same family.
 */
async function borrowFamily(result: PlanResult, path: string, other: PlanResult, otherPath: string): Promise<PlanResult> {
  if (!other.plan) return result;
  const lacks = (name: string) => !existsSync(join(dirname(path), name));
  const [lacksTerms, lacksPeople] = [lacks(TERMS_FILE), lacks(STAKEHOLDERS_FILE)];
  if (!lacksTerms && !lacksPeople) return result;
  const theirs = await familyOptions(dirname(otherPath));
  const terms = lacksTerms ? theirs.terms : undefined;
  const stakeholders = lacksPeople ? theirs.stakeholders : undefined;
  if (!terms && !stakeholders) return result;
  const again = await loadPlan(path, { ...(terms ? { terms } : {}), ...(stakeholders ? { stakeholders } : {}) });
  return again.plan?.plan === other.plan.plan ? again : result;
}

/** The classes of `--ignore a,b`, or the first word that is not one. */
function ignoreClasses(value: string | boolean | undefined): IgnoreClass[] | string {
  if (typeof value !== 'string') return [];
  const out: IgnoreClass[] = [];
  for (const w of value.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!(IGNORE_CLASSES as readonly string[]).includes(w)) return w;
    out.push(w as IgnoreClass);
  }
  return out;
}
