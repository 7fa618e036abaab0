/** Parsed command-line words: positionals and `--name value` / `--name=value` options. */
export interface Args {
  positionals: string[];
  options: Map<string, string | true>;
}

/** Options that take a value; every other option is a flag. */
const VALUED = new Set(['format', 'pairs', 'positions', 'by', 'blocking', 'decision', 'blocs', 'output', 'as', 'ignore', 'family']);
/** Short options and the long names they stand for. */
const SHORT: Readonly<Record<string, string>> = { '-o': 'output' };

/** Splits argv into positionals and options; returns an error message on a malformed word. */
export function parseArgs(argv: readonly string[]): Args | string {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const short = Object.hasOwn(SHORT, word) ? SHORT[word] : undefined;
    if (short !== undefined) {
      const value = argv[++i];
      if (value === undefined || value === '') return `${word} needs a value`;
      options.set(short, value);
    } else if (word === '-h') options.set('help', true);
    else if (word === '-v') options.set('version', true);
    else if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      if (VALUED.has(name)) {
        const value = eq >= 0 ? word.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') return `--${name} needs a value`;
        options.set(name, value);
      } else {
        if (eq >= 0) return `--${name} takes no value`;
        options.set(name, true);
      }
    } else if (word.startsWith('-') && word !== '-') return `unknown option ${word}`;
    else positionals.push(word);
  }
  return { positionals, options };
}
