/**
 * A quick reader for the block YAML that plan files are written in: maps,
 * sequences, plain scalars (also over several lines), quoted scalars, `|` and
 * `>` block scalars, comments, and flow collections that close on their line.
 * It gives the same data as the full reader (read-yaml.ts) or declines, and
 * declines whenever in doubt: anchors, aliases, tags, directives, several
 * documents, tabs, odd indentation, anything the full reader would report.
 * It records no positions; the full reader fills the source map when an error
 * first needs one. A test compares both readers on generated and mutated files.
 */
import {
  decline,
  DECLINED,
  readDoubleQuoted,
  readFlow,
  readSingleQuoted,
  resolvePlain,
  skipSpaces,
  startsWithIndicator,
  trimSpaces,
} from './quick-scalars.js';
import type { NodeBudget, Read } from './quick-scalars.js';

/** Limits the quick reader honours by declining. */
export interface QuickLimits {
  maxDepth: number;
  maxNodes: number;
}

/** Reads `text` the quick way, or returns `undefined` to leave it to the full reader. */
export function readQuickYaml(text: string, limits: QuickLimits): { value: unknown } | undefined {
  if (/\r(?!\n)/.test(text)) return undefined; // a lone CR breaks lines for YAML, not for this reader
  const source = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  // Tabs, other line-break characters, a BOM inside, directives and document markers.
  if (/[\t\u0085\u2028\u2029\ufeff]|^(?:%|---(?: |$)|\.\.\.(?: |$))/m.test(source)) return undefined;
  const lines = source.split('\n');
  try {
    return { value: new QuickReader(lines, limits).document() };
  } catch (e) {
    if (e === DECLINED) return undefined;
    throw e;
  }
}

/** Deeper documents go to the full reader (after its depth pre-scan) whatever maxDepth says: the quick one recurses. */
const RECURSION_LIMIT = 200;

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** A `- ` (or a lone `-`) at column `col`. */
function isSeqItem(line: string, col: number): boolean {
  return line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ');
}

/** After a value on its line: nothing, or spaces and a comment. */
function restIsEmpty(line: string, from: number): boolean {
  const i = skipSpaces(line, from);
  return i === line.length || (line[i] === '#' && i > from);
}

class QuickReader implements NodeBudget {
  /** The next line not yet read. */
  private i = 0;
  private nodes = 0;

  constructor(
    private readonly lines: readonly string[],
    private readonly limits: QuickLimits,
  ) {}

  node(depth: number): void {
    if (++this.nodes > this.limits.maxNodes || depth > this.limits.maxDepth || depth > RECURSION_LIMIT) decline();
  }

  document(): unknown {
    this.skip();
    const line = this.lines[this.i];
    if (line === undefined || indentOf(line) !== 0) decline();
    const value = isSeqItem(line, 0) ? this.seq(0, 1) : this.map(0, 0, 1);
    this.skip();
    if (this.i < this.lines.length) decline();
    return value;
  }

