import type { PlanDiff, TextHunk } from '../diff/types.js';
import { clauseDetails } from '../diff/describe-clause.js';
import { clauseLabel, countsLine, KIND_SYMBOL, metaLines, titleLine } from './diff-words.js';

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
  if (diff.summary.highlights.length) {
    out.push('', '**What matters most**', '');
    diff.summary.highlights.forEach((h, i) => out.push(`${i + 1}. ${escapeMarkdown(h.says)}`));
  }
  const changed = diff.clauses.filter((c) => c.kind !== 'unchanged');
  out.push('', `<details><summary>All changed clauses (${changed.length})</summary>`, '', '| | Clause | Change |', '|---|---|---|');
  for (const c of changed) {
    const details = c.from && c.to ? clauseDetails(c) : [c.kind + (c.related.length ? ` (with ${c.related.join(', ')})` : '')];
    const text = c.text ? `<br>${redline(c.text.hunks)}` : '';
    out.push(`| \`${KIND_SYMBOL[c.kind]}\` ${c.kind} | ${escapeMarkdown(clauseLabel(c))} | ${details.map(escapeMarkdown).join('<br>')}${text} |`);
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
