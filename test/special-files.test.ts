/**
 * `-o` and `--write` onto things that are not regular files: a FIFO and a
 * character device are written in place and stay what they were, /dev/stdout
 * is the output stream whatever it is, and a directory, a socket or a block
 * device is refused. A regular file is still replaced atomically. The device
 * cases make their own /dev/null and /dev/full with mknod, which needs root.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/node/write-file.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/cli.cjs');
const nodeDist = new URL('../dist/node.js', import.meta.url).href;
const plan = (v: string) => join(root, `plans/russia-ukraine-2025/${v}.yaml`);
const DIFF = ['diff', plan('us-28-point'), plan('e3-counter-proposal')];
const tmp = mkdtempSync(join(tmpdir(), 'peaceplan-special-'));
const IS_ROOT = process.getuid?.() === 0;
const NOT_ROOT = 'as root: mknod needs it';
const REFUSED = /peaceplan writes only to regular files, FIFOs and character devices/;

/** A fresh folder in the temporary folder. */
function folder(name: string): string {
  return mkdtempSync(join(tmp, `${name}-`));
}

/** A FIFO at `dir/name`. */
function fifo(dir: string, name = 'fifo'): string {
  const p = join(dir, name);
  execFileSync('mkfifo', [p]);
  return p;
}

/** /dev/null (1, 3) or /dev/full (1, 7) made again at `dir/name`. */
function device(dir: string, name: 'null' | 'full'): string {
  const p = join(dir, name);
  execFileSync('mknod', [p, 'c', '1', name === 'null' ? '3' : '7']);
  return p;
}

/** A symlink `dir/link-to-<name>` to `target`, by its relative name. */
function linkTo(dir: string, name: string): string {
  const p = join(dir, `link-to-${name}`);
  symlinkSync(name, p);
  return p;
}

/** What a path is, without following a link: kind, inode, device numbers. */
function what(p: string): { kind: string; ino: number; rdev: number } {
  const s = lstatSync(p);
  const kind = s.isFIFO() ? 'fifo' : s.isCharacterDevice() ? 'char' : s.isDirectory() ? 'dir' : s.isSymbolicLink() ? 'link' : s.isFile() ? 'file' : s.isSocket() ? 'socket' : 'other';
  return { kind, ino: s.ino, rdev: s.rdev };
}

/** Starts `cat fifo > out` and returns a promise of what arrived once the writer closed the FIFO. */
function readFifo(path: string, out: string): { arrived: Promise<string>; stop: () => void } {
  const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', path, out], { stdio: 'ignore' });
  const arrived = new Promise<string>((resolve, reject) => {
    reader.once('error', reject);
    reader.once('exit', (code) => (code === 0 ? resolve(readFileSync(out, 'utf8')) : reject(new Error(`cat exited ${code}`))));
  });
  return { arrived, stop: () => reader.kill() };
}

/** The CLI from dist/, with a time limit so that a FIFO nobody reads cannot hang the suite. */
function peaceplan(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000 });
}

/** Runs `script` (an ES module with writeFileAtomic from dist/ in scope) in bash as `node … <redirections>`. */
function inBash(script: string, shell: (node: string) => string): { status: number | null; stdout: string; stderr: string } {
  const module = `import { writeFileAtomic } from ${JSON.stringify(nodeDist)};\n${script}`;
  const node = `'${process.execPath}' --input-type=module -e "$SCRIPT"`;
  return spawnSync('bash', ['-c', shell(node)], { encoding: 'utf8', env: { ...process.env, SCRIPT: module }, timeout: 20_000 });
}

// A folder that cannot be written to. Root writes into a 0555 folder anyway, so for root it is also made immutable.
const readOnly = folder('read-only');
writeFileSync(join(readOnly, 'plan.yaml'), 'old');
chmodSync(readOnly, 0o555);
if (IS_ROOT) {
  try {
    execFileSync('chattr', ['+i', readOnly], { stdio: 'ignore' });
  } catch {
    // no chattr, or a file system without the immutable flag: the probe below tells
  }
}
const READ_ONLY_WORKS = (() => {
  try {
    writeFileSync(join(readOnly, 'probe'), 'x');
    return false;
  } catch {
    return true;
  }
})();

afterAll(() => {
  if (IS_ROOT) spawnSync('chattr', ['-i', readOnly]);
  chmodSync(readOnly, 0o755);
});

const expected = new TextEncoder().encode('old');

