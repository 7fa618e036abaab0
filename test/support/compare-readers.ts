/**
 * Compares the quick reader with the full one on a text: whenever the quick
 * reader accepts, the full reader must read the same data without a problem.
 */
import { ErrorList } from '../../src/error-list.js';
import { findBluntDepth, findControlCharacters, scanStructure } from '../../src/load/prescan.js';
import { readQuickYaml } from '../../src/load/quick-yaml.js';
import { findLexedDepth, readYaml } from '../../src/load/read-yaml.js';
import { SourceMap } from '../../src/load/source-map.js';
import type { Span } from '../../src/load/source-map.js';
import { toPointer } from '../../src/errors.js';
import type { PathSegment } from '../../src/errors.js';
import { resolveLimits } from '../../src/options.js';
import type { ReadLimits } from '../../src/options.js';

/** What the quick reader did with a text. */
export type Comparison = { quick: 'agreed' } | { quick: 'declined'; full: 'read' | 'refused' } | { quick: 'wrong'; why: string };

/** A source map that keeps what the full reader records, to compare with the quick reader's positions. */
class RecordingMap extends SourceMap {
  readonly seenValues = new Map<string, Span>();
  readonly seenKeys = new Map<string, Span>();
  override record(path: readonly PathSegment[] | string, value: Span, key?: Span): void {
    const pointer = typeof path === 'string' ? path : toPointer(path);
    this.seenValues.set(pointer, value);
    if (key) this.seenKeys.set(pointer, key);
    super.record(path, value, key);
  }
}

/** The first difference between the positions the two readers record, or undefined. */
function comparePositions(text: string, full: RecordingMap, limits: Required<ReadLimits>): string | undefined {
  const values = new Map<string, Span>();
  const keys = new Map<string, Span>();
  readQuickYaml(text, limits, (pointer, start, end, keyStart, keyEnd) => {
    values.set(pointer, { start, end });
    if (keyStart >= 0) keys.set(pointer, { start: keyStart, end: keyEnd });
  });
  const show = (s: Span | undefined): string => (s ? `${s.start}-${s.end} ${JSON.stringify(text.slice(s.start, s.end)).slice(0, 60)}` : 'none');
  for (const [kind, quick, fullMap] of [['value', values, full.seenValues], ['key', keys, full.seenKeys]] as const) {
    for (const pointer of new Set([...quick.keys(), ...fullMap.keys()])) {
      const [a, b] = [quick.get(pointer), fullMap.get(pointer)];
      // A collection's end may or may not take in the comment lines after it: only where they go may differ.
      const between = a && b ? text.slice(Math.min(a.end, b.end), Math.max(a.end, b.end)) : '';
      if (a?.start !== b?.start || (a?.end !== b?.end && !/^(?:\s|#[^\n]*)*$/.test(between))) return `${kind} of "${pointer}": quick ${show(a)}, full ${show(b)}`;
    }
  }
  return undefined;
}

/**
 * Runs both readers as `readDocument` would and compares them: data, and the
 * positions each records for every value and key. Whatever the quick reader
 * accepts must also pass the YAML-aware depth pre-scan, and must not be what
 * the YAML library's tokens show nested too deep.
 */
export function compareReaders(text: string, limitsIn?: ReadLimits): Comparison {
  const limits = resolveLimits(limitsIn);
  if (findControlCharacters(text, 1).length > 0) return { quick: 'declined', full: 'refused' };
  let quick;
  try {
    const read = readQuickYaml(text, limits);
    quick = 'value' in read ? read : undefined;
  } catch (e) {
    return { quick: 'wrong', why: `the quick reader threw ${String(e)}` };
  }
  const precise = scanStructure(text, limits.maxDepth, Infinity).tooDeep;
  if (quick && precise >= 0) return { quick: 'wrong', why: `the quick reader accepts nesting the pre-scan refuses at offset ${precise}` };
  // The full reader only runs on what the YAML library's own tokens show to be shallow enough.
  const deep = findBluntDepth(text, limits.maxDepth) >= 0 ? findLexedDepth(text, limits.maxDepth) : -1;
  if (deep >= 0) return quick ? { quick: 'wrong', why: `the quick reader accepts nesting the YAML library sees too deep at offset ${deep}` } : { quick: 'declined', full: 'refused' };
  const errors = new ErrorList(limits.maxErrors);
  const map = new RecordingMap(text, 'input.yaml');
  const full = readYaml(text, map, errors, limits);
  if (!quick) return { quick: 'declined', full: full ? 'read' : 'refused' };
  if (!full) return { quick: 'wrong', why: `the full reader refuses it: ${errors.items.map((e) => `${e.line}:${e.col} ${e.code} ${e.message}`).join('; ')}` };
  if (sameData(quick.value, full.value)) {
    const moved = comparePositions(text, map, limits);
    return moved ? { quick: 'wrong', why: `the readers place a node apart: ${moved}` } : { quick: 'agreed' };
  }
  return { quick: 'wrong', why: `the readers disagree:\nquick ${JSON.stringify(quick.value).slice(0, 400)}\nfull  ${JSON.stringify(full.value).slice(0, 400)}` };
}

/** Equal data: same types, same values (-0 apart from 0), same keys in the same order, no holes. */
export function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameData(Reflect.get(a, k), Reflect.get(b, k)) && Object.getOwnPropertyDescriptor(a, k)?.enumerable === Object.getOwnPropertyDescriptor(b, k)?.enumerable);
}
