/** Where a code frame points, 1-based; `endCol` is exclusive. */
export interface FrameSpan {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** Most characters of a source line a frame shows; a longer line is shown as a window around the span. */
export const FRAME_WIDTH = 120;

/**
 * A few lines of source around a position, with `^^^` under the span:
 *
 * ```
 *   5 |     personnelCap: six hundred
 *     |                   ^^^^^^^^^^^
 * ```
 *
 * Every line it writes is at most {@link FRAME_WIDTH} characters of source
 * (plus the gutter): a long line is cut to a window around the span's column,
 * marked `…` where it was cut, and the carets stay under the span.
 */
export function codeFrame(lineText: (line: number) => string, span: FrameSpan, context = 1): string {
  const first = Math.max(1, span.line - context);
  const width = String(span.line + context).length;
  const lineLen = lineText(span.line).length;
  const end = span.endLine === span.line ? Math.min(span.endCol, lineLen + 1) : lineLen + 1;
  // The window: from a little before the column, so the span and what precedes it show.
  const from = span.col - 1 > FRAME_WIDTH - 40 ? span.col - 1 - 20 : 0;
  const len = Math.max(1, Math.min(end - span.col, 80, FRAME_WIDTH - (span.col - 1 - from)));
  const rows: string[] = [];
  for (let n = first; n <= span.line; n++) {
    rows.push(`${n === span.line ? '>' : ' '} ${String(n).padStart(width)} | ${windowOf(lineText(n), from)}`);
  }
  const shift = from > 0 ? 1 : 0; // the leading "…"
  rows.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, span.col - 1 - from + shift))}${'^'.repeat(len)}`);
  return rows.join('\n');
}

/** A line's characters from `from` on, at most FRAME_WIDTH of them, with `…` where it was cut. */
function windowOf(text: string, from: number): string {
  const cut = text.slice(from, from + FRAME_WIDTH);
  return `${from > 0 ? '…' : ''}${visible(cut)}${from + FRAME_WIDTH < text.length ? '…' : ''}`;
}

/** Tabs and control characters would shift or garble the caret line. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\x00-\x08\x0B-\x1F\x7F-\x9F]/g, '\uFFFD');
}
