/**
 * Checks that run on the raw text before the YAML library sees it: characters
 * YAML forbids, and nesting depth. The depth check must come first because a
 * deeply nested document can exhaust the YAML library's stack or, on a later
 * call, abort the whole process; so depth is measured here with a small linear
 * scanner that never recurses.
 */

/** A problem found by the pre-scan, at a string offset. */
export interface PrescanIssue {
  kind: 'control-character' | 'too-deep';
  offset: number;
  /** The character, for control characters. */
  char?: string;
}

// C0 controls other than TAB, LF, CR; DEL and C1 controls other than NEL;
// the noncharacters U+FFFE/U+FFFF; lone surrogates. YAML 1.2 §5.1 excludes all.
// A byte-order mark is allowed only at the very start, which the reader drops.
const FORBIDDEN =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Finds characters YAML does not allow in a stream, up to `max` of them. */
export function findControlCharacters(text: string, max: number): PrescanIssue[] {
  const out: PrescanIssue[] = [];
  FORBIDDEN.lastIndex = 0;
  for (let m = FORBIDDEN.exec(text); m && out.length < max; m = FORBIDDEN.exec(text)) {
    out.push({ kind: 'control-character', offset: m.index, char: m[0] });
  }
  return out;
}

/**
 * Returns the offset where nesting first goes deeper than `maxDepth`, or -1.
 * Block collections are tracked by indentation (a sequence under a key at the
 * same indentation counts as a level of its own); flow collections by brackets
 * outside quotes, comments, plain and block scalars.
 *
 * Behind that YAML-aware count stands a blunt one that no YAML trick can
 * fool: brackets counted with no regard to context, and indentation, each
 * against a few times the limit, and chains of keys on one line (`"a": "b":`)
 * against the limit. A valid file fails it only with hundreds of unbalanced
 * brackets, or more than `maxDepth` `: ` without a comma, on one line of text.
 */
export function findExcessiveDepth(text: string, maxDepth: number): number {
  const precise = new DepthScanner(text, maxDepth, Infinity).run();
  return precise >= 0 ? precise : findBluntDepth(text, maxDepth);
}

/** What {@link scanStructure} found: where nesting, the node count and the line count pass their limits; -1 when they do not. */
export interface StructureScan {
  tooDeep: number;
  tooManyNodes: number;
  tooManyLines: number;
  /** The node limit was passed by quoted text (every QUOTED_CHARS_PER_NODE characters a node). */
  byQuotes: boolean;
}

/** Lines count against the node limit too, this many to a node: the YAML library reads a blank or comment line at about a sixteenth of a node's cost. */
export const LINES_PER_NODE = 16;

/** Characters inside quotes count against the node limit, this many to a node: the YAML library resolves quoted text at about 0.6 µs a character. */
export const QUOTED_CHARS_PER_NODE = 32;

/**
 * The YAML-aware half of {@link findExcessiveDepth}, counting nodes as well:
 * every value of a block entry (`key: value`, `- value`) and every item of a
 * flow collection, outside scalars and comments. The count never exceeds what
 * the YAML library builds, so no file within `maxNodes` is refused.
 */
export function scanStructure(text: string, maxDepth: number, maxNodes: number): StructureScan {
  const scanner = new DepthScanner(text, maxDepth, maxNodes);
  const found = scanner.run();
  const scan = found < 0 ? { tooDeep: -1, tooManyNodes: -1 } : scanner.crowded ? { tooDeep: -1, tooManyNodes: found } : { tooDeep: found, tooManyNodes: -1 };
  return { ...scan, tooManyLines: lineStartPast(text, maxNodes * LINES_PER_NODE), byQuotes: scanner.byQuotes };
}

/** The offset where line `max + 1` starts, or -1 when the text has no more than `max` lines. */
function lineStartPast(text: string, max: number): number {
  let at = 0;
  for (let n = 0; n < max; n++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return -1;
    at = next + 1;
  }
  return at < text.length ? at : -1;
}

/**
 * The blunt half of {@link findExcessiveDepth} alone, for the quick reader,
 * which counts the YAML-aware depth itself as it builds.
 */
export function findBluntDepth(text: string, maxDepth: number): number {
  return bluntDepth(text, maxDepth * 4, maxDepth * 8, maxDepth);
}

/**
 * The offset where raw bracket depth passes `maxFlow`, a line's indentation
 * passes `maxIndent`, or a chain of keys on one line (`"a": "b": "c": …`, a
 * `:` and a blank with no comma or bracket between) passes `maxChain`; or -1.
 */
