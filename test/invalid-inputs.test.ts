import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPlanError, parsePlan } from 'peaceplan';
import type { Stakeholders } from 'peaceplan';
import { bytes, text, where } from './helpers.js';

const DIR = 'test/fixtures/invalid/';
const expected = JSON.parse(text(`${DIR}expected.json`)) as Record<string, Array<[string, number, number]>>;
const stakeholders: Stakeholders = { peaceplan: 1, plan: 'test-family', stakeholders: [{ id: 'ukraine', name: 'Ukraine', kind: 'state' }] };

describe('bad input files', () => {
  it('every fixture has an expectation and every expectation a fixture', () => {
    const files = readdirSync(new URL(`../${DIR}`, import.meta.url)).filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  // Each file is read three times in one process: some parser failures only
  // bring the process down on a later call.
  it.each(Object.entries(expected))('%s gives exactly the expected problems, every time', (name, want) => {
    for (let round = 0; round < 3; round++) {
      const result = parsePlan(bytes(DIR + name), { file: name, stakeholders });
      expect(where(result)).toEqual(want);
      expect(result.ok).toBe(want.every(([code]) => code === 'UNUSED_SOURCE'));
      for (const e of [...result.errors, ...result.warnings]) {
        expect(isPlanError(e)).toBe(true);
        expect(e.file).toBe(name);
        expect(e.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('gives the plan only when the file is valid', () => {
    const bad = parsePlan(bytes(`${DIR}wrong-type.yaml`));
    expect(bad.plan).toBeUndefined();
    expect(bad.data).toBeDefined(); // the YAML was readable
    const unreadable = parsePlan(bytes(`${DIR}syntax-error.yaml`));
    expect(unreadable.data).toBeUndefined();
  });

  it('hints at the likely fix', () => {
    const hint = (name: string) => parsePlan(bytes(DIR + name)).errors[0]?.hint;
    expect(hint('unknown-field.yaml')).toBe('did you mean `personnelCap`?');
    expect(hint('unknown-topic.yaml')).toMatch(/^did you mean `military-limits`\?/);
    expect(hint('invalid-enum.yaml')).toMatch(/^did you mean `agreed`\?/);
    expect(hint('number-not-quoted.yaml')).toBe('quote it to make it text: "1"');
    expect(hint('duplicate-clause-id.yaml')).toMatch(/first used on line 9/);
  });

  it('says a field of another form of the value does not go with the others, rather than calling it unknown', () => {
    const source = text('test/fixtures/valid/minimal.yaml').replace('topic: military-limits', 'topic: elections').replace('      personnelCap: 600000', '      deadline: { days: 100, asap: true }');
    const [e] = parsePlan(source).errors;
    expect(e).toMatchObject({ code: 'INVALID_VALUE', message: '`asap` cannot be written together with `days` here' });
    expect(e?.hint).toMatch(/^what goes here: When something must happen: asap/);
    expect(source.split('\n')[(e?.line ?? 0) - 1]?.slice((e?.col ?? 0) - 1)).toMatch(/^asap: true/);
  });
});
