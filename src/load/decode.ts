/**
 * Turns bytes into text the way a careful editor would: UTF-8 only, a UTF-8
 * byte-order mark dropped, UTF-16/32 recognised and refused, and an invalid
 * byte reported at its offset instead of being replaced by U+FFFD.
 */

/** The outcome of {@link decodeUtf8}. */
export type Decoded =
  | { ok: true; text: string }
  | { ok: false; kind: 'unsupported-encoding'; encoding: string }
  | { ok: false; kind: 'invalid-utf8'; byteOffset: number; validPrefix: string };

const BOMS: ReadonlyArray<[string, number[]]> = [
  ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

/** Decodes UTF-8 bytes strictly; see {@link Decoded}. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  for (const [encoding, bom] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { ok: false, kind: 'unsupported-encoding', encoding };
  }
  // Without a BOM, UTF-16 text of ASCII shows as every other byte zero.
  if (bytes.length >= 4 && ((bytes[0] === 0 && bytes[1] !== 0) || (bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0))) {
    return { ok: false, kind: 'unsupported-encoding', encoding: bytes[0] === 0 ? 'UTF-16BE' : 'UTF-16LE' };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  if (bad >= 0) {
    const validPrefix = new TextDecoder('utf-8').decode(bytes.subarray(start, bad));
    return { ok: false, kind: 'invalid-utf8', byteOffset: bad, validPrefix };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(start)) };
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
