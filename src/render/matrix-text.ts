import type { PositionMatrix } from '../positions/types.js';
import { cellSymbol, columnLabel, formatScore, LEGEND, matrixTitle } from './matrix-words.js';
import { painter, visible } from './text.js';


/**
 * A position matrix for a terminal: one line per clause (or topic), one
 * column per stakeholder, stances as symbols (colour only repeats them), then
 * each stakeholder's acceptability score, what is blocked and by whom, and
 * the statements on the version as a whole.
 *
 * @example
 * console.log(renderMatrixText(buildMatrix(us, positions, { stakeholders })));
 */
export function renderMatrixText(m: PositionMatrix, options: { color?: boolean } = {}): string {
  const paint = painter(options.color);
  const labels = m.columns.map((c) => visible(columnLabel(c)).slice(0, 40));
  const left = Math.max(13, ...labels.map((l) => l.length)) + 2;
  const widths = m.rows.map((r) => Math.max(5, r.stakeholder.length));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  const out = [paint('bold', visible(matrixTitle(m))), ''];
  out.push(pad('', left) + m.rows.map((r, i) => pad(r.stakeholder, (widths[i] ?? 5) + 1)).join('').trimEnd());
  m.columns.forEach((col, j) => {
    const cells = m.rows.map((r, i) => {
      const sym = cellSymbol(r.cells[j], col, r.stakeholder);
      const stance = r.cells[j]?.stance;
      const colour = stance === 'oppose' ? 'red' : stance === 'support' ? 'green' : stance ? 'yellow' : undefined;
      const shown = colour ? paint(colour, sym) : sym;
      return shown + ' '.repeat(Math.max(0, (widths[i] ?? 5) + 1 - [...sym].length));
    });
    out.push(pad(labels[j] ?? '', left) + cells.join('').trimEnd() + (col.blocked ? `  ${paint('red', 'BLOCKED')}` : ''));
  });
  out.push(pad('acceptability', left) + m.rows.map((r, i) => pad(formatScore(r.acceptability.score), (widths[i] ?? 5) + 1)).join('').trimEnd());
  out.push('', LEGEND);
  if (m.blocked.length) {
    out.push('', paint('bold', 'Blocked'));
    for (const c of m.columns.filter((x) => x.blocked)) out.push(`  ${visible(columnLabel(c))}: ${c.blockedBy.join(', ')}`);
  }
  const stated = m.rows.filter((r) => r.acceptability.stated);
  if (stated.length) {
    out.push('', paint('bold', 'Said of the whole version'));
    for (const r of stated) {
      const s = r.acceptability.stated;
      if (s) out.push(`  ${r.stakeholder}: ${s.stance} (${s.date}) ${visible(s.says)}`);
    }
  }
  const absent = m.rows.flatMap((r) => r.acceptability.absent.map((a) => `  ${r.stakeholder}: ${a.stance}, ${visible(a.says)} (rule ${a.rule})`));
  if (absent.length) out.push('', paint('bold', 'Missing from the version'), ...absent);
  return out.join('\n') + '\n';
}
