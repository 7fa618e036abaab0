/**
 * What peaceplan prints and reads stays bounded whatever the input: code
 * frames and messages are cut to a documented width, and `apply` reads back
 * any diff peaceplan makes of plans within the reader's limits.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, toYaml } from 'peaceplan';
import { codeFrame, FRAME_WIDTH } from '../src/render/code-frame.js';
import { formatError, MESSAGE_WIDTH } from '../src/render/text.js';
import { PlanError } from '../src/errors.js';
import { DEFAULT_LIMITS } from '../src/options.js';
import { makePlan, revise } from './bench/generate.mjs';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'peaceplan-bounded-'));
const GUTTER = 12;

describe('bounded messages', () => {
  it('cuts a code frame on a long line to a window around the column, carets under the span', () => {
    const line = `${'a,'.repeat(500_000)}BAD,${'b,'.repeat(10)}`;
    const col = line.indexOf('BAD') + 1;
    const frame = codeFrame(() => line, { line: 1, col, endLine: 1, endCol: col + 3 });
    const [source, carets] = frame.split('\n');
    for (const row of frame.split('\n')) expect(row.length).toBeLessThanOrEqual(FRAME_WIDTH + GUTTER);
    // The carets sit under BAD in the window shown.
    expect(source!.slice(carets!.indexOf('^'), carets!.indexOf('^') + 3)).toBe('BAD');
    expect(carets!.trimEnd().endsWith('^^^')).toBe(true);
    expect(source).toMatch(/\| …a,a,.*BAD,(b,){10}$/);
    // Short lines are shown whole, as before.
    expect(codeFrame(() => 'title: x', { line: 1, col: 8, endLine: 1, endCol: 9 })).toBe('> 1 | title: x\n    |        ^');
  });

  it('cuts a message and a hint to MESSAGE_WIDTH characters', () => {
    const long = 'k'.repeat(5000);
    const e = new PlanError({ code: 'UNKNOWN_FIELD', message: `unknown field \`${long}\``, hint: long, severity: 'error', file: 'a.yaml', line: 1, col: 1, endLine: 1, endCol: 2, path: [] });
    const lines = formatError(e, () => `${long}: 1`).split('\n');
    for (const row of lines) expect(row.length).toBeLessThanOrEqual(Math.max(MESSAGE_WIDTH + 40, FRAME_WIDTH + GUTTER));
    expect(lines[0]).toMatch(/…$/);
  });

  it('prints a few hundred bytes for an error deep in a 40,000-character line, not the line', async () => {
    const file = join(dir, 'long-line.yaml');
    writeFileSync(file, `a: [${'x,'.repeat(20_000)}*nope]\n`);
    const r = await runCli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('YAML_SYNTAX');
    expect(r.stdout.length).toBeLessThan(1500);
    for (const row of r.stdout.split('\n')) expect(row.length).toBeLessThanOrEqual(FRAME_WIDTH + 40);
  });
});

describe('apply reads the diffs peaceplan writes', () => {
  it('round-trips a 10,000-clause plan through a JSON diff larger than the plan limit', async () => {
    const a = makePlan(10_000);
    const b = revise(a);
    const [fa, fb, fd] = ['a.yaml', 'b.yaml', 'd.json'].map((n) => join(dir, n)) as [string, string, string];
    writeFileSync(fa, toYaml(a));
    writeFileSync(fb, toYaml(b));
    const d = await runCli('diff', fa, fb, '--format', 'json', '-o', fd);
    expect(d.stderr).toBe('');
    expect(d.code).toBe(1);
    // The case that used to be refused: the diff is larger than a plan may be.
    expect(statSync(fd).size).toBeGreaterThan(DEFAULT_LIMITS.maxBytes);
    const applied = await runCli('apply', fa, fd);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(parsePlan(applied.stdout).plan).toEqual(parsePlan(readFileSync(fb)).plan);
  }, 180_000);
});
