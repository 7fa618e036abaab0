/** Checks a schema-valid stakeholders file: unique ids, known members. */
import type { ErrorList } from '../error-list.js';
import type { SourceMap } from '../load/source-map.js';
import type { Stakeholders } from '../model/types.js';
import { closestIn } from '../util/closest.js';
import type { SchemaRef } from '../schema/ajv.js';
import { unknownRef } from './check-plan.js';

/** Adds positioned errors for duplicate ids and unknown members. */
export function checkStakeholders(file: Stakeholders, refs: readonly SchemaRef[], map: SourceMap, out: ErrorList): void {
  const first = new Map<string, number>();
  file.stakeholders.forEach((s, i) => {
    const earlier = first.get(s.id);
    if (earlier === undefined) first.set(s.id, i);
    else {
      out.add(map.errorFor(['stakeholders', i, 'id'], {
        code: 'DUPLICATE_STAKEHOLDER_ID',
        message: `stakeholder id \`${s.id}\` is used twice`,
        hint: `first used on line ${map.locate(['stakeholders', earlier, 'id']).line}`,
      }));
    }
  });
  const near = closestIn([...first.keys()]);
  for (const ref of refs) {
    if (ref.kind === 'stakeholder' && !first.has(ref.id)) {
      unknownRef(out, map, ref.instancePath, file, 'UNKNOWN_STAKEHOLDER', 'stakeholder', ref.id, near, 'list it as a stakeholder of its own');
    }
  }
}
