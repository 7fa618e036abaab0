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
  const a = JSON.stringify(quick.value);
  const b = JSON.stringify(full.value);
  return a === b ? { quick: 'agreed' } : { quick: 'wrong', why: `the readers disagree:\nquick ${a.slice(0, 400)}\nfull  ${b.slice(0, 400)}` };
}
