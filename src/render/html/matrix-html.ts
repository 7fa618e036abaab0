import type { Cell, MatrixColumn, PositionMatrix, Reason } from '../../positions/types.js';
import { cellSymbol, columnLabel, formatScore, STANCE_SYMBOL } from '../matrix-words.js';
import { anchor, esc } from './escape.js';

/** The heat map of one version: a row per clause (or topic), a column per stakeholder. */
export function matrixSection(m: PositionMatrix): string {
  const id = anchor('matrix', m.version, m.by);
  const out = [`<section id="${id}" class="matrix" aria-labelledby="${id}-h">`, `<h2 id="${id}-h">Positions on ${esc(m.version)} (${esc(m.date)})</h2>`];
  out.push(`<p class="legend">${esc(legend())}. Colour strength is salience; open a cell for its reasons. Blocking rule: ${esc(m.decision)}.</p>`);
  out.push(`<div class="scroll"><table class="heat"><caption class="muted">${m.blocked.length} of ${m.columns.length} ${m.by === 'clause' ? 'clauses' : 'topics'} blocked</caption>`);
  out.push(`<thead><tr><th scope="col">${m.by}</th>${m.rows.map((r) => `<th scope="col" title="${esc(r.name)}">${esc(r.stakeholder)}</th>`).join('')}</tr></thead><tbody>`);
  m.columns.forEach((col, j) => {
    const cells = m.rows.map((r) => cellHtml(r.cells[j], col, r.stakeholder, r.name));
    const blocked = col.blocked ? `<br><span class="blocked-note">⊘ blocked by ${esc(col.blockedBy.join(', '))}</span>` : '';
    out.push(`<tr${col.blocked ? ' class="blocked"' : ''}><th scope="row">${esc(columnLabel(col))}${col.title ? `<br><span class="muted">${esc(col.title)}</span>` : ''}${blocked}</th>${cells.join('')}</tr>`);
  });
  out.push(`<tr><th scope="row">acceptability</th>${m.rows.map((r) => `<td class="score">${esc(formatScore(r.acceptability.score))}</td>`).join('')}</tr>`);
  out.push('</tbody></table></div>');
  const stated = m.rows.filter((r) => r.acceptability.stated);
  if (stated.length) {
    out.push('<h3>Said of the whole version</h3><ul>');
    for (const r of stated) if (r.acceptability.stated) out.push(`<li><strong>${esc(r.name)}</strong>: ${esc(r.acceptability.stated.stance)} — ${reasonText(r.acceptability.stated)}</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

function legend(): string {
  return [...Object.entries(STANCE_SYMBOL).map(([s, sym]) => `${sym} ${s}`), '· no position', '! can block it'].join(', ');
}

function cellHtml(cell: Cell | undefined, col: MatrixColumn, who: string, name: string): string {
  const sym = esc(cellSymbol(cell, col, who));
  if (!cell || cell.stance === null) return `<td class="cell"><span aria-label="${esc(name)}: no position">${sym}</span></td>`;
  const label = `${name}: ${cell.stance}, salience ${cell.salience}${col.blockedBy.includes(who) ? ', can block' : ''}`;
  const reasons = cell.reasons.map((r) => `<li>${reasonText(r)}</li>`).join('');
  return `<td class="cell s-${cell.stance}" style="--sal:${Math.max(0.15, cell.salience).toFixed(2)}"><details><summary aria-label="${esc(label)}" title="${esc(label)}">${sym}</summary><ul>${reasons}</ul></details></td>`;
}

function reasonText(r: Reason): string {
  const what = r.kind === 'statement' ? 'statement' : r.kind === 'absence' ? `rule ${r.rule} (absence)` : `rule ${r.rule}`;
  const via = r.via ? `, via ${r.via}` : '';
  return `${esc(what)}${esc(via)}: ${esc(r.says)} <span class="muted">(${esc(r.date)}; ${esc(r.sources.join(', '))})</span>`;
}
