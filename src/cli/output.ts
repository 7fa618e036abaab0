import { writeFileAtomic } from '../node/write-file.js';
import { formatError } from '../render/text.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';

/** Names of the process's own standard output: `-o` with one of them writes to the command's stdout. */
const STDOUT = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/**
 * Writes a command's output to stdout, or whole to the file named by `-o`; returns an exit code for a failed write, else undefined.
 * `-o /dev/stdout` is the command's stdout whatever it is (a pipe, a terminal, a file, or a socket, which Linux cannot open by
 * that name); any other path goes to {@link writeFileAtomic}, which writes FIFOs and devices in place and refuses folders.
 */
export async function emit(io: CliIO, text: string | Uint8Array, path: string | true | undefined): Promise<number | undefined> {
  if (typeof path !== 'string' || STDOUT.has(path)) {
    io.stdout.write(text);
    return undefined;
  }
  const error = await writeFileAtomic(path, text);
  if (!error) return undefined;
  io.stderr.write(formatError(error) + '\n');
  return EXIT.TROUBLE;
}

/**
 * For output meant for a file (an HTML page, a Word document) asked for without `-o` while stdout
 * is an interactive terminal: says where it should go and returns the exit code; undefined otherwise.
 */
export function refuseTerminal(io: CliIO, output: string | true | undefined, command: string, what: string, example: string): number | undefined {
  if (!io.terminal || output !== undefined) return undefined;
  io.stderr.write(`peaceplan ${command}: the output is ${what}; write it to a file with -o, e.g. ${example} (or redirect the output)\n`);
  return EXIT.TROUBLE;
}
