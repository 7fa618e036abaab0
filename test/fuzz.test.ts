/**
 * Truncation and mutation fuzzing of every shipped file. `npm test` runs a
 * deterministic slice; `npm run fuzz` (PEACEPLAN_FUZZ=full) runs every prefix
 * of every file and 100,000 mutated inputs (FUZZ_MUTATIONS to change). Every input must give PlanErrors
 * with published codes and positions inside the text (or a valid result), the
 * same result twice, and no other exception. FUZZ_SEED reruns a sequence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPositions, diffPlans, ERROR_CODES, isPlanError, parsePlan, parsePositions, parseStakeholders, parseTerms, toYaml } from 'peaceplan';
import type { FamilyTerms, ParseResult, Plan, PlanError, Stakeholders } from 'peaceplan';
import { expectRoundTrip } from './helpers.js';
import { mutate, rng } from './support/mutate.js';
import { HOSTILE_CASES } from './bench/hostile-cases.mjs';

const FULL = process.env.PEACEPLAN_FUZZ === 'full';
const SEED = Number(process.env.FUZZ_SEED ?? 20251120);
const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? (FULL ? 100_000 : 400));
const STRIDE = FULL ? 1 : 401;
const dir = 'plans/russia-ukraine-2025/';
const read = (f: string) => readFileSync(`${dir}${f}`, 'utf8');
const stakeholders = parseStakeholders(read('stakeholders.yaml')).stakeholders as Stakeholders;
const versions = ['us-28-point.yaml', 'e3-counter-proposal.yaml', 'geneva-19-point.yaml'].map((f) => parsePlan(read(f), { stakeholders }).plan as Plan);
const CODES = new Set<string>(ERROR_CODES);
const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort().join();

type Kind = 'plan' | 'stakeholders' | 'positions' | 'family-plan' | 'terms';
const FILES: Array<[string, Kind]> = [
  ['us-28-point.yaml', 'plan'],
  ['e3-counter-proposal.yaml', 'plan'],
  ['geneva-19-point.yaml', 'plan'],
  ['stakeholders.yaml', 'stakeholders'],
  ['positions.yaml', 'positions'],
  // The second family: its own topics and terms, read through the family's declarations.
  ['../gaza-2025/wh-20-point.yaml', 'family-plan'],
  ['../gaza-2025/terms.yaml', 'terms'],
];
const gazaTerms = parseTerms(read('../gaza-2025/terms.yaml')).terms as FamilyTerms;

function parse(kind: Kind, input: string | Uint8Array): { result: ParseResult; extra: PlanError[] } {
  if (kind === 'terms') return { result: parseTerms(input), extra: [] };
  if (kind === 'family-plan') return { result: parsePlan(input, { terms: gazaTerms }), extra: [] };
  if (kind === 'stakeholders') return { result: parseStakeholders(input), extra: [] };
  if (kind === 'plan') return { result: parsePlan(input, { stakeholders }), extra: [] };
  const result = parsePositions(input, { stakeholders });
  return { result, extra: checkPositions(result, versions) };
}

/** Checks one input; returns what went wrong, or undefined. */
function check(kind: Kind, input: string | Uint8Array): string | undefined {
  let first;
  let second;
  try {
    first = parse(kind, input);
    second = parse(kind, input);
  } catch (e) {
    return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
  const { result, extra } = first;
  const lines = result.text.split(/\r\n|\r|\n/);
  for (const e of [...result.errors, ...result.warnings, ...extra]) {
    if (!isPlanError(e) || !CODES.has(e.code)) return `not a PlanError with a published code: ${String(e)}`;
    const width = (lines[e.line - 1] ?? '').length + 1;
    if (e.line < 1 || e.line > lines.length || e.col < 1 || e.col > width) return `${e.code} at ${e.line}:${e.col} is outside the text (${lines.length} lines)`;
    if (e.endLine < e.line || (e.endLine === e.line && e.endCol < e.col)) return `${e.code} ends before it starts`;
  }
  if (result.ok !== (result.errors.length === 0)) return 'ok disagrees with the errors';
  const json = (r: typeof first) => JSON.stringify([r.result.ok, r.result.data, [...r.result.errors, ...r.result.warnings, ...r.extra].map((e) => e.toJSON())]);
  if (json(first) !== json(second)) return 'two reads differ';
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE) return 'Object.prototype changed';
  return undefined;
}

describe(`fuzzing the shipped files (${FULL ? 'full' : 'slice'}, seed ${SEED})`, () => {
  it.each(FILES)(`${STRIDE === 1 ? 'every prefix' : `one prefix in ${STRIDE}`} of %s, as text and as bytes`, (file, kind) => {
    const text = read(file);
    const bytes = new TextEncoder().encode(text);
    const failures: string[] = [];
    for (let n = 0; n <= text.length && failures.length < 5; n += STRIDE) {
      const why = check(kind, text.slice(0, n));
      if (why) failures.push(`text prefix ${n}: ${why}`);
    }
    for (let n = 1; n <= bytes.length && failures.length < 5; n += STRIDE * 2 + 1) {
      const why = check(kind, bytes.subarray(0, n));
      if (why) failures.push(`byte prefix ${n}: ${why}`);
    }
    expect(failures).toEqual([]);
  }, FULL ? 3_600_000 : 120_000);

  it(`${MUTATIONS.toLocaleString('en-US')} mutated inputs`, () => {
    const next = rng(SEED);
    const texts = FILES.map(([f, kind]) => [read(f), kind] as const);
    const failures: string[] = [];
    let valid = 0;
    for (let i = 0; i < MUTATIONS && failures.length < 5; i++) {
      const [text, kind] = texts[next(texts.length)] as (typeof texts)[number];
      const input = mutate(text, next);
      const why = check(kind, input);
      if (why) failures.push(`mutation ${i} (${kind}): ${why}\n${JSON.stringify(input.slice(0, 200))}`);
      else if (kind === 'plan' && (FULL || i % 2 === 0)) {
        const plan = parsePlan(input, { stakeholders }).plan;
        const base = versions.find((v) => v.version === plan?.version);
        if (plan && base) {
          valid++;
          expectRoundTrip(base, plan, diffPlans(base, plan));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(valid).toBeGreaterThan(0);
  }, FULL ? 7_200_000 : 120_000);
});

/**
 * The hostile inputs of `npm run bench:hostile`, each read ten times in one
 * process through every reader (a parser that saw an input once may fail on
 * a later call): always an answer with a published code, never an exception.
 * `npm test` runs them at 256 KiB; `npm run fuzz` at the 8 MiB size limit,
 * printing time and memory. The budget itself is measured by the bench.
 */
describe(`hostile inputs, ten times each in one process (${FULL ? '8 MiB' : '256 KiB'})`, () => {
  const size = FULL ? 8 * 1024 * 1024 - 1024 : 256 * 1024;
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const text = c.make(size, toYaml);
    const answers = new Set<string>();
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) {
      const read = i % 3 === 0 ? parsePlan(text) : i % 3 === 1 ? parseStakeholders(text) : parsePositions(text);
      for (const e of read.errors) expect(CODES.has(e.code), `${name}: ${e.code}`).toBe(true);
      if (i % 3 === 0) answers.add(read.errors.map((e) => e.code).join());
    }
    expect(answers.size, `${name} answers the same each time`).toBe(1);
    if (FULL) console.log(`${name.padEnd(22)} 10 reads ${((performance.now() - t0) / 1000).toFixed(2)} s, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  }, FULL ? 300_000 : 60_000);
});
