import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The plan families shipped in the package's `plans/` folder. */
export const SHIPPED_FAMILIES = ['russia-ukraine-2025', 'gaza-2025'] as const;

/** The id of a family shipped with the package. */
export type ShippedFamily = (typeof SHIPPED_FAMILIES)[number];

/**
 * The folder of a plan family shipped with the package, wherever the package
 * is installed: pass it to `loadPlanFamily` (a path like
 * `'plans/russia-ukraine-2025'` works only inside a clone of the repository).
 *
 * @example
 * const family = await loadPlanFamily(shippedFamily('russia-ukraine-2025'));
 * family.versions.length; // 3
 */
export function shippedFamily(name: ShippedFamily): string {
  if (!(SHIPPED_FAMILIES as readonly string[]).includes(name)) {
    throw new TypeError(`peaceplan: no shipped family \`${String(name)}\`; the shipped families are ${SHIPPED_FAMILIES.join(', ')}`);
  }
  const found = packagePath(join('plans', name, 'stakeholders.yaml'));
  if (found) return dirname(found);
  throw new Error(`peaceplan: the shipped family ${name} is missing from this installation (looked above ${fileURLToPath(import.meta.url)})`);
}

/**
 * A file of the running package (`schemas/plan.schema.json`, `plans/…`), which sits beside
 * dist/ once installed or above src/node/ in a clone; undefined when it is not there, or when
 * the module has no URL of its own (bundled).
 */
export function packagePath(relative: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
  }
  return undefined;
}
