/**
 * A short, stable fingerprint of JSON data: keys sorted, so key order does not
 * matter; 64 bits from two independent 32-bit hashes, fed as the value is
 * walked (no serialised copy is built). Used to check that a diff is applied
 * to the plan it was computed from, not as security.
 */
export function fingerprint(value: unknown): string {
  const h = { a: 0x811c9dc5, b: 0x9747b28c };
  feed(h, value);
  return (h.a >>> 0).toString(16).padStart(8, '0') + (h.b >>> 0).toString(16).padStart(8, '0');
}

interface Hash {
  a: number;
  b: number;
}

function text(h: Hash, s: string): void {
  let { a, b } = h;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  h.a = a;
  h.b = b;
}

// Type tags and lengths keep 1 and "1", or ["ab"] and ["a", "b"], apart.
function feed(h: Hash, v: unknown): void {
  if (typeof v === 'string') {
    text(h, 's');
    text(h, String(v.length));
    text(h, ':');
    text(h, v);
  } else if (v === null || typeof v !== 'object') {
    text(h, typeof v === 'number' ? 'n' : 'v');
    text(h, String(v));
    text(h, ';');
  } else if (Array.isArray(v)) {
    text(h, '[');
    text(h, String(v.length));
    for (const x of v) feed(h, x);
    text(h, ']');
  } else {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    text(h, '{');
    text(h, String(keys.length));
    for (const k of keys) {
      feed(h, k);
      feed(h, obj[k]);
    }
    text(h, '}');
  }
}
