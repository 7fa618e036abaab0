/** The HTML renderer without a browser: self-contained, escaped, and marking every change and stance in words or symbols. */
import { describe, expect, it } from 'vitest';
import { buildMatrix, buildReport, diffPlans, parsePlan, parsePositions, parseStakeholders, renderHtml } from 'peaceplan';
import type { Plan, Positions, Stakeholders } from 'peaceplan';
import { runCli, text } from './helpers.js';

const dir = 'test/fixtures/positions/';
const stakeholders = parseStakeholders(text(`${dir}stakeholders.yaml`)).stakeholders as Stakeholders;
const load = (name: string) => parsePlan(text(`${dir}${name}`), { stakeholders }).plan as Plan;
const [v1, v2] = [load('v1.yaml'), load('v2.yaml')];
const positions = parsePositions(text(`${dir}positions.yaml`), { stakeholders }).positions as Positions;
const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)> "q" 'a' &amp;`;
const hostile = (p: Plan): Plan => ({ ...p, title: `T ${HOSTILE}`, clauses: p.clauses.map((c) => ({ ...c, title: `${c.title} ${HOSTILE}`, text: `${c.text} ${HOSTILE}` })) });

describe('renderHtml', () => {
  const html = renderHtml(buildReport([hostile(v1), hostile(v2)], { positions, stakeholders }));

  it('loads nothing from elsewhere and runs nothing', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed|video|audio|source|base|form)\b|<[^>]+\s(src|href|action)=(?!["']?#)|url\(|@import/i);
  });

  it('shows first how firm each version is', () => {
    expect(html.indexOf('id="evidence"')).toBeGreaterThan(0);
    expect(html.indexOf('id="evidence"')).toBeLessThan(html.indexOf('<section', html.indexOf('id="evidence"') + 1));
    const row = /<tr><th scope="row">v1<\/th>(<td class="num">\d+<\/td>){7}<\/tr>/.exec(html)?.[0] ?? '';
    const [clauses, , , , one] = [...row.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(clauses).toBe(v1.clauses.length);
    expect(one).toBeGreaterThanOrEqual(0);
  });

  it('escapes every text from a plan', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &quot;q&quot; &#39;a&#39; &amp;amp;');
    expect(html).not.toContain('onerror=alert(2)>');
  });

  it('marks change kinds and stances with words or symbols, not colour alone', () => {
    expect(html).toContain('<span class="kind" aria-label="modified">~ modified</span>');
    expect(html).toContain('<span class="kind" aria-label="removed">- removed</span>');
    expect(html).toMatch(/aria-label="State A: oppose, salience 1, can block"[^>]*>✗!<\/summary>/);
    expect(html).toContain('⊘ blocked by a');
  });

  it('holds the redline, the term table, the heat maps and the timeline with its figures', () => {
    expect(html).toContain('<del>500,000</del>');
    expect(html).toContain('<ins>700,000</ins>');
    expect(html).toMatch(/<th scope="row"><code>personnelCap<\/code><\/th><td>500,000<\/td><td>700,000<\/td><td>200,000<\/td>/);
    expect((html.match(/<section id="matrix-/g) ?? []).length).toBe(2);
    expect(html).toContain('<svg class="timeline"');
    expect(html).toMatch(/<th scope="row">State B<\/th><td class="score">\+0\.43<\/td><td class="score">\+0\.09<\/td>/);
  });

  it('renders the same page from the same data read back from JSON', () => {
    // A report built in one program and shown by another: plain data, nothing that depends on object identity.
    const content = JSON.parse(JSON.stringify(buildReport([hostile(v1), hostile(v2)], { positions, stakeholders }))) as ReturnType<typeof buildReport>;
    expect(renderHtml(content)).toBe(html);
  });

  it('renders one matrix or one diff on its own', () => {
    expect(renderHtml({ matrices: [buildMatrix(v1, positions, { stakeholders })] })).toContain('<title>toy: report</title>');
    const one = renderHtml({ diffs: [{ diff: diffPlans(v1, v2) }] });
    expect(one).not.toContain('<nav');
    expect(one).toContain('Changes v1 (2025-01-01) → v2 (2025-02-01)');
  });
});

describe('peaceplan report and --format html', () => {
  it('writes the family report to a file, whole', async () => {
    const { mkdtempSync, readFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(`${tmpdir()}/peaceplan-report-`);
    const r = await runCli('report', 'plans/russia-ukraine-2025', '-o', `${out}/report.html`);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readFileSync(`${out}/report.html`, 'utf8')).toContain('<h2 id="timeline-h">Acceptability across versions</h2>');
    expect(readdirSync(out)).toEqual(['report.html']);
    const bad = await runCli('report', 'plans/russia-ukraine-2025', '-o', `${out}/missing/report.html`);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('WRITE_FAILED')]);
  });

  it('prints HTML for diff and matrix', async () => {
    const d = await runCli('diff', `${dir}v1.yaml`, `${dir}v2.yaml`, '--format', 'html', '--positions', `${dir}positions.yaml`);
    expect(d.code).toBe(1);
    expect(d.stdout).toContain('<h3 id="diff--v1--v2-impact">Who moved</h3>');
    const m = await runCli('matrix', `${dir}v1.yaml`, '--format', 'html');
    expect(m.stdout).toContain('<table class="heat">');
  });

  it('exits 2 on a folder without versions', async () => {
    const r = await runCli('report', 'test/fixtures');
    expect(r.code).toBe(2);
  });
});
