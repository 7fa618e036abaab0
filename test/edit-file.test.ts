/** Plan files edited as text: applying a diff touches only what it changes; fmt is canonical and stable; writes are whole or nothing. */
import * as fsp from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, applyDiffToYaml, diffPlans, formatPlanYaml, parsePlan, parseTerms, toYaml } from 'peaceplan';
import type { Clause, Plan } from 'peaceplan';
import { writeFileAtomic } from 'peaceplan/node';
import type { WriteFs } from 'peaceplan/node';
import { runCli } from './helpers.js';

const read = (v: string) => readFileSync(`plans/russia-ukraine-2025/${v}.yaml`, 'utf8');
const usText = read('us-28-point');
const us = parsePlan(usText).plan as Plan;
const e3 = parsePlan(read('e3-counter-proposal')).plan as Plan;
const geneva = parsePlan(read('geneva-19-point')).plan as Plan;
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-edit-'));

/** The US draft with comments in many places: top, between clauses, inside one, after a value. */
const COMMENTS = ['# drafted by hand', '# the first points', '# inline on a cap', '# before the territory clause', '# about the sources'];
const commented = usText
  .replace('peaceplan: 2', `${COMMENTS[0]}\npeaceplan: 2`)
  .replace('  - id: sovereignty', `  ${COMMENTS[1]}\n  - id: sovereignty`)
  .replace('      personnelCap: 600000', `      personnelCap: 600000 ${COMMENTS[2]}`)
  .replace('  - id: territory\n', `  ${COMMENTS[3]}\n  - id: territory\n`)
  .replace('sources:\n', `sources: ${COMMENTS[4]}\n`);
const changedLines = (a: string, b: string) => {
  const [x, y] = [a.split('\n'), b.split('\n')];
  return x.length === y.length ? x.flatMap((l, i) => (l === y[i] ? [] : [`${l} → ${y[i]}`])) : ['line count changed'];
};

