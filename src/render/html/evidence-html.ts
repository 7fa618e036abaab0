import type { PlanSummary } from '../../summary/summarize-plan.js';
import { esc } from './escape.js';

/** How firm each version is, before its diff: clauses by how well their sources carry them. */
export function evidenceSection(summaries: readonly PlanSummary[]): string {
  const head = ['version', 'clauses', 'confirmed', 'reported', 'unconfirmed', 'on one outlet', 'on state media only', 'carried over unseen'];
  const rows = summaries.map((s) =>
    [esc(s.version), s.clauses, s.byCertainty.confirmed, s.byCertainty.reported, s.byCertainty.unconfirmed, s.evidence.singleOutlet, s.evidence.stateMediaOnly, s.evidence.carried]
      .map((v, i) => (i === 0 ? `<th scope="row">${v}</th>` : `<td class="num">${v}</td>`))
      .join(''),
  );
  return [
    '<section id="evidence" aria-labelledby="evidence-title">',
    '<h2 id="evidence-title">How firm each version is</h2>',
    '<p class="muted">Clauses by certainty, and by what their sources give: one outlet (outlets of one network count once), state media alone, or nothing seen (carried over from another version).</p>',
    `<table class="evidence"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}