function bluntDepth(text: string, maxFlow: number, maxIndent: number, maxChain: number): number {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  let chain = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      chain = 0;
      if (++depth > maxFlow) return i;
    } else if (c === 93 || c === 125) {
      chain = 0;
      if (depth > 0) depth--;
    } else if (c === 44) chain = 0;
    else if (c === 58) {
      // A key indicator: `:` before a blank, or right after a quoted key (`"k":v`).
      const [prev, next] = [text.charCodeAt(i - 1), text.charCodeAt(i + 1)];
      const indicator = next === 32 || next === 9 || Number.isNaN(next) || prev === 34 || prev === 39;
      if (indicator && ++chain > maxChain) return i;
    }
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      chain = 0;
    } else if (lineStart && (c === 32 || c === 9)) {
      if (++indent > maxIndent) return i;
    } else lineStart = false;
  }
  return -1;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
const isBlank = (c: string | undefined): boolean => c === undefined || isSpace(c) || isBreak(c);

class DepthScanner {
  private i = 0;
  /** Columns of open block collections; a sequence sits half a column right of its dash. */
  private readonly stack: number[] = [];
  /** Inside a block scalar: the indentation of its parent, and of its content once known (-1 before). */
  private block: { parent: number; content: number } | null = null;
  /** After a plain scalar value: lines indented more than this continue it. */
  private plainParent = -1;
  /** Nodes counted so far, and whether the scan stopped at the node limit rather than the depth one. */
  private nodes = 0;
  private quotedChars = 0;
  private counting = true;
  /** Where quoted text passed the limit, -1 before. */
  private crowdedAt = -1;
  crowded = false;
  /** The limit was passed by quoted text. */
  byQuotes = false;

  constructor(
    private readonly s: string,
    private readonly max: number,
    private readonly maxNodes: number,
  ) {}

  /** Counts a node at p; true when that passes the limit. */
  private count(): boolean {
    if (!this.counting || ++this.nodes + this.quotedChars / QUOTED_CHARS_PER_NODE <= this.maxNodes) return false;
    this.crowded = true;
    return true;
  }

  run(): number {
    while (this.i < this.s.length) {
      const found = this.line();
      if (found >= 0) return found;
      if (this.crowdedAt >= 0) return this.crowdedAt;
    }
    return this.crowdedAt;
  }

  /** Scans one line starting at this.i; returns an offset if too deep. */
  private line(): number {
    const s = this.s;
    const start = this.i;
    let p = start;
    while (isSpace(s[p])) p++;
    const indent = p - start;
    if (isBreak(s[p]) || p >= s.length) return this.endLine(p); // blank lines belong to whatever they are in
    if (this.block) {
      // Content lines of a block scalar are text, whatever they look like; a less indented line ends it.
      if (this.block.content < 0 && indent > this.block.parent) this.block.content = indent;
      if (this.block.content >= 0 && indent >= this.block.content) return this.endLine(p);
      this.block = null;
    }
    if (this.plainParent >= 0) {
      // A more indented line continues a multi-line plain scalar: text, not structure.
      if (indent > this.plainParent && s[p] !== '#') return this.endLine(p);
      this.plainParent = -1;
    }
    if (s[p] === '#') return this.endLine(p);
    if (s[p] === '%') return this.endLine(p);
    if ((s.startsWith('---', p) || s.startsWith('...', p)) && isBlank(s[p + 3])) {
      // A document marker: a new document starts from the top. The reader stops at a second document, so counting does too.
      this.stack.length = 0;
      if (this.nodes > 0) this.counting = false;
      p += 3;
      while (isSpace(s[p])) p++;
    }
    let lastCol = indent;
    let indicator = false;
    // Sequence entries and explicit keys, possibly several on one line: "- - a".
    for (;;) {
      if ((s[p] === '-' || s[p] === '?' || s[p] === ':') && isBlank(s[p + 1])) {
        const col = p - start;
        if (this.push(col + 0.5) || (s[p] === '-' && this.count())) return p;
        lastCol = col;
        indicator = true;
        p++;
        while (isSpace(s[p])) p++;
        continue;
      }
      break;
    }
    // An implicit key at p, possibly quoted.
    const content = p;
    let q = this.skipNodeProperties(p);
    if (s[q] === '"' || s[q] === "'") {
      const end = this.skipQuoted(q);
      if (end < 0) return -1;
      q = end;
      while (isSpace(s[q])) q++;
      if (s[q] === ':' && isBlank(s[q + 1])) {
        if (this.push(content - start) || this.count()) return content;
        lastCol = content - start;
        return this.value(q + 1, lastCol);
      }
      return this.endLine(q);
    }
    if (s[q] === '[' || s[q] === '{') return this.flow(q);
    // The node that owns a scalar starting here: the last indicator on this line, else the enclosing collection.
    const owner = indicator ? lastCol : Math.floor(this.stack[this.stack.length - 1] ?? -1);
    if (s[q] === '|' || s[q] === '>') return this.blockScalar(q, owner);
    const colon = this.findPlainKeyEnd(q);
    if (colon >= 0) {
      if (this.push(content - start) || this.count()) return content;
      return this.value(colon + 1, content - start);
    }
    if (q < s.length && !isBreak(s[q])) this.plainParent = owner;
    return this.endLine(q);
  }

