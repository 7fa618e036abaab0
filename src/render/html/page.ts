/**
 * One self-contained HTML file: no scripts, no external fonts, styles or
 * images, and a Content-Security-Policy that forbids loading anything, so it
 * works offline, can be mailed, and cannot run what a clause text contains.
 */
import type { AcceptabilityComparison, PositionMatrix } from '../../positions/types.js';
import type { PlanSummary } from '../../summary/summarize-plan.js';
import { diffSection } from './diff-html.js';
import { evidenceSection } from './evidence-html.js';
import type { HtmlDiff } from './diff-html.js';
import { anchor, esc } from './escape.js';
import { matrixSection } from './matrix-html.js';
import { CSS } from './styles.js';
import { timelineSection } from './timeline-html.js';

export type { HtmlDiff } from './diff-html.js';

/** What a report holds; every part is optional. */
export interface HtmlContent {
  /** The page title. Default: from the parts. */
  title?: string;
  /** A line under the title. */
  subtitle?: string;
  /** Diffs, each shown as a side-by-side redline (with its impact when given). */
  diffs?: readonly HtmlDiff[];
  /** Position matrices, each shown as a heat map. */
  matrices?: readonly PositionMatrix[];
  /** Acceptability across versions, shown as a chart and a table. */
  acceptability?: AcceptabilityComparison;
  /** How firm each version is (from `summarizePlan`), shown first as a table. */
  evidence?: readonly PlanSummary[];
}

/**
 * Renders diffs, position matrices and acceptability as one HTML page that
 * needs nothing else: light and dark, printable, keyboard navigable, every
 * change and stance marked by a symbol or word as well as colour, and every
 * text from a plan escaped.
 *
 * @example
 * const html = renderHtml({ diffs: [{ diff: diffPlans(us, e3), from: us, to: e3 }] });
 * html.startsWith('<!doctype html>'); // true
 */
export function renderHtml(content: HtmlContent): string {
  const title = content.title ?? defaultTitle(content);
  const sections: Array<[string, string, string]> = [];
  if (content.evidence?.length) sections.push(['evidence', 'How firm each version is', evidenceSection(content.evidence)]);
  for (const d of content.diffs ?? []) sections.push([anchor('diff', d.diff.from.version, d.diff.to.version), `Changes ${d.diff.from.version} → ${d.diff.to.version}`, diffSection(d)]);
  for (const m of content.matrices ?? []) sections.push([anchor('matrix', m.version, m.by), `Positions on ${m.version}`, matrixSection(m)]);
  if (content.acceptability) sections.push(['timeline', 'Acceptability across versions', timelineSection(content.acceptability)]);
  const nav = sections.length > 1 ? `<nav aria-label="Contents"><ul>${sections.map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join('')}</ul></nav>` : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    `<header><h1>${esc(title)}</h1>${content.subtitle ? `<p class="muted">${esc(content.subtitle)}</p>` : ''}${nav}</header>`,
    '<main id="main">',
    ...sections.map(([, , html]) => html),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function defaultTitle(c: HtmlContent): string {
  const first = c.diffs?.[0]?.diff ?? c.matrices?.[0];
  const plan = first ? ('plan' in first ? first.plan : first.from.plan) : 'peaceplan';
  return `${plan}: report`;
}
