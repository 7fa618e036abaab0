/** Bad positions files: every problem is a PlanError with a stable code at its place in the file. */
import { describe, expect, it } from 'vitest';
import { checkPositions, parsePlan, parsePositions, parseStakeholders } from 'peaceplan';
import type { Plan, Stakeholders } from 'peaceplan';
import { text } from './helpers.js';

const dir = 'test/fixtures/positions/';
const stakeholders = parseStakeholders(text(`${dir}stakeholders.yaml`)).stakeholders as Stakeholders;
const versions = ['v1.yaml', 'v2.yaml'].map((f) => parsePlan(text(`${dir}${f}`), { stakeholders }).plan as Plan);
const HEAD = 'peaceplan: 1\nplan: toy\nsources:\n  p1: { title: A report, publisher: Example }\n';
const TAIL = 'salience: 1, date: 2025-01-02, sources: [p1] }\n';
const problems = (yaml: string) => {
  const r = parsePositions(HEAD + yaml, { stakeholders });
  return [...r.errors, ...r.warnings, ...checkPositions(r, versions)].map((e) => `${e.line}:${e.col} ${e.code} ${e.message}`);
};

describe('positions that do not fit the family', () => {
  it('name the unknown clause, term or version, and the condition that does not fit its term', () => {
    const yaml =
      'rules:\n' +
      `  - { id: r1, stakeholder: a, clause: kap, stance: oppose, ${TAIL}` +
      `  - { id: r2, stakeholder: a, clause: cap, when: { personelCap: { lt: 1 } }, stance: oppose, ${TAIL}` +
      `  - { id: r3, stakeholder: a, topic: territory, when: { regions: { lt: 3 } }, stance: oppose, ${TAIL}` +
      `  - { id: r4, stakeholder: a, topic: alliance, when: { foreignTroops: { gte: forbidden } }, stance: oppose, ${TAIL}` +
      `  - { id: r5, stakeholder: a, clause: cap, when: { personnelCap: { gt: lots } }, stance: oppose, ${TAIL}` +
      `  - { id: r6, stakeholder: a, topic: territory, when: { regions: { any: { recognition: { in: [de-facto, sort-of] } } } }, stance: oppose, ${TAIL}` +
      `  - { id: r7, stakeholder: a, topic: alliance, when: { troopsOf: { includes: 3 } }, stance: oppose, ${TAIL}` +
      'statements:\n' +
      '  - { stakeholder: a, version: v3, stance: oppose, date: 2025-01-03, sources: [p1] }\n' +
      '  - { stakeholder: a, version: v2, clause: land, stance: oppose, date: 2025-01-03, sources: [p1] }\n';
    expect(problems(yaml)).toEqual([
      '6:39 UNKNOWN_CLAUSE no version of the family has a clause `kap`',
      '7:52 UNKNOWN_TERM clause `cap` (military-limits) has no term `personelCap`',
      '8:72 INVALID_CONDITION `lt` does not apply to regions (a list of records)',
      '9:78 INVALID_CONDITION "forbidden" is not a rung of foreign troops',
      '10:72 INVALID_CONDITION cap is a number; "lots" is not',
      '11:105 INVALID_CONDITION "sort-of" is not a rung of recognition',
      '12:78 INVALID_CONDITION troops of holds text; 3 is not',
      '14:32 UNKNOWN_VERSION the family has no version `v3`',
      '15:44 UNKNOWN_CLAUSE version `v2` has no clause `land`',
    ]);
  });

  it('check the file on its own: stakeholders, duplicate ids, a clause or a topic, dates, sources', () => {
    const yaml =
      'rules:\n' +
      `  - { id: r1, stakeholder: zed, clause: cap, stance: oppose, ${TAIL}` +
      '  - { id: r1, stakeholder: a, stance: oppose, salience: 1, date: 2025-02-30, sources: [p2] }\n';
    expect(problems(yaml)).toEqual([
      '6:28 UNKNOWN_STAKEHOLDER unknown stakeholder `zed`',
      '7:5 MISSING_FIELD a rule needs `clause`, `clauses` or `topic`',
      '7:11 DUPLICATE_RULE_ID rule id `r1` is used twice',
      '7:66 INVALID_DATE 2025-02-30 is not a date in the calendar',
      '7:88 UNKNOWN_SOURCE unknown source `p2`',
    ]);
  });

  it('report what the schema forbids: salience out of range, both clause and topic, unknown stances and tests', () => {
    const yaml =
      'rules:\n' +
      '  - { id: r1, stakeholder: a, clause: cap, topic: amnesty, stance: oppose, salience: 1.5, date: 2025-01-02, sources: [p1] }\n' +
      `  - { id: r2, stakeholder: a, clause: cap, stance: hate, when: { cap: { lt: 1, between: 3 } }, ${TAIL}`;
    expect(problems(yaml)).toEqual([
      '6:51 INVALID_VALUE `topic` cannot be given together with the fields beside it',
      '6:86 INVALID_VALUE `salience` must be <= 1',
      '7:52 INVALID_VALUE the text "hate" is not a valid `stance`',
      '7:80 UNKNOWN_FIELD unknown field `between`',
    ]);
  });

  it('warn about a source nobody cites', () => {
    const yaml = 'sources:\n  p1: { title: A report, publisher: Example }\n  p2: { title: Unused, publisher: Example }\n';
    const r = parsePositions(`peaceplan: 1\nplan: toy\n${yaml}rules:\n  - { id: r1, stakeholder: a, clause: cap, stance: oppose, ${TAIL}`);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((e) => `${e.line}:${e.col} ${e.code}`)).toEqual(['5:3 UNUSED_SOURCE']);
  });
});

describe('positions with hostile names', () => {
  it('treat Object.prototype names as the unknown terms they are, and pollute nothing', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const yaml =
      'rules:\n' +
      `  - { id: constructor, stakeholder: a, clause: cap, when: { toString: { eq: 1 }, constructor: { lt: 2 } }, stance: oppose, ${TAIL}` +
      `  - { id: r2, stakeholder: a, clause: cap, when: { __proto__: { eq: 1 } }, stance: oppose, ${TAIL}`;
    expect(problems(yaml)).toEqual([
      '7:52 INVALID_VALUE the key `__proto__` is not allowed here: must match pattern "^[a-z][A-Za-z0-9]*$"',
    ]);
    expect(problems(yaml.split('\n').slice(0, 2).join('\n') + '\n')).toEqual([
      '6:61 UNKNOWN_TERM clause `cap` (military-limits) has no term `toString`',
      '6:82 UNKNOWN_TERM clause `cap` (military-limits) has no term `constructor`',
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

describe('positions of another family', () => {
  it('are refused at their plan field', () => {
    const r = parsePositions(`peaceplan: 1\nplan: other\nsources:\n  p1: { title: A report, publisher: Example }\nrules:\n  - { id: r1, stakeholder: a, clause: cap, stance: oppose, ${TAIL}`);
    expect(checkPositions(r, versions).map((e) => `${e.line}:${e.col} ${e.code}`)).toEqual(['2:7 PLAN_MISMATCH']);
  });
});
