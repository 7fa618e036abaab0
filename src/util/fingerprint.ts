/**
 * A short, stable fingerprint of JSON data: keys sorted, so key order does not
 * matter; 64 bits from two independent 32-bit hashes of a canonical text of
 * the value. The text is hashed in chunks as the value is walked, so no whole
 * serialised copy is built. Used to check that a diff is applied to the plan it
 * was computed from, not as security.
 */
export function fingerprint(value: unknown): string {
  const h: Hash = { a: 0x811c9dc5, b: 0x9747b28c, pending: '' };
  feed(h, value);
  hashPending(h);
  return (h.a >>> 0).toString(16).padStart(8, '0') + (h.b >>> 0).toString(16).padStart(8, '0');
}

interface Hash {
  a: number;
  b: number;
  /** Canonical text not hashed yet: one tight loop over a chunk is much faster than one per piece. */
  pending: string;
}

const CHUNK = 1 << 14;

function hashPending(h: Hash): void {
  const s = h.pending;
  let { a, b } = h;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  h.a = a;
  h.b = b;
  h.pending = '';
}

function put(h: Hash, s: string): void {
  h.pending += s;
  if (h.pending.length >= CHUNK) hashPending(h);
}

// Type tags and lengths keep 1 and "1", or ["ab"] and ["a", "b"], apart.
function feed(h: Hash, v: unknown): void {
  if (typeof v === 'string') put(h, `s${v.length}:${v}`);
  else if (v === null || typeof v !== 'object') put(h, `${typeof v === 'number' ? 'n' : 'v'}${String(v)};`);
  else if (Array.isArray(v)) {
    put(h, `[${v.length}`);
    for (const x of v) feed(h, x);
    put(h, ']');
  } else {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    put(h, `{${keys.length}`);
    for (const k of keys) {
      put(h, `s${k.length}:${k}`);
      feed(h, obj[k]);
    }
    put(h, '}');
  }
}
