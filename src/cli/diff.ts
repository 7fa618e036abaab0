import { diffPlans } from '../diff/diff-plans.js';
import { checkPairs } from '../validate/check-pairs.js';
import type { ParseResult, PlanResult } from '../parse-plan.js';
import { dirname, join } from 'node:path';
import { loadPairs, loadPlan, loadStakeholders, STAKEHOLDERS_FILE } from '../node/load-plan.js';
import { formatError } from '../render/text.js';
import { renderDiffMarkdown } from '../render/diff-markdown.js';
import { renderDiffText } from '../render/diff-text.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

/** `peaceplan diff <old> <new> [--format text|markdown|json] [--pairs file]` */
export async function runDiff(args: Args, io: CliIO, format: string): Promise<number> {
  const [oldPath, newPath, ...extra] = args.positionals;
  if (!oldPath || !newPath || extra.length) {
    io.stderr.write('peaceplan diff: name exactly two plan files, the old one first (see peaceplan help diff)\n');
    return EXIT.TROUBLE;
  }
  const pairsPath = args.options.get('pairs');
  const loaded = await loadBoth(oldPath, newPath);
  const pairs = typeof pairsPath === 'string' ? await loadPairs(pairsPath) : undefined;
  const failed = [...loaded, ...(pairs ? [pairs] : [])].filter((r) => !r.ok);
  const [a, b] = loaded;
  if (failed.length || !a?.plan || !b?.plan) return trouble(io, failed);
  const unknown = pairs ? checkPairs(pairs, a.plan, b.plan) : [];
  if (unknown.length) return trouble(io, [{ ...(pairs as ParseResult), errors: unknown }]);
  const diff = diffPlans(a.plan, b.plan, pairs?.rules ?? {});
  if (format === 'json') io.stdout.write(JSON.stringify(diff, null, 2) + '\n');
  else if (format === 'markdown') io.stdout.write(renderDiffMarkdown(diff));
  else io.stdout.write(renderDiffText(diff, { color: io.color === true }));
  return diff.summary.identical ? EXIT.OK : EXIT.FOUND;
}

/** Prints every problem once, with the lines of the file it is in, and returns exit code 2. */
function trouble(io: CliIO, failed: readonly ParseResult[]): number {
  const seen = new Set<string>();
  for (const r of failed) {
    for (const e of r.errors) {
      const id = `${e.file}:${e.line}:${e.col}:${e.code}:${e.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      io.stderr.write(formatError(e, e.file === r.sourceMap.file ? (n) => r.sourceMap.lineText(n) : undefined) + '\n\n');
    }
  }
  io.stderr.write('peaceplan diff: fix the problems above first\n');
  return EXIT.TROUBLE;
}

/** Both versions; a stakeholders file shared by their folder is read once, and a broken one is reported once. */
async function loadBoth(oldPath: string, newPath: string): Promise<ParseResult[] & PlanResult[]> {
  if (dirname(oldPath) !== dirname(newPath)) return Promise.all([loadPlan(oldPath), loadPlan(newPath)]);
  const found = await loadStakeholders(join(dirname(oldPath), STAKEHOLDERS_FILE));
  if (!found.ok && !found.errors.some((e) => e.code === 'FILE_NOT_FOUND')) return [found];
  const options = found.stakeholders ? { stakeholders: found.stakeholders } : {};
  return Promise.all([loadPlan(oldPath, options), loadPlan(newPath, options)]);
}
