import { writeFileAtomic } from '../node/write-file.js';
import { formatError } from '../render/text.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

/** Writes a command's output to stdout, or whole to the file named by `-o`; returns an exit code for a failed write, else undefined. */
export async function emit(io: CliIO, text: string, path: string | true | undefined): Promise<number | undefined> {
  if (typeof path !== 'string') {
    io.stdout.write(text);
    return undefined;
  }
  const error = await writeFileAtomic(path, text);
  if (!error) return undefined;
  io.stderr.write(formatError(error) + '\n');
  return EXIT.TROUBLE;
}
