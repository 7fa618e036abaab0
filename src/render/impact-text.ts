import type { DiffImpact, Move } from '../positions/types.js';
import { escapeMarkdown } from './diff-markdown.js';
import { formatScore } from './matrix-words.js';
import { painter, visible } from './text.js';

/** "oppose → conditional", "no position → support". */
function shift(m: Move): string {
  return `${m.before ?? 'no position'} → ${m.after ?? 'no position'}`;
}

/**
 * The impact of a diff for a terminal: per stakeholder the acceptability
 * before and after and how many changes moved it each way, then clause by
 * clause who moved toward (`+`) or away (`-`) and why.
 *
 * @example
 * process.stdout.write(renderImpactText(diffImpact(diff, positions, { from: us, to: e3, stakeholders })));
 */
export function renderImpactText(impact: DiffImpact, options: { color?: boolean } = {}): string {
  const paint = painter(options.color);
  const width = Math.max(5, ...impact.stakeholders.map((s) => s.stakeholder.length));
  const out = [paint('bold', `Stakeholders, ${impact.from} → ${impact.to}`)];
  for (const s of impact.stakeholders) {
    out.push(`  ${s.stakeholder.padEnd(width)}  acceptability ${formatScore(s.before)} → ${formatScore(s.after)}   ${s.toward} toward, ${s.away} away`);
    for (const line of [...s.left, ...s.entered]) out.push(`  ${' '.repeat(width)}    ${visible(line)}`);
  }
  out.push('', paint('bold', 'Which change moved whom'));
  if (impact.clauses.length === 0) out.push('  no change moved anyone');
  for (const c of impact.clauses) {
    out.push(`  ${visible(c.change)}  [${c.kind}, ${c.clause}]`);
    for (const m of c.toward) out.push(`    ${paint('green', `+ toward ${m.stakeholder}`)}: ${shift(m)}`, ...m.says.map((s) => `        ${visible(s)}`));
    for (const m of c.away) out.push(`    ${paint('red', `- away ${m.stakeholder}`)}: ${shift(m)}`, ...m.says.map((s) => `        ${visible(s)}`));
  }
  return out.join('\n') + '\n';
}

/** The impact of a diff as Markdown: a table of stakeholders, then the changes that moved them. */
export function renderImpactMarkdown(impact: DiffImpact): string {
  const out = [`#### Stakeholders, ${escapeMarkdown(`${impact.from} → ${impact.to}`)}`, '', '| Stakeholder | Before | After | Toward | Away |', '|---|--:|--:|--:|--:|'];
  for (const s of impact.stakeholders) out.push(`| ${escapeMarkdown(s.name)} | ${formatScore(s.before).trim()} | ${formatScore(s.after).trim()} | ${s.toward} | ${s.away} |`);
  out.push('', '| Change | Toward | Away |', '|---|---|---|');
  for (const c of impact.clauses) {
    const list = (ms: readonly Move[]) => ms.map((m) => `${escapeMarkdown(m.stakeholder)} (${escapeMarkdown(shift(m))})`).join('<br>');
    out.push(`| ${escapeMarkdown(c.change)} | ${list(c.toward)} | ${list(c.away)} |`);
  }
  return out.join('\n') + '\n';
}
