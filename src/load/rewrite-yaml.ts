/**
 * Edits YAML text so that it reads as new data, the way a careful person
 * would: only what changed is rewritten. Comments, key order, quoting style,
 * flow or block layout and blank lines of everything else stay byte for byte;
 * a changed scalar keeps its style where the new value allows it; new keys and
 * clauses are added in the file's indentation and line endings. The result is
 * read back and compared with the wanted data, so a wrong file is never
 * produced: when the edit cannot be made faithfully, the caller gets no text.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, stringify, visit } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { deepEqual } from '../util/deep-equal.js';
import { preamble } from './preamble.js';
import { FMT_LAYOUT, foldable, foldQuotedTexts } from './format-yaml.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The outcome of {@link rewriteYaml}: the new text, or why it could not be made. */
export type Rewrite = { ok: true; text: string } | { ok: false; reason: string };

/** What the caller knows about which list items are the same item (a clause whose id changed). */
export interface RewriteHints {
  /** For a list at a JSON Pointer (`/clauses`): pairs of [index in the current list, index in the target list]. */
  pairs?: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /**
   * The order of keys in maps, by the path of the map (`''` the root, `clauses/*` every clause),
   * as `fmt` uses it: a key added to a map goes where that order puts it among the keys
   * already there, and a new list item is written in that order. Keys it does not name keep
   * the target's order, after the named ones.
   */
  order?: ReadonlyArray<readonly [string, readonly string[]]>;
}

/** The key order for the map at a JSON Pointer (`/clauses/3` matches `clauses/*`). */
function orderAt(order: RewriteHints['order'], path: string): readonly string[] | undefined {
  if (!order) return undefined;
  const parts = path.split('/').slice(1);
  return order.find(([pattern]) => {
    const want = pattern === '' ? [] : pattern.split('/');
    return want.length === parts.length && want.every((w, i) => w === '*' || w === parts[i]);
  })?.[1];
}

/** A copy of `value` with the keys of each map at a path `order` names in that order. */
function keysInOrder(value: unknown, path: string, order: RewriteHints['order']): unknown {
  if (Array.isArray(value)) return value.map((v, i) => keysInOrder(v, `${path}/${i}`, order));
  if (!isObject(value)) return value;
  const keys = orderAt(order, path);
  const names = keys ? [...keys.filter((k) => Object.hasOwn(value, k)), ...Object.keys(value).filter((k) => !keys.includes(k))] : Object.keys(value);
  return Object.fromEntries(names.map((k) => [k, keysInOrder(value[k], `${path}/${k}`, order)]));
}

/**
 * Rewrites `text` (a valid YAML document whose data is `current`) so that it
 * reads as `target`, touching only what differs; see the module comment.
 */
export function rewriteYaml(text: string, current: unknown, target: unknown, hints: RewriteHints = {}): Rewrite {
  const { bom, body, eol } = preamble(text);
  const doc = parseDocument(body, { version: '1.2', keepSourceTokens: false });
  if (doc.errors.length || !doc.contents) return { ok: false, reason: 'the file does not read as YAML' };
  const edits: Edit[] = [];
  try {
    editNode(body, doc.contents as Node, current, target, edits, '', hints);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  const out = applyEdits(body, edits.map((e) => ({ ...e, text: e.text.replace(/\r?\n/g, eol) })));
  const check = parseDocument(out, { version: "1.2" });
  if (check.errors.length) return { ok: false, reason: `the edited text does not read: ${check.errors[0]?.message ?? ''}` };
  if (!deepEqual(check.toJS(), target)) return { ok: false, reason: `the edited text does not read as the wanted data${firstDifference(check.toJS(), target)}` };
  return { ok: true, text: bom + out };
}

/** Where two values first differ, as " at /a/0/b", for the reason of a failed rewrite. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (deepEqual(a, b)) return '';
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}/${k}`);
      if (d) return d;
    }
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}/${i}`);
      if (d) return d;
    }
  }
  return ` at ${path || '/'}`;
}

/**
 * The order to apply edits in: from the end of the text back; at one position
 * a removal before an insertion (so neither eats the other), and insertions
 * last-made first, so that they end up in the order they were made.
 */
function ordered(edits: readonly Edit[]): Edit[] {
  return edits
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => b.start - a.start || b.end - a.end || j - i)
    .map(([e]) => e);
}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

