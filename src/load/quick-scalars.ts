/**
 * Scalars for the quick reader (quick-yaml.ts): plain ones resolved by the
 * YAML 1.2 core schema, quoted ones closed on their own line, and flow
 * collections of them closed on their own line. Anything these functions do
 * not read exactly as the full reader would makes them throw {@link DECLINED}.
 */
import { escapePointer } from '../errors.js';
import { findControlCharacters } from './prescan.js';

/** Thrown when the quick reader leaves a document to the full one. */
export const DECLINED: unique symbol = Symbol('declined');

/** Gives up on the quick path. */
export function decline(): never {
  throw DECLINED;
}

/** Characters that cannot start a plain scalar here (YAML 1.2 indicators; `-` is checked apart). */
const INDICATOR = /^[?:,[\]{}#&*!|>'"%@`]/;

/** True when a plain scalar may not start with `text` (an indicator, or `- `). */
export function startsWithIndicator(text: string): boolean {
  return INDICATOR.test(text) || (text[0] === '-' && (text.length === 1 || text[1] === ' '));
}

/** The value of a plain scalar under the core schema; numbers the full reader would refuse decline. */
export function resolvePlain(text: string): unknown {
  // Only a digit, a sign, a dot, `~` or the first letter of null/true/false can start anything but a string.
  if (text !== '' && !/^[-+.~0-9nNtTfF]/.test(text)) return text;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) {
    const n = parseInt(text, 10);
    return Number.isSafeInteger(n) ? n + 0 : decline(); // n + 0 turns -0 into 0
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) {
    const n = parseFloat(text);
    return Number.isFinite(n) ? n + 0 : decline();
  }
  // .inf, .nan, octal and hex integers: rare, left to the full reader.
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text)) decline();
  return text;
}

/** A value read from a line, and the offset just after it. */
export interface Read<T = unknown> {
  value: T;
  end: number;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** A double-quoted scalar starting at `start`, closed on the same line. */
export function readDoubleQuoted(line: string, start: number): Read<string> {
  let out = '';
  let run = start + 1;
  for (let i = run; i < line.length; ) {
    const c = line[i];
    if (c === '"') {
      out += line.slice(run, i);
      // An escape can make a character YAML forbids; the full reader reports it.
      if (findControlCharacters(out, 1).length > 0) decline();
      return { value: out, end: i + 1 };
    }
    if (c !== '\\') {
      i++;
      continue;
    }
    out += line.slice(run, i);
    const e = line[i + 1] ?? '';
    const simple = Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : undefined;
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (Object.hasOwn(HEX_LENGTH, e)) {
      const length = HEX_LENGTH[e] ?? 0;
      const hex = line.slice(i + 2, i + 2 + length);
      if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) decline();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) decline();
      out += String.fromCodePoint(code);
      i += 2 + length;
    } else decline(); // an unknown escape, or a line continuation
    run = i;
  }
  return decline(); // not closed on this line
}

/** A single-quoted scalar starting at `start`, closed on the same line. */
export function readSingleQuoted(line: string, start: number): Read<string> {
  let out = '';
  let run = start + 1;
  for (let i = run; i < line.length; i++) {
    if (line[i] !== "'") continue;
    out += line.slice(run, i);
    if (line[i + 1] !== "'") return { value: out, end: i + 1 };
    out += "'";
    i++;
    run = i + 1;
  }
  return decline();
}

/** Counts nodes and depth against the reader's limits, and records where values are when asked to. */
export interface NodeBudget {
  /** Called once per node built, with its depth (the document's root is 1). */
  node(depth: number): void;
  /** Set when positions are recorded: the columns (on the current line) of the value at `pointer`, and of its key. */
  place?: ((pointer: string, start: number, end: number, keyStart?: number, keyEnd?: number) => void) | undefined;
}

/** A flow collection (`[…]` or `{…}`) starting at `start`, closed on the same line. */
export function readFlow(line: string, start: number, depth: number, budget: NodeBudget, pointer = ''): Read {
  budget.node(depth);
  const place = budget.place;
  const isSeq = line[start] === '[';
  const close = isSeq ? ']' : '}';
  const seq: unknown[] = [];
  const map: Record<string, unknown> = {};
  const value = isSeq ? seq : map;
  let i = skipSpaces(line, start + 1);
  if (line[i] === close) return { value, end: i + 1 };
  for (;;) {
    if (isSeq) {
      const child = place ? `${pointer}/${seq.length}` : '';
      const item = flowValue(line, i, depth + 1, budget, child);
      place?.(child, i, item.end);
      seq.push(item.value);
      i = item.end;
    } else {
      const key = flowKey(line, i);
      if (Object.hasOwn(map, key.value)) decline();
      const child = place ? `${pointer}/${escapePointer(key.value)}` : '';
      const at = skipSpaces(line, key.end);
      const item = flowValue(line, at, depth + 1, budget, child);
      place?.(child, at, item.end, i, key.keyEnd);
      Object.defineProperty(map, key.value, { value: item.value, enumerable: true, writable: true, configurable: true });
      i = item.end;
    }
    i = skipSpaces(line, i);
    if (line[i] === close) return { value, end: i + 1 };
    if (line[i] !== ',') decline();
    i = skipSpaces(line, i + 1);
    if (line[i] === close) decline(); // a trailing comma
  }
}

/** A flow map's key and its `:`; `end` is just after the `:`, `keyEnd` just after the key's text. */
function flowKey(line: string, start: number): Read<string> & { keyEnd: number } {
  const c = line[start];
  if (c === '"' || c === "'") {
    const key = c === '"' ? readDoubleQuoted(line, start) : readSingleQuoted(line, start);
    const colon = skipSpaces(line, key.end);
    if (line[colon] !== ':' || line[colon + 1] !== ' ') decline();
    return { value: key.value, end: colon + 1, keyEnd: key.end };
  }
  const colon = line.indexOf(':', start);
  if (colon < 0 || line[colon + 1] !== ' ') decline();
  const text = trimSpaces(line.slice(start, colon));
  if (text === '' || startsWithIndicator(text) || /[,[\]{}#]/.test(text)) decline();
  const value = resolvePlain(text);
  if (typeof value !== 'string' || value === '<<' || findControlCharacters(value, 1).length > 0) decline();
  return { value, end: colon + 1, keyEnd: start + text.length };
}

/** A value inside a flow collection. */
function flowValue(line: string, start: number, depth: number, budget: NodeBudget, pointer: string): Read {
  const c = line[start];
  if (c === '[' || c === '{') return readFlow(line, start, depth, budget, pointer);
  budget.node(depth);
  if (c === '"') return readDoubleQuoted(line, start);
  if (c === "'") return readSingleQuoted(line, start);
  let end = start;
  while (end < line.length && !',[]{}'.includes(line[end] ?? '')) end++;
  const text = trimSpaces(line.slice(start, end));
  if (text === '' || startsWithIndicator(text) || /[:#]/.test(text)) decline();
  return { value: resolvePlain(text), end: start + text.length };
}

/** The first offset at or after `i` that is not a space. */
export function skipSpaces(line: string, i: number): number {
  while (line[i] === ' ') i++;
  return i;
}

/** Drops the spaces (only spaces: YAML trims nothing else here) at both ends. */
export function trimSpaces(text: string): string {
  let a = 0;
  let b = text.length;
  while (text[a] === ' ') a++;
  while (b > a && text[b - 1] === ' ') b--;
  return text.slice(a, b);
}
