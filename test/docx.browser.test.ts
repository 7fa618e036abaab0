/**
 * The Word redline made in a browser: the library (sources, or dist/ with
 * PEACEPLAN_TEST_DIST=1) bundled for the browser with `docx`, run in Debian's
 * Chromium, and the bytes it returns read back like the Node ones. Skipped where
 * Chromium is absent, unless PEACEPLAN_REQUIRE_BROWSER=1.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DOCX_STYLES } from 'peaceplan';
import type { Plan } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';
import { paragraphs, shown, unzip } from './support/docx-read.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const entry = fileURLToPath(new URL(process.env.PEACEPLAN_TEST_DIST === '1' ? '../dist/index.js' : '../src/index.ts', import.meta.url));

describe.skipIf(!present)('the Word redline in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const { build } = await import('esbuild');
    const bundle = await build({
      stdin: { contents: `import { diffPlans, renderDiffDocx } from ${JSON.stringify(entry)};\nglobalThis.redline = async (a, b) => Array.from(await renderDiffDocx({ diff: diffPlans(a, b), from: a, to: b }));`, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><title>redline</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('writes a document whose tracked changes give both versions', async () => {
    const family = await loadPlanFamily('plans/russia-ukraine-2025');
    const us = family.versions.find((v) => v.version === 'us-28-point') as Plan;
    const e3 = family.versions.find((v) => v.version === 'e3-counter-proposal') as Plan;
    const bytes = await page.evaluate(([a, b]) => (globalThis as unknown as { redline(a: Plan, b: Plan): Promise<number[]> }).redline(a, b), [us, e3] as const);
    expect(errors).toEqual([]);
    const ps = paragraphs(unzip(Uint8Array.from(bytes)).get('word/document.xml') ?? '').filter((p) => p.style === DOCX_STYLES.heading || p.style === DOCX_STYLES.text);
    const label = (c: Plan['clauses'][number]) => (c.number === undefined ? c.title : `${c.number} ${c.title}`);
    expect(shown(ps, 'accepted')).toEqual(e3.clauses.flatMap((c) => [label(c), c.text]));
    expect(shown(ps, 'rejected').length).toBeGreaterThan(2 * 20);
  }, 60_000);
});
