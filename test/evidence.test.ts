/** Certainty that follows from the sources: outlets counted by network, state media flagged, carried clauses left alone. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, summarizePlan } from 'peaceplan';
import { MINIMAL, runCli } from './helpers.js';

const withSources = (sources: string, cited: string, certainty = 'reported') =>
  MINIMAL.replace('  s1: { title: A source, publisher: Example }\n', sources).replace('sources: [s1]', `sources: [${cited}]`).replace('certainty: reported', `certainty: ${certainty}`);
const codes = (text: string) => parsePlan(text).warnings.map((w) => w.code);

describe('evidence rules', () => {
  it('count the editions of one network as one outlet', () => {
    const editions = '  a: { title: A, publisher: it.example.com, network: example }\n  b: { title: B, publisher: de.example.com, network: example }\n';
    expect(codes(withSources(editions, 'a, b'))).toEqual(['SINGLE_OUTLET']);
    const separate = '  a: { title: A, publisher: it.example.com }\n  b: { title: B, publisher: Other Paper }\n';
    expect(codes(withSources(separate, 'a, b'))).toEqual([]);
    // A wire story and its reprint are one outlet, whatever the reprint is called.
    const wire = '  a: { title: A, publisher: Reuters, network: reuters, reliability: wire }\n  b: { title: B, publisher: Report.az (Reuters), network: reuters }\n';
    expect(codes(withSources(wire, 'a, b'))).toEqual(['SINGLE_OUTLET']);
  });

  it('flag state media alone, and ask for an official text or three outlets to confirm', () => {
    const state = '  a: { title: A, publisher: One, reliability: state-media }\n  b: { title: B, publisher: Two, reliability: state-media }\n';
    expect(codes(withSources(state, 'a, b'))).toEqual(['STATE_MEDIA_ONLY']);
    const two = '  a: { title: A, publisher: One }\n  b: { title: B, publisher: Two }\n';
    expect(codes(withSources(two, 'a, b', 'confirmed'))).toEqual(['CONFIRMED_WITHOUT_TEXT']);
    const official = '  a: { title: A, publisher: The White House, reliability: official }\n';
    expect(codes(withSources(official, 'a', 'confirmed'))).toEqual([]);
  });

  it('leave unconfirmed and carried-over clauses alone', () => {
    const one = '  a: { title: A, publisher: One }\n';
    expect(codes(withSources(one, 'a', 'unconfirmed'))).toEqual([]);
    const carried = withSources(one, 'a').replace('peaceplan: 1', 'peaceplan: 2').replace('    status: proposed\n', '    status: proposed\n    presence: unknown\n    carriedFrom: v0\n');
    expect(parsePlan(carried).errors).toEqual([]);
    expect(codes(carried)).toEqual([]);
  });

  it('make a file invalid under validate --strict, and count it in the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peaceplan-evidence-'));
    const file = join(dir, 'v1.yaml');
    writeFileSync(file, MINIMAL);
    const loose = await runCli('validate', file);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('1 file checked: 1 valid, 0 invalid; 0 errors, 1 warning');
    const strict = await runCli('validate', '--strict', file);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('1 file checked: 0 valid, 1 invalid; 0 errors, 1 warning (errors under --strict)');
    const json = JSON.parse((await runCli('validate', '--strict', '--format', 'json', file)).stdout) as { ok: boolean; strict: boolean };
    expect(json).toMatchObject({ ok: false, strict: true });
    expect(summarizePlan(parsePlan(MINIMAL).plan!).evidence).toEqual({ singleOutlet: 1, stateMediaOnly: 0, carried: 0 });
  });
});

describe('the shipped families', () => {
  it('pass validate --strict: every certainty follows from its sources', async () => {
    const r = await runCli('validate', '--strict', 'plans/russia-ukraine-2025', 'plans/gaza-2025');
    expect(r.stdout).toContain('11 files checked: 11 valid, 0 invalid; 0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });
});
