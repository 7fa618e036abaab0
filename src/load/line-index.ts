/** A 1-based line and column; columns count UTF-16 code units, as editors do. */
export interface Position {
  line: number;
  col: number;
}

/**
 * Turns string offsets into 1-based line/column positions. Line breaks are LF,
 * CRLF and a lone CR (YAML 1.2 treats all three as breaks).
 */
export class LineIndex {
  /** Line starts found so far, scanning forward only as far as a position asks for. */
  private readonly found: number[] = [0];
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** Scans line starts until one lies beyond `offset` (or the text ends): an early error in a huge file costs little. */
  private through(offset: number): number[] {
    const text = this.text;
    const starts = this.found;
    let i = this.scanned;
    for (; i < text.length && (starts[starts.length - 1] ?? 0) <= offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.scanned = i;
    return starts;
  }

  /** Scans until `line` (1-based) and the one after it have their starts, if they exist. */
  private throughLine(line: number): number[] {
    const starts = this.found;
    while (starts.length <= line && this.scanned < this.text.length) this.through((starts[starts.length - 1] ?? 0));
    return starts;
  }

  /** The position of `offset` (clamped into the text). */
  position(offset: number): Position {
    let at = Math.max(0, Math.min(offset, this.text.length));
    // The LF of a CRLF belongs to the line it ends, at the same place as its CR.
    if (at > 0 && this.text.charCodeAt(at) === 10 && this.text.charCodeAt(at - 1) === 13) at--;
    const starts = this.through(at);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - (starts[lo] ?? 0) + 1 };
  }

  /** The offset where a 1-based line starts (the text's end past the last line). */
  lineStart(line: number): number {
    return this.throughLine(line)[line - 1] ?? this.text.length;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.throughLine(line);
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}
