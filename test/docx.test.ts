/**
 * The Word redline (`diff --format docx`): its tracked changes read back from
 * the XML, accepted and rejected, against the two versions' own texts; its
 * comments; hostile text; and, where LibreOffice is installed (required in CI
 * with PEACEPLAN_REQUIRE_OFFICE=1), that it opens the file and prints a PDF.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRedline, diffImpact, diffPlans, DOCX_STYLES, renderDiffDocx } from 'peaceplan';
import type { Plan } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';
import { xmlText } from '../src/render/docx/diff-docx.js';
import { paragraphs, shown, unzip } from './support/docx-read.js';
import type { ReadParagraph } from './support/docx-read.js';
import { runCli } from './helpers.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const officeRequired = process.env.PEACEPLAN_REQUIRE_OFFICE === '1';

const label = (c: Plan['clauses'][number]) => (c.number === undefined ? c.title : `${c.number} ${c.title}`);

/** The clause paragraphs of a redline, read back from its document.xml. */
async function clauseParagraphs(from: Plan, to: Plan): Promise<{ ps: ReadParagraph[]; parts: Map<string, string> }> {
  const parts = unzip(await renderDiffDocx({ diff: diffPlans(from, to), from, to }));
  const ps = paragraphs(parts.get('word/document.xml') ?? '').filter((p) => p.style === DOCX_STYLES.heading || p.style === DOCX_STYLES.text);
  return { ps, parts };
}

/** What accepting every change must show: the new version's clauses, heading and text, in order (as XML carries them, or as they are). */
function expectedAccepted(to: Plan, clean: (s: string) => string = xmlText): string[] {
  return to.clauses.flatMap((c) => [clean(label(c)), clean(c.text)]);
}

/** What rejecting every change must show: the old version's clauses, in the diff's order (a moved clause at its new place). */
function expectedRejected(from: Plan, to: Plan, clean: (s: string) => string = xmlText): string[] {
  const byId = new Map(from.clauses.map((c) => [c.id, c]));
  return diffPlans(from, to).clauses.flatMap((c) => {
    const old = c.from ? byId.get(c.from.id) : undefined;
    return old ? [clean(label(old)), clean(old.text)] : [];
  });
}

const families = await Promise.all(['plans/russia-ukraine-2025', 'plans/gaza-2025'].map((d) => loadPlanFamily(d)));
const pairs: Array<[Plan, Plan]> = families.flatMap((f) => f.versions.flatMap((to) => f.versions.filter((from) => from !== to).map((from): [Plan, Plan] => [from, to])));

describe('the redline of every ordered pair of shipped versions', () => {
  it('has pairs to test', () => expect(pairs.length).toBeGreaterThanOrEqual(12));

  it.each(pairs.map(([a, b]) => [`${a.version} → ${b.version}`, a, b] as const))('%s: accept all gives the new clauses, reject all the old ones', async (_, from, to) => {
    const { ps } = await clauseParagraphs(from, to);
    expect(shown(ps, 'accepted')).toEqual(expectedAccepted(to));
    expect(shown(ps, 'rejected')).toEqual(expectedRejected(from, to));
  });
});

