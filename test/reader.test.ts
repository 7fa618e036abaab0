import { describe, expect, it } from 'vitest';
import { parsePairs, parsePlan, parsePositions, parseStakeholders } from 'peaceplan';
import { findExcessiveDepth } from '../src/load/prescan.js';
import { readDocument } from '../src/load/read-document.js';
import { findLexedDepth } from '../src/load/read-yaml.js';
import { firstInvalidUtf8 } from '../src/load/decode.js';
import { MINIMAL, where } from './helpers.js';

/** The codes the reader alone reports (no schema), for any YAML. */
const codes = (input: string | Uint8Array, limits = {}) => readDocument(input, '<t>', limits).errors.items.map((e) => e.code);

describe('nesting depth is refused before the YAML library builds anything', () => {
  const kinds: Record<string, (n: number) => string> = {
    'flow sequences': (n) => '['.repeat(n) + ']'.repeat(n),
    'flow maps': (n) => '{a: '.repeat(n) + '1' + '}'.repeat(n),
    'unclosed flow': (n) => '['.repeat(n),
    'block sequences': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + '-').join('\n'),
    'compact block sequences': (n) => '- '.repeat(n) + 'x',
    'block maps': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
    'mixed block and flow': (n) => Array.from({ length: n / 2 }, (_, i) => ' '.repeat(i * 2) + 'k:').join('\n') + ' ' + '['.repeat(n / 2),
  };
  // Block nesting needs indentation, so beyond a few thousand levels the size limit refuses it first.
  const block = new Set(['block sequences', 'block maps', 'mixed block and flow']);
  for (const [kind, make] of Object.entries(kinds)) {
    it.each(block.has(kind) ? [70, 1_000, 3_000] : [70, 1_000, 100_000])(`${kind}, depth %i`, (depth) => {
      const input = make(depth);
      // Twice: the second deep parse is the one that used to abort the process.
      expect(codes(input)).toEqual(['NESTING_TOO_DEEP']);
      expect(codes(input)).toEqual(['NESTING_TOO_DEEP']);
    });
  }

  it('accepts depth up to the limit and refuses one more', () => {
    const at = (n: number) => `a: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}`;
    expect(findExcessiveDepth(at(64), 64)).toBe(-1);
    expect(findExcessiveDepth(at(65), 64)).toBeGreaterThan(0);
    expect(codes(at(65), { maxDepth: 80 })).toEqual([]);
  });

  it('does not count brackets inside quotes, comments, plain text or block scalars', () => {
    const deep = '['.repeat(30); // beyond the limit of 10, within the blunt guard's 40
    expect(findExcessiveDepth(`a: "${deep}"`, 10)).toBe(-1);
    expect(findExcessiveDepth(`a: '${deep}'`, 10)).toBe(-1);
    expect(findExcessiveDepth(`a: 1 # ${deep}`, 10)).toBe(-1);
    expect(findExcessiveDepth(`a: text ${deep}`, 10)).toBe(-1);
    expect(findExcessiveDepth(`a: |\n  ${deep}\n  more\nb: 1`, 10)).toBe(-1);
    expect(findExcessiveDepth(`a: [ "x]]]", 'y''[[[', b ]`, 10)).toBe(-1);
    expect(findExcessiveDepth(`a: text\n  ${deep} continued\nb: 1`, 10)).toBe(-1);
    expect(findExcessiveDepth(`- |2\n   ${deep}\n  - - - - - - - - - - - -\n- x`, 10)).toBe(-1);
    expect(findExcessiveDepth(`a:\n  |\n  ${'- '.repeat(20)}\nb: 1`, 10)).toBe(-1);
  });

  it('cannot be fooled into skipping the rest of the file', () => {
    const flood = '['.repeat(1000) + ']'.repeat(1000);
    const tricks = [
      `"k": |\n    text\n  ${flood}\n`, // a block scalar ends at the first less indented line
      `"k": |\n  text\n#\n  ${flood}\n`, // comments end it too
      `k: a\n  'b\nj:\n${flood}\n`, // a quote on a continuation line opens nothing
      `k: a\n  [b\nj:\n${flood}\n`,
      `"unclosed\n${flood}\n`, // an unclosed quote: the blunt guard still counts
    ];
    for (const t of tricks) {
      expect(findExcessiveDepth(t, 64), JSON.stringify(t.slice(0, 30))).toBeGreaterThanOrEqual(0);
      // The blunt count is confirmed on the YAML library's own tokens: nesting it would build is refused, and
      // brackets it reads as text (after an unclosed quote) leave a syntax error. Three times in one process:
      // a parser that saw deep input once may abort the process on a later call.
      const expected = findLexedDepth(t, 64) >= 0 ? 'NESTING_TOO_DEEP' : 'YAML_SYNTAX';
      for (let i = 0; i < 3; i++) expect(codes(t), JSON.stringify(t.slice(0, 30))).toEqual([expected]);
    }
    expect(tricks.map((t) => findLexedDepth(t, 64) >= 0)).toEqual([true, true, true, true, false]);
  });

  it('refuses a chain of keys on one line (`"k": "k": …`), every time, with every reader', () => {
    for (const unit of ['"k": ', "'k': ", '"k" : ', '? "k": ', '"k":', 'k: ']) {
      const text = `${unit.repeat(1_000)}x`;
      for (const read of [parsePlan, parseStakeholders, parsePositions, parsePairs]) {
        // Without a blank after the colon, the YAML library reads all after the first key as one plain scalar: no nesting, a syntax error.
        const expected = unit === '"k":' ? 'YAML_SYNTAX' : 'NESTING_TOO_DEEP';
        for (let i = 0; i < 3; i++) expect(read(text).errors.map((e) => e.code), unit).toEqual([expected]);
      }
    }
  });

  it('measures the shipped-plan shape correctly', () => {
    // root map > clauses seq > clause map > terms map > regions seq > region map > recognisedBy seq
    const plan = 'clauses:\n  - terms:\n      regions:\n        - recognisedBy:\n            - us\n';
    expect(findExcessiveDepth(plan, 6)).toBeGreaterThan(0);
    expect(findExcessiveDepth(plan, 7)).toBe(-1);
  });
});