describe('writeFileAtomic onto a FIFO', () => {
  it('writes into a FIFO in place: the text reaches its reader and the FIFO stays a FIFO', async () => {
    const dir = folder('fifo');
    const p = fifo(dir);
    const before = what(p);
    const { arrived, stop } = readFifo(p, join(dir, 'out.txt'));
    try {
      expect(await writeFileAtomic(p, 'through the fifo\n')).toBeUndefined();
      expect(await arrived).toBe('through the fifo\n');
    } finally {
      stop();
    }
    expect(what(p)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'out.txt']);
  });

  it('writes into a FIFO through a symlink, keeping the link a link and the FIFO a FIFO', async () => {
    const dir = folder('fifo-link');
    const p = fifo(dir);
    const link = linkTo(dir, 'fifo');
    const { arrived, stop } = readFifo(p, join(dir, 'out.txt'));
    try {
      expect(await writeFileAtomic(link, 'through the link\n')).toBeUndefined();
      expect(await arrived).toBe('through the link\n');
    } finally {
      stop();
    }
    expect([what(link).kind, what(p).kind]).toEqual(['link', 'fifo']);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'link-to-fifo', 'out.txt']);
  });

  it('refuses to write back onto a FIFO as the file that was read (expected), without waiting for a reader', async () => {
    const dir = folder('fifo-expected');
    const p = fifo(dir);
    for (const target of [p, linkTo(dir, 'fifo')]) {
      const error = await writeFileAtomic(target, 'new', { expected });
      expect(error?.code).toBe('WRITE_FAILED');
      expect(error?.message).toMatch(/it is a FIFO, not the regular file that was read/);
    }
    expect(what(p).kind).toBe('fifo');
  });

  it('reports a FIFO whose reader went away as WRITE_FAILED, and leaves it a FIFO', async () => {
    const dir = folder('fifo-gone');
    const p = fifo(dir);
    // The reader takes one byte and leaves: the rest of a large text meets a closed pipe (EPIPE).
    const reader = spawn('sh', ['-c', 'head -c 1 "$1" > /dev/null', 'sh', p], { stdio: 'ignore' });
    const exited = new Promise((resolve) => reader.once('exit', resolve));
    const error = await writeFileAtomic(p, 'x'.repeat(4 << 20));
    await exited;
    expect(error?.code).toBe('WRITE_FAILED');
    expect(error?.message).toMatch(/EPIPE|broken pipe/i);
    expect(what(p).kind).toBe('fifo');
  });
});

describe('writeFileAtomic onto character devices', () => {
  it.skipIf(!IS_ROOT)(`writes into a null device in place, directly and through a symlink; it stays a character device (${NOT_ROOT})`, async () => {
    const dir = folder('null');
    const p = device(dir, 'null');
    const link = linkTo(dir, 'null');
    const before = what(p);
    expect(await writeFileAtomic(p, 'gone\n')).toBeUndefined();
    expect(await writeFileAtomic(link, 'gone\n')).toBeUndefined();
    expect(what(p)).toEqual(before);
    expect(what(p).kind).toBe('char');
    expect(what(link).kind).toBe('link');
    expect(readdirSync(dir).sort()).toEqual(['link-to-null', 'null']);
  });

  it.skipIf(!IS_ROOT)(`reports ENOSPC from a full device as WRITE_FAILED, directly and through a symlink, and leaves the device (${NOT_ROOT})`, async () => {
    const dir = folder('full');
    const p = device(dir, 'full');
    const link = linkTo(dir, 'full');
    const before = what(p);
    for (const target of [p, link]) {
      const error = await writeFileAtomic(target, 'does not fit\n');
      expect(error?.code, target).toBe('WRITE_FAILED');
      expect(error?.message, target).toMatch(/ENOSPC|no space left on device/);
    }
    expect(what(p)).toEqual(before);
    expect(what(link).kind).toBe('link');
    expect(readdirSync(dir).sort()).toEqual(['full', 'link-to-full']);
  });

  it.skipIf(!IS_ROOT)(`refuses to write back onto a device as the file that was read (expected) (${NOT_ROOT})`, async () => {
    const dir = folder('null-expected');
    const p = device(dir, 'null');
    const error = await writeFileAtomic(p, 'new', { expected });
    expect([error?.code, error?.message]).toEqual(['WRITE_FAILED', expect.stringMatching(/it is a character device, not the regular file that was read/)]);
    expect(what(p).kind).toBe('char');
  });

  it.skipIf(!IS_ROOT)(`refuses a block device without opening it (${NOT_ROOT})`, async () => {
    const dir = folder('block');
    const p = join(dir, 'loop');
    execFileSync('mknod', [p, 'b', '7', '250']);
    const error = await writeFileAtomic(p, 'never\n');
    expect(error?.code).toBe('WRITE_FAILED');
    expect(error?.message).toMatch(/is a block device; peaceplan writes only to regular files, FIFOs and character devices/);
    expect(lstatSync(p).isBlockDevice()).toBe(true);
  });
});

