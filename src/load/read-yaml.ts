/**
 * The only module that imports `yaml`. It reads one YAML 1.2 document with the
 * core schema into plain JSON data and records where every node came from.
 * Anything outside that subset is an error: other YAML versions, tags, merge
 * keys, non-string keys, several documents, non-finite or imprecise numbers.
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser } from 'yaml';
import type { Document, Node, Pair, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import type { ErrorList } from '../error-list.js';
import { escapePointer } from '../errors.js';
import type { ErrorCode, PathSegment } from '../errors.js';
import type { SourceMap, Span } from './source-map.js';
import { findControlCharacters } from './prescan.js';
import { findMisalignedKey, findUnclosed, syntaxHint } from './syntax-hints.js';

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  // The library's own duplicate-key check is quadratic in the number of keys; the builder checks in linear time.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  intAsBigInt: false,
  logLevel: 'silent',
};

/**
 * The blunt depth measure of the pre-scan (raw bracket depth against four
 * times `maxDepth`, indentation against eight times, chains of keys on one
 * line against `maxDepth`), taken on the YAML library's tokens instead of
 * characters: brackets, indentation and colons inside scalars are no longer
 * counted. The lexer builds nothing nested, so it is safe on any depth.
 * Returns the offset where a measure passes its limit, or -1.
 */
export function findLexedDepth(text: string, maxDepth: number): number {
  let offset = 0;
  let flow = 0;
  let chain = 0;
  let lineStart = true;
  for (const token of new Lexer().lex(text.replace(/\r(?!\n)/g, '\n'))) {
    // One-character control tokens the lexer adds (document, scalar, flow-error markers) are not in the text.
    if (token.length === 1 && token.charCodeAt(0) < 32 && token !== '\n') continue;
    const at = offset;
    offset += token.length;
    if (token === '[' || token === '{') {
      chain = 0;
      if (++flow > maxDepth * 4) return at;
    } else if (token === ']' || token === '}') {
      chain = 0;
      if (flow > 0) flow--;
    } else if (token === ',') chain = 0;
    else if (token === ':' && ++chain > maxDepth) return at;
    if (token === '\n' || token === '\r\n') {
      lineStart = true;
      chain = 0;
      continue;
    }
    if (lineStart && /^ +$/.test(token) && token.length > maxDepth * 8) return at + maxDepth * 8;
    lineStart = false;
  }
  return -1;
}

/** Limits the reader needs; see ReadLimits in options.ts. */
export interface ReaderLimits {
  maxDepth: number;
  maxAliases: number;
  maxNodes: number;
}

/** Thrown inside the builder to stop at a hard limit; never escapes this module. */
class Abort extends Error {}

/**
 * Reads `text` (already checked for characters and depth) into plain data.
 * Returns `undefined` when the text is not a single readable document; every
 * problem goes into `errors`, positioned through `map`.
 */
