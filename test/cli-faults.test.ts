/**
 * The command line under faults, through the real bin in dist/: a reader that
 * closes early, very large output, outputs that cannot be written, symlinks and
 * modes kept. The 50 MB case runs in `npm run fuzz` (PEACEPLAN_FUZZ=full); the
 * suite runs the same check on about 5 MB.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/cli.cjs');
const plan = (v: string) => join(root, `plans/russia-ukraine-2025/${v}.yaml`);
const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-faults-'));
const FULL = process.env.PEACEPLAN_FUZZ === 'full';

/** Runs `peaceplan …` in bash, stdout piped into `consumer`; returns peaceplan's own exit status and stderr. */
function piped(args: string[], consumer: string): { status: number; stderr: string; stdout: string } {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `set -o pipefail; node '${bin}' ${quoted} 2>"$ERR" | ${consumer}; echo "status=\${PIPESTATUS[0]}"`], {
    encoding: 'utf8',
    env: { ...process.env, ERR: join(tmp, 'stderr.txt') },
    maxBuffer: 1 << 30,
  });
  const status = Number(/status=(\d+)\s*$/.exec(r.stdout)?.[1] ?? -1);
  return { status, stderr: readFileSync(join(tmp, 'stderr.txt'), 'utf8'), stdout: r.stdout.replace(/status=\d+\s*$/, '') };
}

/** Two plan versions whose JSON diff is about `mb` megabytes. */
function bigPair(mb: number): [string, string] {
  const n = Math.ceil(mb * 40);
  const words = Array.from({ length: 500 }, (_, i) => `w${i.toString(36)}`);
  const version = (v: 'a' | 'b') => {
    const lines = ['peaceplan: 1', 'plan: big', `version: ${v}`, 'title: Big', `date: 2025-01-0${v === 'a' ? 1 : 2}`, 'sources:', '  s1: { title: S, publisher: P }', 'clauses:'];
    for (let i = 0; i < n; i++) {
      const text = Array.from({ length: 300 }, (_, j) => (v === 'b' && j % 3 === 0 ? `x${words[(i * 7 + j) % 500]}` : words[(i * 31 + j) % 500])).join(' ');
      lines.push(`  - { id: c${i}, number: "${i + 1}", topic: other, title: Clause ${i}, status: proposed, certainty: reported, sources: [s1], text: ${text} }`);
    }
    const file = join(tmp, `big-${mb}-${v}.yaml`);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  return [version('a'), version('b')];
}

describe('peaceplan under faults', () => {
  it.each([
    ['diff', [plan('us-28-point'), plan('e3-counter-proposal')], 1],
    ['diff --format json', [plan('us-28-point'), plan('us-28-point'), '--format', 'json'], 0],
    ['validate', [join(root, 'plans/russia-ukraine-2025')], 0],
    ['matrix --format json', [plan('us-28-point'), '--format', 'json'], 1],
    ['report', [join(root, 'plans/russia-ukraine-2025')], 0],
  ])('piped into a reader that stops early, `%s` finishes quietly with its own exit code', (command, args, code) => {
    const r = piped([...command.split(' ').slice(0, 1), ...(args as string[])], 'head -c 20 > /dev/null');
    expect([r.status, r.stderr]).toEqual([code, '']);
  });

  it(`writes ${FULL ? '50' : '5'} MB of output whole to a pipe`, () => {
    const [a, b] = bigPair(FULL ? 52 : 5);
    const r = piped(['diff', a, b, '--format', 'json'], 'cat');
    expect(r.status).toBe(1);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan((FULL ? 50 : 5) * 1_000_000);
    const diff = JSON.parse(r.stdout) as { clauses: unknown[] };
    expect(diff.clauses.length).toBe(Math.ceil((FULL ? 52 : 5) * 40));
  }, FULL ? 600_000 : 120_000);

  it('exits 2 and leaves no trace when the output cannot be written', () => {
    const dir = join(tmp, 'out');
    mkdirSync(join(dir, 'taken'), { recursive: true });
    writeFileSync(join(dir, 'taken', 'keep.txt'), 'keep');
    for (const target of [join(dir, 'taken'), join(dir, 'missing', 'r.html'), join(dir, 'taken', 'keep.txt', 'r.html')]) {
      const r = spawnSync(process.execPath, [bin, 'report', join(root, 'plans/russia-ukraine-2025'), '-o', target], { encoding: 'utf8' });
      expect(r.status, target).toBe(2);
      expect(r.stderr).toContain('WRITE_FAILED');
    }
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual(['keep.txt']);
    expect(readFileSync(join(dir, 'taken', 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('exits 2 with a clear message for an input that vanished or is a folder', () => {
    const gone = spawnSync(process.execPath, [bin, 'diff', join(tmp, 'gone.yaml'), plan('us-28-point')], { encoding: 'utf8' });
    expect([gone.status, gone.stderr]).toEqual([2, expect.stringContaining('FILE_NOT_FOUND no such file')]);
    const folder = spawnSync(process.execPath, [bin, 'matrix', tmp], { encoding: 'utf8' });
    expect([folder.status, folder.stderr]).toEqual([2, expect.stringContaining('READ_FAILED')]);
  });

  it('replaces an output file through its symlink, keeping the link and the mode', () => {
    const dir = join(tmp, 'link');
    mkdirSync(dir);
    writeFileSync(join(dir, 'real.html'), 'old');
    chmodSync(join(dir, 'real.html'), 0o640);
    symlinkSync('real.html', join(dir, 'report.html'));
    const r = spawnSync(process.execPath, [bin, 'report', join(root, 'plans/russia-ukraine-2025'), '-o', join(dir, 'report.html')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'report.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(statSync(join(dir, 'real.html')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['real.html', 'report.html']);
  });
});