describe('US 28-point → E3 counter-proposal', async () => {
  const [ru] = families;
  const us = ru!.versions.find((v) => v.version === 'us-28-point')!;
  const e3 = ru!.versions.find((v) => v.version === 'e3-counter-proposal')!;
  const { ps, parts } = await clauseParagraphs(us, e3);
  const xml = parts.get('word/document.xml') ?? '';
  const comments = parts.get('word/comments.xml') ?? '';

  it('tracks deletions and insertions by the author, dated with the new version', () => {
    const marks = [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g)];
    expect(marks.length).toBeGreaterThan(100);
    expect(new Set(marks.map((m) => m[3]))).toEqual(new Set(['peaceplan']));
    expect(new Set(marks.map((m) => m[4]))).toEqual(new Set([`${e3.date}T00:00:00Z`]));
    expect(new Set(marks.map((m) => m[2])).size).toBe(marks.length); // revision ids are unique
    expect(parts.get('word/settings.xml')).toContain('<w:trackRevisions/>');
  });

  it('tracks a removed clause whole, paragraph marks included', () => {
    const removed = diffPlans(us, e3).clauses.filter((c) => c.kind === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    for (const c of removed) {
      const heading = ps.find((p) => p.style === DOCX_STYLES.heading && p.rejected === label(us.clauses[c.from!.index]!));
      expect(heading).toMatchObject({ mark: 'delete', accepted: '' });
    }
  });

  it('puts term changes and operative flags in comments anchored on the clause heading', () => {
    const cap = ps.find((p) => p.style === DOCX_STYLES.heading && /armed forces/i.test(p.accepted));
    expect(cap?.comments).toHaveLength(1);
    const body = comments.split('<w:comment ').find((c) => c.startsWith(`w:id="${cap!.comments[0]}"`)) ?? '';
    expect(body).toContain('600,000 → 800,000');
    expect(comments).toMatch(/obligation (softened|strengthened)/);
  });

  it('gives every comment a paragraph that refers to it, and nothing for an unchanged clause', () => {
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids.sort((a, b) => a - b)).toEqual(ps.flatMap((p) => p.comments).sort((a, b) => a - b));
    for (const id of ids) expect(xml).toContain(`<w:commentReference w:id="${id}"/>`);
  });

  it('with positions, lists each stakeholder and each move on the cover as sentences, not terminal columns', async () => {
    const positions = ru!.positions?.positions;
    expect(positions).toBeDefined();
    const diff = diffPlans(us, e3);
    const impact = diffImpact(diff, positions!, { from: us, to: e3, ...(ru!.stakeholders?.stakeholders ? { stakeholders: ru!.stakeholders.stakeholders } : {}) });
    const cover = paragraphs(unzip(await renderDiffDocx({ diff, from: us, to: e3, impact })).get('word/document.xml') ?? '').map((p) => p.accepted);
    expect(cover.filter((t) => t === 'Stakeholders')).toHaveLength(1);
    expect(cover).toContain('Which change moved whom');
    expect(cover.some((t) => /^Ukraine: acceptability [+-]?\d\.\d\d → [+-]?\d\.\d\d; \d+ changes? toward, \d+ away$/.test(t))).toBe(true);
    expect(cover.some((t) => / {3}/.test(t))).toBe(false); // no column padding
  });

  it('opens with the counts and the ranked changes', () => {
    const all = paragraphs(xml).map((p) => p.accepted);
    expect(all).toContain('us-28-point (2025-11-20) → e3-counter-proposal (2025-11-23)');
    expect(all).toContain('What matters most');
    expect(all.some((t) => t.includes('600,000 → 800,000'))).toBe(true);
  });
});

