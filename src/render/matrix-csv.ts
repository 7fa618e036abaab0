import type { PositionMatrix } from '../positions/types.js';

/**
 * A position matrix as CSV (RFC 4180, CRLF line ends) for spreadsheets: one
 * row per clause or topic with its number, title, topic and blockers, then one
 * column per stakeholder holding the stance word (empty for none). A cell that
 * starts with `=`, `+`, `-` or `@` is prefixed with `'`, so a spreadsheet does
 * not run it as a formula.
 */
export function renderMatrixCsv(m: PositionMatrix): string {
  const header = [m.by, 'number', 'title', 'topic', 'blocked_by', ...m.rows.map((r) => r.stakeholder)];
  const lines = [header];
  m.columns.forEach((col, j) => {
    lines.push([col.key, col.number ?? '', col.title ?? '', col.topic, col.blockedBy.join(' '), ...m.rows.map((r) => r.cells[j]?.stance ?? '')]);
  });
  lines.push(['acceptability', '', '', '', '', ...m.rows.map((r) => (r.acceptability.score === null ? '' : String(r.acceptability.score)))]);
  return lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
