import { describeFlag, describeRun, termsInWords } from '../../diff/describe-clause.js';
import { formatValue, isDeadline, isDuration, isMoney } from '../../diff/format-value.js';
import type { ClauseChange, PlanDiff, TermChange, TextHunk } from '../../diff/types.js';
import type { Plan } from '../../model/types.js';
import type { DiffImpact, Move } from '../../positions/types.js';
import { countsLine, KIND_SYMBOL, kindLabel, metaLines, topicPairNote, possibleLine, titleLine, unrankedLine } from '../diff-words.js';
import { formatScore } from '../matrix-words.js';
import { anchor, esc } from './escape.js';

/** A diff to show, with the two versions (for the text of clauses whose text did not change) and its impact. */
export interface HtmlDiff {
  diff: PlanDiff;
  /** The old version: lets unchanged texts show beside changed terms. */
  from?: Plan;
  /** The new version. */
  to?: Plan;
  impact?: DiffImpact;
}

/** The section of one diff: counts, what matters most, the side-by-side redline, and the impact. */
export function diffSection(d: HtmlDiff): string {
  const { diff } = d;
  const id = anchor('diff', diff.from.version, diff.to.version);
  const out = [`<section id="${id}" class="diff" aria-labelledby="${id}-h">`, `<h2 id="${id}-h">Changes ${esc(titleLine(diff))}</h2>`];
  out.push(`<p class="counts">${esc(countsLine(diff))}</p>`);
  const meta = metaLines(diff);
  if (meta.length) out.push(`<ul>${meta.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`);
  const unranked = unrankedLine(diff);
  if (diff.summary.highlights.length || unranked) {
    out.push('<h3>What matters most</h3>');
    if (diff.summary.highlights.length) out.push('<ol>', ...diff.summary.highlights.map((h) => `<li>${esc(h.says)}</li>`), '</ol>');
    if (unranked) out.push(`<p class="muted">${esc(unranked)}</p>`);
  }
  if (diff.summary.renumberings.length) {
    out.push('<h3>Renumbered</h3><ul>', ...diff.summary.renumberings.map((r) => `<li>${esc(describeRun(r))}</li>`), '</ul>');
  }
  if (diff.possiblePairs.length) {
    out.push('<h3>Possible pairs</h3><p class="muted">Unpaired clauses that nearly matched; pin them with a pairs file if they are the same clause.</p><ul>', ...diff.possiblePairs.map((p) => `<li>${esc(possibleLine(p))}</li>`), '</ul>');
  }
  const changed = diff.clauses.filter((c) => c.kind !== 'unchanged' && !(c.kind === 'renumbered' && !c.moved));
  const unchanged = diff.clauses.filter((c) => c.kind === 'unchanged').length;
  const renumbered = diff.clauses.length - changed.length - unchanged;
  out.push(`<h3>Side by side</h3><p class="muted">${changed.length} changed clauses${unchanged ? `; ${unchanged} unchanged not shown` : ''}${renumbered ? `; ${renumbered} only renumbered, listed above` : ''}. Deleted words are struck through, inserted words underlined.</p>`);
  out.push('<div class="scroll"><table class="redline">');
  out.push(`<thead><tr><th scope="col">${esc(diff.from.version)} (old)</th><th scope="col">${esc(diff.to.version)} (new)</th></tr></thead><tbody>`);
  const texts = { from: textsOf(d.from), to: textsOf(d.to) };
  for (const c of changed) out.push(...clauseRows(c, texts));
  out.push('</tbody></table></div>');
  if (d.impact) out.push(impactHtml(d.impact, id));
  out.push('</section>');
  return out.join('\n');
}

function textsOf(plan: Plan | undefined): Map<string, string> {
  return new Map((plan?.clauses ?? []).map((c) => [c.id, c.text]));
}

