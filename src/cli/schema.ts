import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { loadTerms, TERMS_FILE } from '../node/load-plan.js';
import { familySchema } from '../schema/family-schema.js';
import type { Args } from './args.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { emit } from './output.js';
import { reportTrouble } from './trouble.js';

/** `peaceplan schema <family-folder|terms.yaml> [-o file]`: the JSON Schema of the family's plan files, its own topics and terms included. */
export async function runSchema(args: Args, io: CliIO): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (!path || extra.length) {
    io.stderr.write('peaceplan schema: name a family folder or its terms.yaml (see peaceplan help schema)\n');
    return EXIT.TROUBLE;
  }
  const isDir = await stat(path).then((s) => s.isDirectory(), () => false);
  const loaded = await loadTerms(isDir ? join(path, TERMS_FILE) : path);
  if (!loaded.terms) return reportTrouble(io, 'schema', [loaded]);
  return (await emit(io, JSON.stringify(familySchema(loaded.terms), null, 2) + '\n', args.options.get('output'))) ?? EXIT.OK;
}
