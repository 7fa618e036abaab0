/**
 * Operative language: the words that decide how binding a clause is. A
 * rewording that turns "will" into "is expected to", drops a "not" or adds an
 * "once" changes what a clause does; these flags say so.
 */
import type { TextHunk } from './text-diff.js';
import { sideOf } from './text-diff.js';
import { stem } from '../match/tokens.js';

/** A change in the operative language of a clause text. */
export type OperativeFlag =
  | { kind: 'obligation'; from: string | null; to: string | null; direction: 'softened' | 'strengthened' }
  | { kind: 'negation'; change: 'added' | 'removed'; words: string[] }
  | { kind: 'condition'; change: 'added' | 'removed'; words: string[] };

/** Obligation words by strength; a prohibition ("may not", "neither … may") binds like "must". */
// The label is the word found, except where a phrase is named by its key word.
// A modal counts where it governs a verb: not as a noun ("the will of the people", "a must-have"), and "should" not
// where it opens a condition ("Should Russia invade, …", "if Russia should invade").
const NOT_MODAL = String.raw`(?<!\b(?:the|its|their|his|her|our|your|whose|political|good|free|popular|own)\s|\w's\s)`;
const OBLIGATION: ReadonlyArray<[RegExp, string | null, number]> = [
  [new RegExp(String.raw`${NOT_MODAL}\b(?:must|shall)\b(?!-)`), null, 4],
  // "Bound to" a verb is a duty; "bound to no party" (tied to something) is not.
  [/\b(?:is|are)\s+(?:required|obliged|obligated|bound)\s+to\b(?!\s+(?:no|the|a|an|any|each|every|its|their|this|that|these|those)\b)/, 'required', 4],
  // Verbs of undertaking count only where they govern the clause ("agrees to", "commits to"); "agreed areas" binds no
  // one, nor does a preposition left at the end of a relative clause ("as the parties committed to in Istanbul").
  [
    new RegExp(
      String.raw`${NOT_MODAL}\bwill\b(?=\s+\p{L})|\b(?:undertakes?|undertook|commits?|committed|agrees?|agreed)(?=\s+(?:to|that|not|never)\b)(?!\s+to\s+(?:in|at|on|by|with|under|during|since|before|after|last|next|this|earlier|previously)\b|\s+to\s*(?:[.;:]|$))`,
      'u',
    ),
    null,
    3,
  ],
  [/(?<!\b(?:if|unless|in\s+case)\s+(?:\S+\s+){0,2})\bshould\b/, null, 2],
  [/\b(?:is|are)\s+expected\b|\bexpected\s+to\b/, 'expected', 1],
  [/\b(?:may|might|could|can)\b/, null, 1],
];
const PERMISSIVE = /\b(?:may|might|could|can)\b/;
/** An indirect question, to the end of its part of the sentence: "whether Ukraine may join NATO", "whether any of that remains". */
const WHETHER = /\bwhether\b[^,;:]*/g;
/**
 * An expectation that governs what follows it: "it is expected that …", "it is expected, without a binding commitment,
 * that …", "the expectation is stated that …", "sets two expectations: …" (at most 40 characters between).
 */
