import { clauseDetails, describeClause, describeRun, termsInWords } from '../diff/describe-clause.js';
import type { ClauseChange, ClauseRef, PlanDiff, TextHunk } from '../diff/types.js';
import type { Clause, Plan } from '../model/types.js';
import type { DiffImpact } from '../positions/types.js';
import { countsLine, metaLines, possibleLine, titleLine, unrankedLine } from './diff-words.js';
import { formatScore } from './matrix-words.js';

/** Whether a run or a paragraph mark is kept, or tracked as inserted or deleted. */
export type RedlineOp = 'equal' | 'insert' | 'delete';

/** A run of text with one tracking state; `\n` is a line break. */
export interface RedlineRun {
  op: RedlineOp;
  text: string;
}

/** One paragraph of a clause: its heading (number and title) or its text. */
export interface RedlineParagraph {
  role: 'heading' | 'text';
  /** The paragraph as a whole: `insert` for a clause only the new version has, `delete` for one only the old has. */
  op: RedlineOp;
  runs: RedlineRun[];
}

/** A clause of the redline, in the new version's order (a removed clause where it stood). */
export interface RedlineClause {
  /** The clause's id in the new version (the old one for a removed clause). */
  id: string;
  kind: ClauseChange['kind'];
  paragraphs: [RedlineParagraph, RedlineParagraph];
  /** What the tracked wording cannot show: term changes, operative flags, status, moves, how the pair was found. Empty when there is nothing to say. */
  comment: string[];
}

/** A diff laid out as a tracked-changes document: a cover summary, then every clause of both versions. */
export interface Redline {
  title: string;
  /** "us-28-point (2025-11-20) → e3-counter-proposal (2025-11-23)" */
  versions: string;
  counts: string;
  /** Sections of the cover, each a heading and its lines; empty sections are left out. */
  cover: Array<{ heading: string; lines: string[] }>;
  clauses: RedlineClause[];
}

/**
 * Lays a diff out as a redline: every clause of the new version, with a
 * removed clause where it stood, its heading and text as runs that are kept,
 * inserted or deleted. Accepting every insertion and deletion gives the new
 * version's clauses; rejecting them all gives the old version's (a moved clause
 * stays at its new place, its move told in its comment).
 */
export function buildRedline(diff: PlanDiff, from: Plan, to: Plan, notes: { impact?: DiffImpact } = {}): Redline {
  const impact = notes.impact;
  const cover: Redline['cover'] = [
    { heading: 'Plan', lines: metaLines(diff) },
    { heading: 'What matters most', lines: [...diff.summary.highlights.map((h) => h.says), ...(unrankedLine(diff) ? [unrankedLine(diff) as string] : [])] },
    { heading: 'Renumbered', lines: diff.summary.renumberings.map(describeRun) },
    { heading: 'Possible pairs (pin them with a pairs file if they are the same clause)', lines: diff.possiblePairs.map(possibleLine) },
    { heading: 'Stakeholders', lines: impact ? impact.stakeholders.flatMap(stakeholderLines) : [] },
    { heading: 'Which change moved whom', lines: impact ? impact.clauses.map(moveLine) : [] },
    { heading: 'Not tracked', lines: diff.ignored.length ? [`These classes of change were left out of the diff: ${diff.ignored.join(', ')}.${diff.ignored.includes('wording') ? ' Clause texts are the new version’s, untracked.' : ''}`] : [] },
  ].filter((s) => s.lines.length > 0);
  return {
    title: to.title,
    versions: titleLine(diff),
    counts: countsLine(diff),
    cover,
    clauses: diff.clauses.map((c) => redlineClause(c, from, to)),
  };
}

/** "Ukraine: acceptability +1.00 → +0.50; 1 change toward, 0 away", then what stopped or started counting. */
function stakeholderLines(s: DiffImpact['stakeholders'][number]): string[] {
  const moved = `${s.toward} change${s.toward === 1 ? '' : 's'} toward, ${s.away} away`;
  return [`${s.name}: acceptability ${formatScore(s.before).trim()} → ${formatScore(s.after).trim()}; ${moved}`, ...[...s.left, ...s.entered].map((l) => `${s.name}: ${l}`)];
}

/** "Clause 6 (…): cap raised …: toward ukraine (oppose → conditional); away russia (support → oppose)" */
function moveLine(c: DiffImpact['clauses'][number]): string {
  const who = (dir: string, ms: DiffImpact['clauses'][number]['toward']) => ms.map((m) => `${dir} ${m.stakeholder} (${m.before ?? 'no position'} → ${m.after ?? 'no position'})`);
  return `${c.change}: ${[...who('toward', c.toward), ...who('away', c.away)].join('; ')}`;
}

function redlineClause(c: ClauseChange, from: Plan, to: Plan): RedlineClause {
  const old = c.from ? clauseAt(from, c.from) : undefined;
  const now = c.to ? clauseAt(to, c.to) : undefined;
  const id = (c.to ?? c.from)?.id ?? '';
  if (!old || !now) {
    const only = (now ?? old) as Clause;
    const op: RedlineOp = now ? 'insert' : 'delete';
    const heading = label(only.number, only.title);
    return {
      id,
      kind: c.kind,
      paragraphs: [
        { role: 'heading', op, runs: [{ op, text: heading }] },
        { role: 'text', op, runs: [{ op, text: only.text }] },
      ],
      comment: [describeClause(c), ...termsInWords(only).map((t) => `term: ${t}`)],
    };
  }
  const heading: RedlineRun[] = [];
  if (old.number === now.number) {
    if (now.number !== undefined) heading.push({ op: 'equal', text: `${now.number} ` });
  } else {
    if (old.number !== undefined) heading.push({ op: 'delete', text: `${old.number} ` });
    if (now.number !== undefined) heading.push({ op: 'insert', text: `${now.number} ` });
  }
  if (old.title === now.title) heading.push({ op: 'equal', text: now.title });
  else heading.push({ op: 'delete', text: old.title }, { op: 'insert', text: now.title });
  const text = c.text?.hunks.length ? c.text.hunks.map(hunkRun) : [{ op: 'equal' as const, text: now.text }];
  const onlyNumbering = c.kind === 'renumbered' && !c.moved;
  const how = !c.match || c.match.method === 'id' ? [] : [c.match.method === 'pinned' ? `paired with ${old.id} of ${from.version} by the pairs file` : c.match.method === 'covers' || c.match.method === 'part' ? `paired with ${old.id} of ${from.version}, as the file says (${c.match.method === 'part' ? 'partOf' : 'covers'})` : `paired with ${old.id} of ${from.version} by ${c.match.method} (score ${c.match.score})`];
  return {
    id,
    kind: c.kind,
    paragraphs: [
      { role: 'heading', op: 'equal', runs: merge(heading) },
      { role: 'text', op: 'equal', runs: merge(text) },
    ],
    comment: c.kind === 'unchanged' || onlyNumbering ? [] : [...clauseDetails(c), ...how],
  };
}

function clauseAt(plan: Plan, ref: ClauseRef): Clause | undefined {
  const at = plan.clauses[ref.index];
  return at?.id === ref.id ? at : plan.clauses.find((c) => c.id === ref.id);
}

function label(number: string | undefined, title: string): string {
  return number === undefined ? title : `${number} ${title}`;
}

function hunkRun(h: TextHunk): RedlineRun {
  return { op: h.op, text: h.value };
}

/** Joins neighbouring runs of one state and drops empty ones. */
function merge(runs: RedlineRun[]): RedlineRun[] {
  const out: RedlineRun[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === r.op) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}