describe('applyDiffToYaml', () => {
  it('changes only the line of a changed term', () => {
    const x = structuredClone(us);
    (x.clauses.find((c) => c.id === 'army-cap')?.terms as { personnelCap: number }).personnelCap = 650000;
    const r = applyDiffToYaml(commented, diffPlans(us, x));
    expect(r.ok).toBe(true);
    expect(changedLines(commented, r.text ?? '')).toEqual([`      personnelCap: 600000 ${COMMENTS[2]} →       personnelCap: 650000 ${COMMENTS[2]}`]);
  });

  it('turns the US draft into each revision, keeping every comment not on a removed clause', () => {
    for (const target of [e3, geneva]) {
      const r = applyDiffToYaml(commented, diffPlans(us, target));
      expect(r.reason).toBeUndefined();
      expect(parsePlan(r.text ?? '').plan).toEqual(target);
      // The cap's inline comment goes with the cap where a revision removes it (Geneva).
      const kept = target.clauses.some((c) => c.id === 'army-cap') ? COMMENTS : COMMENTS.filter((c) => c !== COMMENTS[2]);
      for (const c of kept) expect(r.text).toContain(c);
    }
  });

  it('keeps a string that looks like true, 123, null or a date a string', () => {
    const x = structuredClone(us);
    const c = x.clauses[0] as Clause;
    Object.assign(c, { title: 'true', text: '2025-01-01', note: '123' });
    (x.clauses[1] as Clause).note = 'null';
    const r = applyDiffToYaml(usText, diffPlans(us, x));
    const back = parsePlan(r.text ?? '').plan;
    expect([back?.clauses[0]?.title, back?.clauses[0]?.text, back?.clauses[0]?.note, back?.clauses[1]?.note]).toEqual(['true', '2025-01-01', '123', 'null']);
  });

  it('refuses a diff computed from another version, and an invalid file, changing nothing', () => {
    expect(applyDiffToYaml(usText, diffPlans(e3, geneva)).conflicts[0]?.code).toBe('WRONG_BASE');
    expect(applyDiffToYaml('peaceplan: 1\n', diffPlans(us, e3)).errors.length).toBeGreaterThan(0);
  });

  it(`reads back as applyDiff of the parsed file, for random revisions (seed ${seed})`, () => {
    const revision = fc
      .record({
        edits: fc.array(fc.tuple(fc.nat(us.clauses.length - 1), fc.constantFrom('text', 'term', 'remove', 'note', 'sources', 'number', 'move')), { maxLength: 8 }),
        add: fc.boolean(),
      })
      .map(({ edits, add }) => {
        const x = structuredClone(us);
        for (const [i, what] of edits) {
          const c = x.clauses[i % x.clauses.length];
          if (!c) continue;
          if (what === 'remove') x.clauses.splice(i % x.clauses.length, 1);
          else if (what === 'text') c.text = `${c.text} Added words: yes, 1,000 of them.`;
          else if (what === 'note') {
            if (c.note) delete c.note;
            else c.note = 'A note: with a colon, and # a hash';
          }
          else if (what === 'sources') c.sources = c.sources.slice(0, 1);
          else if (what === 'number') c.number = `${c.number}a`;
          else if (what === 'move') x.clauses.push(...x.clauses.splice(i % x.clauses.length, 1));
          else if (c.topic === 'military-limits') (c.terms as { personnelCap?: number }).personnelCap = 650000 + i;
          else if (c.terms && typeof Object.values(c.terms)[0] === 'string') {
            const k = Object.keys(c.terms)[0] as string;
            (c.terms as Record<string, unknown>)[k] = 'true'; // a string that looks like a boolean: invalid for enums, fine for text
          }
        }
        if (add) x.clauses.splice(3, 0, { id: 'brand-new', number: '0', topic: 'other', title: 'New', text: 'A new clause, added here.', status: 'proposed', certainty: 'reported', sources: ['s1-liga'] });
        return x;
      });
    let valid = 0;
    fc.assert(
      fc.property(revision, (x) => {
        const d = diffPlans(us, x);
        const r = applyDiffToYaml(commented, d);
        const expected = applyDiff(us, d).plan;
        if (!parsePlan(toYaml(expected)).ok) {
          // A diff that makes an invalid plan is refused, and says why.
          expect([r.ok, r.reason, r.errors.length > 0]).toEqual([false, 'the result would not be a valid plan', true]);
          return;
        }
        valid++;
        expect(r.reason).toBeUndefined();
        expect(parsePlan(r.text ?? '').data).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { seed, numRuns: 150 },
    );
    expect(valid).toBeGreaterThan(50);
  });
});

describe('formatPlanYaml', () => {
  it('is stable: formatting a formatted file gives the same bytes, BOM and CRLF included', () => {
    for (const v of ['us-28-point', 'e3-counter-proposal', 'geneva-19-point']) {
      const once = formatPlanYaml(read(v)).text ?? '';
      expect(formatPlanYaml(once).text).toBe(once);
      const windows = `\uFEFF${once.replace(/\n/g, '\r\n')}`;
      expect(formatPlanYaml(windows).text).toBe(windows);
      expect(parsePlan(once).plan).toEqual(parsePlan(read(v)).plan);
    }
  });

  it('leaves the shipped drafts as they are: they are laid out canonically', () => {
    for (const v of ['us-28-point', 'e3-counter-proposal', 'geneva-19-point']) expect(formatPlanYaml(read(v)).text).toBe(read(v));
    const terms = parseTerms(readFileSync('plans/gaza-2025/terms.yaml', 'utf8')).terms;
    for (const v of ['reported-21-point', 'wh-20-point', 'first-phase']) {
      const text = readFileSync(`plans/gaza-2025/${v}.yaml`, 'utf8');
      expect(formatPlanYaml(text, { ...(terms ? { terms } : {}) }).text, v).toBe(text);
    }
  });

  it('is stable when a clause’s new first key had a comment above it', () => {
    const text = usText.replace('  - id: sovereignty\n    number: "1"\n', '  - number: "1"\n    # above id\n    id: sovereignty\n');
    const once = formatPlanYaml(text).text ?? '';
    expect(formatPlanYaml(once).text).toBe(once);
    expect(once).toContain('  # above id\n  - id: sovereignty');
  });

  it('writes flow collections as its help says', async () => {
    const tight = usText.replace(/parties: \[ ([^\]]*) \]/, (_, xs: string) => `parties: [${xs}]`);
    expect(tight).not.toBe(usText);
    expect(formatPlanYaml(tight).text).toBe(usText);
    const help = (await runCli('help', 'fmt')).stdout;
    expect(help).toContain('flow\ncollections as [ a, b ] and { k: v }');
    const map = usText.replace('\n    terms:\n      party: ukraine\n      personnelCap: 600000\n      appliesIn: always\n', '\n    terms: {party: ukraine, personnelCap: 600000, appliesIn: always}\n');
    expect(map).not.toBe(usText);
    expect(formatPlanYaml(map).text).toContain('\n    terms: { party: ukraine, personnelCap: 600000, appliesIn: always }\n');
  });

  it('puts fields in the format’s order and keeps every comment', () => {
    const shuffled = commented.replace('peaceplan: 2\nplan: russia-ukraine-2025\n', 'plan: russia-ukraine-2025\npeaceplan: 2\n');
    const r = formatPlanYaml(shuffled);
    expect(r.text?.indexOf('peaceplan: 2')).toBeLessThan(r.text?.indexOf('plan: russia') ?? 0);
    for (const c of COMMENTS) expect(r.text).toContain(c);
  });
});

describe('writeFileAtomic under injected faults', () => {
  const steps = ['open', 'writeFile', 'sync', 'close', 'chmod', 'readFile', 'rename'] as const;
  it.each(steps)('a failure at %s leaves the old file whole and no temporary file', async (step) => {
    const dir = mkdtempSync(join(tmp, 'fault-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'old');
    const boom = () => Promise.reject(Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' }));
    const fs: WriteFs = {
      ...fsp,
      open: (async (...a: Parameters<typeof fsp.open>) => {
        if (step === 'open') return boom();
        const h = await fsp.open(...a);
        return new Proxy(h, {
          get: (t, k) => (k === step ? boom : typeof (t as never)[k] === 'function' ? ((t as never)[k] as (...x: unknown[]) => unknown).bind(t) : (t as never)[k]),
        });
      }) as typeof fsp.open,
      chmod: step === 'chmod' ? (boom as typeof fsp.chmod) : fsp.chmod,
      readFile: step === 'readFile' ? (boom as typeof fsp.readFile) : fsp.readFile,
      rename: step === 'rename' ? (boom as typeof fsp.rename) : fsp.rename,
    };
    const error = await writeFileAtomic(file, 'new', { fs, expected: new TextEncoder().encode('old') });
    expect(error?.code).toBe('WRITE_FAILED');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
  });

  it('refuses to replace a file the user may not write to', async () => {
    const file = join(tmp, 'readonly.yaml');
    writeFileSync(file, 'old');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const error = await writeFileAtomic(file, 'new', { fs: { ...fsp, access: () => Promise.reject(denied) } as WriteFs });
    expect([error?.code, readFileSync(file, 'utf8'), readdirSync(tmp).filter((f) => f.endsWith('.tmp'))]).toEqual(['WRITE_FAILED', 'old', []]);
  });

  it('writes the new file when nothing fails, and refuses a file that changed since it was read', async () => {
    const file = join(tmp, 'ok.yaml');
    writeFileSync(file, 'old');
    expect(await writeFileAtomic(file, 'new', { expected: new TextEncoder().encode('old') })).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('new');
    const changed = await writeFileAtomic(file, 'newer', { expected: new TextEncoder().encode('old') });
    expect(changed?.code).toBe('FILE_CHANGED');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('peaceplan apply and fmt', () => {
  it('apply prints or writes the edited file; refuses a diff of another version', async () => {
    const file = join(tmp, 'us.yaml');
    writeFileSync(file, commented);
    const diffFile = join(tmp, 'diff.json');
    writeFileSync(diffFile, JSON.stringify(diffPlans(us, e3)));
    const printed = await runCli('apply', file, diffFile);
    expect([printed.code, parsePlan(printed.stdout).plan]).toEqual([0, e3]);
    expect(readFileSync(file, 'utf8')).toBe(commented);
    expect((await runCli('apply', file, diffFile, '--write')).code).toBe(0);
    expect(parsePlan(readFileSync(file, 'utf8')).plan).toEqual(e3);
    const again = await runCli('apply', file, diffFile, '--write');
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('WRONG_BASE')]);
    writeFileSync(join(tmp, 'bad.json'), '{"not": "a diff"}');
    expect((await runCli('apply', file, join(tmp, 'bad.json'))).code).toBe(2);
  });

  it('fmt keeps a byte-order mark and refuses invalid UTF-8; apply frames the errors of a refused result in that result', async () => {
    const file = join(tmp, 'bom.yaml');
    writeFileSync(file, `\uFEFF${read('us-28-point')}`);
    expect((await runCli('fmt', file, '--write')).code).toBe(0);
    expect([...readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const bad = join(tmp, 'bad-utf8.yaml');
    const raw = Buffer.from(read('us-28-point'), 'utf8');
    raw[raw.indexOf('US 28-point')] = 0xff;
    writeFileSync(bad, raw);
    const r = await runCli('fmt', bad);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', expect.stringContaining('INVALID_UTF8')]);
    const plan = parsePlan(read('us-28-point')).plan as Plan;
    const diffFile = join(tmp, 'bell.json');
    writeFileSync(diffFile, JSON.stringify(diffPlans(plan, { ...plan, title: 'bell\u0007' })));
    const source = join(tmp, 'bell.yaml');
    writeFileSync(source, read('us-28-point'));
    const refused = await runCli('apply', source, diffFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('(as the diff would make it):5:8 CONTROL_CHARACTER');
    expect(refused.stderr).toContain('> 5 | title: "bell\\u0007"');
  });

  it('fmt, migrate and apply refuse a family’s stakeholders, positions or terms file in words, not with plan-field errors', async () => {
    for (const [command, file] of [['fmt', 'plans/russia-ukraine-2025/stakeholders.yaml'], ['migrate', 'plans/russia-ukraine-2025/positions.yaml'], ['fmt', 'test/fixtures/family-terms/terms.yaml']] as const) {
      const r = await runCli(command, file, ...(command === 'fmt' ? ['--check'] : []));
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(new RegExp(`^peaceplan ${command}: ${file} is the family's (stakeholders|positions|terms) file; ${command} works on plan files \\(the versions\\)\\n$`));
    }
  });

  it('fmt --check exits 1 on a file out of order and 0 once it is formatted', async () => {
    const file = join(tmp, 'fmt.yaml');
    writeFileSync(file, commented.replace('peaceplan: 2\nplan: russia-ukraine-2025\n', 'plan: russia-ukraine-2025\npeaceplan: 2\n'));
    expect((await runCli('fmt', file, '--check')).code).toBe(1);
    expect((await runCli('fmt', file, '--write')).code).toBe(0);
    expect((await runCli('fmt', file, '--check')).code).toBe(0);
    expect((await runCli('fmt', file, '--write', '--check')).code).toBe(2);
  });
});

describe('problems found in review, kept fixed', () => {
  const small = (extra = '') =>
    `peaceplan: 1\nplan: p\nversion: v1\ntitle: T\ndate: 2025-01-01\nsources:\n  s1: { title: S, publisher: P }\nclauses:\n` +
    `  - id: a\n    number: "1"\n    topic: other\n    title: A\n    text: First. # keep me\n    status: proposed\n    certainty: reported\n    sources: [s1]\n` +
    `\n  # === Part two ===\n\n` +
    `  - id: b\n    number: "2"\n    topic: other\n    title: B\n    text: Second.\n    status: proposed\n    certainty: reported\n    sources: [s1]\n` +
    `  - id: c\n    number: "3"\n    topic: other\n    title: C\n    text: Third.\n    status: proposed\n    certainty: reported\n    sources: [s1]\n${extra}`;

  it('moving clauses keeps the comments and blank lines between them', () => {
    const text = small();
    const plan = parsePlan(text).plan as Plan;
    const moved = { ...plan, clauses: [plan.clauses[0], plan.clauses[2], plan.clauses[1]] as Clause[] };
    const r = applyDiffToYaml(text, diffPlans(plan, moved));
    expect(r.reason).toBeUndefined();
    expect(r.text).toContain('# === Part two ===');
    expect(r.text?.split('\n').filter((l: string) => l === '').length).toBe(text.split('\n').filter((l: string) => l === '').length);
    expect(parsePlan(r.text ?? '').plan).toEqual(moved);
  });

  it('a clause whose id changes is edited in place, keeping its comment and layout', () => {
    const text = small();
    const plan = parsePlan(text).plan as Plan;
    const renamed = { ...plan, clauses: plan.clauses.map((c) => (c.id === 'a' ? { ...c, id: 'a2' } : c)) };
    const r = applyDiffToYaml(text, diffPlans(plan, renamed, { pairs: [{ from: 'a', to: 'a2' }] }));
    expect(changedLines(text, r.text ?? '')).toEqual(['  - id: a →   - id: a2']);
  });

  it('a value inside a flow clause is quoted when it holds flow indicators', () => {
    const text = small().replace(/  - id: c\n[\s\S]*$/, '  - { id: c, number: "3", topic: other, title: C, text: Third., status: proposed, certainty: reported, sources: [s1] }\n');
    const plan = parsePlan(text).plan as Plan;
    const retitled = { ...plan, clauses: plan.clauses.map((c) => (c.id === 'c' ? { ...c, title: 'Army [cap], yes' } : c)) };
    const r = applyDiffToYaml(text, diffPlans(plan, retitled));
    expect(changedLines(text, r.text ?? '')).toEqual([expect.stringContaining('title: "Army [cap], yes"')]);
  });

  it('a term written as a block map that becomes a scalar is written on its key\'s line', () => {
    const text = readFileSync('plans/russia-ukraine-2025/us-28-point.yaml', 'utf8');
    const plan = parsePlan(text).plan as Plan;
    const at = text.split('\n').findIndex((l) => /^ +deadline:$/.test(l));
    expect(at).toBeGreaterThan(0); // the draft writes some deadline as a block map
    const id = plan.clauses.find((c) => JSON.stringify(c.terms).includes('"deadline":{'))?.id;
    const sooner = { ...plan, clauses: plan.clauses.map((c) => (c.id === id ? { ...c, terms: { ...c.terms, deadline: 'asap' } } : c)) } as Plan;
    const r = applyDiffToYaml(text, diffPlans(plan, sooner));
    expect(r.ok).toBe(true);
    const indent = /^ */.exec(text.split('\n')[at] ?? '')?.[0] ?? '';
    expect(r.text).toContain(`\n${indent}deadline: asap\n`);
    expect(parsePlan(r.text ?? '').plan).toEqual(sooner);
  });

  it('fmt folds a long quoted text, as merge writes its notes, and keeps a URL whole', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const url = `https://example.org/${'x'.repeat(150)}`;
    const text = readFileSync('test/fixtures/valid/minimal.yaml', 'utf8').replace('title: Minimal plan', `title: Minimal plan\nsummary: "${long}: said \\"so\\""`).replace('publisher: Example }', `publisher: Example, url: "${url}" }`);
    const r = formatPlanYaml(text);
    expect(r.ok).toBe(true);
    const lines = (r.text ?? '').split('\n');
    expect(lines.filter((l) => l.length > 100 && !l.includes(url))).toEqual([]);
    expect(lines.some((l) => l.includes(url))).toBe(true);
    expect(parsePlan(r.text ?? '').plan).toEqual(parsePlan(text).plan);
  });

  it('apply refuses a diff whose result would not be a valid plan', () => {
    const text = small();
    const plan = parsePlan(text).plan as Plan;
    const bad = { ...plan, title: 'bell\u0007' };
    const r = applyDiffToYaml(text, diffPlans(plan, bad));
    expect([r.ok, r.errors[0]?.code]).toEqual([false, 'CONTROL_CHARACTER']);
  });
});

describe('writeFileAtomic when the process is interrupted', () => {
  it('removes its temporary file on SIGINT and leaves the old file whole', async () => {
    const { spawn } = await import('node:child_process');
    const dir = mkdtempSync(join(tmp, 'signal-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'old');
    const dist = new URL('../dist/node.js', import.meta.url).href;
    // The write never finishes: the file system is made to hang inside it.
    const script = `
      import * as fsp from 'node:fs/promises';
      const { writeFileAtomic } = await import(${JSON.stringify(dist)});
      const fs = { ...fsp, open: async (...a) => { const h = await fsp.open(...a); return new Proxy(h, { get: (t, k) => k === 'writeFile' ? () => { process.stdout.write('writing\\n'); return new Promise(() => {}); } : (typeof t[k] === 'function' ? t[k].bind(t) : t[k]) }); } };
      setInterval(() => {}, 1000);
      await writeFileAtomic(${JSON.stringify(file)}, 'new', { fs });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    const signal = await new Promise((resolve) => child.once('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGINT');
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('apply writes as fmt writes', () => {
  it('between every ordered pair of shipped versions, the edited file is one fmt leaves as it is', () => {
    let pairs = 0;
    for (const dir of ['plans/russia-ukraine-2025', 'plans/gaza-2025']) {
      const termsFile = join(dir, 'terms.yaml');
      const terms = readdirSync(dir).includes('terms.yaml') ? parseTerms(readFileSync(termsFile, 'utf8')).terms : undefined;
      const options = terms ? { terms } : {};
      const names = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !['stakeholders.yaml', 'positions.yaml', 'terms.yaml'].includes(f));
      const texts = new Map(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
      for (const a of names) {
        for (const b of names) {
          if (a === b) continue;
          const [from, to] = [a, b].map((f) => parsePlan(texts.get(f) as string, options).plan as Plan) as [Plan, Plan];
          const applied = applyDiffToYaml(texts.get(a) as string, diffPlans(from, to, options), options);
          expect(applied.ok, `${a} → ${b}`).toBe(true);
          expect(formatPlanYaml(applied.text as string, options).text, `${a} → ${b}: fmt would change the applied file`).toBe(applied.text);
          pairs++;
        }
      }
    }
    expect(pairs).toBe(12);
  });
});