export function readYaml(text: string, map: SourceMap, errors: ErrorList, limits: ReaderLimits): { value: unknown } | undefined {
  // YAML 1.2 treats a lone CR as a line break; the library does not. Same length, same offsets.
  const source = text.replace(/\r(?!\n)/g, '\n');
  // Compose at most two documents: a second one is already an error, and composing thousands costs seconds.
  const docs: Document[] = [];
  for (const doc of new Composer(YAML_OPTIONS).compose(new Parser().parse(source), true)) {
    docs.push(doc as Document);
    if (docs.length === 2) break;
  }
  const first = docs[0];
  if (!first) {
    errors.add(map.errorAt({ start: 0, end: 0 }, [], {
      code: 'EMPTY_DOCUMENT',
      message: 'the file holds no YAML document',
      hint: 'a plan starts with `peaceplan: 1`',
    }));
    return undefined;
  }
  const second = docs[1];
  if (second) {
    const start = second.range?.[0] ?? 0;
    errors.add(map.errorAt({ start, end: start + 3 }, [], {
      code: 'MULTIPLE_DOCUMENTS',
      message: 'the file holds more than one YAML document',
      hint: 'put each plan version in a file of its own',
    }));
  }
  if (first.contents === null || (isScalar(first.contents) && first.contents.value === null && !first.contents.source)) {
    errors.add(map.errorAt({ start: 0, end: 0 }, [], { code: 'EMPTY_DOCUMENT', message: 'the file holds no YAML content', hint: 'a plan starts with `peaceplan: 1`' }));
    return undefined;
  }
  checkDirectives(source, first, map, errors);
  let problems = [...first.errors, ...first.warnings].filter((e) => e.code !== 'TAG_RESOLVE_FAILED'); // tags: reported with their node
  // A tab in the indentation derails everything after it; the tab is the one thing to fix.
  if (problems.some((e) => e.code === 'TAB_AS_INDENT')) problems = problems.filter((e) => e.code === 'TAB_AS_INDENT');
  const seen = new Set<number>();
  for (const e of problems) {
    if (seen.has(e.pos[0])) continue; // one message per place
    seen.add(e.pos[0]);
    const code: ErrorCode =
      e.code === 'TAB_AS_INDENT' ? 'TAB_INDENTATION' : e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX';
    // A quote or flow collection left open is reported where the reader gave up: point at its opener. A key indented
    // under a line that already has its value is reported at that line: point at the key instead.
    const misaligned =
      (/^(?:BAD_INDENT|MISSING_CHAR)$/.test(e.code) ? findUnclosed(source, e.pos[0], e.message) : undefined) ??
      (/^(?:BAD_INDENT|BLOCK_AS_IMPLICIT_KEY|MULTILINE_IMPLICIT_KEY)$/.test(e.code) ? findMisalignedKey(source, e.pos[0]) : undefined);
    if (misaligned) {
      if (seen.has(misaligned.span.start)) continue;
      seen.add(misaligned.span.start);
      errors.add(map.errorAt(misaligned.span, [], { code, message: misaligned.message, hint: misaligned.hint }));
      continue;
    }
    errors.add(map.errorAt({ start: e.pos[0], end: e.pos[1] }, [], {
      code,
      message: firstLine(e.message),
      hint: code === 'TAB_INDENTATION' ? 'indent with spaces; YAML does not allow tabs there' : syntaxHint(e.code),
    }));
  }
  if (errors.items.length > 0) return undefined;
  const builder = new Builder(first, source, map, errors, limits);
  try {
    const value = builder.build(first.contents, [], '', 1, false);
    return errors.items.length > 0 ? undefined : { value };
  } catch (e) {
    if (e instanceof Abort) return undefined;
    throw e;
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function checkDirectives(source: string, doc: Document, map: SourceMap, errors: ErrorList): void {
  const version = doc.directives?.yaml;
  if (version?.explicit && version.version !== '1.2') {
    const at = source.search(/^%YAML/m);
    errors.add(map.errorAt({ start: Math.max(0, at), end: Math.max(0, at) + 5 }, [], {
      code: 'YAML_VERSION',
      message: `YAML ${version.version} is not supported; peaceplan reads YAML 1.2 only`,
      hint: 'remove the %YAML directive: in YAML 1.1, words like `no` and `y` silently turn into booleans',
    }));
  }
  const tag = source.search(/^%TAG/m);
  if (tag >= 0 && tag < (doc.contents?.range?.[0] ?? source.length)) {
    errors.add(map.errorAt({ start: tag, end: tag + 4 }, [], {
      code: 'UNSUPPORTED_TAG',
      message: '%TAG directives are not supported',
      hint: 'remove the directive and the tags that use it',
    }));
  }
}

/** Builds plain data from the document's nodes, recording spans as it goes. */
class Builder {
  private readonly aliases = new Set<Node>();
  private nodes = 0;
  private readonly active = new Set<Node>();
  /** While expanding an alias: the outermost alias, where expansion problems are reported. */
  private expanding: { span: Span; path: PathSegment[] } | undefined;

  constructor(
    private readonly doc: Document,
    private readonly source: string,
    private readonly map: SourceMap,
    private readonly errors: ErrorList,
    private readonly limits: ReaderLimits,
  ) {}

  /** Builds `node` found at `path`; `quiet` skips recording spans (inside an alias). */
  build(node: unknown, path: PathSegment[], pointer: string, depth: number, quiet: boolean): unknown {
    if (node === null || node === undefined) return null;
    if (++this.nodes > this.limits.maxNodes) {
      const max = this.limits.maxNodes.toLocaleString('en-US');
      if (this.expanding) this.fail(this.expanding.span, this.expanding.path, 'ALIAS_LIMIT', `the document expands to more than ${max} nodes through its aliases`, 'write the values out instead of using anchors and aliases');
      this.fail(this.spanOf(node), path, 'TOO_MANY_NODES', `the file holds more than ${max} nodes`, 'a plan holds a few thousand; raise limits.maxNodes if the file is genuine');
    }
    if (depth > this.limits.maxDepth) {
      this.fail(this.spanOf(node), path, 'NESTING_TOO_DEEP', `nesting is deeper than ${this.limits.maxDepth} levels`);
    }
    if (isAlias(node)) return this.alias(node, path, pointer, depth, quiet);
    const n = node as Node;
    if (!quiet) this.map.record(pointer, this.spanOf(n), undefined);
    if (n.tag !== undefined) this.tagError(n, path);
    if (isScalar(n)) return this.scalar(n.value, n, path);
    if (isMap(n)) return this.mapping(n.items, path, pointer, depth, quiet);
    if (isSeq(n)) return this.sequence(n.items, path, pointer, depth, quiet);
    return null;
  }

  private scalar(value: unknown, node: Node, path: PathSegment[]): unknown {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        this.add(this.spanOf(node), path, 'INVALID_NUMBER', 'numbers must be finite (no .inf, .nan or overflowing exponents)', 'quote it if you meant text');
        return null;
      }
      // An integer literal beyond 2^53 silently changes value; a float like 1e300 is expected to be approximate.
      const literal = (node as { source?: unknown }).source;
      if (typeof literal === 'string' && /^[-+]?(?:[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$/.test(literal) && !Number.isSafeInteger(value)) {
        this.add(this.spanOf(node), path, 'INVALID_NUMBER', 'this integer is too large to be held exactly (above 2^53)', 'quote it, or give the amount in a larger unit');
        return null;
      }
      return value === 0 ? 0 : value; // -0 reads as 0
    }
    if (typeof value === 'string') this.forbidden(value, node, path);
    return value;
  }

  /** An escape (`"\0"`, `"\e"`, `"\uD800"`) can make a character the stream itself may not hold; refuse it the same way. */
  private forbidden(text: string, node: Node | null, path: PathSegment[]): void {
    const bad = findControlCharacters(text, 1)[0];
    if (!bad) return;
    const code = `U+${(bad.char ?? '').charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    this.add(this.spanOf(node), path, 'CONTROL_CHARACTER', `an escape here makes ${code}, a character YAML does not allow in a document`, 'remove the escape, or write the character it stands for as words');
  }

  private mapping(items: readonly unknown[], path: PathSegment[], pointer: string, depth: number, quiet: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Span>();
    for (const item of items) {
      if (!isPair(item)) continue;
      const key = this.key(item, path);
      if (key === undefined) continue;
      const keySpan = this.spanOf(item.key);
      const first = seen.get(key);
      if (first) {
        const line = this.map.locateSpan(first).line;
        this.add(keySpan, [...path, key], 'DUPLICATE_KEY', `the key \`${key}\` appears twice in this map`, `first on line ${line}; each key may appear once, so merge the two entries`);
        continue;
      }
      seen.set(key, keySpan);
      const childPath = [...path, key];
      const childPointer = `${pointer}/${escapePointer(key)}`;
      const value = this.build(item.value, childPath, childPointer, depth + 1, quiet);
      if (!quiet) this.map.record(childPointer, item.value ? this.spanOf(item.value) : keySpan, keySpan);
      // defineProperty keeps `__proto__` an ordinary own key instead of a prototype change.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private key(pair: Pair, path: PathSegment[]): string | undefined {
    const k = pair.key;
    const span = this.spanOf(k);
    if (!isScalar(k)) {
      const what = isAlias(k) ? 'aliases' : 'collections';
      this.add(span, path, 'NON_STRING_KEY', `map keys must be plain strings, not ${what}`, 'use a string key');
      return undefined;
    }
    if (k.tag !== undefined) this.tagError(k, path);
    if (typeof k.value !== 'string') {
      const text = this.source.slice(span.start, span.end) || 'null';
      this.add(span, path, 'NON_STRING_KEY', `map keys must be strings; \`${text}\` reads as ${k.value === null ? 'null' : typeof k.value}`, `quote it: "${text}":`);
      return undefined;
    }
    if (k.value === '<<' && k.type === 'PLAIN') {
      this.add(span, path, 'MERGE_KEY', 'merge keys (`<<`) are not supported', 'write the fields out in full');
      return undefined;
    }
    this.forbidden(k.value, k, path);
    return k.value;
  }

  private sequence(items: readonly unknown[], path: PathSegment[], pointer: string, depth: number, quiet: boolean): unknown[] {
    return items.map((item, i) =>
      isPair(item) ? this.mapping([item], [...path, i], `${pointer}/${i}`, depth + 1, quiet) : this.build(item, [...path, i], `${pointer}/${i}`, depth + 1, quiet),
    );
  }

  private alias(node: Node & { resolve(doc: Document): Node | undefined }, path: PathSegment[], pointer: string, depth: number, quiet: boolean): unknown {
    const span = this.spanOf(node);
    if (!quiet) this.map.record(pointer, span, undefined);
    this.aliases.add(node);
    if (this.aliases.size > this.limits.maxAliases) {
      this.fail(span, path, 'ALIAS_LIMIT', `more than ${this.limits.maxAliases} aliases`, 'write the values out instead of using anchors and aliases');
    }
    const target = node.resolve(this.doc);
    if (!target) {
      this.add(span, path, 'YAML_SYNTAX', 'alias to an unknown anchor');
      return null;
    }
    if (this.active.has(target)) {
      this.fail(span, path, 'ALIAS_LIMIT', 'an alias refers to a node that contains it');
    }
    const outermost = this.expanding === undefined;
    if (outermost) this.expanding = { span, path };
    this.active.add(target);
    try {
      return this.build(target, path, pointer, depth, true);
    } finally {
      this.active.delete(target);
      if (outermost) this.expanding = undefined;
    }
  }

  private tagError(node: Node, path: PathSegment[]): void {
    const span = this.spanOf(node);
    // The tag is the token before the node, possibly on an earlier line: `title: !custom\n  Draft`.
    let end = span.start;
    while (end > 0 && /\s/.test(this.source[end - 1] ?? '')) end--;
    let start = end;
    while (start > 0 && !/\s/.test(this.source[start - 1] ?? '')) start--;
    const found = this.source[start] === '!';
    const at = found ? { start, end } : { start: span.start, end: span.end };
    const tag = found ? this.source.slice(start, end) : (node.tag ?? '');
    this.add(at, path, 'UNSUPPORTED_TAG', `tags such as \`${tag}\` are not supported`, 'remove the tag; quote the value if it should stay text');
  }

  private spanOf(node: unknown): Span {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
  }

  private add(span: Span, path: PathSegment[], code: ErrorCode, message: string, hint?: string): void {
    this.errors.add(this.map.errorAt(span, path, { code, message, ...(hint !== undefined ? { hint } : {}) }));
  }

  private fail(span: Span, path: PathSegment[], code: ErrorCode, message: string, hint?: string): never {
    this.add(span, path, code, message, hint);
    throw new Abort(message);
  }
}