function editNode(src: string, node: Node, current: unknown, target: unknown, out: Edit[], path: string, hints: RewriteHints, inFlow = false): void {
  if (deepEqual(current, target)) return;
  if (isMap(node) && isObject(current) && isObject(target)) return editMap(src, node, current, target, out, path, hints, inFlow || Boolean(node.flow));
  if (isSeq(node) && Array.isArray(current) && Array.isArray(target) && !node.flow) return editSeq(src, node, current, target, out, path, hints);
  replaceNode(src, node, target, out, inFlow);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

function editMap(src: string, node: YAMLMap, current: Record<string, unknown>, target: Record<string, unknown>, out: Edit[], path: string, hints: RewriteHints, inFlow: boolean): void {
  const pairs = node.items as Pair[];
  const kept = pairs.filter((p) => Object.hasOwn(target, keyOf(p)));
  if (kept.length === 0 && pairs.length > 0 && !node.flow) return replaceNode(src, node, target, out, inFlow);
  let skipUntil = -1;
  pairs.forEach((pair, i) => {
    const key = keyOf(pair);
    if (Object.hasOwn(target, key)) {
      if (!inFlow && toScalarOnKeyLine(src, pair, target[key], out)) return;
      return editNode(src, pair.value as Node, current[key], target[key], out, `${path}/${key}`, hints, inFlow);
    }
    if (i < skipUntil) return;
    if (node.flow) return out.push(removeFlowItem(node, pair));
    const start = pairStart(pair);
    if (/\S/.test(src.slice(lineStartOf(src, start), start))) {
      // The key shares its line with a sequence dash: the next kept key moves up into its place.
      const next = pairs.findIndex((p, j) => j > i && Object.hasOwn(target, keyOf(p)));
      skipUntil = next;
      return out.push({ start, end: pairStart(pairs[next] as Pair), text: '' });
    }
    out.push(removeLines(src, start, nodeEnd(pair.value as Node, pair)));
  });
  const present = new Set(pairs.map(keyOf));
  const added = Object.keys(target).filter((k) => !present.has(k));
  if (added.length === 0) return;
  if (node.flow) {
    const close = closingBracket(src, node);
    const items = added.map((k) => `${flowValue(k)}: ${flowValue(target[k])}`).join(', ');
    out.push({ start: close, end: close, text: `${pairs.length ? ', ' : ' '}${items}` });
    return;
  }
  const last = pairs[pairs.length - 1];
  const indent = last ? indentOf(src, pairStart(last)) : '  ';
  const end = last ? lineEnd(src, nodeEnd(last.value as Node, last)) : lineEnd(src, (node.range ?? [0, 0, 0])[0]);
  // Each added key goes after the last key kept in the file that the map's order puts before it (else at the end).
  const keys = orderAt(hints.order, path);
  const rank = (k: string) => (keys ? (keys.indexOf(k) < 0 ? keys.length : keys.indexOf(k)) : 0);
  const keptPairs = pairs.filter((p) => Object.hasOwn(target, keyOf(p)));
  const groups = new Map<number, string[]>();
  for (const k of added) {
    let at = end;
    if (keys && rank(k) < keys.length) {
      const before = keptPairs.filter((p) => rank(keyOf(p)) <= rank(k));
      const after = keptPairs.find((p) => rank(keyOf(p)) > rank(k));
      // Before the first key it precedes, unless that key shares its line with a list dash (then after the one before).
      if (before.length) at = lineEnd(src, nodeEnd((before[before.length - 1] as Pair).value as Node, before[before.length - 1]));
      else if (after && !/\S/.test(src.slice(lineStartOf(src, pairStart(after)), pairStart(after)))) at = lineStartOf(src, pairStart(after));
    }
    groups.set(at, [...(groups.get(at) ?? []), k]);
  }
  for (const [at, ks] of groups) {
    const lines = ks.map((k) => blockEntry(flowValue(k), keysInOrder(target[k], `${path}/${k}`, hints.order), indent)).join('');
    out.push({ start: at, end: at, text: (at === src.length && !src.endsWith('\n') ? '\n' : '') + lines });
  }
}

function editSeq(src: string, node: YAMLSeq, current: unknown[], target: unknown[], out: Edit[], path: string, hints: RewriteHints): void {
  const items = node.items as Node[];
  const ids = (xs: unknown[]) => xs.map((x, i) => (isObject(x) && typeof x.id === 'string' ? `id:${x.id}` : `at:${i}`));
  const [have, want] = [ids(current), ids(target)];
  // Items the caller paired (a clause whose id changed) are the same item: edited in place, not replaced.
  const wanted = new Set(want);
  for (const [i, j] of hints.pairs?.get(path) ?? []) {
    const k = have[i];
    if (k !== undefined && want[j] !== undefined && !wanted.has(k)) {
      wanted.delete(want[j] as string);
      want[j] = k;
      wanted.add(k);
    }
  }
  // Where each item is on either side, looked up rather than searched: lists of clauses run to thousands.
  const haveAt = new Map(have.map((k, i) => [k, i]));
  const wantAt = new Map(want.map((k, j) => [k, j]));
  if (haveAt.size !== have.length || wantAt.size !== want.length) throw new Error('list items cannot be told apart');
  const blocks = items.map((item) => ({ start: itemBlockStart(src, item), end: lineEnd(src, nodeEnd(item)) }));
  const kept = want.filter((k) => haveAt.has(k));
  const inOrder = have.filter((k) => wantAt.has(k)).every((k, i) => k === kept[i]);
  const first = blocks[0];
  const dashIndent = items[0] ? dashIndentOf(src, items[0]) : '';
  const render = (k: string): string => {
    const i = haveAt.get(k) ?? -1;
    const j = wantAt.get(k) ?? -1;
    if (i < 0) return blockItem(keysInOrder(target[j], `${path}/${j}`, hints.order), dashIndent);
    const block = blocks[i] as { start: number; end: number };
    const inner: Edit[] = [];
    editNode(src, items[i] as Node, current[i], target[j], inner, `${path}/${j}`, hints);
    return applyWithin(src, block.start, block.end, inner);
  };
  if (inOrder) {
    // Items stay where they are: remove the gone ones, edit the kept ones, insert new ones after their predecessor.
    have.forEach((k, i) => {
      const block = blocks[i] as { start: number; end: number };
      const j = wantAt.get(k);
      if (j === undefined) out.push({ start: block.start, end: block.end, text: '' });
      else editNode(src, items[i] as Node, current[i], target[j], out, `${path}/${j}`, hints);
    });
    let before: number | undefined; // the last kept item so far: a new item goes after it
    want.forEach((k, j) => {
      const i = haveAt.get(k);
      if (i !== undefined) {
        before = i;
        return;
      }
      const at = before !== undefined ? (blocks[before] as { end: number }).end : (first?.start ?? lineEnd(src, (node.range ?? [0])[0]));
      out.push({ start: at, end: at, text: blockItem(keysInOrder(target[j], `${path}/${j}`, hints.order), dashIndent) });
    });
    return;
  }
  // Items moved: the list is laid out again from the items' own text, each edited in place.
  const start = first?.start ?? 0;
  const end = (blocks[blocks.length - 1] as { end: number }).end;
  out.push({ start, end, text: want.map(render).join('') });
}

/**
 * Applies edits to a text in one pass from its start: the order of
 * {@link ordered}, reversed, gives the pieces front to back. Edits never
 * overlap (they are made on disjoint nodes); if they did, they are applied one
 * by one from the end as before.
 */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const forward = ordered(edits).reverse();
  const pieces: string[] = [];
  let at = 0;
  for (const e of forward) {
    if (e.start < at) return ordered(edits).reduce((t, x) => t.slice(0, x.start) + x.text + t.slice(x.end), text);
    pieces.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** Applies edits that fall inside [start, end) to that slice of the text. */
function applyWithin(src: string, start: number, end: number, edits: Edit[]): string {
  let text = src.slice(start, end);
  for (const e of ordered(edits)) text = text.slice(0, e.start - start) + e.text + text.slice(e.end - start);
  return text;
}

/**
 * A block collection that becomes a scalar (`deadline:` over `days: 30` becoming `asap`):
 * the scalar goes on the key's line, as a person would write it. Only when nothing but
 * blanks stands between the colon and the collection (a comment there is kept by the
 * general path instead). True when the edit was made.
 */
function toScalarOnKeyLine(src: string, pair: Pair, value: unknown, out: Edit[]): boolean {
  const node = pair.value as Node | null;
  if (!node || !(isMap(node) || isSeq(node)) || (node as Collection).flow || (value !== null && typeof value === 'object')) return false;
  const colon = src.indexOf(':', ((pair.key as Node | null)?.range ?? [0, 0])[1]);
  const [start, end] = node.range ?? [0, 0];
  if (colon < 0 || !/^[ \t]*\r?\n[ \t\r\n]*$/.test(src.slice(colon + 1, start))) return false;
  out.push({ start: colon + 1, end: trimRight(src, end), text: ` ${flowValue(value)}` });
  return true;
}

/** Replaces a node's own text (not its trailing comment) with the new value, keeping its style where it can. */
function replaceNode(src: string, node: Node, value: unknown, out: Edit[], inFlow = false): void {
  const [start, valueEnd] = node.range ?? [0, 0];
  // A block scalar's range takes in the line break after it; the replacement must give it back.
  const keepBreak = (text: string) => (/\n$/.test(src.slice(start, valueEnd)) && !text.endsWith('\n') ? `${text}\n` : text);
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    out.push({ start, end: valueEnd, text: keepBreak(scalarText(src, node, value, inFlow)) });
    return;
  }
  if (isMap(node) && !node.flow && isObject(value)) {
    // A block map given all new keys: laid out as fmt lays it out at its column.
    const col = indentOf(src, start).length;
    const laid = col >= 2 ? fmtBlock('k', value, col - 2) : undefined;
    const lines = laid?.split('\n').slice(1);
    if (lines?.length && lines.every((l) => l.startsWith(' '.repeat(col)))) {
      out.push({ start, end: trimRight(src, valueEnd), text: lines.join('\n').slice(col) });
      return;
    }
  }
  if ((isMap(node) || isSeq(node)) && !(node as Collection).flow) {
    // A block collection becomes something else: write the new value in block form under the same key.
    const indent = indentOf(src, start);
    const text = stringify(value, { version: '1.2', lineWidth: 0 }).trimEnd().split('\n').map((l, i) => (i === 0 ? l : indent + l)).join('\n');
    out.push({ start, end: trimRight(src, valueEnd), text });
    return;
  }
  if (!inFlow && value !== null && typeof value === 'object') {
    // A flow list or map after its key: as fmt lays it out there (broken over lines when long).
    const prefix = src.slice(lineStartOf(src, start), start);
    const key = /^([ -]*)([^\s#][^#]*?):\s+$/.exec(prefix);
    const laid = key ? fmtBlock(key[2] as string, value, (key[1] as string).length) : undefined;
    const after = laid?.slice(prefix.trimEnd().length);
    if (after !== undefined && after.startsWith(' ')) return void out.push({ start, end: valueEnd, text: keepBreak(after.slice(1)) });
    if (after !== undefined && after.startsWith('\n')) return void out.push({ start: start - (prefix.length - prefix.trimEnd().length), end: valueEnd, text: keepBreak(after) });
  }
  out.push({ start, end: valueEnd, text: keepBreak(flowValue(value, inFlow)) });
}

function scalarText(src: string, node: Scalar, value: unknown, inFlow: boolean): string {
  if (typeof value !== 'string') return flowValue(value, inFlow);
  const style = node.type;
  if (style !== 'BLOCK_LITERAL' && !inFlow) {
    const laid = asFmtWrites(src, node, value);
    if (laid !== undefined) return laid;
  }
  if (style === 'BLOCK_FOLDED' || style === 'BLOCK_LITERAL') {
    const header = src.slice((node.range ?? [0])[0]).match(/^[|>][-+0-9]*/)?.[0] ?? '>-';
    const contentIndent = blockContentIndent(src, node);
    const body = style === 'BLOCK_LITERAL' ? value.split('\n') : fold(value, 100 - contentIndent.length);
    const chomp = value.endsWith('\n') ? header.replace(/-/, '') : header.includes('-') ? header : `${header}-`;
    return `${chomp}\n${body.map((l) => (l ? contentIndent + l : '')).join('\n')}`;
  }
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  return flowValue(value, inFlow);
}

/**
 * A new text for `key: <scalar>` laid out as `fmt` lays it out: the scalar keeps its style (a
 * long quoted text becomes folded, `>-`), and lines break by column 100 with continuation
 * lines under the key. Undefined where the scalar does not follow its key on the key's line.
 */
function asFmtWrites(src: string, node: Scalar, value: string): string | undefined {
  const start = (node.range ?? [0])[0];
  const prefix = src.slice(lineStartOf(src, start), start);
  if (!/^[ -]*[^\s#][^#]*:\s+$/.test(prefix)) return undefined;
  const keyCol = prefix.search(/[^ -]/);
  return fmtScalar(value, keyCol, prefix.slice(keyCol).replace(/:\s*$/, '').length, node.type);
}

/**
 * `value` as `fmt` writes it after a key at column `keyCol`: in style `type` (the library's
 * choice without one), a long quoted text folded (`>-`), lines breaking by column 100, and
 * lines after the first indented under the key.
 */
function fmtScalar(value: string, keyCol: number, keyLength: number, type?: Scalar['type']): string | undefined {
  // A key as long as the real one, so the library breaks the first line where it will in the file.
  const key = 'k'.repeat(Math.max(1, keyLength));
  const placed = placedAt(keyCol, key, value);
  if (!placed) return undefined;
  const scalar = placed.doc.getIn(placed.path, true) as Scalar;
  if (type) scalar.type = type;
  const head = `${' '.repeat(keyCol)}${key}: `;
  const pick = () => {
    const lines = placed.doc.toString(FMT_LAYOUT).trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith(head));
    return at < 0 ? undefined : [lines[at]?.slice(head.length) ?? '', ...lines.slice(at + 1)].join('\n');
  };
  let laid = pick();
  if (laid !== undefined && /^["']/.test(laid) && foldable(value)) {
    scalar.type = 'BLOCK_FOLDED';
    laid = pick();
  }
  return laid;
}

/**
 * A document holding `key: value` where it will stand in the file: under as many two-space
 * levels as the key's column, so the library lays it out (breaks lines, indents) exactly as in
 * the whole file. Undefined for a key at an odd column.
 */
function placedAt(col: number, key: string, value: unknown): { doc: Document; path: string[] } | undefined {
  if (col % 2 !== 0) return undefined;
  const path = [...Array<string>(col / 2).fill('a'), key];
  const tree = path.reduceRight<unknown>((inner, k) => ({ [k]: inner }), value);
  return { doc: new Document(tree, { version: '1.2' }), path };
}

/** Folds text into lines of at most `width` characters at spaces. */
function fold(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** A value written inline, as the shipped files write them: `[ a, b ]`, `{ key: value }`, plain scalars where YAML 1.2 reads them back as the same value. */
function flowValue(value: unknown, inFlow = false): string {
  // Padded inside the brackets, as `fmt` writes flow lists: `[ a, b ]`.
  if (Array.isArray(value)) return value.length ? `[ ${value.map((v) => flowValue(v, true)).join(', ')} ]` : '[]';
  if (isObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${flowValue(k, true)}: ${flowValue(v, true)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  const text = stringify(value, { version: '1.2', lineWidth: 0 }).trimEnd();
  // Inside brackets a plain scalar may not hold flow indicators.
  return inFlow && typeof value === 'string' && !/^["']/.test(text) && /[,[\]{}#]|: /.test(value) ? JSON.stringify(value) : text;
}

/** `key: value` as a new line of a block map, with nested blocks for long values. */
function blockEntry(key: string, value: unknown, indent: string): string {
  if (value !== null && typeof value === 'object' && JSON.stringify(value).length > 80) {
    const laid = fmtBlock(key, value, indent.length);
    if (laid !== undefined) return `${laid}\n`;
    const inner = stringify(value, { version: '1.2', ...FMT_LAYOUT }).trimEnd().split('\n').map((l) => `${indent}  ${l}`).join('\n');
    return `${indent}${key}:\n${inner}\n`;
  }
  const laid = typeof value === 'string' ? fmtScalar(value, indent.length, key.length) : undefined;
  return `${indent}${key}: ${laid ?? flowValue(value)}\n`;
}

/**
 * `key:` and a map or list under it, at column `col`, laid out as `fmt` lays it out there: lists
 * of plain values inline (the value itself too, unless `inlineTop` is false), long texts the
 * library quotes folded.
 */
function fmtBlock(key: string, value: object, col: number, inlineTop = true): string | undefined {
  const placed = placedAt(col, key, value);
  if (!placed) return undefined;
  const top = placed.doc.getIn(placed.path, true);
  visit(placed.doc, {
    Seq(_key, node) {
      if ((inlineTop || node !== top) && node.items.length > 0 && node.items.every((x) => isScalar(x))) node.flow = true;
    },
  });
  // Read back as fmt reads a file, so a long text the library had to quote is folded as fmt folds it.
  const doc = parseDocument(placed.doc.toString(FMT_LAYOUT), { version: '1.2' });
  foldQuotedTexts(doc);
  const lines = doc.toString(FMT_LAYOUT).trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${' '.repeat(col)}${key}:`));
  if (at < 0) return undefined;
  const end = lines.findIndex((l, i) => i > at && !l.startsWith(' '.repeat(col + 1)));
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
}

/** A new item of a block sequence, as whole lines; lists of plain values inline (`[a, b]`), as the shipped files write them. */
function blockItem(value: unknown, dashIndent: string): string {
  // The item as fmt lays it out in a list whose dash stands at this column (under a key two to the left).
  const laid = dashIndent.length >= 2 ? fmtBlock('k', [value], dashIndent.length - 2, false) : undefined;
  if (laid !== undefined) return `${laid.split('\n').slice(1).join('\n')}\n`;
  const text = new Document([value], { version: '1.2' }).toString(FMT_LAYOUT).trimEnd();
  return `${text.split('\n').map((l) => dashIndent + l).join('\n')}\n`;
}

function pairStart(pair: Pair): number {
  return ((pair.key as Node | null)?.range ?? [0])[0];
}

function nodeEnd(node: Node | null | undefined, pair?: Pair): number {
  if (node?.range) return node.range[1];
  return pair ? ((pair.key as Node | null)?.range ?? [0, 0])[1] : 0;
}

function lineStartOf(src: string, at: number): number {
  return src.lastIndexOf('\n', at - 1) + 1;
}

/** Just past the end of the line holding `at` (after its newline). */
function lineEnd(src: string, at: number): number {
  // A node's range may end on its last character, on the newline after it, or at the start of the next line.
  const nl = src.indexOf('\n', Math.max(0, at - 1));
  return nl < 0 ? src.length : nl + 1;
}

/** Spaces up to the column of `at`: the indentation of a key that starts there, even on a `- ` line. */
function indentOf(src: string, at: number): string {
  return ' '.repeat(at - lineStartOf(src, at));
}

function dashIndentOf(src: string, item: Node): string {
  const start = lineStartOf(src, (item.range ?? [0])[0]);
  return src.slice(start).match(/^ */)?.[0] ?? '';
}

/** Where a sequence item's lines begin: its dash line, with the comment and blank lines just above it, which move with it. */
function itemBlockStart(src: string, item: Node): number {
  let start = lineStartOf(src, (item.range ?? [0])[0]);
  while (start > 0) {
    const prev = lineStartOf(src, start - 1);
    if (!/^\s*(#.*)?\r?\n?$/.test(src.slice(prev, start))) break;
    start = prev;
  }
  return start;
}

/** Removes whole lines from the line of `from` to the end of the line of `to`. */
function removeLines(src: string, from: number, to: number): Edit {
  return { start: lineStartOf(src, from), end: lineEnd(src, to), text: '' };
}

function removeFlowItem(node: YAMLMap, pair: Pair): Edit {
  const items = node.items as Pair[];
  const i = items.indexOf(pair);
  const start = pairStart(pair);
  const end = nodeEnd(pair.value as Node, pair);
  const next = items[i + 1];
  if (next) return { start, end: pairStart(next), text: '' };
  const prev = items[i - 1];
  if (prev) return { start: nodeEnd(prev.value as Node, prev), end, text: '' };
  return { start, end, text: '' };
}

function closingBracket(src: string, node: YAMLMap): number {
  const end = (node.range ?? [0, 0])[1];
  const at = src.lastIndexOf('}', end);
  let i = at;
  while (i > 0 && src[i - 1] === ' ') i--;
  return i;
}

function blockContentIndent(src: string, node: Scalar): string {
  const start = (node.range ?? [0])[0];
  const firstLine = lineEnd(src, start);
  return src.slice(firstLine).match(/^ */)?.[0] ?? '  ';
}

function trimRight(src: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(src[i - 1] ?? '')) i--;
  return i;
}

