import type { Plan, Positions } from '../model/types.js';
import { acceptabilityShift, buildMatrix } from './matrix.js';
import { ancestorsOf } from './lineage.js';
import type { AcceptabilityComparison, AcceptabilityTrack, MatrixOptions } from './types.js';

/**
 * How acceptable each version is to each stakeholder, in date order (versions
 * of the same date keep the order given, e.g. a family's lineage order: the
 * 28-point draft, then the E3 counter-proposal, then Geneva), and which
 * clauses block each version.
 *
 * @example
 * const { stakeholders } = compareAcceptability(family.versions, positions, { stakeholders: people });
 * stakeholders.find((s) => s.stakeholder === 'ukraine')?.versions.map((v) => v.score); // e.g. [-0.6, 0.4, 0.3]
 */
export function compareAcceptability(versions: readonly Plan[], positions: Positions, options: Omit<MatrixOptions, 'by'> = {}): AcceptabilityComparison {
  const byDate = [...versions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // The versions compared are the family: rules and carried statements follow clauses along their parents.
  const family = options.versions ?? versions;
  const matrices = byDate.map((v) => buildMatrix(v, positions, { ...options, versions: family, by: 'clause' }));
  const tracks = new Map<string, AcceptabilityTrack>();
  for (const m of matrices) {
    for (const row of m.rows) {
      let track = tracks.get(row.stakeholder);
      if (!track) tracks.set(row.stakeholder, (track = { stakeholder: row.stakeholder, name: row.name, versions: [] }));
      // Against the version before it: which statements and absence rules stop or start counting.
      const previous = track.versions.at(-1);
      const here = byDate.find((v) => v.version === m.version);
      const shift = previous ? acceptabilityShift(previous, row.acceptability, previous.version, m.version, here ? ancestorsOf(here, family) : []) : undefined;
      track.versions.push({ version: m.version, date: m.date, ...row.acceptability, ...(shift ?? {}) });
    }
  }
  return {
    versions: matrices.map((m, i) => ({ version: m.version, date: m.date, parent: byDate[i]?.parent ?? null, blocked: m.blocked })),
    stakeholders: [...tracks.values()],
  };
}
