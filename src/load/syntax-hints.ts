/**
 * Plain words for the YAML library's syntax errors: a hint per kind of
 * mistake, and the place a person would look, where the library points
 * elsewhere (a key indented under a line that already has its value is
 * reported at the line above, as a nested mapping).
 */
import type { Span } from './source-map.js';

/** Hints for the YAML library's error codes. */
const HINTS: Readonly<Record<string, string>> = {
  BAD_INDENT: 'check the indentation: the items of one list or map start at the same column, and a flow list or map opened with [ or { must be closed',
  BLOCK_AS_IMPLICIT_KEY: 'a key and its value go on one line (`key: value`); quote a value that holds ": ", and indent a key under the one above only when that one has no value of its own',
  MULTILINE_IMPLICIT_KEY: 'a key and its value go on one line (`key: value`); quote a value that holds ": ", and indent a key under the one above only when that one has no value of its own',
  MISSING_CHAR: 'close the quote or bracket opened before this point, on the same value',
  UNEXPECTED_TOKEN: 'quote the value if this character belongs to it, or remove the character',
  BAD_SCALAR_START: 'a value cannot start with this character unquoted: put the value in quotes',
  BAD_DQ_ESCAPE: 'inside double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes',
  DUPLICATE_KEY: 'each key may appear once in a map; merge the two entries',
};

/** The hint for a YAML library error code. */
export function syntaxHint(code: string): string {
  return HINTS[code] ?? 'check the YAML around here; quoting the value often helps';
}

/** A key indented more than the line above it, which already holds a value: where a misindented key is. */
export interface Misaligned {
  span: Span;
  message: string;
  hint: string;
}

const KEY = /^( *)(?:- +)?("[^"]*"|'[^']*'|[^\s#'"][^:#]*?) *:(?: |$)/;

/**
 * Looks a few lines around `offset` for a key indented more than the line
 * above it, where that line already has a value (`version: v` then ` title:
 * T`, or `- x` then `  y: 2`): YAML reads such a key as part of the value
 * above, and the library reports the line above. Returns where to point.
 */
export function findMisalignedKey(source: string, offset: number): Misaligned | undefined {
  const lineStart = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  // The lines from two above the error to two below it.
  let from = lineStart;
  for (let n = 0; n < 3 && from > 0; n++) from = source.lastIndexOf('\n', from - 2) + 1;
  let to = offset;
  for (let n = 0; n < 3 && to >= 0 && to < source.length; n++) to = source.indexOf('\n', to + 1);
  const text = source.slice(from, to < 0 ? source.length : to);
  let above: { indent: number; holds: boolean; line: string } | undefined;
  let at = from;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const key = KEY.exec(line);
    if (above?.holds && key && indent > above.indent) {
      return {
        span: { start: start + indent, end: start + line.length },
        message: `this line is indented more than the line above it, which already has its value`,
        hint: `keys of one map start at the same column: line \`${above.line.trim()}\` starts at column ${above.indent + 1}, this one at column ${indent + 1}`,
      };
    }
    // Does this line hold a value of its own (`key: value`, `- value`)? Then nothing can nest under it.
    const rest = key ? line.slice((key.index ?? 0) + key[0].length) : (/^ *- +(.*)$/.exec(line)?.[1] ?? '');
    const value = rest.replace(/\s+#.*$/, '').trim();
    const holds = value !== '' && !/^[|>&!]/.test(value) && !/^[[{]/.test(value);
    // A key's own column (after any `- `); for `- value`, the dash's: anything deeper belongs to the item.
    above = { indent: key ? (/^ *(?:- +)?/.exec(line)?.[0].length ?? indent) : indent, holds, line };
  }
  return undefined;
}

/**
 * Where a quote or a flow list or map left open begins, when the library reports its end (the
 * line after, or the end of the file): the place a person would look. Undefined where the
 * collection is closed later on (the library then reports a line indented too little inside it)
 * or the opener cannot be told for sure.
 */
export function findUnclosed(source: string, offset: number, message: string): Misaligned | undefined {
  const kind = /end with a \}/.test(message) ? '{' : /end with a \]/.test(message) ? '[' : /^Missing closing "quote/.test(message) ? '"' : /^Missing closing 'quote/.test(message) ? "'" : undefined;
  if (!kind) return undefined;
  const at = openerBefore(source, offset, kind);
  if (at === undefined) return undefined;
  const line = source.slice(0, at).split('\n').length;
  const what = kind === '"' || kind === "'" ? `this ${kind === '"' ? 'double' : 'single'} quote` : `this ${kind === '[' ? 'flow list' : 'flow map'} (${kind})`;
  const close = kind === '[' ? ']' : kind === '{' ? '}' : kind;
  return { span: { start: at, end: at + 1 }, message: `${what} is never closed`, hint: `close it with ${close} on the same value: nothing after it on line ${line} or below closes it` };
}

/**
 * The opener of `kind` still open at `offset`, read as YAML reads it (quotes and comments skipped;
 * a bracket or quote counts only where a value starts, or inside a flow collection), and never
 * closed before the end of the file.
 */
function openerBefore(source: string, offset: number, kind: string): number | undefined {
  const stack: Array<{ c: string; at: number }> = [];
  let quote: { c: string; at: number } | undefined;
  let atOffset: { c: string; at: number } | undefined;
  const valueStart = (i: number) => {
    // The previous character on the line that is not a space: none, a value separator, or (in a flow collection) a flow one.
    let j = i - 1;
    while (j >= 0 && source[j] === ' ') j--;
    const prev = j < 0 ? '\n' : (source[j] as string);
    return prev === '\n' || (prev === ':' && j < i - 1) || (prev === '-' && j < i - 1) || (stack.length > 0 && (prev === '[' || prev === '{' || prev === ','));
  };
  for (let i = 0; i < source.length; i++) {
    if (i === offset) atOffset = quote ?? stack[stack.length - 1];
    const c = source[i] as string;
    if (quote) {
      if (quote.c === '"' && c === '\\') i++;
      else if (c === quote.c && quote.c === "'" && source[i + 1] === "'") i++;
      else if (c === quote.c) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(source[i - 1] as string))) {
      const end = source.indexOf('\n', i);
      if (end < 0) break;
      if (offset > i && offset < end) atOffset = stack[stack.length - 1];
      i = end - 1;
      continue;
    }
    if ((c === '"' || c === "'") && valueStart(i)) quote = { c, at: i };
    else if ((c === '[' || c === '{') && valueStart(i)) stack.push({ c, at: i });
    else if ((c === ']' || c === '}') && stack.length && stack[stack.length - 1]?.c === (c === ']' ? '[' : '{')) {
      const closed = stack.pop();
      if (closed === atOffset) return undefined; // closed after all: an indentation problem inside it
    }
  }
  if (offset >= source.length) atOffset = quote ?? stack[stack.length - 1];
  return atOffset?.c === kind ? atOffset.at : undefined;
}

