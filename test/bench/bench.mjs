/**
 * `npm run bench`: prints figures, compared as ratios within one run.
 *
 * For generated plans of 1,000 / 10,000 / 100,000 clauses (a version and a
 * realistic revision, written as YAML): the time the `yaml` library takes to
 * parse both files, the time peaceplan takes to read and check them, the
 * time of diffPlans on them, and the time of jsondiffpatch (object
 * hash by id, text diffs on) on the same objects; peak memory of each run.
 * Then the HTML of a 1,000-clause diff: the time to render it, and to load
 * and paint it in Debian's Chromium (when /usr/bin/chromium is there). Then
 * the cold start of `peaceplan diff` on two shipped drafts beside `node -e 0`,
 * and beside a script that only diffs the two drafts given as checked JSON.
 * Each measurement runs in a fresh process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { makePlan, revise } from './generate.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const self = fileURLToPath(import.meta.url);
const [, , mode, ...args] = process.argv;
const CHROMIUM = '/usr/bin/chromium';


async function measurePeaceplan(dir) {
  const { parsePlan, diffPlans } = await import(join(root, 'dist/index.js'));
  const a = readFileSync(join(dir, 'a.yaml'));
  const b = readFileSync(join(dir, 'b.yaml'));
  const t0 = performance.now();
  let pa = parsePlan(a, { limits: { maxBytes: 512 * 1024 * 1024, maxNodes: 100_000_000 } });
  let pb = parsePlan(b, { limits: { maxBytes: 512 * 1024 * 1024, maxNodes: 100_000_000 } });
  const parse = performance.now() - t0;
  if (!pa.ok || !pb.ok) throw new Error(JSON.stringify([...pa.errors, ...pb.errors].slice(0, 3)));
  // Keep the plans, let the source maps and texts go, as a program that only diffs would.
  const plans = [pa.plan, pb.plan];
  pa = pb = undefined;
  globalThis.gc?.();
  const t1 = performance.now();
  const diff = diffPlans(plans[0], plans[1]);
  report({ parse, diff: performance.now() - t1, counts: diff.summary.counts });
}

async function measureYamlParse(dir) {
  const { parse } = await import('yaml');
  const a = readFileSync(join(dir, 'a.yaml'), 'utf8');
  const b = readFileSync(join(dir, 'b.yaml'), 'utf8');
  const t0 = performance.now();
  parse(a, { version: '1.2', schema: 'core' });
  parse(b, { version: '1.2', schema: 'core' });
  report({ parse: performance.now() - t0 });
}

async function measureJsondiffpatch(dir) {
  const { create } = await import('jsondiffpatch/with-text-diffs');
  const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
  const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
  const differ = create({ objectHash: (o, i) => o.id ?? `$$index:${i}`, textDiff: { minLength: 60 } });
  const t0 = performance.now();
  differ.diff(a, b);
  report({ diff: performance.now() - t0 });
}

async function measureRename(n) {
  const { diffPlans } = await import(join(root, 'dist/index.js'));
  const a = makePlan(Number(n));
  const b = revise(a, 7, { renameIds: true, retitle: true });
  const t0 = performance.now();
  const diff = diffPlans(a, b);
  const paired = diff.clauses.filter((c) => c.from && c.to);
  const right = paired.filter((c) => c.to.id === `renamed-${c.from.id}`).length;
  report({ diff: performance.now() - t0, paired: paired.length, right, of: b.clauses.length, byMethod: Object.fromEntries(['id', 'title', 'similarity', 'topic'].map((m) => [m, paired.filter((c) => c.match.method === m).length])) });
}

async function measureHtml(n) {
  const { diffPlans, renderHtml } = await import(join(root, 'dist/index.js'));
  const a = makePlan(Number(n));
  const b = revise(a);
  const t0 = performance.now();
  const html = renderHtml({ diffs: [{ diff: diffPlans(a, b), from: a, to: b }] });
  const render = performance.now() - t0;
  const file = join(mkdtempSync(join(tmpdir(), 'peaceplan-html-')), 'diff.html');
  writeFileSync(file, html);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const t1 = performance.now();
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    // Wait for a frame to be painted after load, so layout of the whole table is counted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const browserMs = performance.now() - t1;
    const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON());
    report({ render, browser: browserMs, loadEvent: nav?.loadEventEnd, bytes: Buffer.byteLength(html), rows: (html.match(/<tr/g) ?? []).length });
  } finally {
    await browser.close();
  }
}

async function measureRobust() {
  const { diffPlans } = await import(join(root, 'dist/index.js'));
  const lines = (seed) => Array.from({ length: 20_000 }, (_, i) => `line ${((i * 7919 + seed) % 100_003).toString(36)} of a long text ${seed}`).join('\n');
  const one = (version, text) => ({ peaceplan: 1, plan: 'p', version, title: 'T', date: '2025-01-01', sources: {}, clauses: [{ id: 'c', number: '1', topic: 'other', title: 'C', text, status: 'proposed', certainty: 'reported', sources: [] }] });
  let t = performance.now();
  const d1 = diffPlans(one('a', lines(1)), one('b', lines(2)));
  const texts = performance.now() - t;
  const a = makePlan(10_000);
  const b = { ...a, version: 'b', clauses: [...a.clauses].reverse() };
  t = performance.now();
  const d2 = diffPlans(a, b);
  const reorder = performance.now() - t;
  report({ texts, replaced: d1.clauses[0]?.text?.replaced, reorder, moved: d2.summary.moved });
}

function report(figures) {
  process.stdout.write(JSON.stringify({ ...figures, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function child(args, heapMiB = 8192, timeoutMs = 600_000) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMiB}`, '--expose-gc', self, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
  if (r.error?.code === 'ETIMEDOUT') return { failed: `timed out after ${timeoutMs / 1000} s` };
  if (r.status !== 0) return { failed: /heap out of memory|Allocation failed/i.test(r.stderr) ? `out of memory (heap ${heapMiB} MiB)` : (r.stderr.split('\n').find((l) => l.trim()) ?? `exit ${r.status}`) };
  return JSON.parse(r.stdout);
}

const ms = (x) => (x === undefined ? '—' : `${Math.round(x).toLocaleString('en-US')} ms`);
const ratio = (x, y) => (x === undefined || y === undefined ? '—' : `${(x / y).toFixed(2)}×`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCommand(cmd, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(cmd, args, { stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * A floor for the cold start: a script holding only the diff engine and the
 * text renderer, given the two drafts as already-checked JSON (no YAML, no
 * validation), that prints their diff. Returns the command line to time.
 */
