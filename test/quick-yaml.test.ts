/**
 * The quick reader must give the full reader's data or decline. Compared on
 * the shipped files and fixtures, on data written by `toYaml`, on documents
 * generated from tricky pieces (scalars that look like numbers, comments,
 * quotes, folds, odd indentation), and on mutated shipped files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from 'peaceplan';
import { toYaml } from '../src/load/write-yaml.js';
import { readQuickYaml } from '../src/load/quick-yaml.js';
import { compareReaders } from './support/compare-readers.js';
import { mutate, rng } from './support/mutate.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20251122);
const FULL = process.env.PEACEPLAN_FUZZ === 'full';
const RUNS = Number(process.env.QUICK_RUNS ?? (FULL ? 50_000 : 3000));
const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? (FULL ? 100_000 : 1000));
/** A generous time per test, growing with the counts. */
const TIME = Math.max(120_000, (RUNS + MUTATIONS) * 20);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

const shipped = yamlFiles('plans');
const texts = shipped.map((f) => readFileSync(f, 'utf8'));

describe('the quick YAML reader', () => {
  it.each(shipped)('reads %s itself, with the data the full reader gives', (file) => {
    expect(compareReaders(readFileSync(file, 'utf8'))).toEqual({ quick: 'agreed' });
  });

  it('agrees with the full reader on every fixture it accepts, and declines every one the full reader refuses', () => {
    const fixtures = yamlFiles('test/fixtures').map((f) => [f, readFileSync(f, 'utf8').replace(/^\uFEFF/, '')] as const);
    const outcomes = fixtures.map(([f, text]) => [f, compareReaders(text), text] as const);
    expect(outcomes.filter(([, c]) => c.quick === 'wrong')).toEqual([]);
    // Every readable fixture goes the quick way, except those broken by lone CRs, which it leaves alone.
    expect(outcomes.filter(([, c, text]) => c.quick === 'declined' && c.full === 'read' && !/\r(?!\n)/.test(text)).map(([f]) => f)).toEqual([]);
    expect(outcomes.filter(([f, c]) => f.includes('/invalid/') && /syntax|tab|alias|merge|tag|multi|key|yaml-1/.test(f) && c.quick !== 'declined')).toEqual([]);
  });

  it('positions errors in a quickly read file exactly as before', () => {
    const text = readFileSync('plans/russia-ukraine-2025/us-28-point.yaml', 'utf8').replace('personnelCap: 600000', 'personnelCap: lots');
    expect(readQuickYaml(text, { maxDepth: 64, maxNodes: 1e6 })).toBeDefined();
    const error = parsePlan(text).errors.find((e) => e.path.includes('personnelCap'));
    const line = text.split('\n').findIndex((l) => l.includes('personnelCap: lots')) + 1;
    expect(error).toMatchObject({ line, col: text.split('\n')[line - 1]?.indexOf('lots')! + 1 });
  });

  it(`reads back what toYaml writes, or declines (fast-check, ${RUNS} runs, seed ${SEED})`, () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,()'-]{0,30}$/);
    const scalar = fc.oneof(word, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const key = fc.oneof(fc.stringMatching(/^[a-z][a-zA-Z0-9-]{0,12}$/), fc.string({ minLength: 1 }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    let agreed = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), (data) => {
        const outcome = compareReaders(toYaml(data));
        if (outcome.quick === 'wrong') throw new Error(outcome.why);
        if (outcome.quick === 'agreed') agreed++;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(agreed).toBeGreaterThan(RUNS / 2);
  }, TIME);

  it(`agrees or declines on ${RUNS} generated documents (seed ${SEED})`, () => {
    const next = rng(SEED);
    const outcomes = { agreed: 0, declined: 0, readable: 0 };
    const failures: string[] = [];
    for (let i = 0; i < RUNS && failures.length < 3; i++) {
      const text = generate(next);
      const outcome = compareReaders(text);
      if (outcome.quick === 'wrong') failures.push(`${outcome.why}\n--- input ---\n${text}`);
      else outcomes[outcome.quick]++;
      if (outcome.quick === 'agreed' || (outcome.quick === 'declined' && outcome.full === 'read')) outcomes.readable++;
    }
    expect(failures).toEqual([]);
    // Not vacuous: most of the documents YAML can read go the quick way.
    expect(outcomes.agreed).toBeGreaterThan(outcomes.readable / 2);
  }, TIME);

  it(`agrees or declines on ${MUTATIONS} mutated shipped files (seed ${SEED})`, () => {
    const next = rng(SEED + 1);
    const failures: string[] = [];
    let agreed = 0;
    for (let i = 0; i < MUTATIONS && failures.length < 3; i++) {
      const input = mutate(texts[next(texts.length)] ?? '', next);
      const outcome = compareReaders(input);
      if (outcome.quick === 'wrong') failures.push(`mutation ${i}: ${outcome.why}`);
      if (outcome.quick === 'agreed') agreed++;
    }
    expect(failures).toEqual([]);
    expect(agreed).toBeGreaterThan(MUTATIONS / 10);
  }, TIME);
});

const PLAIN = [
  'text', 'two words', 'a#b', 'a #b', 'x:y', 'http://example.org/a?b=c#d', 'true', 'True', 'TRUE', 'yes', 'no', 'on', 'null', 'Null', '~',
  '0', '-0', '+7', '007', '1e3', '1E-3', '.5', '5.', '-.5e+2', '1_000', '0x1F', '0o17', '0b11', '.inf', '-.Inf', '.NaN', '12:30', '2025-11-20',
  '99999999999999999999', '9007199254740993', '1e400', '-a', '--b', '-', '- x', '?a', ':a', '[x]', 'a[1]', '{y}', 'a, b', 'a,b', "it's", 'say "hi"',
  '@x', '`y', '%z', '!t', '&a', '*a', '|', '>', 'a: b', 'a:', 'ends with space ', ' leading', '#', 'a  b', 'é ü ß', '😀', '\u00a0nbsp', '---', '...',
];
const QUOTED = ['"a"', '"a\\"b"', '"\\n\\t\\u00e9"', '"\\x41\\U0001F600"', '"\\q"', '"# not a comment"', '"a: b"', "'single'", "'it''s'", "''", '""', '"\\0"', '"\\/"', '"\\ "'];
const KEYS = ['a', 'b', 'key', 'long-key', 'k1', '"quoted"', "'single'", '1', 'true', 'null', '<<', '"<<"', '__proto__', 'constructor', 'a b', 'a:b', 'a #b', '-x', '? q', 'a'];

function pick<T>(next: (n: number) => number, list: readonly T[]): T {
  return list[next(list.length)] as T;
}

function comment(next: (n: number) => number): string {
  return next(6) === 0 ? pick(next, [' # note', '#glued', '  # two', ' #']) : '';
}

/** A document built from the pieces above, right most of the time and subtly wrong sometimes. */
function generate(next: (n: number) => number): string {
  const lines: string[] = [];
  if (next(4) === 0) lines.push(pick(next, ['# header', '', '   ', '# a: b']));
  mapping(next, lines, 0, 0);
  if (next(8) === 0) lines.push(pick(next, ['', '# end', '  ', 'x']));
  return lines.join(pick(next, ['\n', '\n', '\n', '\r\n'])) + (next(3) ? '\n' : '');
}

function indentNoise(next: (n: number) => number, indent: number): number {
  return next(40) === 0 ? Math.max(0, indent + pick(next, [-1, 1, 2])) : indent;
}

function mapping(next: (n: number) => number, lines: string[], indent: number, depth: number): void {
  for (let n = 1 + next(4); n > 0; n--) {
    const pad = ' '.repeat(indentNoise(next, indent));
    const key = pick(next, KEYS) + pick(next, [':', ':', ':', ' :']);
    entry(next, lines, pad + key, indent, depth, true);
    if (next(10) === 0) lines.push(pick(next, ['', '   ', pad + '# c', '#']));
  }
}

function sequence(next: (n: number) => number, lines: string[], indent: number, depth: number): void {
  for (let n = 1 + next(3); n > 0; n--) {
    const pad = ' '.repeat(indentNoise(next, indent));
    if (depth < 4 && next(4) === 0) {
      // A compact map in the item.
      const key = pick(next, KEYS) + ':';
      entry(next, lines, `${pad}- ${key}`, indent + 2, depth + 1, true);
      if (next(2)) mapping(next, lines, indent + 2, depth + 1);
    } else entry(next, lines, `${pad}-`, indent, depth, false);
  }
}

/** `head` is the key with its colon (or the dash); the value follows on its line or below. */
function entry(next: (n: number) => number, lines: string[], head: string, indent: number, depth: number, inMap: boolean): void {
  const inner = indent + (inMap ? pick(next, [2, 2, 4, 1]) : 2);
  const choice = depth >= 4 ? next(5) : next(9);
  switch (choice) {
    case 0:
      lines.push(`${head} ${pick(next, PLAIN)}${comment(next)}`);
      return;
    case 1:
      lines.push(`${head} ${pick(next, QUOTED)}${comment(next)}`);
      return;
    case 2: {
      // A plain scalar over several lines, maybe with blank lines between.
      lines.push(`${head} ${pick(next, PLAIN)}`);
      for (let k = 1 + next(3); k > 0; k--) {
        if (next(4) === 0) lines.push('');
        lines.push(' '.repeat(indentNoise(next, inner)) + pick(next, PLAIN));
      }
      return;
    }
    case 3: {
      lines.push(`${head} ${pick(next, ['|', '|-', '>', '>-', '|+', '>2', '> # c', '|-  '])}`);
      for (let k = 1 + next(4); k > 0; k--) {
        lines.push(next(5) === 0 ? pick(next, ['', ' '.repeat(inner), ' '.repeat(inner + 1)]) : ' '.repeat(inner + (next(8) === 0 ? 1 : 0)) + pick(next, PLAIN));
      }
      return;
    }
    case 4:
      lines.push(`${head} ${flow(next, 0)}${comment(next)}`);
      return;
    case 5:
      lines.push(head + comment(next));
      return; // an empty value
    case 6:
    case 7:
      lines.push(head + comment(next));
      mapping(next, lines, inner, depth + 1);
      return;
    default:
      lines.push(head + comment(next));
      sequence(next, lines, inMap && next(2) ? indent : inner, depth + 1);
  }
}

function flow(next: (n: number) => number, depth: number): string {
  const item = (): string => (depth < 2 && next(4) === 0 ? flow(next, depth + 1) : pick(next, [...PLAIN.slice(0, 40), ...QUOTED]));
  const n = next(4);
  const sep = pick(next, [', ', ',', ' , ']);
  if (next(2)) return `[${pick(next, ['', ' '])}${Array.from({ length: n }, item).join(sep)}${pick(next, ['', ' ', ','])}]`;
  const entries = Array.from({ length: n }, () => `${pick(next, KEYS)}${pick(next, [': ', ':', ' : '])}${item()}`);
  return `{${pick(next, ['', ' '])}${entries.join(sep)}${pick(next, ['', ' '])}}`;
}

describe('the readers comparison itself', () => {
  it('tells apart what JSON would not', async () => {
    const { sameData } = await import('./support/compare-readers.js');
    expect(sameData({ a: [1, 'x'] }, { a: [1, 'x'] })).toBe(true);
    expect(sameData([-0], [0])).toBe(false);
    expect(sameData([undefined], [null])).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameData([1, , 3], [1, undefined, 3])).toBe(false); // eslint-disable-line no-sparse-arrays
    expect(sameData({ n: 1 }, { n: '1' })).toBe(false);
  });
});
