/** The dependency floor: what users install is at or above the version that fixed each published advisory. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the CI script, without type declarations
import { compareVersions, FLOORS, rangeMinimum } from './tools/dependency-floors.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
type Floors = Record<string, { floor: string; advisories: string[] }>;

describe('dependency floors', () => {
  it('cover every runtime dependency, each with its advisories', () => {
    expect(Object.keys(FLOORS as Floors).sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const f of Object.values(FLOORS as Floors)) expect(f.advisories.length).toBeGreaterThan(0);
  });

  it('are met by the ranges in package.json', () => {
    for (const [name, { floor }] of Object.entries(FLOORS as Floors)) {
      const min = rangeMinimum(pkg.dependencies[name] ?? '') as string | undefined;
      expect(min, name).toBeDefined();
      expect(compareVersions(min, floor), `${name} ${pkg.dependencies[name]} admits ${min}, below ${floor}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('compare versions numerically and read the ranges used', () => {
    expect([compareVersions('2.10.0', '2.9.1') > 0, compareVersions('2.8.3', '2.8.3'), compareVersions('2.8.3-rc.1', '2.8.3') < 0]).toEqual([true, 0, true]);
    expect(['^8.18.0', '~2.8.3', '>=2.8.3 <3', '8.0.3', '*'].map(rangeMinimum)).toEqual(['8.18.0', '2.8.3', '2.8.3', '8.0.3', undefined]);
  });
});
