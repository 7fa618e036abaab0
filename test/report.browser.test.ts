/**
 * The HTML report in a real browser: Debian's Chromium (/usr/bin/chromium)
 * driven by playwright-core. Skipped where Chromium is absent, unless
 * PEACEPLAN_REQUIRE_BROWSER=1 (set by .ci/run, which installs it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildReport, renderHtml } from 'peaceplan';
import type { Plan } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const required = process.env.PEACEPLAN_REQUIRE_BROWSER === '1';
const artifacts = fileURLToPath(new URL('.artifacts/', import.meta.url));
const HOSTILE = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> & "quotes"';

it('has Chromium when CI requires it', () => {
  if (!present) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`);
  expect(present || !required, `${CHROMIUM} is required here`).toBe(true);
});

describe.skipIf(!present)('the family report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  let url: string;

  beforeAll(async () => {
    const family = await loadPlanFamily('plans/russia-ukraine-2025');
    const versions = family.versions.map((v): Plan =>
      v.version === 'e3-counter-proposal' ? { ...v, clauses: v.clauses.map((c) => (c.id === 'victims-support' || c.id === 'elections' ? { ...c, text: `${c.text} ${HOSTILE}`, title: `${c.title} <b>bold?</b>` } : c)) } : v,
    );
    const positions = family.positions?.positions;
    const stakeholders = family.stakeholders?.stakeholders;
    const html = renderHtml(buildReport(versions, { ...(positions ? { positions } : {}), ...(stakeholders ? { stakeholders } : {}) }));
    mkdirSync(artifacts, { recursive: true });
    const file = `${artifacts}report.html`;
    writeFileSync(file, html);
    url = pathToFileURL(file).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('makes no request beyond the page itself', () => {
    expect(requests.filter((r) => r !== url)).toEqual([]);
  });

  it('shows the redline, the heat maps and the timeline', async () => {
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    expect(await page.locator('section.diff').count()).toBe(2);
    expect(await page.locator('section.matrix').count()).toBe(3);
    for (const selector of ['table.redline >> nth=0', 'table.heat >> nth=0', 'svg.timeline', 'table.terms >> nth=0', 'ins >> nth=0', 'del >> nth=0', '.blocked-note >> nth=0', 'nav']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(true);
    }
    expect(await page.locator('svg.timeline polyline').count()).toBeGreaterThan(3);
    await expect(page.locator('section.diff').first().textContent()).resolves.toContain('cap raised 600,000 → 800,000 personnel (+33 %)');
  });

  it('shows a <script> in a clause text as text and never runs it', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getByText('<script>window.__pwned = 1</script>').first().isVisible()).toBe(true);
  });

  it('opens a cell’s reasons from the keyboard', async () => {
    const summary = page.locator('table.heat summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('table.heat details[open] li').first().isVisible()).toBe(true);
  });

  it('opens a cell’s reasons over the table without moving any cell, and in view at the table’s edges', async () => {
    const table = page.locator('table.heat').first();
    await table.scrollIntoViewIfNeeded();
    const rows = table.locator('tbody tr');
    const count = await rows.count();
    for (const row of [0, Math.floor(count / 2), count - 1]) {
      for (const which of ['first', 'last'] as const) {
        await page.evaluate(() => document.querySelectorAll('table.heat details[open]').forEach((d) => d.removeAttribute('open')));
        const cells = rows.nth(row).locator('td.cell:has(summary)');
        if ((await cells.count()) === 0) continue;
        const cell = which === 'first' ? cells.first() : cells.last();
        await cell.scrollIntoViewIfNeeded();
        // The table's size and the cell's place in it (the page may scroll to show the cell).
        const layout = () => Promise.all([table.boundingBox(), cell.boundingBox()]).then(([t, c]) => ({ width: t?.width, height: t?.height, x: (c?.x ?? 0) - (t?.x ?? 0), y: (c?.y ?? 0) - (t?.y ?? 0), cw: c?.width, ch: c?.height }));
        const before = await layout();
        await cell.locator('summary').click();
        const list = cell.locator('details[open] ul');
        await expect(list.isVisible()).resolves.toBe(true);
        expect(await layout(), `row ${row} ${which}: no cell moves or resizes`).toEqual(before);
        // Nothing clips or covers the reasons: the list is what the page shows at its centre.
        const onTop = await list.evaluate((ul) => {
          const r = ul.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit !== null && ul.contains(hit);
        });
        expect(onTop, `row ${row} ${which}: the reasons are visible`).toBe(true);
      }
    }
  });

  it('has a dark scheme and a print layout', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
    await page.emulateMedia({ colorScheme: 'light', media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints every heat-map column within an A4 page width', async () => {
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const overflow = await page.evaluate(() =>
      Array.from(document.querySelectorAll('table.heat')).map((t) => Math.round(t.getBoundingClientRect().right - document.documentElement.clientWidth)),
    );
    expect(Math.max(...overflow)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('draws the family as a tree: each version joined to the one it revises', async () => {
    const segments = await page.locator('svg.timeline polyline').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('data-from')}→${l.getAttribute('data-to')}`));
    expect(new Set(segments)).toEqual(new Set(['us-28-point→e3-counter-proposal', 'us-28-point→geneva-19-point']));
  });

  it('lays the timeline out with no text over another, here and with 23 stakeholders', async () => {
    const overlaps = () =>
      page.locator('svg.timeline text').evaluateAll((texts) => {
        const boxes = texts.map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
        const hits: string[] = [];
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
            if (!apart) hits.push(`${a.text} / ${b.text}`);
          }),
        );
        return hits;
      });
    expect(await overlaps()).toEqual([]);
    const gaza = await loadPlanFamily('plans/gaza-2025');
    const terms = gaza.terms?.terms;
    const html = renderHtml(buildReport(gaza.versions, { ...(gaza.positions?.positions ? { positions: gaza.positions.positions } : {}), ...(gaza.stakeholders?.stakeholders ? { stakeholders: gaza.stakeholders.stakeholders } : {}), ...(terms ? { terms } : {}) }));
    const file = `${artifacts}report-gaza.html`;
    writeFileSync(file, html);
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('svg.timeline text.label').count()).toBeGreaterThanOrEqual(15);
    expect(await overlaps()).toEqual([]);
    await page.locator('svg.timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}report-gaza-timeline.png` });
    await page.goto(url);
  });

  it('saves a screenshot', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await page.screenshot({ path: `${artifacts}report.png`, fullPage: false });
    await page.locator('table.redline').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}report-redline.png` });
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
