import type { PositionMatrix } from '../positions/types.js';

/**
 * A position matrix as CSV (RFC 4180, CRLF line ends) for spreadsheets: one
 * row per clause (with its number, title and topic) or per topic, its blockers, then one
 * column per stakeholder holding the stance word (empty for none). A cell that
 * starts with `=`, `+`, `-` or `@` is prefixed with `'`, so a spreadsheet does
 * not run it as a formula.
 */
export function renderMatrixCsv(m: PositionMatrix): string {
  // By topic, a row is the topic itself: no clause number, title or second topic column.
  const byClause = m.by === 'clause';
  const header = [m.by, ...(byClause ? ['number', 'title', 'topic'] : []), 'blocked_by', ...m.rows.map((r) => r.stakeholder)];
  const lines = [header];
  m.columns.forEach((col, j) => {
    const about = byClause ? [col.number ?? '', col.title ?? '', col.topic] : [];
    lines.push([col.key, ...about, col.blockedBy.join(' '), ...m.rows.map((r) => r.cells[j]?.stance ?? '')]);
  });
  const blank = byClause ? ['', '', '', ''] : [''];
  lines.push(['acceptability', ...blank, ...m.rows.map((r) => (r.acceptability.score === null ? '' : String(r.acceptability.score)))]);
  return lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
