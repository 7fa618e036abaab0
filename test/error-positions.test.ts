/** Schema errors land on the exact token, in block and flow style, under quoted keys and keys holding `/` and `~` (which JSON Pointers escape). */
import { describe, expect, it } from 'vitest';
import { parsePlan } from 'peaceplan';
import { MINIMAL } from './helpers.js';

const SOURCE = '  s1: { title: A source, publisher: Example }';
const at = (text: string) => {
  const r = parsePlan(text);
  return [...r.errors, ...r.warnings].map((e) => `${e.line}:${e.col} ${e.code} ${JSON.stringify(e.path)} ${text.split('\n')[e.line - 1]?.slice(e.col - 1, e.col + 6)}`);
};

describe('schema errors point at the token', () => {
  it('a quoted block key with / and ~', () => {
    expect(at(MINIMAL.replace(SOURCE, `${SOURCE}\n  "a/b~c":\n    title: T\n    publisher: P`))).toEqual(['8:3 INVALID_VALUE ["sources","a/b~c"] "a/b~c"']);
  });

  it('a value under a flow key with / and ~, next to the bad key itself', () => {
    const text = MINIMAL.replace(`sources:\n${SOURCE}`, 'sources: { s1: { title: A source, publisher: Example }, "p/q~0": { title: 5, publisher: P } }');
    expect(at(text)).toEqual(['6:57 INVALID_VALUE ["sources","p/q~0"] "p/q~0"', '6:75 WRONG_TYPE ["sources","p/q~0","title"] 5, publ']);
  });

  it('term keys and values in a flow map of an open topic', () => {
    const text = MINIMAL.replace('    topic: military-limits', '    topic: other').replace('      party: ukraine\n      personnelCap: 600000', '      { "m~n/o": 1, "ok": true, okay: [1] }');
    expect(at(text)).toEqual(['15:9 INVALID_VALUE ["clauses",0,"terms","m~n/o"] "m~n/o"', '15:39 INVALID_VALUE ["clauses",0,"terms","okay"] [1] }']);
  });

  it('a quoted key and a quoted field name', () => {
    expect(at(MINIMAL.replace(SOURCE, '  "s1": { "title": 5, publisher: Example }'))).toEqual(['7:20 WRONG_TYPE ["sources","s1","title"] 5, publ']);
  });
});

describe('long keys', () => {
  it('are cut short in messages, and keys beyond YAML’s 1,024-character limit are a syntax error', () => {
    for (const [n, code] of [[1_000, 'UNKNOWN_FIELD'], [100_000, 'YAML_SYNTAX']] as const) {
      const r = parsePlan(MINIMAL.replace('title: Minimal plan', `title: Minimal plan\n${'k'.repeat(n)}: 1`));
      expect(r.errors.map((e) => [e.code, e.line, e.col])).toEqual([[code, 5, 1]]);
      expect(r.errors[0]?.message.length).toBeLessThan(120);
    }
  });
});

describe('a quote or flow collection left open is reported where it opens', () => {
  const syntax = (text: string) => parsePlan(text).errors.filter((e) => e.code === 'YAML_SYNTAX').map((e) => `${e.line}:${e.col} ${e.message}`);
  it('points at the bracket or quote, not at the line where the reader gave up', () => {
    expect(syntax(MINIMAL.replace(SOURCE, '  s1: { title: A source, publisher: Example'))).toEqual(['7:7 this flow map ({) is never closed']);
    expect(syntax(MINIMAL.replace('title: Minimal plan', 'title: [Minimal plan'))).toEqual(['4:8 this flow list ([) is never closed']);
    expect(syntax(MINIMAL.replace('title: Minimal plan', 'title: "Minimal plan'))).toEqual(['4:8 this double quote is never closed']);
    // A quote inside a plain value, a doubled quote inside single quotes, and a bracket in a comment are no openers.
    expect(syntax(MINIMAL.replace('title: Minimal plan', "title: it's 'the plan''s' [draft]  # see {notes").replace(SOURCE, "  s1: { title: 'A source, publisher: Example }"))).toEqual(['7:16 this single quote is never closed']);
  });

  it('leaves the place the library gives where the collection is closed later, only indented too little', () => {
    const text = MINIMAL.replace(SOURCE, '  s1: { title: A source,\npublisher: Example }');
    expect(syntax(text)).toEqual([expect.stringMatching(/^8:1 Flow map in block collection must be sufficiently indented/)]);
  });
});
