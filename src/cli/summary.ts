import { dirname } from 'node:path';
import { formatError, formatSummary } from '../render/text.js';
import type { FamilyTerms, Plan } from '../model/types.js';
import { termsBeside } from '../node/load-plan.js';
import { summarizePlan } from '../summary/summarize-plan.js';
import type { Args } from './args.js';
import { familyTermsOption, linesFor, readInputs } from './inputs.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { allProblems, exitCode } from './validate.js';

/** `peaceplan summary <file|dir>...` */
export async function runSummary(args: Args, io: CliIO, format: 'text' | 'json'): Promise<number> {
  if (args.positionals.length === 0) {
    io.stderr.write('peaceplan summary: name at least one file or folder (see peaceplan help summary)\n');
    return EXIT.TROUBLE;
  }
  const family = args.options.get('family');
  const inputs = await readInputs(args.positionals, typeof family === 'string' ? { family } : {});
  // With --family, the versions named are described, not the folder's others they were checked among.
  const named = new Set(inputs.files.flatMap((f) => (f.result as { plan?: Plan }).plan ?? []));
  const versions = typeof family === 'string' ? inputs.versions.filter((v) => named.has(v)) : inputs.versions;
  const summaries = versions.map(summarizePlan);
  const errors = allProblems(inputs, 'error');
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ versions: summaries, errors: errors.map((e) => e.toJSON()) }, null, 2) + '\n');
  } else {
    for (const e of errors) io.stdout.write(formatError(e, linesFor(inputs, e)) + '\n\n');
    // A family's own topics are named by their labels: from its terms file, read with a folder or found beside a file.
    const termsOf = new Map<string, FamilyTerms>();
    const home = typeof family === 'string' ? await familyTermsOption(family) : undefined;
    if (home && !Array.isArray(home) && home.terms?.plan !== undefined) termsOf.set(home.terms.plan, home.terms);
    for (const f of inputs.files) {
      const r = f.result as { terms?: FamilyTerms; plan?: Plan };
      if (r.terms?.plan !== undefined) termsOf.set(r.terms.plan, r.terms);
    }
    const tried = new Set<string>();
    for (const f of inputs.files) {
      const plan = (f.result as { plan?: Plan }).plan;
      if (!plan || termsOf.has(plan.plan) || tried.has(dirname(f.file))) continue;
      tried.add(dirname(f.file));
      const beside = await termsBeside(f.file);
      if (beside) termsOf.set(plan.plan, beside);
    }
    io.stdout.write(summaries.map((s, i) => formatSummary(s, withTerms(termsOf.get(versions[i]?.plan ?? '')))).join('\n\n') + (summaries.length ? '\n' : ''));
  }
  return exitCode(inputs);
}

function withTerms(terms: FamilyTerms | undefined): { terms?: FamilyTerms } {
  return terms ? { terms } : {};
}
