/**
 * Deterministic mutations of YAML text for the fuzz tests: deleted runs,
 * duplicated or swapped lines, changed indentation, inserted hostile pieces.
 */

/** A small deterministic generator (xorshift32). */
export function rng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

/** Pieces of hostile YAML the mutations insert. */
export const HOSTILE = [
  '[', ']', '{', '}', '&a ', '*a', '!!js/function ', '!!binary ', '!foo ', '<<: ', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '---\n', '...\n', '\t', '\u0000', '\uFEFF', '\u2028',
  '__proto__: 1\n', 'constructor: ', '? ', ': ', '- ', '"', "'", '#', '|\n', '>-\n', '1e400', '.nan', '0x1F', '99999999999999999999', 'yes', '~', '\r', '\n', '  ', '[[[[[[[[[[', '{a: {b: {c: ',
  '"k": '.repeat(200), '\u0085', '!!set ', '\\0', '"\\e[31m"',
];

/** One to three mutations of `text`, drawn from `next`. */
export function mutate(text: string, next: (n: number) => number): string {
  let t = text;
  for (let k = 1 + next(3); k > 0; k--) {
    const at = next(t.length + 1);
    const lines = t.split('\n');
    switch (next(7)) {
      case 0:
        t = t.slice(0, at) + t.slice(at + 1 + next(50));
        break;
      case 1: {
        const i = next(lines.length);
        lines.splice(i, 0, lines[i] ?? '');
        t = lines.join('\n');
        break;
      }
      case 2:
        t = t.slice(0, at) + (HOSTILE[next(HOSTILE.length)] ?? '') + t.slice(at);
        break;
      case 3:
        t = t.slice(0, at) + String.fromCharCode(next(0x80)) + t.slice(at + 1);
        break;
      case 4: {
        const [i, j] = [next(lines.length), next(lines.length)];
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        t = lines.join('\n');
        break;
      }
      case 5: {
        const i = next(lines.length);
        lines[i] = next(2) ? ' '.repeat(1 + next(3)) + (lines[i] ?? '') : (lines[i] ?? '').replace(/^ {1,3}/, '');
        t = lines.join('\n');
        break;
      }
      default:
        t = t.slice(0, at) + (HOSTILE[next(HOSTILE.length)] ?? '');
    }
  }
  return t;
}
