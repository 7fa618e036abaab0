import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isPlanError, parsePlan } from 'peaceplan';
import { readDocument } from '../src/load/read-document.js';
import { MINIMAL } from './helpers.js';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const params = { seed, numRuns: 2_000 };
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '<<', 'a/b', 'x~1'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 20 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).value;

describe(`reader properties (seed ${seed}; rerun with FC_SEED=${seed})`, () => {
  it('never throws on arbitrary text, and positions stay inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        const r = parsePlan(input);
        const lines = input.split(/\r\n|\r|\n/).length;
        for (const e of [...r.errors, ...r.warnings]) {
          expect(isPlanError(e)).toBe(true);
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines);
          expect(e.col).toBeGreaterThanOrEqual(1);
        }
      }),
      params,
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (input) => {
        const r = parsePlan(input);
        expect(r.ok || r.errors.length > 0).toBe(true);
      }),
      params,
    );
  });

  it('never throws on a real plan cut or mutated anywhere', () => {
    fc.assert(
      fc.property(fc.nat(MINIMAL.length), fc.nat(MINIMAL.length), fc.string({ maxLength: 4 }), (cut, at, insert) => {
        const mutated = MINIMAL.slice(0, at) + insert + MINIMAL.slice(at + insert.length, Math.max(cut, at));
        const first = parsePlan(mutated);
        const again = parsePlan(mutated);
        expect(again.errors.map((e) => e.toJSON())).toEqual(first.errors.map((e) => e.toJSON())); // deterministic
      }),
      params,
    );
  });

  it('reads back exactly the JSON data that YAML 1.2 writes, hostile keys included', () => {
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 5 }), (data) => {
        const text = stringify(data, { version: '1.2' });
        const read = readDocument(text, '<t>', {});
        const allowed = read.errors.items.every((e) => e.code === 'MERGE_KEY');
        expect(allowed, read.errors.items.map((e) => e.message).join('; ')).toBe(true);
        if (read.errors.items.length === 0) expect(JSON.stringify(read.data)).toBe(JSON.stringify(data));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      params,
    );
  });
});
