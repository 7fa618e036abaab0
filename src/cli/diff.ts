import { diffPlans } from '../diff/diff-plans.js';
import { resolveLimits } from '../options.js';
import { parsePairs } from '../parse-plan.js';
import type { ParseResult } from '../parse-plan.js';
import { dirname, join } from 'node:path';
import { loadPlan, loadStakeholders, STAKEHOLDERS_FILE } from '../node/load-plan.js';
import { readBytes } from '../node/read-file.js';
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
  const [a, b] = await loadBoth(oldPath, newPath);
  const pairs = typeof pairsPath === 'string' ? await loadPairs(pairsPath) : undefined;
  const failed = [a, b, ...(pairs ? [pairs] : [])].filter((r) => !r.ok);
  if (failed.length || !a.plan || !b.plan) {
    for (const r of failed) for (const e of r.errors) io.stderr.write(formatError(e, (n) => r.sourceMap.lineText(n)) + '\n\n');
    io.stderr.write('peaceplan diff: fix the problems above first\n');
    return EXIT.TROUBLE;
  }
  const diff = diffPlans(a.plan, b.plan, pairs?.rules ?? {});
  if (format === 'json') io.stdout.write(JSON.stringify(diff, null, 2) + '\n');
  else if (format === 'markdown') io.stdout.write(renderDiffMarkdown(diff));
  else io.stdout.write(renderDiffText(diff, { color: io.color === true }));
  return diff.summary.identical ? EXIT.OK : EXIT.FOUND;
}

/** Both versions; a stakeholders file shared by their folder is read once. */
async function loadBoth(oldPath: string, newPath: string) {
  if (dirname(oldPath) !== dirname(newPath)) return Promise.all([loadPlan(oldPath), loadPlan(newPath)]);
  const found = await loadStakeholders(join(dirname(oldPath), STAKEHOLDERS_FILE));
  const options = found.stakeholders ? { stakeholders: found.stakeholders } : {};
  return Promise.all([loadPlan(oldPath, options), loadPlan(newPath, options)]);
}

async function loadPairs(path: string): Promise<ParseResult & { rules?: ReturnType<typeof parsePairs>['rules'] }> {
  const bytes = await readBytes(path, resolveLimits(undefined).maxBytes);
  if (!(bytes instanceof Uint8Array)) {
    const r = parsePairs('', { file: path });
    return { ...r, ok: false, errors: [bytes] };
  }
  return parsePairs(bytes, { file: path });
}
