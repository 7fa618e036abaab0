import type { AcceptabilityComparison } from '../../positions/types.js';
import { formatScore } from '../matrix-words.js';
import { esc } from './escape.js';

const COLOURS = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bf8700', '#1b7c83', '#bc4c00', '#6e7781', '#d63384', '#4d2d00', '#116329', '#0550ae'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];
/** Vertical room for one stakeholder's label in the chart's legend. */
const LABEL_GAP = 15;

/** A point marker whose shape (circle, square, triangle, diamond) tells lines apart without colour. */
function marker(x: number, y: number, colour: string, k: number, tip = ''): string {
  const r = 4.5;
  switch (k % 4) {
    case 0:
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}">${tip}</circle>`;
    case 1:
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${colour}">${tip}</rect>`;
    case 2:
      return `<polygon points="${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}" fill="${colour}">${tip}</polygon>`;
    default:
      return `<polygon points="${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}" fill="${colour}">${tip}</polygon>`;
  }
}

/**
 * Acceptability per stakeholder across versions: an inline SVG chart, and the
 * same figures as a table. Versions stand in date order; where the comparison
 * gives their parents, each line runs from a version to the one it revises, so
 * two revisions of one draft branch from it instead of joining each other.
 */
export function timelineSection(c: AcceptabilityComparison): string {
  // Tall enough for every stakeholder's label to sit apart from the next.
  const [w, left, right, top, bottom] = [900, 60, 150, 20, 50];
  const h = Math.max(340, top + bottom + LABEL_GAP * c.stakeholders.length + 10);
  const n = c.versions.length;
  const x = (i: number) => left + (n <= 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (n - 1));
  const y = (score: number) => top + ((1 - score) / 2) * (h - top - bottom);
  const svg = [`<svg class="timeline" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="timeline-title"><title id="timeline-title">Acceptability of each version to each stakeholder, from −1 (opposes) to +1 (supports)</title>`];
  for (const v of [-1, -0.5, 0, 0.5, 1]) svg.push(`<line class="grid" x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}"/><text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v > 0 ? '+' : ''}${v}</text>`);
  // The first and last version labels stand inside the plot's width, clear of the score axis and the legend.
  const anchor = (i: number) => (n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle');
  c.versions.forEach((v, i) => svg.push(`<text x="${x(i)}" y="${h - bottom + 18}" text-anchor="${anchor(i)}">${esc(v.version)}</text><text x="${x(i)}" y="${h - bottom + 34}" text-anchor="${anchor(i)}">${esc(v.date)}</text>`));
  const labels: Array<{ y: number; name: string; colour: string; shape: number }> = [];
  const index = new Map(c.versions.map((v, i) => [v.version, i]));
  const parentIndex = c.versions.map((v) => (v.parent != null ? (index.get(v.parent) ?? -1) : -1));
  const tree = parentIndex.some((j) => j >= 0);
  c.stakeholders.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length] as string;
    const dash = DASHES[Math.floor(k / COLOURS.length) % DASHES.length] || DASHES[k % DASHES.length];
    const points = s.versions.map((v, i) => (v.score === null ? null : ([x(i), y(v.score)] as const)));
    const line = (pts: ReadonlyArray<readonly [number, number]>, from: string, to: string) =>
      svg.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}" data-from="${esc(from)}" data-to="${esc(to)}" points="${pts.map((p) => `${p[0]},${p[1]}`).join(' ')}"/>`);
    if (tree) {
      // One segment from each version to the version it revises.
      points.forEach((p, i) => {
        const j = parentIndex[i] ?? -1;
        const q = j >= 0 ? points[j] : null;
        if (p && q) line([q, p], c.versions[j]?.version ?? '', c.versions[i]?.version ?? '');
      });
    } else {
      // No lineage given: versions in date order, one run per stretch of scores.
      let run: number[] = [];
      const flush = () => {
        if (run.length > 1) line(run.map((i) => points[i] as readonly [number, number]), c.versions[run[0] as number]?.version ?? '', c.versions[run.at(-1) as number]?.version ?? '');
        run = [];
      };
      points.forEach((p, i) => (p ? run.push(i) : flush()));
      flush();
    }
    points.forEach((p, i) => {
      if (!p) return;
      const tip = `<title>${esc(s.name)}, ${esc(c.versions[i]?.version ?? '')}: ${esc(formatScore(s.versions[i]?.score ?? null))}</title>`;
      svg.push(marker(p[0], p[1], colour, k, tip));
    });
    const last = [...points].reverse().find((p) => p);
    if (last) labels.push({ y: last[1], name: s.stakeholder, colour, shape: k });
  });
  // Labels in the text colour, each after a swatch of its line's colour and marker, nudged apart so none overlap.
  labels.sort((a, b) => a.y - b.y);
  // Nudged down apart, then, where the stack runs below the plot, up again from its foot: no label reaches the axis labels.
  const ys: number[] = [];
  let floor = -Infinity;
  for (const l of labels) ys.push((floor = Math.max(l.y, floor + LABEL_GAP)));
  let ceiling = h - bottom - 6;
  for (let i = ys.length - 1; i >= 0; i--) ys[i] = ceiling = Math.min(ys[i] as number, ceiling - (i === ys.length - 1 ? 0 : LABEL_GAP));
  labels.forEach((l, i) => {
    const y = ys[i] as number;
    svg.push(`${marker(w - right + 12, y, l.colour, l.shape)}<text class="label" x="${w - right + 22}" y="${y + 4}">${esc(l.name)}</text>`);
  });
  svg.push('</svg>');
  const table = [`<table class="timeline-table"><caption class="muted">The same figures</caption><thead><tr><th scope="col">stakeholder</th>${c.versions.map((v) => `<th scope="col">${esc(v.version)}</th>`).join('')}</tr></thead><tbody>`];
  for (const s of c.stakeholders) table.push(`<tr><th scope="row">${esc(s.name)}</th>${s.versions.map((v) => `<td class="score">${esc(formatScore(v.score))}</td>`).join('')}</tr>`);
  table.push(`<tr><th scope="row">blocked clauses</th>${c.versions.map((v) => `<td>${esc(v.blocked.join(', ') || '—')}</td>`).join('')}</tr></tbody></table>`);
  return `<section id="timeline" class="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Acceptability across versions</h2>${svg.join('')}\n${table.join('')}</section>`;
}
