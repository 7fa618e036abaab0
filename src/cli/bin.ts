import { cli } from './cli.js';

// Reading end closed (e.g. `peaceplan validate … | head`): write nothing more to it, and let
// the command finish quietly with its usual exit code.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed.add(stream);
  });
}
const writer = (stream: NodeJS.WriteStream) => ({ write: (text: string) => closed.has(stream) || stream.write(text) });

// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

cli(process.argv.slice(2), { stdout: writer(process.stdout), stderr: writer(process.stderr), color, terminal: process.stdout.isTTY === true }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`peaceplan: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
