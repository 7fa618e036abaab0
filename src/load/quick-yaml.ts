/**
 * A quick reader for the block YAML that plan files are written in: maps,
 * sequences, plain scalars (also over several lines), quoted scalars, `|` and
 * `>` block scalars, comments, and flow collections that close on their line.
 * It gives the same data as the full reader (read-yaml.ts) or declines, and
 * declines whenever in doubt: anchors, aliases, tags, directives, several
 * documents, tabs, odd indentation, anything the full reader would report.
 * Reading records no positions; when an error first needs one, the reader runs
 * again over the same text and records them (`place`) as the full reader would.
 * A test compares both readers, data and positions, on generated and mutated
 * files.
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
import { escapePointer } from '../errors.js';

/** Limits the quick reader honours by declining. */
export interface QuickLimits {
  maxDepth: number;
  maxNodes: number;
}

/** Where a value (and its key: -1 for none) sits in the text, as string offsets; given to a recorder. */
export type Place = (pointer: string, start: number, end: number, keyStart: number, keyEnd: number) => void;

/** What the quick reader made of a text; lines are 1-based. */
export type QuickRead =
  | { value: unknown }
  /** Left to the full reader, from `line` on (0 when the whole text was turned down before reading). */
  | { declined: { line: number } }
  /** More than `maxNodes` nodes, all read without a doubt: no reader would take the document. */
  | { tooManyNodes: { line: number } }
  /** Nothing but blank lines and comments (an empty text is left to the full reader). */
  | { empty: true };

/**
 * Reads `text` the quick way, or declines to leave it to the full reader.
 * With `place`, every value's position (and key's) is given to it, as the
 * full reader records them.
 */
export function readQuickYaml(text: string, limits: QuickLimits, place?: Place): QuickRead {
  const whole = { declined: { line: 0 } };
  if (/\r(?!\n)/.test(text)) return whole; // a lone CR breaks lines for YAML, not for this reader
  const source = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  // Tabs, other line-break characters, a BOM inside, directives and document markers.
  if (/[\t\u0085\u2028\u2029\ufeff]|^(?:%|---(?: |$)|\.\.\.(?: |$))/m.test(source)) return whole;
  const lines = source.split('\n');
  const reader = new QuickReader(lines, limits, place ? { place, starts: lineStarts(text), length: text.length } : undefined);
  try {
    return { value: reader.document() };
  } catch (e) {
    if (e === DECLINED) return { declined: { line: Math.min(reader.line, lines.length - 1) + 1 } };
    if (e === TOO_MANY) return { tooManyNodes: { line: reader.line + 1 } };
    if (e === EMPTY) return { empty: true };
    throw e;
  }
}

/** Thrown when the node count passes the limit, and when there is nothing but blank lines and comments. */
const TOO_MANY: unique symbol = Symbol('too many nodes');
const EMPTY: unique symbol = Symbol('empty');

/** The offset where each line of the original text starts (LF or CRLF breaks; a lone CR was declined). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Recording positions: the recorder, the line starts, and the text length. */
interface Recording {
  place: Place;
  starts: readonly number[];
  length: number;
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
  /** When recording: where the last value read starts and ends, and where its node ends (past its last line). */
  private vs = 0;
  private ve = 0;
  private ne = 0;
  readonly place: NodeBudget['place'];

  constructor(
    private readonly lines: readonly string[],
    private readonly limits: QuickLimits,
    private readonly rec: Recording | undefined,
  ) {
    this.place = rec
      ? (pointer, start, end, keyStart, keyEnd) => {
          const base = this.off(this.i, 0);
          rec.place(pointer, base + start, base + end, keyStart === undefined ? -1 : base + keyStart, keyStart === undefined ? -1 : base + (keyEnd ?? keyStart));
        }
      : undefined;
  }

  /** The 0-based line being read. */
  get line(): number {
    return this.i;
  }

  node(depth: number): void {
    if (depth > this.limits.maxDepth || depth > RECURSION_LIMIT) decline();
    if (++this.nodes > this.limits.maxNodes) throw TOO_MANY;
  }

  /** The offset in the original text of a column on a 0-based line (the text's end past the last line). */
  private off(line: number, col: number): number {
    const start = this.rec?.starts[line];
    return start === undefined ? (this.rec?.length ?? 0) : start + col;
  }

  /** Notes where the value just read lies, when recording. */
  private spans(start: number, end: number, nodeEnd: number): void {
    this.vs = start;
    this.ve = end;
    this.ne = nodeEnd;
  }

  private child(pointer: string, key: string | number): string {
    return this.rec ? `${pointer}/${typeof key === 'number' ? key : escapePointer(key)}` : '';
  }

