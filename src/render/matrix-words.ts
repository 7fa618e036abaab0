import type { Cell, MatrixColumn, PositionMatrix, Stance } from '../positions/types.js';

/** A symbol per stance, so the matrix reads without colour. */
export const STANCE_SYMBOL: Readonly<Record<Stance, string>> = { support: '✓', conditional: '◐', ambiguous: '?', oppose: '✗' };

/** The symbol of a cell: its stance, `·` for none, and `!` when this stakeholder can block the column. */
export function cellSymbol(cell: Cell | undefined, column: MatrixColumn, stakeholder: string): string {
  if (!cell || cell.stance === null) return '·';
  return STANCE_SYMBOL[cell.stance] + (column.blockedBy.includes(stakeholder) ? '!' : '');
}

/** "✓ support  ◐ conditional  ? ambiguous  ✗ oppose  · no position  ! can block it" */
export const LEGEND = `${Object.entries(STANCE_SYMBOL).map(([s, sym]) => `${sym} ${s}`).join('  ')}  · no position  ! can block it`;

/** "russia-ukraine-2025 / us-28-point (2025-11-20), by clause; blocking: veto" */
export function matrixTitle(m: PositionMatrix): string {
  return `${m.plan} / ${m.version} (${m.date}), by ${m.by}; blocking: ${m.decision}`;
}

/** A score as text: "+0.43", "-1.00", or "n/a". */
export function formatScore(score: number | null): string {
  if (score === null) return 'n/a';
  return `${score > 0 ? '+' : score < 0 ? '-' : ' '}${Math.abs(score).toFixed(2)}`;
}

/** The label of a column: "6 army-cap" for a clause, the topic for a topic; "elections?" for a clause not known to be in the version. */
export function columnLabel(c: MatrixColumn): string {
  const label = c.number !== undefined ? `${c.number} ${c.key}` : c.key;
  return c.presence === 'unknown' ? `${label}?` : label;
}
