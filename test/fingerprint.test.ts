import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/util/fingerprint.js';

/** The canonical text the fingerprint hashes, written out whole: the reference a chunked hash must agree with. */
function canonical(v: unknown): string {
  if (typeof v === 'string') return `s${v.length}:${v}`;
  if (v === null || typeof v !== 'object') return `${typeof v === 'number' ? 'n' : 'v'}${String(v)};`;
  if (Array.isArray(v)) return `[${v.length}${v.map(canonical).join('')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.length}${keys.map((k) => canonical(k) + canonical(o[k])).join('')}}`;
}

function reference(v: unknown): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const ch of canonical(v)) {
    for (let i = 0; i < ch.length; i++) {
      const c = ch.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

describe('fingerprint', () => {
  it('hashes the whole canonical text, however long (chunks joined without a seam)', () => {
    const clauses = Array.from({ length: 3000 }, (_, i) => ({ id: `c${i}`, text: `Clause ${i} ✓ ${'x'.repeat(i % 97)}`, terms: { cap: i, ok: i % 2 === 0, none: null } }));
    const plan = { version: 'v1', clauses };
    expect(canonical(plan).length).toBeGreaterThan(3 * (1 << 14));
    expect(fingerprint(plan)).toBe(reference(plan));
    expect(fingerprint({ x: 'short' })).toBe(reference({ x: 'short' }));
  });

  it('ignores key order and undefined fields, and keeps types and lengths apart', () => {
    expect(fingerprint({ a: 1, b: [2, 'x'] })).toBe(fingerprint({ b: [2, 'x'], a: 1, c: undefined }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: '1' }));
    expect(fingerprint(['ab'])).not.toBe(fingerprint(['a', 'b']));
    expect(fingerprint({ a: null })).not.toBe(fingerprint({ a: 'null' }));
    expect(fingerprint({ a: true })).not.toBe(fingerprint({ a: 'true' }));
  });
});
