/**
 * Word-level differences between two clause texts: the only module that
 * imports `diff`. Numbers, dates and money amounts are single tokens, so
 * "600,000" never shows as "6[0]0,000". Work is bounded by an edit budget that
 * depends only on the inputs (never on the clock), so the output is
 * deterministic; when the budget runs out the texts are reported as one
 * replacement.
 */
import { diffArrays } from 'diff';

/** A run of text that is kept, inserted or deleted. */
export interface TextHunk {
  op: 'equal' | 'insert' | 'delete';
  value: string;
}

/** Word-level changes of one text. */
export interface TextDiff {
  hunks: TextHunk[];
  /** True when the texts were too different (or too long) to align word by word. */
  replaced: boolean;
}

const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const TOKEN = new RegExp(
  [
    String.raw`[$€£₴₽]\s?\d[\d,.]*(?:\s?(?:bn|billion|million|trillion|m)\b)?`, // money
    String.raw`\d+(?:[.,]\d+)*\s?(?:bn|billion|million|trillion)\b`, // "100 billion"
    String.raw`\d{4}-\d{2}-\d{2}`, // ISO date
    String.raw`\d{1,2}\s(?:${MONTHS})(?:\s\d{4})?\b`, // "20 November 2025"
    String.raw`(?:${MONTHS})\s\d{1,2}(?:,\s\d{4})?\b`, // "November 20, 2025"
    String.raw`\d+(?:[.,]\d+)*(?:\s?%)?`, // numbers, 600,000, 50 %
    String.raw`[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*`, // words, hyphenated words, Ukraine's
    String.raw`\s+`,
    String.raw`[^]`,
  ].join('|'),
  'gu',
);

/** Splits a text into the tokens the word diff works on. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Total token-comparison work allowed for one text pair (tokens × edit distance). */
const WORK_BUDGET = 16_000_000;

/**
 * Word-level hunks turning `from` into `to`.
 *
 * @example
 * diffText('capped at 600,000', 'capped at 800,000').hunks;
 * // [{ op: 'equal', value: 'capped at ' }, { op: 'delete', value: '600,000' }, { op: 'insert', value: '800,000' }]
 */
export function diffText(from: string, to: string): TextDiff {
  if (from === to) return { hunks: from ? [{ op: 'equal', value: from }] : [], replaced: false };
  const a = tokenize(from);
  const b = tokenize(to);
  const maxEditLength = Math.max(8, Math.floor(WORK_BUDGET / Math.max(1, a.length + b.length)));
  const changes = overlap(a, b) < 0.2 ? undefined : diffArrays(a, b, { maxEditLength });
  if (!changes) return { hunks: replacement(from, to), replaced: true };
  const raw: TextHunk[] = changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', value: c.value.join('') }));
  return { hunks: tidy(raw), replaced: false };
}

function replacement(from: string, to: string): TextHunk[] {
  const out: TextHunk[] = [];
  if (from) out.push({ op: 'delete', value: from });
  if (to) out.push({ op: 'insert', value: to });
  return out;
}

/** Dice overlap of the two token multisets (words only); cheap, linear. */
function overlap(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  let words = 0;
  for (const t of a) if (/\S/.test(t)) (counts.set(t, (counts.get(t) ?? 0) + 1), words++);
  let shared = 0;
  let bWords = 0;
  for (const t of b) {
    if (!/\S/.test(t)) continue;
    bWords++;
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return words + bWords === 0 ? 1 : (2 * shared) / (words + bWords);
}

/**
 * Makes hunks read like a redline: a lone space kept between two changes joins
 * them, each change region is one deletion then one insertion, and empty
 * hunks go away.
 */
function tidy(hunks: TextHunk[]): TextHunk[] {
  const out: TextHunk[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', value: del });
    if (ins) out.push({ op: 'insert', value: ins });
    del = ins = '';
  };
  hunks.forEach((h, i) => {
    const inChange = del !== '' || ins !== '';
    const next = hunks[i + 1];
    if (h.op === 'equal' && inChange && /^\s+$/.test(h.value) && next && next.op !== 'equal') {
      del += h.value;
      ins += h.value;
    } else if (h.op === 'equal') {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.value += h.value;
      else if (h.value) out.push({ ...h });
    } else if (h.op === 'delete') del += h.value;
    else ins += h.value;
  });
  flush();
  return out;
}

/** The text before (`from`) or after (`to`) the hunks. */
export function sideOf(hunks: readonly TextHunk[], side: 'from' | 'to'): string {
  const skip = side === 'from' ? 'insert' : 'delete';
  return hunks
    .filter((h) => h.op !== skip)
    .map((h) => h.value)
    .join('');
}
