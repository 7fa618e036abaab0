import type { AcceptabilityComparison } from '../../positions/types.js';
import { formatScore } from '../matrix-words.js';
import { esc } from './escape.js';

const COLOURS = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bf8700', '#1b7c83', '#bc4c00', '#6e7781', '#d63384', '#4d2d00', '#116329', '#0550ae'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/** Acceptability per stakeholder across versions: an inline SVG chart, and the same figures as a table. */
export function timelineSection(c: AcceptabilityComparison): string {
  const [w, h, left, right, top, bottom] = [900, 340, 60, 150, 20, 50];
  const n = c.versions.length;
  const x = (i: number) => left + (n <= 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (n - 1));
  const y = (score: number) => top + ((1 - score) / 2) * (h - top - bottom);
  const svg = [`<svg class="timeline" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="timeline-title"><title id="timeline-title">Acceptability of each version to each stakeholder, from −1 (opposes) to +1 (supports)</title>`];
  for (const v of [-1, -0.5, 0, 0.5, 1]) svg.push(`<line class="grid" x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}"/><text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v > 0 ? '+' : ''}${v}</text>`);
  c.versions.forEach((v, i) => svg.push(`<text x="${x(i)}" y="${h - bottom + 18}" text-anchor="middle">${esc(v.version)}</text><text x="${x(i)}" y="${h - bottom + 34}" text-anchor="middle">${esc(v.date)}</text>`));
  c.stakeholders.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length];
    const dash = DASHES[Math.floor(k / COLOURS.length) % DASHES.length] || DASHES[k % DASHES.length];
    const points = s.versions.map((v, i) => (v.score === null ? null : ([x(i), y(v.score)] as const)));
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) svg.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}" points="${run.join(' ')}"/>`);
      run = [];
    };
    points.forEach((p, i) => {
      if (!p) return flush();
      run.push(`${p[0]},${p[1]}`);
      svg.push(`<circle cx="${p[0]}" cy="${p[1]}" r="4" fill="${colour}"><title>${esc(s.name)}, ${esc(c.versions[i]?.version ?? '')}: ${esc(formatScore(s.versions[i]?.score ?? null))}</title></circle>`);
    });
    flush();
    const last = [...points].reverse().find((p) => p);
    if (last) svg.push(`<text x="${w - right + 8}" y="${last[1] + 4}" fill="${colour}">${esc(s.stakeholder)}</text>`);
  });
  svg.push('</svg>');
  const table = [`<table class="timeline-table"><caption class="muted">The same figures</caption><thead><tr><th scope="col">stakeholder</th>${c.versions.map((v) => `<th scope="col">${esc(v.version)}</th>`).join('')}</tr></thead><tbody>`];
  for (const s of c.stakeholders) table.push(`<tr><th scope="row">${esc(s.name)}</th>${s.versions.map((v) => `<td class="score">${esc(formatScore(v.score))}</td>`).join('')}</tr>`);
  table.push(`<tr><th scope="row">blocked clauses</th>${c.versions.map((v) => `<td>${esc(v.blocked.join(', ') || '—')}</td>`).join('')}</tr></tbody></table>`);
  return `<section id="timeline" class="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Acceptability across versions</h2>${svg.join('')}\n${table.join('')}</section>`;
}
