/**
 * Operative language: the words that decide how binding a clause is. A
 * rewording that turns "will" into "is expected to", drops a "not" or adds an
 * "once" changes what a clause does; these flags say so.
 */
import type { TextHunk } from './text-diff.js';
import { sideOf } from './text-diff.js';

/** A change in the operative language of a clause text. */
export type OperativeFlag =
  | { kind: 'obligation'; from: string | null; to: string | null; direction: 'softened' | 'strengthened' }
  | { kind: 'negation'; change: 'added' | 'removed'; words: string[] }
  | { kind: 'condition'; change: 'added' | 'removed'; words: string[] };

/** Obligation words, strongest first within their level. */
const OBLIGATION: ReadonlyArray<[RegExp, string, number]> = [
  [/\bmay\s+not\b|\bcan\s*not\b|\bcan't\b/i, 'may not', 4], // a permissive modal negated is a prohibition
  [/\bmust\b/i, 'must', 4],
  [/\bshall\b/i, 'shall', 4],
  [/\b(?:will|undertakes?|commits?|agrees?)\b/i, 'will', 3],
  [/\bshould\b/i, 'should', 2],
  [/\b(?:is|are)\s+expected\b|\bexpected\s+to\b/i, 'expected', 1],
  [/\b(?:may|might|could)\b(?!\s+not\b)/i, 'may', 1],
];
const NEGATION = /\b(?:not|no|never|nor|without|none|neither)\b|n't\b/gi;
const CONDITION = /\b(?:subject\s+to|provided\s+that|on\s+condition\s+that|conditional\s+on|if|once|unless|until|after)\b/gi;

/** The strongest obligation a text expresses: [word, level], or null. */
export function obligationOf(text: string): [string, number] | null {
  let best: [string, number] | null = null;
  let bestAt = Infinity;
  for (const [re, word, level] of OBLIGATION) {
    const m = re.exec(text);
    if (!m) continue;
    if (!best || level > best[1] || (level === best[1] && m.index < bestAt)) {
      best = [word, level];
      bestAt = m.index;
    }
  }
  return best;
}

const words = (text: string, re: RegExp): string[] => (text.match(re) ?? []).map((w) => w.toLowerCase().replace(/\s+/g, ' '));

/**
 * Flags for the operative changes between the two sides of a text diff:
 * obligation strength, negations and conditions added or removed.
 *
 * @example
 * operativeFlags(diffText('NATO will not expand', 'NATO is expected not to expand').hunks);
 * // [{ kind: 'obligation', from: 'will', to: 'expected', direction: 'softened' }]
 */
export function operativeFlags(hunks: readonly TextHunk[]): OperativeFlag[] {
  const flags: OperativeFlag[] = [];
  const from = sideOf(hunks, 'from');
  const to = sideOf(hunks, 'to');
  const a = obligationOf(from);
  const b = obligationOf(to);
  const [la, lb] = [a?.[1] ?? 0, b?.[1] ?? 0];
  // A permissive "may" appearing or going alone changes no duty; anything stronger does.
  if (la !== lb && (Math.max(la, lb) >= 2 || (a && b))) {
    flags.push({ kind: 'obligation', from: a?.[0] ?? null, to: b?.[0] ?? null, direction: lb > la ? 'strengthened' : 'softened' });
  }
  const deleted = hunks.filter((h) => h.op === 'delete').map((h) => h.value).join(' ');
  const inserted = hunks.filter((h) => h.op === 'insert').map((h) => h.value).join(' ');
  for (const [kind, re] of [['negation', NEGATION], ['condition', CONDITION]] as const) {
    const before = words(from, re).length;
    const after = words(to, re).length;
    if (after > before) flags.push({ kind, change: 'added', words: unique(words(inserted, re)) });
    else if (after < before) flags.push({ kind, change: 'removed', words: unique(words(deleted, re)) });
  }
  return flags;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
