/** Where the CLI writes; injected so tests can run it in-process. */
export interface CliIO {
  /** Takes text, and bytes for binary formats (a Word document). */
  stdout: { write(text: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
  /** Colour the output (a terminal that has not asked for NO_COLOR). Default false. */
  color?: boolean;
  /** stdout is an interactive terminal: output meant for files (an HTML page) is not poured into it. Default false. */
  terminal?: boolean;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Success: valid, or nothing to report. */
  OK: 0,
  /** The command ran and found something: invalid input (validate). */
  FOUND: 1,
  /** The command could not run: bad arguments, missing or unreadable files. */
  TROUBLE: 2,
} as const;
