/**
 * Compares the quick reader with the full one on a text: whenever the quick
 * reader accepts, the full reader must read the same data without a problem.
 */
import { ErrorList } from '../../src/error-list.js';
import { findBluntDepth, findControlCharacters, findExcessiveDepth } from '../../src/load/prescan.js';
import { readQuickYaml } from '../../src/load/quick-yaml.js';
import { readYaml } from '../../src/load/read-yaml.js';
import { SourceMap } from '../../src/load/source-map.js';
import { resolveLimits } from '../../src/options.js';
import type { ReadLimits } from '../../src/options.js';

/** What the quick reader did with a text. */
export type Comparison = { quick: 'agreed' } | { quick: 'declined'; full: 'read' | 'refused' } | { quick: 'wrong'; why: string };

/**
 * Runs both readers as `readDocument` would and compares them. The quick
 * reader runs after the blunt depth check only; whatever it accepts must also
 * pass the full depth pre-scan that guards the full reader.
 */
export function compareReaders(text: string, limitsIn?: ReadLimits): Comparison {
  const limits = resolveLimits(limitsIn);
  if (findControlCharacters(text, 1).length > 0) return { quick: 'declined', full: 'refused' };
  let quick;
  try {
    quick = findBluntDepth(text, limits.maxDepth) < 0 ? readQuickYaml(text, limits) : undefined;
  } catch (e) {
    return { quick: 'wrong', why: `the quick reader threw ${String(e)}` };
  }
  const deep = findExcessiveDepth(text, limits.maxDepth);
  if (quick && deep >= 0) return { quick: 'wrong', why: `the quick reader accepts nesting the pre-scan refuses at offset ${deep}` };
  if (deep >= 0) return { quick: 'declined', full: 'refused' };
  const errors = new ErrorList(limits.maxErrors);
  const full = readYaml(text, new SourceMap(text, 'input.yaml'), errors, limits);
  if (!quick) return { quick: 'declined', full: full ? 'read' : 'refused' };
  if (!full) return { quick: 'wrong', why: `the full reader refuses it: ${errors.items.map((e) => `${e.line}:${e.col} ${e.code} ${e.message}`).join('; ')}` };
  if (sameData(quick.value, full.value)) return { quick: 'agreed' };
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
