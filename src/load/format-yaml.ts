/**
 * Canonical layout of a YAML file: keys in a given order, block style, long
 * texts folded; comments move with the keys they belong to. Line endings and
 * a byte-order mark are kept as the file had them.
 */
import { isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document } from 'yaml';
import type { YAMLMap } from 'yaml';
import { deepEqual } from '../util/deep-equal.js';
import { preamble } from './preamble.js';

/** Quoted texts longer than this are written folded, so no line runs past the width. */
const FOLD_FROM = 90;

/** A text written folded (`>-`) rather than on one line: long, with spaces to break at, and nothing a fold would not keep. */
export function foldable(value: string): boolean {
  return value.length > FOLD_FROM && value.includes(' ') && !/^\s|\s$|\n|\t|  /.test(value);
}

/** How `fmt` lays text out: lines end by column 100, flow lists padded (`[ a, b ]`), double quotes as JSON writes them. */
export const FMT_LAYOUT = { lineWidth: 100, minContentWidth: 40, flowCollectionPadding: true, doubleQuotedAsJSON: true } as const;

/** Folds the long quoted texts of a document (a merge note, a summary), as `fmt` does: quoted, they would stay one line. */
export function foldQuotedTexts(doc: Document | Document.Parsed): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || typeof node.value !== 'string') return;
      if (foldable(node.value)) node.type = 'BLOCK_FOLDED';
    },
  });
}

/** The canonical text, or why it could not be made. */
export type Formatted = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Lays `text` out canonically. `order` gives, for maps at a path (`''` the
 * root, `clauses/*` every clause), the order of their known keys; other keys
 * follow in their own order.
 */
export function formatYamlText(text: string, order: ReadonlyArray<readonly [string, readonly string[]]>): Formatted {
  const { bom, body, eol } = preamble(text);
  const doc = parseDocument(body.replace(/\r\n/g, '\n'), { version: '1.2' });
  if (doc.errors.length || !doc.contents) return { ok: false, reason: 'the file does not read as YAML' };
  const before = doc.toJS() as unknown;
  const rules = order.map(([path, keys]) => [new RegExp(`^${path.split('/').map((p) => (p === '*' ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`), keys] as const);
  visit(doc, {
    Map(_key, node, path) {
      const keyPath = pathOf(path);
      const rule = rules.find(([re]) => re.test(keyPath));
      if (rule) sortMap(node as YAMLMap, rule[1]);
    },
  });
  foldQuotedTexts(doc);
  const out = doc.toString(FMT_LAYOUT);
  const after = parseDocument(out, { version: '1.2' });
  if (after.errors.length || !deepEqual(after.toJS(), before)) return { ok: false, reason: 'the formatted text does not read as the same data' };
  return { ok: true, text: bom + out.replace(/\n/g, eol) };
}

/** The path of a map as the rules name it: keys joined by `/`, `*` for a sequence item. */
function pathOf(path: readonly unknown[]): string {
  const parts: string[] = [];
  for (const n of path) {
    if (isPair(n)) parts.push(String(isScalar(n.key) ? n.key.value : ''));
    else if (isSeq(n) && parts.length) parts.push('*');
  }
  return parts.join('/');
}

function sortMap(map: YAMLMap, keys: readonly string[]): void {
  const rank = (p: unknown) => {
    const k = isPair(p) && isScalar(p.key) ? String(p.key.value) : '';
    const i = keys.indexOf(k);
    return i < 0 ? keys.length : i;
  };
  const first = map.items[0];
  map.items = [...map.items].map((p, i) => [p, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([p]) => p);
  // A comment above the key that now comes first would land after a sequence dash; it goes above the map instead.
  const lead = map.items[0];
  if (lead !== first && isPair(lead) && isScalar(lead.key) && lead.key.commentBefore) {
    map.commentBefore = [map.commentBefore, lead.key.commentBefore].filter(Boolean).join('\n');
    lead.key.commentBefore = null;
  }
}
