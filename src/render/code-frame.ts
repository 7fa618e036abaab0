/** Where a code frame points, 1-based; `endCol` is exclusive. */
export interface FrameSpan {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/**
 * A few lines of source around a position, with `^^^` under the span:
 *
 * ```
 *   5 |     personnelCap: six hundred
 *     |                   ^^^^^^^^^^^
 * ```
 */
export function codeFrame(lineText: (line: number) => string, span: FrameSpan, context = 1): string {
  const first = Math.max(1, span.line - context);
  const width = String(span.line + context).length;
  const rows: string[] = [];
  for (let n = first; n <= span.line; n++) {
    const text = visible(lineText(n));
    rows.push(`${n === span.line ? '>' : ' '} ${String(n).padStart(width)} | ${text}`);
  }
  const lineLen = lineText(span.line).length;
  const end = span.endLine === span.line ? Math.min(span.endCol, lineLen + 1) : lineLen + 1;
  const len = Math.max(1, end - span.col);
  rows.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, span.col - 1))}${'^'.repeat(Math.min(len, 80))}`);
  return rows.join('\n');
}

/** Tabs and control characters would shift or garble the caret line. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\x00-\x08\x0B-\x1F\x7F-\x9F]/g, '\uFFFD').slice(0, 400);
}
