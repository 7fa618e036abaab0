import { chmod, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PlanError } from '../errors.js';

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside
 * the target, is flushed to disk, and then renamed over it. A symlink is
 * followed (the link stays a link) and an existing file keeps its mode. On any
 * failure the target is untouched, the temporary file is removed, and a
 * WRITE_FAILED error comes back.
 */
export async function writeFileAtomic(path: string, text: string): Promise<PlanError | undefined> {
  let target = path;
  let temp: string | undefined;
  try {
    target = await realpath(path).catch(() => path);
    const mode = await stat(target).then((s) => s.mode & 0o7777, () => undefined);
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    const handle = await open(temp, 'wx', mode ?? 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
    return undefined;
  } catch (e) {
    if (temp) await unlink(temp).catch(() => undefined);
    return new PlanError({ code: 'WRITE_FAILED', message: `cannot write ${path}: ${(e as Error).message}`, severity: 'error', file: path, line: 1, col: 1, endLine: 1, endCol: 1, path: [], hint: 'check that the folder exists and can be written to' });
  }
}
