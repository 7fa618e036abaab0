/**
 * The lowest versions of peaceplan's runtime dependencies that carry the fix
 * for every published advisory against them. `npm run check:deps` asserts
 * them for package.json's ranges, the lock file and node_modules, then runs
 * `npm audit --omit=dev`.
 */
export const FLOORS = {
  yaml: {
    floor: '2.8.3',
    advisories: [
      'GHSA-48c2-rrv3-qjmp (CVE-2026-33532): stack overflow on deeply nested collections, fixed in 2.8.3',
      'GHSA-f9xv-q969-pqx4 (CVE-2023-2251): uncaught exception from parseDocument, fixed in 2.2.2',
    ],
  },
  ajv: {
    floor: '8.18.0',
    advisories: [
      'GHSA-2g4f-4pwh-qvx6 (CVE-2025-69873): ReDoS with the $data option, fixed in 8.18.0',
      'GHSA-v88g-cgmw-v5xw (CVE-2020-15366): prototype pollution, fixed in 6.12.3',
    ],
  },
  docx: {
    // Pinned: 9.7.2 and later need nanoid 6, which needs Node 22; peaceplan runs on Node 20.
    floor: '9.7.1',
    advisories: [
      'none published against docx; its zip writer jszip had CVE-2022-48285 (path traversal in loadAsync, fixed in 3.8.0) and CVE-2021-23413 (prototype pollution, fixed in 3.7.0), and docx 9.7.1 requires jszip ^3.10.1',
    ],
  },
  diff: {
    floor: '8.0.3',
    advisories: ['GHSA-73rr-hh4g-fpgx (CVE-2026-24001): parsePatch/applyPatch denial of service, fixed in 8.0.3'],
  },
};

/** Compares dotted versions numerically: negative, zero or positive. Pre-release tags count as below the release. */
export function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.split('-');
    return { parts: core.split('.').map(Number), pre: pre !== undefined };
  };
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  return Number(y.pre) - Number(x.pre);
}

/** The lowest version a range like `^8.18.0`, `~2.8.3`, `>=2.8.3 <3` or `8.0.3` admits; undefined for ranges it cannot read. */
export function rangeMinimum(range) {
  const m = /^(?:\^|~|>=\s*)?(\d+\.\d+\.\d+(?:-[\w.]+)?)(?:\s+<\s*[\d.]+)?$/.exec(range.trim());
  return m?.[1];
}
