import { closest } from '../util/closest.js';
import { parseArgs } from './args.js';
import { HELP } from './help.js';
import { EXIT } from './io.js';
import type { CliIO } from './io.js';
import { VERSION } from './version.js';

/** Each command, with the options and output formats it accepts. */
// Commands load on demand: `peaceplan --version` or `help` must not pay for the YAML reader or the diff engine.
const COMMANDS = {
  validate: { load: async () => (await import('./validate.js')).runValidate, options: ['format', 'strict', 'family'], formats: ['text', 'json'] },
  summary: { load: async () => (await import('./summary.js')).runSummary, options: ['format', 'family'], formats: ['text', 'json'] },
  diff: { load: async () => (await import('./diff.js')).runDiff, options: ['format', 'pairs', 'positions', 'ignore', 'output'], formats: ['text', 'markdown', 'json', 'html', 'docx'] },
  matrix: { load: async () => (await import('./matrix.js')).runMatrix, options: ['format', 'positions', 'by', 'decision', 'blocking', 'blocs', 'output', 'strict'], formats: ['text', 'markdown', 'csv', 'json', 'html'] },
  report: { load: async () => (await import('./report.js')).runReport, options: ['output'], formats: ['html'] },
  log: { load: async () => (await import('./history.js')).runLog, options: ['format'], formats: ['text', 'json'] },
  history: { load: async () => (await import('./history.js')).runHistory, options: ['format'], formats: ['text', 'json'] },
  blame: { load: async () => (await import('./history.js')).runBlame, options: ['format'], formats: ['text', 'json'] },
  apply: { load: async () => (await import('./edit.js')).runApply, options: ['write', 'family'], formats: ['yaml'] },
  fmt: { load: async () => (await import('./edit.js')).runFmt, options: ['write', 'check', 'family'], formats: ['yaml'] },
  migrate: { load: async () => (await import('./edit.js')).runMigrate, options: ['write', 'family'], formats: ['yaml'] },
  schema: { load: async () => (await import('./schema.js')).runSchema, options: ['output'], formats: ['json'] },
  merge: { load: async () => (await import('./history.js')).runMerge, options: ['output', 'as', 'format'], formats: ['yaml', 'json'] },
  'git-diff': { load: async () => (await import('./git.js')).runGitDiff, options: [], formats: ['text'] },
  'git-merge': { load: async () => (await import('./git.js')).runGitMerge, options: [], formats: ['yaml'] },
} as const;

/** The format a file extension asks for, where `-o` names a file and `--format` is not given. */
const EXTENSION_FORMAT: Record<string, string> = { docx: 'docx', html: 'html', htm: 'html', md: 'markdown', markdown: 'markdown', json: 'json', csv: 'csv', txt: 'text', yaml: 'yaml', yml: 'yaml' };

/**
 * Runs the peaceplan command line in-process and returns the exit code. It
 * writes only to `io`; it never calls process.exit.
 *
 * @example
 * const code = await cli(['validate', 'plans/russia-ukraine-2025'], { stdout: process.stdout, stderr: process.stderr });
 */
export async function cli(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`peaceplan: ${args}\n\n${HELP['']}`);
    return EXIT.TROUBLE;
  }
  const [command, ...rest] = args.positionals;
  if (args.options.has('version')) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.OK;
  }
  if (command === undefined || command === 'help' || args.options.has('help')) {
    const topic = command === 'help' ? (rest[0] ?? (args.options.has('help') ? 'help' : '')) : (command ?? '');
    const text = HELP[topic];
    if (text === undefined) {
      io.stderr.write(`peaceplan: no help for \`${topic}\`\n\n${HELP['']}`);
      return EXIT.TROUBLE;
    }
    (command === undefined && !args.options.has('help') ? io.stderr : io.stdout).write(text);
    return command === undefined && !args.options.has('help') ? EXIT.TROUBLE : EXIT.OK;
  }
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command as keyof typeof COMMANDS] : undefined;
  if (!spec) {
    const guess = closest(command, [...Object.keys(COMMANDS), 'help']);
    io.stderr.write(`peaceplan: unknown command \`${command}\`${guess ? `; did you mean \`${guess}\`?` : ''}\n\n${HELP['']}`);
    return EXIT.TROUBLE;
  }
  for (const name of args.options.keys()) {
    const known = spec.options as readonly string[];
    if (!known.includes(name)) {
      const guess = closest(name, known);
      const listed = known.map((o) => (o === 'output' ? '-o' : `--${o}`)).join(', ');
      io.stderr.write(`peaceplan ${command}: unknown option --${name}; ${guess ? `did you mean --${guess}?` : `its options: ${listed || 'none'}`}\n`);
      return EXIT.TROUBLE;
    }
  }
  // Without --format, a file named by -o says what it wants by its extension (redline.docx, report.html).
  const output = args.options.get('output');
  const byName = typeof output === 'string' ? EXTENSION_FORMAT[/\.([a-z]+)$/i.exec(output)?.[1]?.toLowerCase() ?? ''] : undefined;
  const implied = byName !== undefined && (spec.formats as readonly string[]).includes(byName) ? byName : undefined;
  const format = String(args.options.get('format') ?? implied ?? spec.formats[0]);
  if (!(spec.formats as readonly string[]).includes(format)) {
    io.stderr.write(`peaceplan ${command}: --format must be ${spec.formats.join(', ')}; not ${format}\n`);
    return EXIT.TROUBLE;
  }
  const run = await spec.load();
  return run({ positionals: rest, options: args.options }, io, format as never);
}
