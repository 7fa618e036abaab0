import type { PlanDiff, TextHunk } from '../diff/types.js';
import { clauseDetails, describeRun, termsInWords } from '../diff/describe-clause.js';
import { isCarried } from '../model/clause-state.js';
import { clauseLabel, countsLine, KIND_SYMBOL, kindLabel, metaLines, possibleLine, titleLine, unrankedLine } from './diff-words.js';

/** Escapes text for Markdown tables and inline use (no HTML, no emphasis, no pipes). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, ' ');
}

/**
 * A diff for a pull-request comment: headline, the ranked list, then a
 * collapsible table of every changed clause with its redline (deleted words
 * struck through, inserted words in bold).
 */
export function renderDiffMarkdown(diff: PlanDiff): string {
  const out: string[] = [`### ${escapeMarkdown(titleLine(diff))}`, '', `**${escapeMarkdown(countsLine(diff))}**`];
  if (diff.summary.identical) return out.join('\n') + '\n';
  if (diff.meta.length) {
    out.push('', '**Plan**', '');
    for (const line of metaLines(diff)) out.push(`- ${escapeMarkdown(line)}`);
  }
  const unranked = unrankedLine(diff);
  if (diff.summary.highlights.length || unranked) {
    out.push('', '**What matters most**', '');
    diff.summary.highlights.forEach((h, i) => out.push(`${i + 1}. ${escapeMarkdown(h.says)}`));
    if (unranked) out.push('', `_${escapeMarkdown(unranked)}_`);
  }
  if (diff.summary.renumberings.length) {
    out.push('', '**Renumbered**', '');
    for (const r of diff.summary.renumberings) out.push(`- ${escapeMarkdown(describeRun(r))}`);
  }
  if (diff.possiblePairs.length) {
    out.push('', '**Possible pairs** (pin them with a pairs file if they are the same clause)', '');
    for (const p of diff.possiblePairs) out.push(`- ${escapeMarkdown(possibleLine(p))}`);
  }
  if (diff.ignored.length) out.push('', `Ignored: ${escapeMarkdown(diff.ignored.join(', '))}`);
  const changed = diff.clauses.filter((c) => c.kind !== 'unchanged' && !(c.kind === 'renumbered' && !c.moved));
  out.push('', `<details><summary>All changed clauses (${changed.length})</summary>`, '', '| | Clause | Change |', '|---|---|---|');
  for (const c of changed) {
    const kind = kindLabel(c);
    const unseen = c.clause && isCarried(c.clause) ? `carried from ${c.clause.carriedFrom ?? 'another version'}, not seen` : 'unconfirmed';
    const details = c.from && c.to ? clauseDetails(c) : [(c.uncertain ? unseen : c.kind) + (c.related.length ? ` (with ${c.related.join(', ')})` : '') + (c.uncertain ? ': not reported on the other side' : c.reported ? ` (reported ${c.reported.added ? (c.to ? 'new' : 'absent') : 'dropped'}${c.reported.unconfirmed ? ', unconfirmed' : ''}: ${c.reported.sources.join(', ')})` : c.partial ? ' (the other version is known only in part)' : ''), ...(c.clause ? termsInWords(c.clause) : [])];
    const text = c.text?.hunks.length ? `<br>${redline(c.text.hunks)}` : c.clause ? `<br>${escapeMarkdown(c.clause.text)}` : '';
    out.push(`| \`${KIND_SYMBOL[c.kind]}\` ${kind} | ${escapeMarkdown(clauseLabel(c))} | ${details.map(escapeMarkdown).join('<br>')}${text} |`);
  }
  out.push('', '</details>');
  return out.join('\n') + '\n';
}

function redline(hunks: readonly TextHunk[]): string {
  return hunks
    .map((h) => {
      const t = escapeMarkdown(h.value);
      if (h.op === 'equal' || !t.trim()) return t;
      return h.op === 'delete' ? `~~${t.trim()}~~ ` : `**${t.trim()}** `;
    })
    .join('');
}