  /** A block scalar header at p (`|`, `>-`, `|2`…) whose parent node sits at column `parent`. */
  private blockScalar(p: number, parent: number): number {
    const header = /^[|>]([1-9])?[+-]?([1-9])?/.exec(this.s.slice(p, p + 4));
    const explicit = Number(header?.[1] ?? header?.[2] ?? 0);
    this.block = { parent, content: explicit > 0 ? Math.max(0, parent) + explicit : -1 };
    return this.endLine(p);
  }

  /** After "key:", looks at the value on the same line. */
  private value(p: number, keyCol: number): number {
    const s = this.s;
    while (isSpace(s[p])) p++;
    p = this.skipNodeProperties(p);
    const c = s[p];
    if (c === '[' || c === '{') return this.flow(p);
    if (c === '"' || c === "'") {
      const end = this.skipQuoted(p);
      return end < 0 ? -1 : this.endLine(end);
    }
    if (c === '|' || c === '>') return this.blockScalar(p, keyCol);
    if (c !== undefined && !isBreak(c) && c !== '#') this.plainParent = keyCol;
    return this.endLine(p);
  }

  /** Skips anchors (&a) and tags (!t) before a node. */
  private skipNodeProperties(p: number): number {
    const s = this.s;
    while (s[p] === '&' || s[p] === '!') {
      while (p < s.length && !isBlank(s[p])) p++;
      while (isSpace(s[p])) p++;
    }
    return p;
  }

  /** In a plain scalar from p: the offset of a ':' that ends it as a key, or -1. */
  private findPlainKeyEnd(p: number): number {
    const s = this.s;
    for (; p < s.length && !isBreak(s[p]); p++) {
      if (s[p] === ':' && isBlank(s[p + 1])) return p;
      if (s[p] === '#' && isSpace(s[p - 1])) return -1;
    }
    return -1;
  }

  /** Scans a flow collection starting at the bracket at p. */
  private flow(p: number): number {
    const s = this.s;
    const base = this.stack.length;
    let depth = 0;
    for (; p < s.length; p++) {
      const c = s[p];
      if (c === '[' || c === '{') {
        depth++;
        if (base + depth > this.max) return p;
        // The first item, unless the collection is empty; each comma not closing it adds one more.
        if (this.itemFollows(p) && this.count()) return p;
      } else if (c === ',') {
        if (this.itemFollows(p) && this.count()) return p;
      } else if (c === ']' || c === '}') {
        depth--;
        if (depth <= 0) return this.endLine(p + 1);
      } else if ((c === '"' || c === "'") && this.startsToken(p)) {
        const end = this.skipQuoted(p);
        if (end < 0) return -1;
        p = end - 1;
      } else if (c === '#' && (isBlank(s[p - 1]) || p === 0)) {
        while (p < s.length && !isBreak(s[p])) p++;
      }
    }
    this.i = p;
    return -1;
  }

  /** After a bracket or comma at p: true unless the collection closes next. */
  private itemFollows(p: number): boolean {
    const s = this.s;
    let next = p + 1;
    while (next < s.length && isBlank(s[next])) next++;
    return s[next] !== ']' && s[next] !== '}';
  }

  private startsToken(p: number): boolean {
    const prev = this.s[p - 1];
    return prev === undefined || isBlank(prev) || prev === '[' || prev === '{' || prev === ',' || prev === ':';
  }

  /** Returns the offset just past the closing quote, or -1 at the end of the text. */
  private skipQuoted(p: number): number {
    const s = this.s;
    const start = p;
    const quote = s[p];
    for (p++; p < s.length; p++) {
      const c = s[p];
      if (quote === '"' && c === '\\') p++;
      else if (c === quote) {
        if (quote === "'" && s[p + 1] === "'") p++;
        else {
          this.quoted(start, p + 1);
          return p + 1;
        }
      }
    }
    this.quoted(start, s.length);
    this.i = s.length;
    return -1;
  }

  /** Quoted text costs the YAML library far more than plain text: every QUOTED_CHARS_PER_NODE characters count as a node. */
  private quoted(start: number, end: number): void {
    if (!this.counting) return;
    this.quotedChars += end - start;
    if (this.crowdedAt < 0 && this.nodes + this.quotedChars / QUOTED_CHARS_PER_NODE > this.maxNodes) {
      this.crowded = true;
      this.byQuotes = true;
      this.crowdedAt = start;
    }
  }

  /** Pushes a block level at a column; true if that makes it too deep. */
  private push(col: number): boolean {
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1] ?? 0) >= col) this.stack.pop();
    this.stack.push(col);
    return this.stack.length > this.max;
  }

  /** Moves this.i past the end of the line containing p. */
  private endLine(p: number): number {
    const s = this.s;
    while (p < s.length && !isBreak(s[p])) p++;
    if (s[p] === '\r' && s[p + 1] === '\n') p++;
    this.i = p + 1;
    return -1;
  }
}
