import type { PositionMatrix } from '../positions/types.js';
import { escapeMarkdown } from './diff-markdown.js';
import { cellSymbol, columnLabel, formatScore, LEGEND, matrixTitle } from './matrix-words.js';

/**
 * A position matrix as a Markdown table (a pull-request comment, a briefing):
 * one row per clause or topic, one column per stakeholder, the acceptability
 * row, what is blocked, and the legend.
 */
export function renderMatrixMarkdown(m: PositionMatrix): string {
  const out = [`### ${escapeMarkdown(matrixTitle(m))}`, ''];
  out.push(`| ${m.by === 'clause' ? 'Clause' : 'Topic'} | ${m.rows.map((r) => escapeMarkdown(r.stakeholder)).join(' | ')} | Blocked |`);
  out.push(`|---|${m.rows.map(() => ':-:').join('|')}|---|`);
  m.columns.forEach((col, j) => {
    const cells = m.rows.map((r) => cellSymbol(r.cells[j], col, r.stakeholder));
    out.push(`| ${escapeMarkdown(columnLabel(col))} | ${cells.join(' | ')} | ${col.blocked ? `**blocked** by ${col.blockedBy.join(', ')}` : ''} |`);
  });
  out.push(`| **acceptability** | ${m.rows.map((r) => formatScore(r.acceptability.score).trim()).join(' | ')} | |`);
  out.push('', escapeMarkdown(LEGEND));
  return out.join('\n') + '\n';
}
