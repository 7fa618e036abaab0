import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFamily, checkPairs, checkPositions, ERROR_CODES, parsePairs, parsePlan, parsePositions, parseStakeholders, parseTerms } from 'peaceplan';
import type { Plan } from 'peaceplan';
import type { ErrorCode, PlanError } from 'peaceplan';
import { loadPlan, loadPlanFamily } from 'peaceplan/node';
import { bytes, familyWithRenamedClause, MINIMAL, text } from './helpers.js';
import { writeFileAtomic } from '../src/node/write-file.js';

const fixtures = JSON.parse(text('test/fixtures/invalid/expected.json')) as Record<string, Array<[ErrorCode, number, number]>>;
const fromFixture = (name: string) => () => {
  const r = parsePlan(bytes(`test/fixtures/invalid/${name}`), {
    stakeholders: { peaceplan: 1, plan: 'test-family', stakeholders: [{ id: 'ukraine', name: 'Ukraine', kind: 'state' }] },
  });
  return [...r.errors, ...r.warnings];
};
const version = (v: string, parent: string | null, plan = 'test-family') =>
  parsePlan(MINIMAL.replace('version: v1', `version: ${v}`).replace('plan: test-family', `plan: ${plan}`).replace('date: 2025-11-20', `date: 2025-11-20\nparent: ${parent ?? 'null'}`), { file: `${v}.yaml` });
const positions = (rules: string, statements = '') =>
  parsePositions(`peaceplan: 1\nplan: test-family\nsources:\n  p1: { title: A report, publisher: Example }\n${rules ? `rules:\n${rules}` : ''}${statements}`);
const rule = (id: string, extra: string) => `  - { id: ${id}, stakeholder: ukraine, ${extra}, stance: oppose, salience: 1, date: 2025-11-21, sources: [p1] }\n`;
const againstMinimal = (r: ReturnType<typeof positions>) => checkPositions(r, [parsePlan(MINIMAL).plan as Plan]);
const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-codes-'));

type Trigger = { run: () => PlanError[] | Promise<PlanError[]>; at: [number, number] };

/**
 * One way to trigger every error code, and where it must point. The type makes
 * a new code without a test a compile error.
 */
