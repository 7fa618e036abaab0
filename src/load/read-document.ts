/**
 * From bytes or text to plain data plus a source map, with every check that
 * must happen before the YAML library runs: size, encoding, forbidden
 * characters and nesting depth.
 */
import { ErrorList } from '../error-list.js';
import { resolveLimits } from '../options.js';
import type { ReadLimits } from '../options.js';
import { decodeUtf8 } from './decode.js';
import { findBluntDepth, findControlCharacters, LINES_PER_NODE, QUOTED_CHARS_PER_NODE, scanStructure } from './prescan.js';
import { readQuickYaml } from './quick-yaml.js';
import { findLexedDepth, readYaml } from './read-yaml.js';
import { SourceMap } from './source-map.js';

/** The outcome of reading a document: data only when it read cleanly. */
export interface ReadDocument {
  data: unknown;
  readable: boolean;
  text: string;
  sourceMap: SourceMap;
  errors: ErrorList;
}

/** Reads a YAML document; see {@link ReadDocument}. */
export function readDocument(input: string | Uint8Array, file: string, limitsIn: ReadLimits | undefined): ReadDocument {
  const limits = resolveLimits(limitsIn);
  const errors = new ErrorList(limits.maxErrors);
  const fail = (text: string, sourceMap: SourceMap): ReadDocument => ({ data: undefined, readable: false, text, sourceMap, errors });

  if (byteLength(input, limits.maxBytes) > limits.maxBytes) {
    const sourceMap = new SourceMap('', file);
    errors.add(sourceMap.errorAt({ start: 0, end: 0 }, [], {
      code: 'FILE_TOO_LARGE',
      message: `the file is larger than ${limits.maxBytes} bytes`,
      hint: 'raise limits.maxBytes if the file is genuine',
    }));
    return fail('', sourceMap);
  }

  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) {
      const prefix = decoded.kind === 'invalid-utf8' ? decoded.validPrefix : '';
      const sourceMap = new SourceMap(prefix, file);
      const at = { start: prefix.length, end: prefix.length };
      errors.add(
        decoded.kind === 'invalid-utf8'
          ? sourceMap.errorAt(at, [], {
              code: 'INVALID_UTF8',
              message: `invalid UTF-8 at byte ${decoded.byteOffset}`,
              hint: 'save the file as UTF-8',
            })
          : sourceMap.errorAt(at, [], {
              code: 'UNSUPPORTED_ENCODING',
              message: `the file is ${decoded.encoding}; peaceplan reads UTF-8 only`,
              hint: 'save the file as UTF-8',
            }),
      );
      return fail(prefix, sourceMap);
    }
    text = decoded.text;
  }

  const sourceMap = new SourceMap(text, file);
  const controls = findControlCharacters(text, limits.maxErrors);
  for (const c of controls) {
    const code = (c.char ?? '').codePointAt(0) ?? 0;
    errors.add(sourceMap.errorAt({ start: c.offset, end: c.offset + 1 }, [], {
      code: 'CONTROL_CHARACTER',
      message: `the character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in YAML`,
      hint: 'remove it; write it as an escape such as "\\u0000" inside double quotes if it is meant',
    }));
  }
  if (controls.length > 0) return fail(text, sourceMap);

  const refuse = (at: number, code: 'EMPTY_DOCUMENT' | 'TOO_MANY_NODES' | 'NESTING_TOO_DEEP', message: string, hint: string): ReadDocument => {
    // An empty file has no character to point at.
    errors.add(sourceMap.errorAt({ start: at, end: code === 'EMPTY_DOCUMENT' ? at : at + 1 }, [], { code, message, hint }));
    return fail(text, sourceMap);
  };
  const more = (n: number, what: string) => `the file holds more than ${n.toLocaleString('en-US')} ${what}`;

  // Most files are plain block YAML: the quick reader takes them without the
  // YAML library, and declines anything else. It counts depth and nodes as it
  // builds (brackets inside its scalars never count), and records positions
  // only when something later needs one, by reading the text again.
  const quick = readQuickYaml(text, limits);
  if ('value' in quick) {
    sourceMap.deferRecording(() => readQuickYaml(text, limits, (pointer, start, end, keyStart, keyEnd) => sourceMap.recordAt(pointer, start, end, keyStart, keyEnd)));
    return { data: quick.value, readable: true, text, sourceMap, errors };
  }
  if ('empty' in quick) return refuse(0, 'EMPTY_DOCUMENT', 'the file holds no YAML content', 'a plan starts with `peaceplan: 1`');
  if ('tooManyNodes' in quick) {
    return refuse(sourceMap.offsetOf(quick.tooManyNodes.line), 'TOO_MANY_NODES', more(limits.maxNodes, 'nodes'), 'a plan holds a few thousand; raise limits.maxNodes if the file is genuine');
  }

  // The rest goes to the YAML library, which costs far more per node and must never see deep nesting:
  // the pre-scan measures both before it starts, and a blunt count is checked on the library's own tokens.
  const scan = scanStructure(text, limits.maxDepth, limits.maxFullReaderNodes);
  const deep = scan.tooDeep >= 0 ? scan.tooDeep : findBluntDepth(text, limits.maxDepth) >= 0 ? findLexedDepth(text, limits.maxDepth) : -1;
  if (deep >= 0) {
    return refuse(deep, 'NESTING_TOO_DEEP', `nesting is deeper than ${limits.maxDepth} levels`, 'a plan nests about seven levels deep; raise limits.maxDepth if the file is genuine');
  }
  if (scan.tooManyNodes >= 0 || scan.tooManyLines >= 0) {
    // Where plain block YAML stopped is where to look: an anchor, a tag, a flow collection over lines, or a mistake.
    const line = quick.declined.line;
    const lines = scan.tooManyNodes < 0;
    const at = line > 0 ? sourceMap.offsetOf(line) : lines ? scan.tooManyLines : scan.tooManyNodes;
    const where = line > 0 ? `; the file stops being plain block YAML (which is read up to limits.maxNodes) at line ${line}` : '';
    return refuse(
      at,
      'TOO_MANY_NODES',
      lines ? more(limits.maxFullReaderNodes * LINES_PER_NODE, 'lines') : scan.byQuotes ? more(limits.maxFullReaderNodes * QUOTED_CHARS_PER_NODE, 'characters of quoted text') : more(limits.maxFullReaderNodes, 'nodes'),
      `files with anchors, tags, flow collections over several lines or YAML errors are read up to limits.maxFullReaderNodes nodes, ${LINES_PER_NODE} times as many lines, and ${QUOTED_CHARS_PER_NODE} times as many characters in quotes${where}`,
    );
  }

  const read = readYaml(text, sourceMap, errors, limits);
  return read ? { data: read.value, readable: true, text, sourceMap, errors } : fail(text, sourceMap);
}

function byteLength(input: string | Uint8Array, max: number): number {
  if (typeof input !== 'string') return input.length;
  // A UTF-16 unit is at most 3 UTF-8 bytes; count exactly only near the limit.
  if (input.length * 3 <= max) return input.length;
  if (input.length > max) return input.length;
  return new TextEncoder().encode(input).length;
}