function clauseRows(c: ClauseChange, texts: { from: Map<string, string>; to: Map<string, string> }): string[] {
  const marks = [kindLabel(c), ...(c.renumbered && c.kind !== 'renumbered' ? ['renumbered'] : []), ...(c.moved && c.kind !== 'moved' ? ['moved'] : [])];
  const where = c.moved && c.from && c.to ? ` · position ${c.from.index + 1} → ${c.to.index + 1}` : '';
  const id = (c.to ?? c.from)?.id ?? '';
  const how = c.match && c.match.method !== 'id' ? ` · paired by ${c.match.method} (${c.match.score}${topicPairNote(c.match)})` : '';
  const related = c.related.length ? ` · ${c.kind === 'split' ? 'split into' : 'merged with'} ${c.related.join(', ')}` : '';
  const head = `<tr class="k-${c.kind}"><th colspan="2" scope="rowgroup" id="${anchor('c', id, c.from?.id ?? '', String(c.to?.index ?? c.from?.index))}">` +
    `<span class="kind" aria-label="${esc(marks.join(', '))}">${esc(KIND_SYMBOL[c.kind])} ${esc(marks.join(', '))}</span> <code>${esc(id)}</code>${esc(where + how + related)}</th></tr>`;
  const side = (which: 'from' | 'to') => {
    const ref = c[which];
    if (!ref) return `<td><span class="none">not in this version</span></td>`;
    const body = c.text ? hunksHtml(c.text.hunks, which) : esc(texts[which].get(ref.id) ?? (c.clause?.text ?? ''));
    const shown = body || '<span class="none">text unchanged</span>';
    return `<td><div class="head">${ref.number !== undefined ? `${esc(ref.number)} · ` : ''}${esc(ref.title)}</div><p>${shown}</p></td>`;
  };
  const rows = [head, `<tr class="k-${c.kind}">${side('from')}${side('to')}</tr>`];
  const details = termsHtml(c) + flagsHtml(c);
  if (details) rows.push(`<tr class="k-${c.kind}"><td colspan="2">${details}</td></tr>`);
  return rows;
}

function hunksHtml(hunks: readonly TextHunk[], side: 'from' | 'to'): string {
  return hunks
    .map((h) => (h.op === 'equal' ? esc(h.value) : h.op === 'delete' ? (side === 'from' ? `<del>${esc(h.value)}</del>` : '') : side === 'to' ? `<ins>${esc(h.value)}</ins>` : ''))
    .join('');
}

function termsHtml(c: ClauseChange): string {
  if (c.clause && (!c.from || !c.to)) {
    const words = termsInWords(c.clause);
    return words.length ? `<ul class="muted" aria-label="terms">${words.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  }
  if (c.terms.length === 0) return '';
  // Lists and records are told by their sentence; a cell holds only a value a reader takes in at a glance.
  const plain = (v: unknown): boolean => v === null || typeof v !== 'object' || isMoney(v) || isDuration(v) || isDeadline(v) || (Array.isArray(v) && v.every(plain));
  const value = (v: unknown) => (plain(v) ? esc(formatValue(v)) : '…');
  // A side whose sources do not report the term holds no value, not "(none)".
  const cell = (t: TermChange, side: 'from' | 'to') => (t.unreported === side ? '<span class="muted">not reported</span>' : t.changes ? '…' : value(t[side]));
  const rows = c.terms.map((t) => `<tr><th scope="row"><code>${esc(t.term)}</code></th><td>${cell(t, 'from')}</td><td>${cell(t, 'to')}</td><td>${t.delta === undefined ? '' : esc(formatValue(t.delta))}</td><td>${esc(t.says)}</td></tr>`);
  return `<table class="terms"><caption class="muted">Term changes</caption><thead><tr><th scope="col">term</th><th scope="col">from</th><th scope="col">to</th><th scope="col">delta</th><th scope="col">what it does</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function flagsHtml(c: ClauseChange): string {
  const flags = c.text?.flags ?? [];
  return flags.length ? `<ul class="flags" aria-label="operative language">${flags.map((f) => `<li>⚑ ${esc(describeFlag(f))}</li>`).join('')}</ul>` : '';
}

function impactHtml(impact: DiffImpact, id: string): string {
  const out = [`<h3 id="${id}-impact">Who moved</h3>`, '<table><thead><tr><th scope="col">stakeholder</th><th scope="col">acceptability before</th><th scope="col">after</th><th scope="col">changes toward</th><th scope="col">away</th></tr></thead><tbody>'];
  for (const s of impact.stakeholders) {
    out.push(`<tr><th scope="row">${esc(s.name)}</th><td class="score">${esc(formatScore(s.before))}</td><td class="score">${esc(formatScore(s.after))}</td><td>${s.toward}</td><td>${s.away}</td></tr>`);
  }
  out.push('</tbody></table><ul>');
  const move = (m: Move, word: string) => `${word} <strong>${esc(m.stakeholder)}</strong> (${esc(m.before ?? 'no position')} → ${esc(m.after ?? 'no position')})`;
  for (const c of impact.clauses) {
    const parts = [...c.toward.map((m) => move(m, '▲ toward')), ...c.away.map((m) => move(m, '▼ away from'))];
    out.push(`<li>${esc(c.change)}: ${parts.join('; ')}</li>`);
  }
  out.push('</ul>');
  return out.join('\n');
}