  document(): unknown {
    this.skip();
    const line = this.lines[this.i];
    if (line === undefined && (this.lines.length > 1 || this.lines[0] !== '')) throw EMPTY;
    if (line === undefined || indentOf(line) !== 0) decline();
    const value = isSeqItem(line, 0) ? this.seq(0, 1, '') : this.map(0, 0, 1, '');
    this.rec?.place('', this.vs, this.ve, -1, -1);
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
  private map(indent: number, col: number, depth: number, pointer: string): Record<string, unknown> {
    this.node(depth);
    const out: Record<string, unknown> = {};
    const start = this.rec ? this.off(this.i, col) : 0;
    for (let at = col; ; ) {
      const line = this.lines[this.i] ?? '';
      const key = this.key(line, at);
      if (Object.hasOwn(out, key.value)) decline();
      const keyLine = this.i;
      const child = this.child(pointer, key.value);
      const value = this.value(line, key.end, indent, depth + 1, true, child);
      this.rec?.place(child, this.vs, this.ve, this.off(keyLine, at), this.off(keyLine, key.keyEnd));
      // defineProperty keeps `__proto__` an ordinary own key, as the full reader does; assigning is faster for the rest.
      if (key.value === '__proto__') Object.defineProperty(out, key.value, { value, enumerable: true, writable: true, configurable: true });
      else out[key.value] = value;
      this.skip();
      const next = this.lines[this.i];
      at = next === undefined ? -1 : indentOf(next);
      if (at < indent) {
        this.spans(start, this.ne, this.ne);
        return out;
      }
      if (at > indent || isSeqItem(next ?? '', at)) decline();
    }
  }

  /** A block sequence whose dashes sit at column `indent`, starting on the current line. */
  private seq(indent: number, depth: number, pointer: string): unknown[] {
    this.node(depth);
    const out: unknown[] = [];
    const start = this.rec ? this.off(this.i, indent) : 0;
    for (;;) {
      const line = this.lines[this.i] ?? '';
      const at = skipSpaces(line, indent + 1);
      const child = this.child(pointer, out.length);
      if (isSeqItem(line, at)) out.push(this.seq(at, depth + 1, child)); // `- - x`: a sequence in the item
      else if (at < line.length && line[at] !== '#' && this.isKey(line, at)) out.push(this.map(at, at, depth + 1, child));
      else out.push(this.value(line, indent + 1, indent, depth + 1, false, child));
      this.rec?.place(child, this.vs, this.ve, -1, -1);
      this.skip();
      const next = this.lines[this.i];
      const col = next === undefined ? -1 : indentOf(next);
      if (next === undefined || col < indent || (col === indent && !isSeqItem(next, col))) {
        this.spans(start, this.ne, this.ne);
        return out;
      }
      if (col > indent) decline();
    }
  }

  /** A map key at `col` and its `:`; `end` is just after the `:`, `keyEnd` just after the key's text. */
  private key(line: string, col: number): Read<string> & { keyEnd: number } {
    const c = line[col];
    let value: string;
    let colon: number;
    let keyEnd: number;
    if (c === '"' || c === "'") {
      const quoted = c === '"' ? readDoubleQuoted(line, col) : readSingleQuoted(line, col);
      value = quoted.value;
      keyEnd = quoted.end;
      colon = skipSpaces(line, quoted.end);
      if (line[colon] !== ':') decline();
    } else {
      colon = keyColon(line, col);
      const text = trimSpaces(line.slice(col, colon));
      if (colon < 0 || startsWithIndicator(text) || text.includes(' #')) decline();
      const resolved = resolvePlain(text);
      if (typeof resolved !== 'string' || resolved === '<<') decline();
      value = resolved;
      keyEnd = col + text.length;
    }
    // The full reader limits implicit keys to 1024 characters.
    if (colon - col > 1000 || (colon + 1 < line.length && line[colon + 1] !== ' ')) decline();
    return { value, end: colon + 1, keyEnd };
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
  private value(line: string, from: number, indent: number, depth: number, inMap: boolean, pointer: string): unknown {
    const at = skipSpaces(line, from);
    const c = line[at];
    if (c === undefined || c === '#') return this.nested(indent, depth, inMap, pointer, at);
    let read: Read;
    if (c === '"') read = readDoubleQuoted(line, at);
    else if (c === "'") read = readSingleQuoted(line, at);
    else if (c === '[' || c === '{') return this.flow(line, at, depth, pointer);
    else if (c === '|' || c === '>') {
      this.node(depth);
      return this.blockScalar(line.slice(at), indent, at);
    } else {
      this.node(depth);
      return this.plain(line, at, indent);
    }
    this.node(depth);
    if (!restIsEmpty(line, read.end)) decline();
    if (this.rec) this.spans(this.off(this.i, at), this.off(this.i, read.end), this.off(this.i + 1, 0));
    this.i++;
    return read.value;
  }

  private flow(line: string, at: number, depth: number, pointer: string): unknown {
    const read = readFlow(line, at, depth, this, pointer);
    if (!restIsEmpty(line, read.end)) decline();
    if (this.rec) this.spans(this.off(this.i, at), this.off(this.i, read.end), this.off(this.i + 1, 0));
    this.i++;
    return read.value;
  }

  /** A value on the lines after its key or dash: a deeper block, a sequence beside its key, or null (placed at `at`). */
  private nested(indent: number, depth: number, inMap: boolean, pointer: string, at: number): unknown {
    const own = this.i;
    this.i++;
    this.skip();
    const line = this.lines[this.i];
    const col = line === undefined ? -1 : indentOf(line);
    if (line !== undefined && col > indent) {
      if (isSeqItem(line, col)) return this.seq(col, depth, pointer);
      if (this.isKey(line, col)) return this.map(col, col, depth, pointer);
      // A scalar on the lines after its key or dash: read from where it starts, as on the key's line.
      return this.value(line, col, indent, depth, inMap, pointer);
    }
    if (line !== undefined && inMap && col === indent && isSeqItem(line, col)) return this.seq(col, depth, pointer);
    this.node(depth);
    if (this.rec) this.spans(this.off(own, at), this.off(own, at), this.off(own, at));
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
    let lastEnd = at + first.length;
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
        lastEnd = col + part.length;
      }
    }
    if (this.rec) this.spans(this.off(start, at), this.off(last, lastEnd), this.off(last + 1, 0));
    this.i = last + 1;
    // A folded scalar holds a space or a line break, which no null, boolean or number can: it is text.
    return last === start ? resolvePlain(first) : text;
  }

  /** A `|` or `>` block scalar (clip or strip chomping), from its header (at column `at`) on. */
  private blockScalar(header: string, indent: number, at: number): string {
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
    if (this.rec) this.spans(this.off(this.i, at), this.off(k - blank, 0), this.off(k - blank, 0));
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
