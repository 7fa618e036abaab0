import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PlanError } from '../errors.js';
import { packagePath } from './shipped.js';

/** The editor modeline: `# yaml-language-server: $schema=<where>` among the comment lines that open a file. */
const MODELINE = /^(#\s*yaml-language-server:\s*\$schema=)(\S+)/;

/**
 * A warning when a file's editor modeline points at a schema file that does
 * not exist (a draft copied out of the package keeps `../../schemas/…`), so the
 * editor's completion and checks are silently off. URLs are not checked. The
 * hint names the path to the same schema in the peaceplan installed beside the
 * file (its `node_modules`), or else in the peaceplan running.
 */
export function checkSchemaPointer(file: string, text: string): PlanError | undefined {
  const lines = text.split('\n', 20);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (!line.startsWith('#')) return undefined; // the modeline belongs to the comments that open the file
    const found = MODELINE.exec(line);
    if (!found) continue;
    const target = found[2] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // a URL: not checked offline
    const folder = dirname(resolve(file));
    if (existsSync(resolve(folder, target))) return undefined;
    const col = (found[1] ?? '').length + 1;
    const name = target.split(/[\\/]/).pop() ?? target;
    const better = schemaNear(folder, name);
    return new PlanError({
      code: 'SCHEMA_NOT_FOUND',
      severity: 'warning',
      message: `the editor modeline points at ${target}, which does not exist from this file's folder: editors will not complete or check this file`,
      file,
      line: i + 1,
      col,
      endLine: i + 1,
      endCol: col + target.length,
      path: [],
      hint: better ? `point it at the installed schema: # yaml-language-server: $schema=${better}` : `point it at ${name} in peaceplan's schemas/ folder (node_modules/peaceplan/schemas/${name} once peaceplan is installed)`,
    });
  }
  return undefined;
}

/** A path from `folder` to schema `name`: in a `node_modules/peaceplan` above the folder, else in the running package. */
function schemaNear(folder: string, name: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'peaceplan', 'schemas', name);
    if (existsSync(candidate)) return pathFrom(folder, candidate);
    if (dirname(dir) === dir) break;
  }
  const own = packagePath(join('schemas', name));
  return own ? pathFrom(folder, own) : undefined;
}

function pathFrom(folder: string, target: string): string {
  const rel = relative(folder, target).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