describe('writeFileAtomic onto what it refuses', () => {
  it('refuses a directory and a symlink to one, naming what it is, and leaves it as it was', async () => {
    const dir = folder('dir');
    const target = join(dir, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'keep');
    const link = linkTo(dir, 'out');
    for (const p of [target, link]) {
      const error = await writeFileAtomic(p, 'x');
      expect(error?.code, p).toBe('WRITE_FAILED');
      expect(error?.message, p).toMatch(/is a directory; peaceplan writes only to regular files, FIFOs and character devices/);
    }
    expect([what(target).kind, what(link).kind]).toEqual(['dir', 'link']);
    expect(readdirSync(target)).toEqual(['keep.txt']);
    expect(readdirSync(dir).sort()).toEqual(['link-to-out', 'out']);
  });

  it('refuses a socket', async () => {
    const dir = folder('socket');
    const p = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(p, resolve));
    try {
      const error = await writeFileAtomic(p, 'x');
      expect(error?.code).toBe('WRITE_FAILED');
      expect(error?.message).toMatch(/is a socket; peaceplan writes only to regular files, FIFOs and character devices/);
      expect(lstatSync(p).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it.skipIf(!READ_ONLY_WORKS)('refuses a file in a read-only folder (skipped where the folder cannot be made read-only) and leaves it untouched', async () => {
    const file = join(readOnly, 'plan.yaml');
    const before = what(file);
    const error = await writeFileAtomic(file, 'new');
    expect(error?.code).toBe('WRITE_FAILED');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(what(file)).toEqual(before);
    expect(readdirSync(readOnly)).toEqual(['plan.yaml']);
  });
});

describe('writeFileAtomic onto a regular file', () => {
  it('still replaces it atomically: a new inode, the mode kept, a symlink kept, no temporary file left', async () => {
    const dir = folder('regular');
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    const link = linkTo(dir, 'plan.yaml');
    const before = statSync(file).ino;
    expect(await writeFileAtomic(link, 'new', { expected })).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).ino).not.toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(what(link).kind).toBe('link');
    expect(readdirSync(dir).sort()).toEqual(['link-to-plan.yaml', 'plan.yaml']);
  });

  it('makes a file that does not exist yet', async () => {
    const dir = folder('new');
    expect(await writeFileAtomic(join(dir, 'made.txt'), 'made')).toBeUndefined();
    expect(readFileSync(join(dir, 'made.txt'), 'utf8')).toBe('made');
    expect(readdirSync(dir)).toEqual(['made.txt']);
  });
});

describe('writeFileAtomic onto /dev/stdout', () => {
  const write = `const e = await writeFileAtomic('/dev/stdout', 'to stdout\\n'); process.stderr.write(e ? e.message : 'ok');`;

  it('writes into a pipe', () => {
    const r = inBash(write, (node) => `${node} | cat`);
    expect([r.stdout, r.stderr]).toEqual(['to stdout\n', 'ok']);
  });

  it('appends to a regular file that stdout is redirected to, neither renaming over it nor truncating it', () => {
    const dir = folder('stdout-file');
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'kept\n');
    const ino = statSync(file).ino;
    // >> file
    const appended = inBash(write, (node) => `${node} >> '${file}'`);
    expect(appended.stderr).toBe('ok');
    expect([readFileSync(file, 'utf8'), statSync(file).ino]).toEqual(['kept\nto stdout\n', ino]);
    // > file after something else was written to it: that stays
    const grouped = inBash(write, (node) => `{ echo before; ${node}; } > '${file}'`);
    expect(grouped.stderr).toBe('ok');
    expect([readFileSync(file, 'utf8'), statSync(file).ino]).toEqual(['before\nto stdout\n', ino]);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('refuses to write back onto /dev/stdout as the file that was read (expected), even when it is a regular file', () => {
    const dir = folder('stdout-expected');
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'old');
    const r = inBash(`const e = await writeFileAtomic('/dev/stdout', 'new', { expected: new TextEncoder().encode('old') }); process.stderr.write(e ? e.code + ' ' + e.message : 'ok');`, (node) => `${node} >> '${file}'`);
    expect(r.stderr).toMatch(/^WRITE_FAILED .*an open file descriptor \(a regular file\), not the regular file that was read/);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('refuses a socket as stdout (how Node connects a child it spawns with stdio "pipe"), writing nothing', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { writeFileAtomic } from ${JSON.stringify(nodeDist)};\n${write}`], { encoding: 'utf8', timeout: 20_000 });
    expect([r.stdout, r.stderr]).toEqual(['', expect.stringMatching(/^cannot write \/dev\/stdout: it is a socket; peaceplan writes only to/)]);
  });
});

describe('peaceplan -o onto special files', () => {
  const reference = peaceplan(DIFF);

  it('the reference diff has changes (exit 1) and text', () => {
    expect(reference.status).toBe(1);
    expect(reference.stdout.length).toBeGreaterThan(1000);
  });

  it('-o <fifo>: the diff reaches the reader, the command exits as it would (1), and the FIFO stays a FIFO', () => {
    const dir = folder('cli-fifo');
    const p = fifo(dir);
    const out = join(dir, 'out.txt');
    const r = spawnSync('bash', ['-c', `cat "$1" > "$2" & node "$3" "\${@:4}"; echo "status=$?"; wait`, 'bash', p, out, bin, ...DIFF, '-o', p], { encoding: 'utf8', timeout: 20_000 });
    expect([r.stdout, r.stderr]).toEqual(['status=1\n', '']);
    expect(readFileSync(out, 'utf8')).toBe(reference.stdout);
    expect(what(p).kind).toBe('fifo');
  });

  it.skipIf(!IS_ROOT)(`-o <dir>/null: written in place, exit 1 as for any diff with changes, still a character device (${NOT_ROOT})`, () => {
    const dir = folder('cli-null');
    const p = device(dir, 'null');
    const before = what(p);
    for (const target of [p, linkTo(dir, 'null')]) {
      const r = peaceplan([...DIFF, '-o', target]);
      expect([r.status, r.stdout, r.stderr], target).toEqual([1, '', '']);
    }
    expect(what(p)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['link-to-null', 'null']);
  });

  it.skipIf(!IS_ROOT)(`-o <dir>/full: exit 2 with WRITE_FAILED and ENOSPC, the device unchanged (${NOT_ROOT})`, () => {
    const dir = folder('cli-full');
    const p = device(dir, 'full');
    const before = what(p);
    for (const target of [p, linkTo(dir, 'full')]) {
      const r = peaceplan([...DIFF, '-o', target]);
      expect(r.status, target).toBe(2);
      expect(r.stderr, target).toMatch(/WRITE_FAILED cannot write .*full.*: ENOSPC: no space left on device/);
      expect(r.stdout).toBe('');
    }
    expect(what(p)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['full', 'link-to-full']);
  });

  it('-o <dir>: exit 2 with a message that it is a directory, the directory unchanged', () => {
    const dir = folder('cli-dir');
    mkdirSync(join(dir, 'out'));
    const r = peaceplan([...DIFF, '-o', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/WRITE_FAILED cannot write .*out: it is a directory; peaceplan writes only to regular files, FIFOs and character devices/);
    expect(r.stderr).toMatch(REFUSED);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('-o /dev/stdout with stdio "pipe" (a socket under Node): the diff arrives on stdout, exit 1', () => {
    const r = spawnSync(process.execPath, [bin, ...DIFF, '-o', '/dev/stdout'], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000 });
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toBe(reference.stdout);
  });

  it('-o /dev/stdout into a shell pipe, and into a file stdout is redirected to', () => {
    const piped = spawnSync('bash', ['-c', `node "$1" "\${@:2}" | cat; echo "status=\${PIPESTATUS[0]}"`, 'bash', bin, ...DIFF, '-o', '/dev/stdout'], { encoding: 'utf8', timeout: 20_000 });
    expect(piped.stdout).toBe(`${reference.stdout}status=1\n`);
    const dir = folder('cli-stdout-file');
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'kept\n');
    const ino = statSync(file).ino;
    const r = spawnSync('bash', ['-c', `node "$1" "\${@:3}" >> "$2"; echo "status=$?"`, 'bash', bin, file, ...DIFF, '-o', '/dev/stdout'], { encoding: 'utf8', timeout: 20_000 });
    expect([r.stdout, r.stderr]).toEqual(['status=1\n', '']);
    expect([readFileSync(file, 'utf8'), statSync(file).ino]).toEqual([`kept\n${reference.stdout}`, ino]);
  });
});