// Random edits of a shipped draft: words changed, clauses dropped, added and renumbered, hostile characters.
const NASTY = ['<w:t>', ']]>', '&amp;', '"\'', '\u0001', '\u000b', '\uD800', '\uDC00', '\uFFFE', '😀', '\r\n', '\n', '\t', ' ', 'Zaporizhzhia'];
const edit = fc.record({
  drop: fc.uniqueArray(fc.nat(27), { maxLength: 4 }),
  add: fc.array(fc.record({ at: fc.nat(27), text: fc.array(fc.constantFrom(...NASTY, 'new', 'words'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')) }), { maxLength: 3 }),
  reword: fc.array(fc.record({ at: fc.nat(27), word: fc.constantFrom(...NASTY), pos: fc.nat(400) }), { maxLength: 8 }),
  renumber: fc.boolean(),
  retitle: fc.option(fc.record({ at: fc.nat(27), title: fc.constantFrom('Renamed', 'A <title> & more', 'x\u0002y') })),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function edited(base: Plan, e: Edit): Plan {
  let clauses = base.clauses.map((c) => ({ ...c }));
  for (const r of e.reword) {
    const c = clauses[r.at % clauses.length]!;
    c.text = `${c.text.slice(0, r.pos % (c.text.length + 1))}${r.word}${c.text.slice(r.pos % (c.text.length + 1))}`;
  }
  if (e.retitle) clauses[e.retitle.at % clauses.length]!.title = e.retitle.title;
  clauses = clauses.filter((_, i) => !e.drop.includes(i));
  e.add.forEach((a, i) => clauses.splice(a.at % (clauses.length + 1), 0, { id: `added-${i}`, number: `${100 + i}`, topic: 'other', title: `Added ${i}`, text: a.text, status: 'proposed', certainty: 'reported', sources: [] } as Plan['clauses'][number]));
  if (e.renumber) clauses = clauses.map((c, i) => ({ ...c, number: String(i + 1) }));
  return { ...base, version: 'edited', date: '2025-12-01', clauses };
}

describe('random edits of a shipped draft', async () => {
  const base = families[0]!.versions.find((v) => v.version === 'us-28-point')!;
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

  it('the redline model: accepted runs give the new clauses, rejected runs the old ones', () => {
    fc.assert(
      fc.property(edit, fc.boolean(), (e, forward) => {
        const [from, to] = forward ? [base, edited(base, e)] : [edited(base, e), base];
        const r = buildRedline(diffPlans(from, to), from, to);
        const read = (how: 'insert' | 'delete') => r.clauses.flatMap((c) => c.paragraphs.filter((p) => p.op !== how).map((p) => p.runs.filter((x) => x.op !== how).map((x) => x.text).join('')));
        const same = (s: string) => s;
        expect(read('delete')).toEqual(expectedAccepted(to, same));
        expect(read('insert')).toEqual(expectedRejected(from, to, same));
      }),
      { seed, numRuns: 300 },
    );
  });

  it('the document: the same, read back from its XML', async () => {
    await fc.assert(
      fc.asyncProperty(edit, async (e) => {
        const to = edited(base, e);
        const { ps } = await clauseParagraphs(base, to);
        expect(shown(ps, 'accepted')).toEqual(expectedAccepted(to));
        expect(shown(ps, 'rejected')).toEqual(expectedRejected(base, to));
      }),
      { seed, numRuns: 25 },
    );
  }, 60_000);

  it('never writes a character XML 1.0 forbids', async () => {
    const to = edited(base, { drop: [], add: [{ at: 0, text: NASTY.join(' ') }], reword: NASTY.map((word, i) => ({ at: i, word, pos: 10 })), renumber: false, retitle: { at: 1, title: 'x\u0002y' } });
    const parts = unzip(await renderDiffDocx({ diff: diffPlans(base, to), from: base, to }));
    for (const [name, body] of parts) expect(body, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(parts.get('word/document.xml')).toContain('&lt;w:t&gt;');
  });
});

describe('the CLI', () => {
  const P = 'plans/russia-ukraine-2025';

  it('writes the document with -o and exits 1 (the versions differ)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'peaceplan-docx-')), 'redline.docx');
    const r = await runCli('diff', `${P}/us-28-point.yaml`, `${P}/geneva-19-point.yaml`, '--format', 'docx', '-o', out);
    expect(r).toMatchObject({ code: 1, stderr: '' });
    expect(unzip(readFileSync(out)).get('word/document.xml')).toContain(DOCX_STYLES.heading);
  });

  it('takes the format from the extension of -o when --format is not given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peaceplan-ext-'));
    await runCli('diff', `${P}/us-28-point.yaml`, `${P}/geneva-19-point.yaml`, '-o', join(dir, 'r.docx'));
    expect(readFileSync(join(dir, 'r.docx')).subarray(0, 2).toString()).toBe('PK');
    await runCli('diff', `${P}/us-28-point.yaml`, `${P}/geneva-19-point.yaml`, '-o', join(dir, 'r.md'));
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^### us-28-point/);
    await runCli('matrix', `${P}/us-28-point.yaml`, '-o', join(dir, 'm.csv'));
    expect(readFileSync(join(dir, 'm.csv'), 'utf8')).toMatch(/^clause,/);
    // --format wins; an extension the command has no format for changes nothing.
    await runCli('diff', `${P}/us-28-point.yaml`, `${P}/geneva-19-point.yaml`, '--format', 'json', '-o', join(dir, 'r2.md'));
    expect(readFileSync(join(dir, 'r2.md'), 'utf8')).toMatch(/^\{/);
    await runCli('diff', `${P}/us-28-point.yaml`, `${P}/geneva-19-point.yaml`, '-o', join(dir, 'r.csv'));
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toMatch(/^us-28-point \(2025-11-20\)/);
  });

  it('refuses to pour a document into a terminal, and says where it should go', async () => {
    let stderr = '';
    let written = 0;
    const { cli } = await import('../src/cli/cli.js');
    const code = await cli(['diff', `${P}/us-28-point.yaml`, `${P}/geneva-19-point.yaml`, '--format', 'docx'], { stdout: { write: () => (written++, true) }, stderr: { write: (t: string) => (stderr += t) }, terminal: true });
    expect(code).toBe(2);
    expect(written).toBe(0);
    expect(stderr).toContain('-o redline.docx');
  });
});

describe.skipIf(!SOFFICE && !officeRequired)('LibreOffice', () => {
  it('is installed where CI requires it', () => {
    expect(SOFFICE, 'soffice (apt-get install libreoffice-writer-nogui)').toBeDefined();
  });

  it('opens the redlines and prints them as PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peaceplan-office-'));
    const [ru] = families;
    const us = ru!.versions.find((v) => v.version === 'us-28-point')!;
    const e3 = ru!.versions.find((v) => v.version === 'e3-counter-proposal')!;
    const hostile = edited(us, { drop: [2], add: [{ at: 3, text: NASTY.join(' ') }], reword: NASTY.map((word, i) => ({ at: i, word, pos: 7 })), renumber: true, retitle: null });
    const files = [];
    for (const [name, from, to] of [['e3', us, e3], ['hostile', us, hostile]] as const) {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, await renderDiffDocx({ diff: diffPlans(from, to), from, to }));
      files.push(file);
    }
    const run = spawnSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 180_000 });
    expect(run.status, run.stderr).toBe(0);
    for (const name of ['e3', 'hostile']) {
      const pdf = readFileSync(join(dir, `${name}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The cover, then the clauses on a new page: at least two pages.
      expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])).toBeGreaterThanOrEqual(2);
    }
  }, 200_000);
});
