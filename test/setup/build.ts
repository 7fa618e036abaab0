import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once before the suite, so the tests of the package as users get
 * it (CJS and ESM loading, the bin, the browser bundle) always see current code.
 */
export default function setup(): void {
  if (process.env.PEACEPLAN_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [`${root}/node_modules/tsup/dist/cli-default.js`, '--silent'], { cwd: root, stdio: 'inherit' });
}
