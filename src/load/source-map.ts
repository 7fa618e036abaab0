import { PlanError, toPointer } from '../errors.js';
import type { ErrorCode, PathSegment, Severity } from '../errors.js';
import { LineIndex } from './line-index.js';

/** A range of string offsets in the source text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A range of 1-based positions in the source text, end exclusive. */
export interface Location {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** What an error says besides where it is. */
export interface ProblemInit {
  code: ErrorCode;
  message: string;
  hint?: string;
  severity?: Severity;
}

/**
 * Where each part of a parsed document came from: for every path into the
 * data, the text of its value and (for map entries) of its key. Paths that
 * have no node of their own (a field that is missing, the inside of an alias)
 * resolve to their nearest ancestor.
 *
 * @example
 * const { sourceMap } = parsePlan(text, { file: 'us.yaml' });
 * sourceMap.locate(['clauses', 5, 'terms']); // { line: 88, col: 7, endLine: 91, endCol: 1 }
 */
export class SourceMap {
  /** The file name used in errors. */
  readonly file: string;
  private readonly lines: LineIndex;
  /** Each recorded path's slot in `spans`: value start, value end, key start, key end (-1 without a key). */
  private readonly slots = new Map<string, number>();
  private spans = new Int32Array(4 * 256);
  private fill: (() => void) | undefined;

  constructor(text: string, file: string) {
    this.file = file;
    this.lines = new LineIndex(text);
  }

  /** Records the text of the value (and key) at `path` (segments, or a JSON Pointer). Used by the reader. */
  record(path: readonly PathSegment[] | string, value: Span, key?: Span): void {
    this.recordAt(typeof path === 'string' ? path : toPointer(path), value.start, value.end, key?.start ?? -1, key?.end ?? -1);
  }

  /**
   * {@link record} with offsets instead of spans (a key start of -1 for none),
   * for readers that record every node. A later record without a key keeps
   * the key recorded before.
   */
  recordAt(pointer: string, start: number, end: number, keyStart = -1, keyEnd = -1): void {
    let slot = this.slots.get(pointer);
    if (slot === undefined) {
      slot = this.slots.size * 4;
      this.slots.set(pointer, slot);
      if (slot + 4 > this.spans.length) {
        const grown = new Int32Array(this.spans.length * 2);
        grown.set(this.spans);
        this.spans = grown;
      }
      this.spans[slot + 2] = -1;
    }
    this.spans[slot] = start;
    this.spans[slot + 1] = end;
    if (keyStart >= 0) {
      this.spans[slot + 2] = keyStart;
      this.spans[slot + 3] = keyEnd;
    }
  }

  /**
   * Defers recording: `fill` records every span, and runs the first time a
   * span is asked for. Used by the reader when it read a document without
   * positions.
   */
  deferRecording(fill: () => void): void {
    this.fill = fill;
  }

  /** The span of the value (or key) at `path`, or of its nearest recorded ancestor. */
  span(path: readonly PathSegment[], part: 'value' | 'key' = 'value'): Span {
    const fill = this.fill;
    this.fill = undefined;
    fill?.();
    for (let n = path.length; n >= 0; n--) {
      const pointer = toPointer(path.slice(0, n));
      const slot = this.slots.get(pointer);
      if (slot === undefined) continue;
      const s = this.spans;
      const key = part === 'key' && n === path.length && (s[slot + 2] ?? -1) >= 0;
      return key ? { start: s[slot + 2] ?? 0, end: s[slot + 3] ?? 0 } : { start: s[slot] ?? 0, end: s[slot + 1] ?? 0 };
    }
    return { start: 0, end: 0 };
  }

  /** The 1-based location of the value (or key) at `path`; see {@link span}. */
  locate(path: readonly PathSegment[], part: 'value' | 'key' = 'value'): Location {
    return this.locateSpan(this.span(path, part));
  }

  /** The 1-based location of a span of offsets. */
  locateSpan(span: Span): Location {
    const a = this.lines.position(span.start);
    const b = this.lines.position(Math.max(span.start, span.end));
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }

  /** The offset where a 1-based line starts (the text's end past the last line). */
  offsetOf(line: number): number {
    return this.lines.lineStart(line);
  }

  /** The text of a 1-based line, for code frames. */
  lineText(line: number): string {
    return this.lines.lineText(line);
  }

  /** A positioned error at a span. */
  errorAt(span: Span, path: readonly PathSegment[], init: ProblemInit): PlanError {
    const loc = this.locateSpan(span);
    return new PlanError({
      code: init.code,
      message: init.message,
      severity: init.severity ?? 'error',
      file: this.file,
      ...loc,
      path: [...path],
      ...(init.hint !== undefined ? { hint: init.hint } : {}),
    });
  }

  /** A positioned error at the value (or key) found at `path`. */
  errorFor(path: readonly PathSegment[], init: ProblemInit, part: 'value' | 'key' = 'value'): PlanError {
    return this.errorAt(this.span(path, part), path, init);
  }
}