async function diffOnlyProbe(tmp, files) {
  const { build } = await import('esbuild');
  const { parsePlan } = await import(join(root, 'dist/index.js'));
  const plans = join(tmp, 'drafts.json');
  writeFileSync(plans, JSON.stringify(files.map((f) => parsePlan(readFileSync(f, 'utf8')).plan)));
  const entry = join(tmp, 'diff-only.ts');
  writeFileSync(entry, [
    `import { readFileSync } from 'node:fs';`,
    `import { diffPlans } from ${JSON.stringify(join(root, 'src/diff/diff-plans.ts'))};`,
    `import { renderDiffText } from ${JSON.stringify(join(root, 'src/render/diff-text.ts'))};`,
    `const [a, b] = JSON.parse(readFileSync(process.argv[2], 'utf8'));`,
    `process.stdout.write(renderDiffText(diffPlans(a, b), { color: false }));`,
  ].join('\n'));
  const out = join(tmp, 'diff-only.cjs');
  await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minifyWhitespace: true, minifySyntax: true, logLevel: 'error', nodePaths: [join(root, 'node_modules')] });
  return [out, plans];
}

/** The cold start of the command, beside `node -e 0` and the diff-only floor. */
async function coldStart(tmp) {
  const runs = 11;
  const us = join(root, 'plans/russia-ukraine-2025/us-28-point.yaml');
  const e3 = join(root, 'plans/russia-ukraine-2025/e3-counter-proposal.yaml');
  const floor = await diffOnlyProbe(tmp, [us, e3]);
  const bare = timeCommand(process.execPath, ['-e', '0'], runs);
  const cold = timeCommand(process.execPath, [join(root, 'dist/cli.cjs'), 'diff', us, e3], runs);
  const version = timeCommand(process.execPath, [join(root, 'dist/cli.cjs'), '--version'], runs);
  const diffOnly = timeCommand(process.execPath, floor, runs);
  console.log(`\ncold start, median of ${runs} runs:`);
  console.log(`  node -e 0                                     ${ms(bare)}`);
  console.log(`  peaceplan --version                           ${ms(version)}  (${ratio(version, bare)})`);
  console.log(`  peaceplan diff us-28-point e3-counter-proposal ${ms(cold)}  (${ratio(cold, bare)})`);
  console.log(`  the diff alone, of already-checked JSON        ${ms(diffOnly)}  (${ratio(diffOnly, bare)})`);
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-bench-'));
  console.log(`peaceplan benchmark — node ${process.version}, ${new Date().toISOString()}\n`);
  console.log('| clauses | YAML size | `yaml` parse of both | peaceplan parse + check both | diffPlans | diff ÷ `yaml` parse | diff ÷ peaceplan parse | peak RSS | jsondiffpatch | jsondiffpatch ÷ `yaml` parse | its peak RSS |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const diffTimes = {};
  for (const n of [1_000, 10_000, 100_000]) {
    const dir = mkdtempSync(join(tmp, `${n}-`));
    const a = makePlan(n);
    const b = revise(a);
    const ya = stringify(a);
    writeFileSync(join(dir, 'a.yaml'), ya);
    writeFileSync(join(dir, 'b.yaml'), stringify(b));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
    const y = child(['yaml', dir]);
    const p = child(['peaceplan', dir]);
    if (p.failed) console.log(`peaceplan failed at ${n}: ${p.failed}`);
    const j = child(['jsondiffpatch', dir], 8192, 300_000);
    diffTimes[n] = p.diff;
    const size = `${(Buffer.byteLength(ya) / 1024 / 1024).toFixed(1)} MiB`;
    console.log(`| ${n.toLocaleString('en-US')} | ${size} | ${y.failed ?? ms(y.parse)} | ${ms(p.parse)} | ${ms(p.diff)} | ${ratio(p.diff, y.parse)} | ${ratio(p.diff, p.parse)} | ${p.maxRssMiB ?? '—'} MiB | ${j.failed ?? ms(j.diff)} | ${ratio(j.diff, y.parse)} | ${j.maxRssMiB ? `${j.maxRssMiB} MiB` : '—'} |`);
  }
  console.log(`\ngrowth of diffPlans from 10,000 to 100,000 clauses: ${ratio(diffTimes[100_000], diffTimes[10_000])} (linear would be 10×)`);

  const renamed = child(['rename', '2000']);
  console.log(`2,000 clauses with every id and title changed: ${renamed.paired} pairs (${renamed.right} correct; ${JSON.stringify(renamed.byMethod)}) of ${renamed.of} clauses, in ${ms(renamed.diff)}`);

  const robust = child(['robust']);
  console.log(`\ntwo unrelated 20,000-line clause texts: ${ms(robust.texts)} (replaced whole: ${robust.replaced}); 10,000 clauses in reverse order: ${ms(robust.reorder)} (${robust.moved?.toLocaleString('en-US')} moved)`);

  if (existsSync(CHROMIUM)) {
    const h = child(['html', '1000']);
    if (h.failed) console.log(`HTML of a 1,000-clause diff: failed: ${h.failed}`);
    else console.log(`\nHTML of a 1,000-clause diff (${(h.bytes / 1024 / 1024).toFixed(1)} MiB, ${h.rows.toLocaleString('en-US')} table rows): renderHtml ${ms(h.render)}; in Chromium, load and first paint ${ms(h.browser)} (load event at ${ms(h.loadEvent)})`);
  } else console.log(`\nHTML in a browser: skipped, ${CHROMIUM} not found (apt-get install chromium)`);

  await coldStart(tmp);
  execFileSync('rm', ['-rf', tmp]);
}

if (mode === 'peaceplan') await measurePeaceplan(...args);
else if (mode === 'yaml') await measureYamlParse(...args);
else if (mode === 'jsondiffpatch') await measureJsondiffpatch(...args);
else if (mode === 'rename') await measureRename(...args);
else if (mode === 'html') await measureHtml(...args);
else if (mode === 'robust') await measureRobust();
else if (mode === 'cold') {
  const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-bench-'));
  await coldStart(tmp);
  execFileSync('rm', ['-rf', tmp]);
}
else await main();
