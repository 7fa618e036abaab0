import { unlinkSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PlanError } from '../errors.js';

/** The file-system calls a safe write makes; tests replace them to inject faults. */
export interface WriteFs {
  access: typeof fsp.access;
  realpath: typeof fsp.realpath;
  stat: typeof fsp.stat;
  readFile: typeof fsp.readFile;
  open: typeof fsp.open;
  chmod: typeof fsp.chmod;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

const NODE_FS: WriteFs = { access: fsp.access, realpath: fsp.realpath, stat: fsp.stat, readFile: fsp.readFile, open: fsp.open, chmod: fsp.chmod, rename: fsp.rename, unlink: fsp.unlink };

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
  /** The bytes the file had when it was read: if it holds anything else now, it is not overwritten (FILE_CHANGED). */
  expected?: Uint8Array;
  /** The file-system calls to use. */
  fs?: WriteFs;
}

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside
 * the target, is flushed to disk, and then renamed over it. A symlink is
 * followed (the link stays a link) and an existing file keeps its mode. On any
 * failure the target is untouched, the temporary file is removed, and a
 * WRITE_FAILED (or FILE_CHANGED) error comes back.
 */
export async function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): Promise<PlanError | undefined> {
  const fs = options.fs ?? NODE_FS;
  let target = path;
  let temp: string | undefined;
  try {
    target = await fs.realpath(path).catch(() => path);
    const mode = await fs.stat(target).then((s) => s.mode & 0o7777, () => undefined);
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
    if (options.expected) {
      // A file that vanished has changed; one that cannot be read cannot be checked, and is a failed write.
      const now = await fs.readFile(target).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      if (!now || Buffer.compare(Buffer.from(now), Buffer.from(options.expected)) !== 0) {
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
    return fileProblem('WRITE_FAILED', path, `cannot write ${path}: ${(e as Error).message}`, 'check that the folder exists and can be written to');
  }
}

function fileProblem(code: 'WRITE_FAILED' | 'FILE_CHANGED', file: string, message: string, hint: string): PlanError {
  return new PlanError({ code, message, severity: 'error', file, line: 1, col: 1, endLine: 1, endCol: 1, path: [], hint });
}