const TRIGGERS: Record<ErrorCode, Trigger> = {
  FILE_TOO_LARGE: { run: () => parsePlan(MINIMAL, { limits: { maxBytes: 100 } }).errors, at: [1, 1] },
  INVALID_UTF8: { run: fromFixture('invalid-utf8.yaml'), at: [4, 16] },
  UNSUPPORTED_ENCODING: { run: fromFixture('utf16.yaml'), at: [1, 1] },
  CONTROL_CHARACTER: { run: fromFixture('nul-byte.yaml'), at: [12, 16] },
  YAML_SYNTAX: { run: fromFixture('syntax-error.yaml'), at: [4, 8] },
  TAB_INDENTATION: { run: fromFixture('tab-indentation.yaml'), at: [15, 1] },
  DUPLICATE_KEY: { run: fromFixture('duplicate-key.yaml'), at: [5, 1] },
  NESTING_TOO_DEEP: { run: fromFixture('deep-flow.yaml'), at: [2, 73] },
  ALIAS_LIMIT: { run: fromFixture('alias-bomb.yaml'), at: [4, 14] },
  // The root map is node 1, the list node 2: the 999th item passes 1,000, on line 1,000.
  TOO_MANY_NODES: { run: () => parsePlan(`items:\n${'- a\n'.repeat(2000)}`, { limits: { maxNodes: 1000 } }).errors, at: [1000, 1] },
  MULTIPLE_DOCUMENTS: { run: fromFixture('multi-document.yaml'), at: [20, 1] },
  EMPTY_DOCUMENT: { run: fromFixture('empty.yaml'), at: [1, 1] },
  YAML_VERSION: { run: fromFixture('yaml-1-1.yaml'), at: [1, 1] },
  UNSUPPORTED_TAG: { run: fromFixture('custom-tag.yaml'), at: [4, 8] },
  MERGE_KEY: { run: fromFixture('merge-key.yaml'), at: [15, 7] },
  NON_STRING_KEY: { run: fromFixture('non-string-key.yaml'), at: [17, 7] },
  INVALID_NUMBER: { run: fromFixture('infinite-number.yaml'), at: [16, 21] },
  UNSUPPORTED_FORMAT_VERSION: { run: fromFixture('format-version.yaml'), at: [1, 12] },
  MISSING_FIELD: { run: fromFixture('missing-field.yaml'), at: [9, 5] },
  UNKNOWN_FIELD: { run: fromFixture('unknown-field.yaml'), at: [16, 7] },
  WRONG_TYPE: { run: fromFixture('wrong-type.yaml'), at: [16, 21] },
  INVALID_VALUE: { run: fromFixture('invalid-enum.yaml'), at: [17, 13] },
  UNKNOWN_TOPIC: { run: fromFixture('unknown-topic.yaml'), at: [11, 12] },
  TOO_MANY_ERRORS: {
    run: () => parsePlan(MINIMAL.replace('status: proposed', 'status: 1').replace('certainty: reported', 'certainty: 2'), { limits: { maxErrors: 1 } }).errors,
    at: [1, 1],
  },
  INVALID_DATE: { run: fromFixture('invalid-date.yaml'), at: [5, 7] },
  DUPLICATE_CLAUSE_ID: { run: fromFixture('duplicate-clause-id.yaml'), at: [20, 9] },
  DUPLICATE_CLAUSE_NUMBER: { run: fromFixture('duplicate-clause-number.yaml'), at: [21, 13] },
  UNKNOWN_SOURCE: { run: fromFixture('unknown-source.yaml'), at: [19, 19] },
  UNUSED_SOURCE: { run: fromFixture('unused-source.yaml'), at: [8, 3] },
  UNKNOWN_STAKEHOLDER: {
    run: () => parsePlan(MINIMAL, { stakeholders: { peaceplan: 1, plan: 'test-family', stakeholders: [{ id: 'russia', name: 'Russia', kind: 'state' }] } }).errors,
    at: [15, 14],
  },
  DUPLICATE_STAKEHOLDER_ID: {
    run: () => parseStakeholders('peaceplan: 1\nplan: p\nstakeholders:\n  - { id: us, name: US, kind: state }\n  - { id: us, name: USA, kind: state }\n').errors,
    at: [5, 11],
  },
  DUPLICATE_OPTION_ID: { run: fromFixture('duplicate-option-id.yaml'), at: [18, 15] },
  NEEDS_FORMAT_2: { run: fromFixture('needs-format-2.yaml'), at: [18, 5] },
  TERM_CONFLICT: { run: () => parseTerms('peaceplan: 2\nplan: p\nterms:\n  military-limits:\n    personnelCap: { type: quantity }\n').errors, at: [5, 5] },
  SINGLE_OUTLET: { run: () => parsePlan(MINIMAL).warnings, at: [18, 16] },
  STATE_MEDIA_ONLY: { run: () => parsePlan(MINIMAL.replace('publisher: Example }', 'publisher: Example, reliability: state-media }')).warnings, at: [18, 16] },
  CONFIRMED_WITHOUT_TEXT: {
    run: () => parsePlan(MINIMAL.replace('certainty: reported', 'certainty: confirmed').replace('  s1:', '  s2: { title: B, publisher: Other, network: example }\n  s1:').replace('sources: [s1]', 'sources: [s1, s2]').replace('publisher: Example }', 'publisher: Example, network: example }')).warnings,
    at: [19, 16],
  },
  RULE_CLAUSE_NOT_FOUND: {
    run: async () => (await loadPlanFamily(familyWithRenamedClause())).positions?.warnings ?? [],
    at: [6, 39],
  },
  DUPLICATE_RULE_ID: { run: () => positions(rule('r1', 'topic: amnesty') + rule('r1', 'topic: elections')).errors, at: [7, 11] },
  DUPLICATE_VERSION: { run: () => checkFamily([version('v1', null), version('v1', null)]).errors, at: [3, 10] },
  PLAN_MISMATCH: { run: () => checkFamily([version('v1', null), version('v2', 'v1', 'other-family')]).errors, at: [2, 7] },
  UNKNOWN_PARENT: { run: () => checkFamily([version('v1', 'v0')]).errors, at: [6, 9] },
  PARENT_CYCLE: { run: () => checkFamily([version('v1', 'v2'), version('v2', 'v1')]).errors, at: [6, 9] },
  UNKNOWN_CLAUSE: {
    run: () => {
      const plan = parsePlan(MINIMAL).plan as Plan;
      return checkPairs(parsePairs('pairs:\n  - { from: army-cap, to: armycap }\n'), plan, plan);
    },
    at: [2, 27],
  },
  UNKNOWN_VERSION: {
    run: () => againstMinimal(positions('', 'statements:\n  - { stakeholder: ukraine, version: v9, stance: oppose, date: 2025-11-21, sources: [p1] }\n')),
    at: [6, 38],
  },
  UNKNOWN_TERM: { run: () => againstMinimal(positions(rule('r1', 'clause: army-cap, when: { armyCap: { lt: 1 } }'))), at: [6, 63] },
  INVALID_CONDITION: { run: () => againstMinimal(positions(rule('r1', 'clause: army-cap, when: { personnelCap: { includes: 1 } }'))), at: [6, 89] },
  FILE_NOT_FOUND: { run: async () => (await loadPlan(join(tmp, 'missing.yaml'))).errors, at: [1, 1] },
  READ_FAILED: { run: async () => (await loadPlan(tmp)).errors, at: [1, 1] },
  FILE_CHANGED: {
    run: async () => {
      const file = join(tmp, 'changed.yaml');
      writeFileSync(file, 'now');
      return [await writeFileAtomic(file, 'x', { expected: new TextEncoder().encode('then') })].filter((e) => e !== undefined);
    },
    at: [1, 1],
  },
  WRITE_FAILED: { run: async () => [await writeFileAtomic(join(tmp, 'no-such-folder', 'report.html'), 'x')].filter((e) => e !== undefined), at: [1, 1] },
  SCHEMA_NOT_FOUND: {
    run: async () => {
      const file = join(tmp, 'copied.yaml');
      writeFileSync(file, `# A copied draft\n# yaml-language-server: $schema=../../schemas/plan.schema.json\n${MINIMAL}`);
      return (await loadPlan(file)).warnings;
    },
    at: [2, 33],
  },
};

describe('error codes', () => {
  it('the table covers exactly the published codes', () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(Object.entries(TRIGGERS))('%s is reported at its place', async (code, trigger) => {
    const errors = await trigger.run();
    const found = errors.find((e) => e.code === code);
    expect(found, `no ${code} in ${errors.map((e) => e.code).join(', ')}`).toBeDefined();
    expect([found?.line, found?.col]).toEqual(trigger.at);
    expect(found?.path).toBeInstanceOf(Array);
  });

  it('every fixture expectation uses a published code', () => {
    const used = new Set(Object.values(fixtures).flat().map(([code]) => code));
    for (const code of used) expect(ERROR_CODES).toContain(code);
  });
});

