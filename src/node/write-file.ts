import { unlinkSync } from 'node:fs';
import type { Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PlanError } from '../errors.js';

/** The file-system calls a safe write makes; tests replace them to inject faults. */
export interface WriteFs {
  access: typeof fsp.access;
  realpath: typeof fsp.realpath;
  stat: typeof fsp.stat;
  lstat: typeof fsp.lstat;
  readlink: typeof fsp.readlink;
  readFile: typeof fsp.readFile;
  open: typeof fsp.open;
  chmod: typeof fsp.chmod;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

const NODE_FS: WriteFs = {
  access: fsp.access,
  realpath: fsp.realpath,
  stat: fsp.stat,
  lstat: fsp.lstat,
  readlink: fsp.readlink,
  readFile: fsp.readFile,
  open: fsp.open,
  chmod: fsp.chmod,
  rename: fsp.rename,
  unlink: fsp.unlink,
};

/** Temporary files being written: removed if the process is interrupted meanwhile. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes the temporary files, then lets the signal do what it would have done. */
function onSignal(signal: NodeJS.Signals): void {
  for (const p of pending) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  pending.clear();
  untrack();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/** Signal listeners are there only while a write is under way, so a program's own handling is untouched otherwise. */
function track(temp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(temp);
}

function done(temp: string): void {
  pending.delete(temp);
  if (pending.size === 0) untrack();
}

function untrack(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Options of {@link writeFileAtomic}. */
export interface WriteOptions {
  /**
   * The bytes the file had when it was read: if it holds anything else now, it is not overwritten (FILE_CHANGED).
   * Only a regular file can be the file that was read: with `expected`, a FIFO, a device or a file descriptor is refused.
   */
  expected?: Uint8Array;
  /** The file-system calls to use. */
  fs?: WriteFs;
}

/** What a path turned out to be, for the decision and for messages. */
type Kind = 'missing' | 'file' | 'fifo' | 'character device' | 'directory' | 'socket' | 'block device' | 'symbolic link' | 'special file';

function kindOf(info: Stats | undefined): Kind {
  if (!info) return 'missing';
  if (info.isFile()) return 'file';
  if (info.isFIFO()) return 'fifo';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isDirectory()) return 'directory';
  if (info.isSocket()) return 'socket';
  if (info.isBlockDevice()) return 'block device';
  if (info.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}

function named(kind: Kind): string {
  return kind === 'fifo' ? 'a FIFO' : kind === 'file' ? 'a regular file' : `a ${kind}`;
}

/** A folder whose entries are a process's open file descriptors (/proc/self/fd, /dev/fd/ where it is its own file system). */
const DESCRIPTOR_FOLDER = /^\/proc\/(?:self|thread-self|\d+)(?:\/task\/\d+)?\/fd$|^\/dev\/fd$/;

/**
 * Whether `path` reaches its file through an open file descriptor (/dev/stdout, /dev/stderr,
 * /dev/fd/N, /proc/self/fd/N, or a symlink to one): the links are followed one at a time and
 * the folder of each, resolved, is compared with the descriptor folders.
 */
async function throughDescriptor(fs: WriteFs, path: string): Promise<boolean> {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const folder = await fs.realpath(dirname(p)).catch(() => dirname(p));
    if (DESCRIPTOR_FOLDER.test(folder)) return true;
    const link = await fs.readlink(join(folder, basename(p))).catch(() => undefined);
    if (link === undefined) return false;
    p = resolve(folder, link);
  }
  return false;
}

const { O_WRONLY, O_APPEND } = fsp.constants;
const O_NOCTTY = fsp.constants.O_NOCTTY ?? 0;

/**
 * Writes `text` (UTF-8) or bytes to a file, and only to something that can take it.
 *
 * - Symlinks are followed to the real file; the link stays a link.
 * - A regular file (or a path that does not exist yet) is replaced whole or not
 *   at all: the text goes to a temporary file beside the real file, is flushed
 *   to disk, and is renamed over it. An existing file keeps its mode; one the
 *   user may not write to is refused. With `expected`, a file whose bytes
 *   changed since they were read is not overwritten (FILE_CHANGED). On any
 *   failure the file is untouched and the temporary file is removed, also when
 *   the process is interrupted by SIGINT, SIGTERM or SIGHUP.
 * - A FIFO or a character device (/dev/null, /dev/full, a terminal) is written
 *   in place: it is opened for writing without creating or truncating anything,
 *   the text is written, and it is closed; it stays what it was. Opening a FIFO
 *   waits until something reads it.
 * - A path that reaches its file through an open file descriptor (/dev/stdout,
 *   /dev/stderr, /dev/fd/N, /proc/self/fd/N, or a symlink to one) is written in
 *   place too, whatever it resolves to: a pipe, a terminal, or a regular file
 *   (the process's output redirected to it). Such a regular file is never
 *   renamed over nor truncated: the text is appended, which is where output
 *   goes after `> file` (emptied by the shell) as after `>> file`, and anything
 *   written there before is kept.
 * - Anything else (a directory, a socket, a block device) is refused.
 * - With `expected`, only a regular file is written: a FIFO, a device or a file
 *   descriptor cannot be the file that was read, and is refused.
 *
 * Never throws: every failure (a refused target, ENOSPC from /dev/full, a
 * reader of a FIFO that went away) comes back as a WRITE_FAILED error, or
 * FILE_CHANGED; undefined means the text was written.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array, options: WriteOptions = {}): Promise<PlanError | undefined> {
  const fs = options.fs ?? NODE_FS;
  let target = path;
  let info: Stats | undefined;
  let descriptor = false;
  try {
    const real = await fs.realpath(path).catch(() => undefined);
    target = real ?? path;
    // The real path holds no links; without one (a path not made yet, or /dev/stdout on a pipe), what the path opens to.
    info = await (real !== undefined ? fs.lstat(real) : fs.stat(path)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    descriptor = info !== undefined && (await throughDescriptor(fs, path));
  } catch (e) {
    return writeFailed(path, `cannot write ${path}: ${(e as Error).message}`, 'check that the folder exists and can be written to');
  }
  const kind = kindOf(info);
  const shown = target === path ? path : `${path} (${target})`;
  if (!descriptor && (kind === 'missing' || kind === 'file')) return replace(fs, path, target, info?.mode, text, options.expected);
  if (kind === 'fifo' || kind === 'character device' || (descriptor && kind === 'file')) {
    if (options.expected) {
      const what = descriptor ? `an open file descriptor (${named(kind)})` : named(kind);
      return writeFailed(path, `cannot write ${shown} back: it is ${what}, not the regular file that was read; only a regular file is replaced by its edited text`, 'write the result elsewhere, e.g. print it (without --write) and redirect the output');
    }
    return writeInPlace(fs, path, shown, kind, text);
  }
  return writeFailed(path, `cannot write ${shown}: it is ${named(kind)}; peaceplan writes only to regular files, FIFOs and character devices`, 'name a file to write, or a FIFO or character device');
}

/** Writes a FIFO, a device or a file descriptor where it is: nothing created, truncated or renamed. */
async function writeInPlace(fs: WriteFs, path: string, shown: string, kind: Kind, text: string | Uint8Array): Promise<PlanError | undefined> {
  try {
    // No O_CREAT: if the FIFO or device went away meanwhile, nothing is made in its place. O_APPEND for a regular file behind a descriptor.
    const handle = await fs.open(path, O_WRONLY | O_NOCTTY | (kind === 'file' ? O_APPEND : 0));
    try {
      // What was opened is checked again: it may have been swapped since it was looked at.
      const opened = kindOf(await handle.stat());
      if (opened !== kind) throw new Error(`it is now ${named(opened)}, not ${named(kind)} as it was a moment before; nothing was written`);
      await handle.writeFile(text, 'utf8');
    } catch (e) {
      await handle.close().catch(() => undefined);
      throw e;
    }
    await handle.close();
    return undefined;
  } catch (e) {
    return writeFailed(path, `cannot write ${shown}: ${(e as Error).message}`, `check that ${named(kind)} can be written to`);
  }
}

/** Replaces a regular file (or makes a new one) through a temporary file renamed over it. */
async function replace(fs: WriteFs, path: string, target: string, existing: number | undefined, text: string | Uint8Array, expected: Uint8Array | undefined): Promise<PlanError | undefined> {
  let temp: string | undefined;
  try {
    const mode = existing === undefined ? undefined : existing & 0o7777;
    // A rename would replace a read-only file the user may not write to; refuse it as a write would be refused.
    if (mode !== undefined) await fs.access(target, fsp.constants.W_OK);
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    track(temp);
    const handle = await fs.open(temp, 'wx', mode ?? 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await fs.chmod(temp, mode);
    if (expected) {
      // A file that vanished has changed; one that cannot be read cannot be checked, and is a failed write.
      const now = await fs.readFile(target).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      if (!now || Buffer.compare(Buffer.from(now), Buffer.from(expected)) !== 0) {
        await fs.unlink(temp).catch(() => undefined);
        done(temp);
        temp = undefined;
        return fileProblem('FILE_CHANGED', path, `${path} changed on disk since it was read; it was not overwritten`, 'run the command again on the current file');
      }
    }
    await fs.rename(temp, target);
    done(temp);
    return undefined;
  } catch (e) {
    if (temp) {
      await fs.unlink(temp).catch(() => undefined);
      done(temp);
    }
    return writeFailed(path, `cannot write ${path}: ${(e as Error).message}`, 'check that the folder exists and can be written to');
  }
}

function writeFailed(file: string, message: string, hint: string): PlanError {
  return fileProblem('WRITE_FAILED', file, message, hint);
}

function fileProblem(code: 'WRITE_FAILED' | 'FILE_CHANGED', file: string, message: string, hint: string): PlanError {
  return new PlanError({ code, message, severity: 'error', file, line: 1, col: 1, endLine: 1, endCol: 1, path: [], hint });
}
