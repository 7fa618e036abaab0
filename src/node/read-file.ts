import { readFile, stat } from 'node:fs/promises';
import { PlanError } from '../errors.js';

/** The bytes of a file, or a FILE_NOT_FOUND / READ_FAILED / FILE_TOO_LARGE error. */
export async function readBytes(path: string, maxBytes: number): Promise<Uint8Array | PlanError> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return fileError('READ_FAILED', path, `${path} is not a regular file`);
    // Refuse before reading: a 4 GB file must not be loaded to learn it is too large.
    if (info.size > maxBytes) return fileError('FILE_TOO_LARGE', path, `the file is larger than ${maxBytes} bytes`, 'raise limits.maxBytes if the file is genuine');
    return new Uint8Array(await readFile(path));
  } catch (e) {
    return errnoError(path, e, 'file');
  }
}

/** A file-system failure as a PlanError: FILE_NOT_FOUND when the path is not there, READ_FAILED otherwise. */
export function errnoError(path: string, e: unknown, what: 'file' | 'folder'): PlanError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileError('FILE_NOT_FOUND', path, `no such ${what}: ${path}`);
  return fileError('READ_FAILED', path, `cannot read ${path}: ${(e as Error).message}`);
}

/** A file-level error, positioned at 1:1. */
export function fileError(code: 'FILE_NOT_FOUND' | 'READ_FAILED' | 'FILE_TOO_LARGE', file: string, message: string, hint?: string): PlanError {
  return new PlanError({ code, message, severity: 'error', file, line: 1, col: 1, endLine: 1, endCol: 1, path: [], ...(hint ? { hint } : {}) });
}