  /** Moves past blank lines and comment lines. */
  private skip(): void {
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i] ?? '';
      const at = indentOf(line);
      if (at < line.length && line[at] !== '#') return;
    }
  }

  /** A block map whose keys sit at column `indent`; the first key is at `col` of the current line. */
  private map(indent: number, col: number, depth: number): Record<string, unknown> {
    this.node(depth);
    const out: Record<string, unknown> = {};
    for (let at = col; ; ) {
      const line = this.lines[this.i] ?? '';
      const key = this.key(line, at);
      if (Object.hasOwn(out, key.value)) decline();
      const value = this.value(line, key.end, indent, depth + 1, true);
      // defineProperty keeps `__proto__` an ordinary own key, as the full reader does.
      Object.defineProperty(out, key.value, { value, enumerable: true, writable: true, configurable: true });
      this.skip();
      const next = this.lines[this.i];
      if (next === undefined) return out;
      at = indentOf(next);
      if (at < indent) return out;
      if (at > indent || isSeqItem(next, at)) decline();
    }
  }

  /** A block sequence whose dashes sit at column `indent`, starting on the current line. */
  private seq(indent: number, depth: number): unknown[] {
    this.node(depth);
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.i] ?? '';
      const at = skipSpaces(line, indent + 1);
      if (isSeqItem(line, at)) out.push(this.seq(at, depth + 1)); // `- - x`: a sequence in the item
      else out.push(at < line.length && line[at] !== '#' && this.isKey(line, at) ? this.map(at, at, depth + 1) : this.value(line, indent + 1, indent, depth + 1, false));
      this.skip();
      const next = this.lines[this.i];
      if (next === undefined) return out;
      const col = indentOf(next);
      if (col < indent || (col === indent && !isSeqItem(next, col))) return out;
      if (col > indent) decline();
    }
  }

  /** A map key at `col` and its `:`; `end` is just after the `:`. */
  private key(line: string, col: number): Read<string> {
    const c = line[col];
    let value: string;
    let colon: number;
    if (c === '"' || c === "'") {
      const quoted = c === '"' ? readDoubleQuoted(line, col) : readSingleQuoted(line, col);
      value = quoted.value;
      colon = skipSpaces(line, quoted.end);
      if (line[colon] !== ':') decline();
    } else {
      colon = keyColon(line, col);
      const text = trimSpaces(line.slice(col, colon));
      if (colon < 0 || startsWithIndicator(text) || text.includes(' #')) decline();
      const resolved = resolvePlain(text);
      if (typeof resolved !== 'string' || resolved === '<<') decline();
      value = resolved;
    }
    // The full reader limits implicit keys to 1024 characters.
    if (colon - col > 1000 || (colon + 1 < line.length && line[colon + 1] !== ' ')) decline();
    return { value, end: colon + 1 };
  }

  /** True when a map entry starts at `col`. */
  private isKey(line: string, col: number): boolean {
    const c = line[col];
    if (c === '"' || c === "'") {
      const quoted = c === '"' ? readDoubleQuoted(line, col) : readSingleQuoted(line, col);
      return line[skipSpaces(line, quoted.end)] === ':';
    }
    return c !== '[' && c !== '{' && keyColon(line, col) >= 0;
  }

  /** The value after an indicator (`:` or `-`) that ends at `from`, for an entry of the collection at `indent`. */
  private value(line: string, from: number, indent: number, depth: number, inMap: boolean): unknown {
    const at = skipSpaces(line, from);
    const c = line[at];
    if (c === undefined || c === '#') return this.nested(indent, depth, inMap);
    let read: Read;
    if (c === '"') read = readDoubleQuoted(line, at);
    else if (c === "'") read = readSingleQuoted(line, at);
    else if (c === '[' || c === '{') return this.flow(line, at, depth);
    else if (c === '|' || c === '>') {
      this.node(depth);
      return this.blockScalar(line.slice(at), indent);
    } else {
      this.node(depth);
      return this.plain(line, at, indent);
    }
    this.node(depth);
    if (!restIsEmpty(line, read.end)) decline();
    this.i++;
    return read.value;
  }

  private flow(line: string, at: number, depth: number): unknown {
    const read = readFlow(line, at, depth, this);
    if (!restIsEmpty(line, read.end)) decline();
    this.i++;
    return read.value;
  }

  /** A value on the lines after its key or dash: a deeper block, a sequence beside its key, or null. */
  private nested(indent: number, depth: number, inMap: boolean): unknown {
    this.i++;
    this.skip();
    const line = this.lines[this.i];
    const col = line === undefined ? -1 : indentOf(line);
    if (line !== undefined && col > indent) {
      if (isSeqItem(line, col)) return this.seq(col, depth);
      if (!this.isKey(line, col)) decline(); // a scalar on its own line
      return this.map(col, col, depth);
    }
    if (line !== undefined && inMap && col === indent && isSeqItem(line, col)) return this.seq(col, depth);
    this.node(depth);
    return null;
  }

  /** A plain scalar from `at`, continued on deeper lines, folded. */
  private plain(line: string, at: number, indent: number): unknown {
    const comment = line.indexOf(' #', at);
    const first = trimSpaces(line.slice(at, comment < 0 ? line.length : comment));
    if (startsWithIndicator(first) || first.startsWith('---') || hasMapIndicator(first)) decline();
    let text = first;
    const start = this.i;
    let last = start;
    if (comment < 0) {
      let blank = 0;
      for (let k = this.i + 1; k < this.lines.length; k++) {
        const next = this.lines[k] ?? '';
        const col = indentOf(next);
        if (col === next.length) {
          blank++;
          continue;
        }
        if (col <= indent || next[col] === '#') break;
        const part = trimSpaces(next);
        if (startsWithIndicator(part) || part.includes(' #') || hasMapIndicator(part)) decline();
        text += blank > 0 ? '\n'.repeat(blank) + part : ' ' + part;
        blank = 0;
        last = k;
      }
    }
    this.i = last + 1;
    // A folded scalar holds a space or a line break, which no null, boolean or number can: it is text.
    return last === start ? resolvePlain(first) : text;
  }

  /** A `|` or `>` block scalar (clip or strip chomping), from its header on. */
  private blockScalar(header: string, indent: number): string {
    const style = /^([|>])(-?)(?: +(?:#.*)?)?$/.exec(header);
    if (!style) decline(); // keep chomping, an explicit indentation, or junk
    const lines: string[] = [];
    let k = this.i + 1;
    const firstLine = this.lines[k];
    const contentIndent = firstLine === undefined ? -1 : indentOf(firstLine);
    // An empty scalar, leading blank lines, or content not deeper than its key: left to the full reader.
    if (firstLine === undefined || contentIndent === firstLine.length || contentIndent <= indent) decline();
    let blank = 0;
    for (; k < this.lines.length; k++) {
      const line = this.lines[k] ?? '';
      const col = indentOf(line);
      if (col === line.length) {
        if (line.length > contentIndent) decline(); // spaces beyond the indentation are content
        blank++;
        continue;
      }
      if (col < contentIndent) break;
      for (; blank > 0; blank--) lines.push('');
      lines.push(line.slice(contentIndent));
    }
    this.i = k - blank;
    const text = style[1] === '|' ? lines.join('\n') : fold(lines);
    return style[2] === '-' ? text : text + '\n';
  }
}

/** Where a plain key at `col` ends: its `: ` or a `:` at the end of the line; -1 when there is none. */
function keyColon(line: string, col: number): number {
  for (let i = line.indexOf(':', col); i >= 0; i = line.indexOf(':', i + 1)) {
    if (i + 1 === line.length || line[i + 1] === ' ') return i;
  }
  return -1;
}

/** A `: ` inside, or a `:` at the end: the full reader would see a map there. */
function hasMapIndicator(text: string): boolean {
  return text.includes(': ') || text.endsWith(':');
}

/** Folds the lines of a `>` scalar; lines with extra indentation or trailing spaces are left to the full reader. */
function fold(lines: readonly string[]): string {
  let out = '';
  let breaks = 0;
  for (const line of lines) {
    if (line === '') {
      breaks++;
      continue;
    }
    if (line[0] === ' ' || line.endsWith(' ')) decline();
    out += out === '' ? line : breaks > 0 ? '\n'.repeat(breaks) + line : ' ' + line;
    breaks = 0;
  }
  return out;
}