describe('the strict YAML 1.2 reader', () => {
  it('keeps YAML 1.1 booleans, octals and underscores as what YAML 1.2 says', () => {
    const r = parsePlan('a: NO\nb: yes\ny: 1\nc: 0755\nd: 1_000\ne: 0o17\n');
    expect(r.data).toEqual({ a: 'NO', b: 'yes', y: 1, c: 755, d: '1_000', e: 15 });
  });

  it('reads -0 as 0 and refuses .nan, .inf and integers beyond 2^53', () => {
    expect((parsePlan('a: -0').data as { a: number }).a).toBe(0);
    expect(Object.is((parsePlan('a: -0').data as { a: number }).a, -0)).toBe(false);
    for (const n of ['.nan', '.inf', '-.inf', '1e400', '9007199254740993']) expect(codes(`a: ${n}`)).toEqual(['INVALID_NUMBER']);
    expect((parsePlan('a: 9007199254740991').data as { a: number }).a).toBe(Number.MAX_SAFE_INTEGER);
    expect(codes('a: 1e300\nb: 12345678901234567890.5')).toEqual([]); // floats are approximate by nature
  });

  it('keeps __proto__, constructor and prototype as ordinary keys, and pollutes nothing', () => {
    const r = parsePlan('__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\ntoString: x\nlist: [{__proto__: {polluted: yes}}]\n');
    const data = r.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'toString', 'list']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    // The schema then names them as unknown fields, at their keys.
    expect(where(r).filter(([code]) => code === 'UNKNOWN_FIELD')).toEqual([
      ['UNKNOWN_FIELD', 1, 1],
      ['UNKNOWN_FIELD', 2, 1],
      ['UNKNOWN_FIELD', 3, 1],
      ['UNKNOWN_FIELD', 4, 1],
    ]);
  });

  it('accepts a UTF-8 byte-order mark and CRLF, CR-only or mixed line endings with the same positions', () => {
    const broken = MINIMAL.replace('personnelCap: 600000', 'personnelCap: lots');
    const variants = [broken, '\uFEFF' + broken, broken.replace(/\n/g, '\r\n'), broken.replace(/\n/g, '\r'), broken.replace(/\n/g, (_, i: number) => (i % 2 ? '\r\n' : '\n'))];
    for (const v of variants) expect(where(parsePlan(v))).toEqual([['WRONG_TYPE', 16, 21]]);
    const enc = new TextEncoder().encode('\uFEFF' + MINIMAL);
    expect(enc[0]).toBe(0xef);
    expect(parsePlan(enc).ok).toBe(true);
  });

  it('refuses UTF-16 and UTF-32 with or without a byte-order mark', () => {
    const utf16le = new Uint8Array([...'a: 1\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(codes(utf16le)).toEqual(['UNSUPPORTED_ENCODING']);
    expect(codes(new Uint8Array([0xfe, 0xff, 0, 97]))).toEqual(['UNSUPPORTED_ENCODING']);
    expect(codes(new Uint8Array([0xff, 0xfe, 0, 0, 97, 0, 0, 0]))).toEqual(['UNSUPPORTED_ENCODING']);
  });

  it('reports the byte offset of invalid UTF-8 and never a silent U+FFFD', () => {
    const ok = new TextEncoder().encode('a: é\n');
    expect(firstInvalidUtf8(ok)).toBe(-1);
    const cases: Array<[number[], number]> = [
      [[0x61, 0xff], 1], // never valid
      [[0x61, 0xc3], 1], // truncated
      [[0xc0, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // beyond U+10FFFF
    ];
    for (const [b, at] of cases) expect(firstInvalidUtf8(new Uint8Array(b))).toBe(at);
    const r = parsePlan(new Uint8Array([0x61, 0x3a, 0x20, 0x0a, 0x62, 0x3a, 0x20, 0xff]));
    expect(where(r)).toEqual([['INVALID_UTF8', 2, 4]]);
    expect(r.errors[0]?.message).toContain('byte 7');
    expect(r.text).not.toContain('\uFFFD');
  });

  it('refuses control characters anywhere, even quoted', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0080', '\ud800']) expect(codes(`a: "x${c}"`)).toEqual(['CONTROL_CHARACTER']);
    expect(codes('a: "tab\tis fine"')).toEqual([]);
  });

  it('refuses aliases beyond the limit, and a quadratic blow-up, while reading', () => {
    const quad = `a: &a [${'x, '.repeat(1000)}x]\nb: [${'*a, '.repeat(19)}*a]\n`;
    expect(codes(quad)).toEqual([]); // 20 aliases of a 1,000-item list: within the limits
    expect(codes(quad.replace('*a]', '*a, *a]'))).toEqual(['ALIAS_LIMIT']);
    const expand = `a: &a [${'x, '.repeat(9_999)}x]\nb: [${'*a, '.repeat(19)}*a]\n`;
    expect(codes(expand, { maxNodes: 100_000 })).toEqual(['ALIAS_LIMIT']);
  });

  it('reads a file with 100,000 keys, and one with a 1 MB line, without trouble', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const r = readDocument(keys, '<t>', {});
    expect(r.data && Object.keys(r.data).length).toBe(100_000);
    // A duplicate sends the file to the full YAML reader, which takes at most maxFullReaderNodes: the error points at it.
    expect(codes(keys + '\nk5: again', { maxFullReaderNodes: 200_000 })).toEqual(['DUPLICATE_KEY']);
    const refused = readDocument(keys + '\nk5: again', '<t>', {}).errors.items;
    expect(refused).toMatchObject([{ code: 'TOO_MANY_NODES', line: 100_001, col: 1 }]);
    expect(refused[0]?.hint).toContain('stops being plain block YAML (which is read up to limits.maxNodes) at line 100001');
    const long = `title: ${'x'.repeat(1_000_000)}`;
    expect(readDocument(long, '<t>', {}).data).toEqual({ title: 'x'.repeat(1_000_000) });
  });

  it('throws only on API misuse', () => {
    expect(() => parsePlan(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('problems found in review, kept fixed', () => {
  const all = (input: string) => {
    const r = parsePlan(input);
    return [...r.errors, ...r.warnings].map((e) => `${e.code} ${e.line}:${e.col}`);
  };

  it('refuses hexadecimal and octal integers beyond 2^53', () => {
    expect(codes('a: 0x20000000000001\nb: 0o400000000000000001\n')).toEqual(['INVALID_NUMBER', 'INVALID_NUMBER']);
    expect(codes('a: 0x1F')).toEqual([]);
  });

  it('points at a tag written on the line before its value', () => {
    expect(readDocument('title: !custom\n  Draft\n', '<t>', {}).errors.items.map((e) => [e.code, e.line, e.col, e.message])).toEqual([
      ['UNSUPPORTED_TAG', 1, 8, 'tags such as `!custom` are not supported'],
    ]);
  });

  it('counts alias nodes, not their expansions, and names an alias used as a key', () => {
    const nested = 'a0: &a0 [1]\na1: &a1 [*a0, *a0]\na2: &a2 [*a1, *a1]\na3: &a3 [*a2, *a2]\n';
    expect(codes(nested)).toEqual([]);
    expect(readDocument('k: &k x\n*k : y\n', '<t>', {}).errors.items[0]?.message).toBe('map keys must be plain strings, not aliases');
  });

  it('refuses a byte-order mark inside the text', () => {
    expect(codes('title: Dr\uFEFFaft')).toEqual(['CONTROL_CHARACTER']);
  });

  it('reads a file of document markers only as empty', () => {
    expect(codes('---\n')).toEqual(['EMPTY_DOCUMENT']);
    expect(codes('---\n...\n')).toEqual(['EMPTY_DOCUMENT']);
  });

  it('keeps positions of CRLF files inside their lines', () => {
    const r = readDocument('a:\r\n  c:\r\n d\r\n', '<t>', {});
    for (const e of r.errors.items) expect(e.endCol).toBeLessThanOrEqual(r.sourceMap.lineText(e.endLine).length + 1);
  });

  it('reports the real mistake inside a value that may take several forms', () => {
    const deadline = MINIMAL.replace('topic: military-limits', 'topic: elections').replace(/terms:\n[\s\S]*?status/, 'terms:\n      deadline: { days: 30, fromm: signature }\n    status');
    const r = parsePlan(deadline);
    expect(r.errors.map((e) => [e.code, e.message, e.hint])).toEqual([['UNKNOWN_FIELD', 'unknown field `fromm`', 'did you mean `from`?']]);
    expect(all(MINIMAL.replace('date: 2025-11-20', 'date: 2025-11-20\nparent: Us_28'))).toEqual(['INVALID_VALUE 6:9']);
    expect(parsePlan(MINIMAL.replace('peaceplan: 1', 'peaceplan: "1"')).errors.map((e) => e.code)).toEqual(['WRONG_TYPE']);
  });

  it('does not turn warnings into an invalid file when there are many', () => {
    const sources = Array.from({ length: 250 }, (_, i) => `  u${i}: { title: T, publisher: P }`).join('\n');
    const r = parsePlan(MINIMAL.replace('sources:\n', `sources:\n${sources}\n`));
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings.at(-1)?.code).toBe('TOO_MANY_ERRORS');
  });

  it('keeps hints cheap for a flood of unknown references', () => {
    const ids = Array.from({ length: 900 }, (_, i) => `source-${"x".repeat(40)}-${i}`);
    const clauseText = MINIMAL.slice(MINIMAL.indexOf('  - id: army-cap'));
    const clauses = Array.from({ length: 300 }, (_, i) =>
      clauseText.replace('id: army-cap', `id: c${i}`).replace('number: "1"', `number: "${i}"`).replace('sources: [s1]', `sources: [s1, ${ids[i]}-typo]`),
    ).join('');
    const head = MINIMAL.slice(0, MINIMAL.indexOf('  - id: army-cap')).replace('  s1:', `${ids.map((id) => `  ${id}: { title: T, publisher: P }`).join('\n')}\n  s1:`);
    const r = parsePlan(head + clauses);
    expect(r.errors.filter((e) => e.code === 'UNKNOWN_SOURCE')).toHaveLength(200);
    expect(r.errors[0]?.hint).toBe(`did you mean \`${ids[0]}\`?`);
    expect(r.errors.at(-1)?.code).toBe('TOO_MANY_ERRORS');
  });
});

describe('problems found in the second review, kept fixed', () => {
  it('refuses a control character made by an escape, in values and keys', () => {
    for (const [text, code] of [['"Army\\0cap"', 'U+0000'], ['"\\e[31mred\\a"', 'U+001B'], ['"\\uD800"', 'U+D800'], ['"\\x7f"', 'U+007F']] as const) {
      const r = parsePlan(MINIMAL.replace('title: Army cap', `title: ${text}`));
      expect(where(r), text).toEqual([['CONTROL_CHARACTER', 12, 12]]);
      expect(r.errors[0]?.message).toContain(code);
    }
    expect(where(parsePlan(MINIMAL.replace('title: Minimal plan', 'title: Minimal plan\n"a\\0b": 1')))).toEqual([['CONTROL_CHARACTER', 5, 1]]);
    expect(parsePlan(MINIMAL.replace('title: Army cap', 'title: "Caf\\u00e9 cap"')).ok).toBe(true);
  });

  it('stops at the second document instead of composing every one', () => {
    const r = parsePlan('---\na: 1\n'.repeat(400_000), { limits: { maxBytes: 64 * 1024 * 1024 } });
    expect(r.errors.map((e) => e.code)).toEqual(['MULTIPLE_DOCUMENTS']);
  });

  it('refuses !!set and reads U+0085 and U+2028 in a text without trouble', () => {
    expect(where(parsePlan(MINIMAL.replace('title: Army cap', 'title: !!set { a }')))).toEqual([['UNSUPPORTED_TAG', 12, 12]]);
    for (const c of ['\u0085', '\u2028']) expect(parsePlan(MINIMAL.replace('The army is capped.', `The army${c}is capped.`)).errors.map((e) => e.code)).not.toContain('YAML_SYNTAX');
  });
});

describe('bounded cost: nodes are counted while reading, before the YAML library builds anything', () => {
  const first = (input: string, limits = {}) => readDocument(input, '<t>', limits).errors.items[0];

  it('refuses a file past maxNodes as TOO_MANY_NODES where the count passed it, not as an alias problem', () => {
    for (const text of ['-\n'.repeat(3000), `x:\n${'- {}\n'.repeat(3000)}`, `x:\n${'  k: v\n'.repeat(1)}${Array.from({ length: 3000 }, (_, i) => `k${i}: v`).join('\n')}`]) {
      const e = first(text, { maxNodes: 1000 });
      expect(e?.code, text.slice(0, 20)).toBe('TOO_MANY_NODES');
      expect(e?.line).toBeLessThanOrEqual(1001);
      expect(e?.message).toBe('the file holds more than 1,000 nodes');
    }
    // Expansion through aliases stays an alias problem.
    const expand = `a: &a [${'x, '.repeat(99)}x]\nb: [${'*a, '.repeat(19)}*a]\n`;
    expect(first(expand, { maxNodes: 1000 })?.code).toBe('ALIAS_LIMIT');
  });

  it('counts a file that needs the full YAML reader before that reader starts, and points where plain block YAML stopped', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `k${i}: v`);
    const anchored = [...keys.slice(0, 150), 'a: &x [1, 2]', 'b: *x', ...keys.slice(150)].join('\n');
    expect(readDocument(anchored, '<t>', {}).errors.items).toEqual([]);
    const e = first(anchored, { maxFullReaderNodes: 200 });
    expect(e).toMatchObject({ code: 'TOO_MANY_NODES', line: 151, col: 1, message: 'the file holds more than 200 nodes' });
    expect(e?.hint).toContain('at line 151');
    // A flow list over several lines: every item counts, the pre-scan refuses it without the library.
    expect(first(`x: [\n${'  a,\n'.repeat(500)}  a]\n`, { maxFullReaderNodes: 200 })).toMatchObject({ code: 'TOO_MANY_NODES' });
    expect(first(`x: [\n${'  a,\n'.repeat(150)}  a]\n`, { maxFullReaderNodes: 200 })).toBeUndefined();
    // Quoted text is dear to the YAML library: every 32 characters in quotes count as a node.
    expect(first(`a: &x 1\nb: *x\nc: "${'x'.repeat(200 * 32)}"\n`, { maxFullReaderNodes: 200 })).toMatchObject({ code: 'TOO_MANY_NODES', line: 1, message: 'the file holds more than 6,400 characters of quoted text' });
    expect(first(`a: &x 1\nb: *x\nc: "${'x'.repeat(150 * 32)}"\n`, { maxFullReaderNodes: 200 })).toBeUndefined();
    // The reader stops at a second document, and so does the count.
    expect(readDocument(`a: 1\n---\n${'- x\n'.repeat(500)}`, '<t>', { maxFullReaderNodes: 200 }).errors.items.map((x) => x.code)).toEqual(['MULTIPLE_DOCUMENTS']);
  });

  it('reads valid, shallow documents whose scalars or comments hold brackets, colons or deep indentation', () => {
    const flood = '['.repeat(300);
    const valid = [
      `a: |\n  ${flood}\nb: 1\n`, // a literal block scalar, read the quick way
      `a: &x "${flood}"\nb: *x\n`, // a quoted scalar in a file with an anchor: the full reader
      `a: &x 1\n# ${flood}\nb: *x\n`, // a comment
      `a: &x |\n  ${flood}\n  ${'"k": '.repeat(100)}\n${' '.repeat(600)}\nb: *x\n`, // block scalar text with key chains
      `a: &x |\n${' '.repeat(700)}indented text\nb: *x\n`, // deep indentation inside a block scalar
      `a: [x, "${flood}"]\nb: 'it''s ${flood}'\n`,
    ];
    for (const text of valid) {
      for (let i = 0; i < 3; i++) expect(readDocument(text, '<t>', {}).errors.items.map((e) => e.code), JSON.stringify(text.slice(0, 30))).toEqual([]);
    }
  });
});

describe('YAML syntax errors in plain words', () => {
  const only = (text: string) => readDocument(text, '<t>', {}).errors.items;

  it('points at a key indented under a line that already has its value, not at the line above', () => {
    expect(only('peaceplan: 2\nplan: p\nversion: v\n title: T\ndate: 2025-01-01\n')).toMatchObject([
      { code: 'YAML_SYNTAX', line: 4, col: 2, message: 'this line is indented more than the line above it, which already has its value', hint: expect.stringContaining('line `version: v` starts at column 1, this one at column 2') },
    ]);
    expect(only('a:\n  - x\n   y: 2\n')).toMatchObject([{ line: 3, col: 4 }]);
    expect(only('clauses:\n  - id: a\n    title: A\n      topic: other\n')).toMatchObject([{ line: 4, col: 7 }]);
  });

  it('gives every syntax error a hint, and leaves valid nesting alone', () => {
    for (const text of ['a: [1, 2\nb: 3\n', 'a: "x\nb: 1\n', 'a: b: c\n', 'a: @x\n', 'a: "\\q"\n']) {
      const [e] = only(text);
      expect(e?.code, text).toBe('YAML_SYNTAX');
      expect(e?.hint, text).toBeTruthy();
    }
    expect(only('a:\n  - k: v\n    l: 2\n  - x\nb:\n  c: 1\n')).toEqual([]);
  });
});

describe('one round of fixes', () => {
  it('reports the meaning problems of a draft together with its schema errors', () => {
    const stakeholders = { peaceplan: 1, plan: 'test-family', stakeholders: [{ id: 'ukraine', name: 'Ukraine', kind: 'state' }] } as never;
    const draft = MINIMAL.replace('date: 2025-11-20', 'date: 2025-02-30')
      .replace('personnelCap: 600000', 'personnelCap: six hundred thousand')
      .replace('party: ukraine', 'party: ukrane')
      .replace('sources: [s1]', 'sources: [s2]');
    const r = parsePlan(draft, { stakeholders });
    expect(r.errors.map((e) => [e.code, e.line])).toEqual([
      ['INVALID_DATE', 5],
      ['UNKNOWN_STAKEHOLDER', 15],
      ['WRONG_TYPE', 16],
      ['UNKNOWN_SOURCE', 19],
    ]);
    expect(r.errors.find((e) => e.code === 'UNKNOWN_STAKEHOLDER')?.hint).toBe('did you mean `ukraine`?');
    // A plan whose shape is wrong throughout still reads without an exception, and says only what it can.
    expect(parsePlan('peaceplan: 1\nsources: [a]\nclauses: {x: 1}\ndate: 5\n').errors.map((e) => e.code)).not.toContain('INVALID_DATE');
  });
});