const EXPECTED_THAT = /\b(?:(?:it\s+is|it's)\s+expected|expectations?)\b[^.;:]{0,40}?(?:\s+that\b|\s*:)/;
/** Duties said with a modal: a negative subject before one forbids ("neither party will attack"). */
const MODAL_DUTY = /\b(?:must|shall|will)\b/;
const NEGATION = /\b(?:not|no|never|nor|neither|without|none)\b/g;
const CONDITION = /\b(?:subject\s+to|provided\s+that|on\s+condition\s+that|conditional\s+on|if|once|unless|until|after)\b/g;
/** Condition words that say the same thing in other words: the time from which ("once the agreement is signed", "after the agreement is signed"). */
const SAME_CONDITION: ReadonlyArray<ReadonlySet<string>> = [new Set(['once', 'after'])];

/**
 * A quotation a verb of speech introduces ("Russia says:", "told reporters,", "according to U.S.
 * officials,"): up to 40 characters between them, a full stop only inside an abbreviation. Not
 * "declares", "claims" or "to say": a plan's parties declare their own undertakings, "claims" is
 * as often a noun, and a text the plan has written ("amends its constitution to say: …") binds.
 * In double quotation marks, or single ones (‘…’, '…') that open before a word and close where
 * no letter follows, within 600 characters (so that a text of many unclosed quotes is read in
 * linear time): an apostrophe inside a word ("Ukraine's", "Ukraine’s") opens or closes none, and
 * one after a plural ("the parties' rights") ends the quotation there.
 */
const REPORTED_SPEECH =
  /((?<!\b[Tt]o\s)\b(?:[Ss]ays|[Ss]aid|[Ss]aying|[Ii]nsists?|[Ii]nsisted|[Aa]rgues?|[Aa]rgued|[Dd]emands?|[Dd]emanded|[Ww]arns?|[Ww]arned|[Tt]ells?|[Tt]old|[Aa]sserts?|[Aa]sserted|[Aa]ccording\s+to)\b(?:[^"“‘.;]|\.(?=\S|\s+\p{Ll})){0,40}?)\s*(?:["“][^"“”]*["”]|‘(?:[^‘’\n]|’(?=\p{L})){0,600}?’(?!\p{L})|(?<![\p{L}\d])'(?=\p{L})(?:[^'\n]|'(?=\p{L})){0,600}?'(?!\p{L}))/gu;
/** Whether a text may hold a quotation at all: the reading above runs only where it does. */
const QUOTATION = /["“‘]|(?<![\p{L}\d])'(?=\p{L})/u;

/**
 * The text prepared for word matching: lower case, typographic apostrophes
 * straightened, contractions spelled out, quotations of what a party says set
 * aside, and phrases that only look
 * operative ("no more than", "once more", "No. 2202", the month May) taken out.
 */
function normalise(text: string): string {
  // Words a party is quoted as saying ('Russia says: "Ukraine must disarm"') are its speech, not the clause's duty
  // (read before lower case, where a capital tells a new sentence from an abbreviation; only where there are quotes).
  const own = QUOTATION.test(text) ? text.replace(REPORTED_SPEECH, '$1 a quote') : text;
  return own
    .replace(/\bMay(?=\s+\d|\s+(?:of\s+)?(?:19|20)\d\d)|(?<=\d\s)May\b/g, 'month') // the month, not the modal
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bshan't\b/g, 'shall not')
    .replace(/\bcan't\b|\bcannot\b/g, 'can not')
    .replace(/\b(must|could|should|would|is|are|do|does|did|has|have)n't\b/g, '$1 not')
    .replace(/\bno\s+(?:more|less|fewer|later|earlier|sooner)\s+than\b/g, 'at most')
    .replace(/\bno\.\s*(?=\d)/g, 'number ')
    .replace(/\bonce\s+(?:more|again)\b/g, 'again')
    // "Should Russia invade, …" opening a sentence is a condition, the same as "if Russia invades".
    .replace(/(^|[.;!?]\s+)should\b/g, '$1if')
    // Idioms that only look negative: "not least", "not only … but also", "without delay", "no doubt".
    .replace(/\bnot\s+(?:least|only)\b/g, 'also')
    .replace(/\bwithout\s+(?:delay|further\s+delay|undue\s+delay)\b/g, 'promptly')
    .replace(/\bno\s+doubt\b/g, 'surely');
}

/**
 * The strongest obligation of each sentence, strongest overall: [word, level, prohibitive], or null.
 * `prohibitive`: the word forbids rather than requires: a permissive modal a negation governs ("may
 * not", "no party may"), or a duty with a negation right after it ("will not", "undertakes not to",
 * "commit never to", "shall not") or, for a modal, a negative subject before it ("neither party will"),
 * or a permission capped right after it ("may number no more than 600,000": a permission, level 1, that
 * forbids going past the cap). "No party undertakes to" forbids nothing: it only binds no one.
 */
export function obligationOf(text: string): [string, number, boolean] | null {
  let best: [string, number, boolean] | null = null;
  for (const whole of normalise(text).split(/[.;!?]\s+|\n/)) {
    // An indirect question binds no one: "whether Ukraine may join NATO is not settled" (up to its part's end).
    const sentence = whole.replace(WHETHER, 'whether');
    // What follows "it is expected that" is expected, whatever modal it uses ("it is expected that Russia will not invade").
    const expectation = EXPECTED_THAT.exec(sentence);
    for (const [re, word, level] of OBLIGATION) {
      const m = re.exec(sentence);
      if (!m) continue;
      if (expectation && m.index > expectation.index && level > 1) {
        if (!best || best[1] < 1) best = ['expected', 1, false];
        continue;
      }
      // A permissive modal is a prohibition when a negation governs it: a negative subject opening its part of the sentence
      // ("no state may", "and no party may", "neither … nor … may"), or a negation right after it ("may not", "may under no circumstances");
      // not a "not" in a relative clause or elsewhere ("any state that does not sign may join", "although some do not agree").
      const before = sentence.slice(0, m.index).split(/,|;|\b(?:although|though|because|while|which|who|whereas)\b/).pop() ?? '';
      const after = sentence.slice(m.index + m[0].length);
      const subject = /^\s*(?:(?:and|but|or|so)\s+)?(?:no|neither|none|never|nothing|nobody|not)\b/.test(before) || /\bnor\b/.test(before);
      const negatedAfter = /^\s+(?:not|never|neither|(?:under|in|by|at)\s+no)\b/.test(after);
      const prohibition = level === 1 && PERMISSIVE.test(m[0]) && (subject || negatedAfter);
      // A permission capped right after it is still a permission, and forbids going past the cap: "may number no more
      // than 600,000" says what "may number 600,000" and "may not exceed 600,000" say.
      const capped = level === 1 && PERMISSIVE.test(m[0]) && /^\s+(?:\p{L}+\s+){0,2}(?:at\s+most|up\s+to)\b/u.test(after);
      const forbids = (level >= 3 && (negatedAfter || (subject && MODAL_DUTY.test(m[0])))) || capped;
      const found: [string, number, boolean] = prohibition ? ['may not', 4, true] : [word ?? m[0], level, forbids];
      if (!best || found[1] > best[1]) best = found;
    }
  }
  return best;
}

/** How often each matching word occurs in a normalised text. */
function tally(text: string, re: RegExp): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.match(re) ?? []) {
    const w = m.replace(/\s+/g, ' ');
    out.set(w, (out.get(w) ?? 0) + 1);
  }
  return out;
}

/** The stems of the words the prefix "non-" negates in a normalised text, counted ("non-nuclear" → nuclea). */
function prefixed(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/\bnon-(\p{L}+)/gu)) {
    const k = stem(m[1] as string);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** For each occurrence of a negation word in a normalised text, the stem of the word it governs ("without nuclear weapons" → nuclea). */
function governed(text: string, word: string): string[] {
  // At most three particles between ("not to be", "without any"): the reading stays linear on any text.
  const re = new RegExp(String.raw`\b${word}\b(?:\s+(?:to|a|an|the|any|be)){0,3}\s+(\p{L}+)`, 'gu');
  return [...text.matchAll(re)].map((m) => stem(m[1] as string));
}

/**
 * Negation words that only changed form: a word negating X added where the other text lost a "non-X"
 * ("a state without nuclear weapons" for "its non-nuclear status"), or removed where it gained one,
 * is the same negation, and is left out of `words`. `self` is the text the words are counted in; `mine`
 * and `theirs` the words its text and the other negate with "non-" ({@link prefixed}).
 */
function sameNegation(words: readonly string[], self: string, mine: ReadonlyMap<string, number>, theirs: ReadonlyMap<string, number>, excess: (w: string) => number): string[] {
  const free = new Map([...theirs].map(([k, n]) => [k, n - (mine.get(k) ?? 0)] as const).filter(([, n]) => n > 0));
  return words.filter((w) => {
    let covered = 0;
    for (const g of governed(self, w)) {
      const n = free.get(g) ?? 0;
      if (n > 0) {
        free.set(g, n - 1);
        covered++;
      }
    }
    return covered < excess(w);
  });
}

/**
 * Condition words added and removed that only changed form: within each group of {@link SAME_CONDITION}, as many
 * more of its words on one side as fewer on the other are the same conditions, and left out of both lists.
 */
function sameCondition(added: string[], removed: string[], a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): [string[], string[]] {
  const excess = (w: string) => (b.get(w) ?? 0) - (a.get(w) ?? 0);
  for (const group of SAME_CONDITION) {
    const up = added.filter((w) => group.has(w));
    const down = removed.filter((w) => group.has(w));
    if (!up.length || !down.length) continue;
    if (up.reduce((n, w) => n + excess(w), 0) !== down.reduce((n, w) => n - excess(w), 0)) continue;
    [added, removed] = [added.filter((w) => !group.has(w)), removed.filter((w) => !group.has(w))];
  }
  return [added, removed];
}

/** In two normalised texts, the words whose count went up and those whose count went down, and each word's count on each side. */
function compareWords(from: string, to: string, re: RegExp): { added: string[]; removed: string[]; a: Map<string, number>; b: Map<string, number> } {
  const a = tally(from, re);
  const b = tally(to, re);
  const added = [...b].filter(([w, n]) => n > (a.get(w) ?? 0)).map(([w]) => w);
  const removed = [...a].filter(([w, n]) => n > (b.get(w) ?? 0)).map(([w]) => w);
  return { added, removed, a, b };
}

/** Past this share of changed words, in a text of at least {@link LONG} words, it counts as rewritten, not edited. */
const REWRITTEN = 0.6;
const LONG = 10;
/** Changed in more places than this, a text counts as rewritten: an edit touches one or two. */
const PLACES = 2;

/**
 * Whether a text was rewritten rather than edited: more than {@link REWRITTEN} of its words
 * (on the longer side) deleted or inserted, or words changed in more than {@link PLACES} places
 * apart. Two hands' accounts of one clause mostly differ in three places or more; an edit in one
 * or two places, whatever its length, stays an edit (EVAL.md, "Operative flags between two hands").
 */
function isRewritten(hunks: readonly TextHunk[]): boolean {
  const count = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  let same = 0;
  let del = 0;
  let ins = 0;
  let places = 0;
  let open = false;
  for (const h of hunks) {
    const n = count(h.value);
    if (h.op === 'equal') {
      same += n;
      // Only an unchanged word closes a place: spaces and punctuation between two changes leave it open.
      if (n > 0) open = false;
      continue;
    }
    if (h.op === 'delete') del += n;
    else ins += n;
    if (!open && n > 0) places++;
    open = open || n > 0;
  }
  const longer = Math.max(same + del, same + ins);
  return places > PLACES || (longer >= LONG && Math.max(del, ins) / longer > REWRITTEN);
}

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
  // A text rewritten by another hand moves "not" and "if" around, and tells a duty with a modal or without one
  // ("Ukraine will not join" against "Ukraine's membership is ruled out"), without changing what it does: there only
  // a change from one obligation word to another is told, and negations and conditions only in a local edit.
  const rewritten = isRewritten(hunks);
  // A permissive "may" appearing or going alone changes no duty; anything stronger does. A prohibition told in other
  // words ("may not", "will not", "undertake not to") forbids the same: no obligation changed.
  const bothForbid = a?.[2] === true && b?.[2] === true;
  if (la !== lb && !bothForbid && (a && b ? true : !rewritten && Math.max(la, lb) >= 2)) {
    flags.push({ kind: 'obligation', from: a?.[0] ?? null, to: b?.[0] ?? null, direction: lb > la ? 'strengthened' : 'softened' });
  }
  if (rewritten) return flags;
  const [fromN, toN] = [normalise(from), normalise(to)];
  for (const [kind, re] of [['negation', NEGATION], ['condition', CONDITION]] as const) {
    const words = compareWords(fromN, toN, re);
    const { a, b } = words;
    let { added, removed } = words;
    // A negation that only changed form ("without nuclear weapons" for "non-nuclear") is none added or removed.
    if (kind === 'negation' && (added.length || removed.length)) {
      // The words each text negates with "non-", read once for both directions.
      const [nonFrom, nonTo] = [prefixed(fromN), prefixed(toN)];
      added = sameNegation(added, toN, nonTo, nonFrom, (w) => (b.get(w) ?? 0) - (a.get(w) ?? 0));
      removed = sameNegation(removed, fromN, nonFrom, nonTo, (w) => (a.get(w) ?? 0) - (b.get(w) ?? 0));
    }
    if (kind === 'condition' && added.length && removed.length) [added, removed] = sameCondition(added, removed, a, b);
    if (added.length) flags.push({ kind, change: 'added', words: added });
    if (removed.length) flags.push({ kind, change: 'removed', words: removed });
  }
  return flags;
}
