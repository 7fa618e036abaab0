import type { PlanDiff, TextHunk } from '../diff/types.js';
import { isCarried } from '../model/clause-state.js';
import { clauseDetails, describeRun, termsInWords } from '../diff/describe-clause.js';
import { clauseLabel, countsLine, KIND_SYMBOL, kindLabel, metaLines, topicPairNote, possibleLine, titleLine, unrankedLine } from './diff-words.js';
import { painter, visible } from './text.js';

/** Options of {@link renderDiffText}. */
export interface TextRenderOptions {
  /** ANSI colours (the CLI turns them on for a terminal unless NO_COLOR is set). Default false. */
  color?: boolean;
  /** List unchanged clauses too. Default false. */
  unchanged?: boolean;
}


/**
 * A diff for a terminal: the headline counts, the ranked list of what matters
 * most, then clause by clause with a word-level redline. Kinds are marked by
 * symbols and words, so the text reads the same without colour.
 *
 * @example
 * console.log(renderDiffText(diffPlans(us, e3)));
 */
export function renderDiffText(diff: PlanDiff, options: TextRenderOptions = {}): string {
  const paint = painter(options.color);
  const out: string[] = [paint('bold', titleLine(diff)), countsLine(diff)];
  if (diff.summary.identical) return out.join('\n') + '\n';
  if (diff.meta.length) {
    out.push('', paint('bold', 'Plan'));
    for (const line of metaLines(diff)) out.push(`  ${visible(line)}`);
  }
  const unranked = unrankedLine(diff);
  if (diff.summary.highlights.length || unranked) {
    out.push('', paint('bold', 'What matters most'));
    for (const h of diff.summary.highlights) out.push(`  * ${visible(h.says)}`);
    if (unranked) out.push(`  (${visible(unranked)})`);
  }
  if (diff.summary.renumberings.length) {
    out.push('', paint('bold', 'Renumbered'));
    for (const r of diff.summary.renumberings) out.push(`  # ${visible(describeRun(r))}`);
  }
  if (diff.possiblePairs.length) {
    out.push('', paint('bold', 'Possible pairs (pin them with --pairs if they are the same clause)'));
    for (const p of diff.possiblePairs) out.push(`  ? ${visible(possibleLine(p))}`);
  }
  if (diff.ignored.length) out.push('', `Ignored: ${diff.ignored.join(', ')}`);
  out.push('', paint('bold', 'Clauses'));
  for (const c of diff.clauses) {
    if (c.kind === 'unchanged' && !options.unchanged) continue;
    if (c.kind === 'renumbered' && !c.moved) continue; // told once, run by run, above
    const colour = c.kind === 'added' ? 'green' : c.kind === 'removed' ? 'red' : 'yellow';
    const id = (c.to ?? c.from)?.id;
    const how = !c.match || c.match.method === 'id' ? '' : c.match.method === 'pinned' ? ', pinned' : c.match.method === 'covers' || c.match.method === 'part' ? `, as its file says (${c.match.method === 'part' ? 'partOf' : 'covers'})` : `, matched by ${c.match.method} ${c.match.score}${topicPairNote(c.match)}`;
    out.push(`${paint(colour, `${KIND_SYMBOL[c.kind]} ${visible(clauseLabel(c))}`)}  [${kindLabel(c)}, ${visible(id ?? '')}${how}]`);
    if (c.from && c.to) for (const line of clauseDetails(c)) out.push(`    ${visible(line)}`);
    else {
      if (c.related.length) out.push(`    ${c.kind === 'split' ? 'split' : 'merged'} with ${c.related.join(', ')}`);
      const side = c.to ? diff.to.version : diff.from.version;
      const carried = c.clause && isCarried(c.clause) ? c.clause : undefined;
      const why = carried ? `${carried.presence === 'unknown' ? 'not known whether' : 'assumed, not seen, that'} ${side} has it (carried from ${carried.carriedFrom ?? 'another version'})` : `unconfirmed in ${side}`;
      if (c.uncertain) out.push(`    ${why}: told as ${c.to ? 'newly reported, not as added' : 'not reported in the new version, not as removed'}`);
      else if (c.reported) out.push(`    ${c.reported.added ? `${c.to ? diff.to.version : diff.from.version} is reported to add it since ${c.to ? diff.from.version : diff.to.version}` : `${c.to ? diff.from.version : diff.to.version} is reported to drop it`}${c.reported.unconfirmed ? ' (unconfirmed)' : ''}: ${c.reported.sources.join(', ')}`);
      else if (c.partial) out.push(`    ${c.to ? diff.from.version : diff.to.version} is known only in part: the clause may be there unreported`);
      if (c.clause) {
        out.push(`    text: ${visible(c.clause.text.replace(/\s*\n\s*/g, ' '))}`);
        for (const t of termsInWords(c.clause)) out.push(`    term: ${visible(t)}`);
      }
    }
    if (c.text?.hunks.length) out.push(`    text: ${redline(c.text.hunks, paint)}`);
  }
  return out.join('\n') + '\n';
}

/** Deleted text as [-…-] and inserted as {+…+}, coloured when asked. */
function redline(hunks: readonly TextHunk[], paint: (code: 'red' | 'green', s: string) => string): string {
  return hunks
    .map((h) => {
      const text = visible(h.value.replace(/\s*\n\s*/g, ' '));
      return h.op === 'equal' ? text : h.op === 'delete' ? paint('red', `[-${text}-]`) : paint('green', `{+${text}+}`);
    })
    .join('');
}
