/**
 * `npm run bench:hostile`: runs `peaceplan validate` on each hostile input of
 * hostile-cases.mjs at the size limit (8 MiB), one fresh process each, and
 * prints wall time, peak RSS, the bytes printed and the first error code.
 * The budget (SECURITY.md): every case answered in at most 3 s and 600 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_CASES } from './hostile-cases.mjs';
const { toYaml } = await import(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'index.js'));

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli.cjs');
const SIZE = Number(process.env.HOSTILE_SIZE ?? 8 * 1024 * 1024 - 1024);
const BUDGET = { seconds: 3, megabytes: 600 };
const dir = mkdtempSync(join(tmpdir(), 'peaceplan-hostile-'));
// Peak RSS of the child, reported by the child itself on a spare descriptor as it exits.
const probe = join(dir, 'rss.cjs');
writeFileSync(probe, "process.on('exit', () => { try { require('fs').writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });\n");

console.log(`peaceplan validate on hostile inputs of about ${(SIZE / 1024 / 1024).toFixed(1)} MiB (node ${process.version}); budget ${BUDGET.seconds} s, ${BUDGET.megabytes} MB\n`);
console.log('case                    size MB   wall s   peak MB   printed KB  exit  first code');
let over = 0;
const only = process.env.HOSTILE_ONLY?.split(',');
for (const c of HOSTILE_CASES.filter((x) => !only || only.includes(x.name))) {
  const file = join(dir, `${c.name}.yaml`);
  const text = c.make(SIZE, toYaml);
  writeFileSync(file, text);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', probe, cli, 'validate', file], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  const rss = Number(r.output[3]?.toString() || 0) / 1024;
  const printed = (r.stdout.length + r.stderr.length) / 1024;
  const code = /^\S+:\d+:\d+ ([A-Z_]+)/m.exec(r.stdout.toString())?.[1] ?? (r.status === 0 ? 'valid' : '-');
  const ok = wall <= BUDGET.seconds && rss <= BUDGET.megabytes;
  if (!ok) over++;
  console.log(`${c.name.padEnd(22)} ${(text.length / 1e6).toFixed(2).padStart(7)} ${wall.toFixed(2).padStart(8)} ${rss.toFixed(0).padStart(9)} ${printed.toFixed(1).padStart(12)} ${String(r.status).padStart(5)}  ${code}${ok ? '' : '  OVER BUDGET'}`);
  rmSync(file);
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${over === 0 ? 'every case within the budget' : `${over} case(s) over the budget`}`);
process.exitCode = over === 0 ? 0 : 1;
