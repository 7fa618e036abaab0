/** Help text for each command, and the overview. */
export const HELP: Record<string, string> = {
  '': `peaceplan — version peace-plan drafts written as YAML clauses

Usage: peaceplan <command> [options]

Commands:
  validate <file|dir>...   check plan files or family folders against the format
  summary <file|dir>...    validate, then describe each version (clauses by topic, status, certainty)
  help [command]           show help for a command

Options:
  -h, --help               show help
  -v, --version            show the version

Exit codes: 0 success, 1 problems found in the input, 2 could not run.
`,
  validate: `Usage: peaceplan validate <file|dir>... [--format text|json]

Checks each plan file (or every version in a family folder, with its
stakeholders.yaml) and prints every problem as
  file:line:col CODE message
with a hint and the offending lines.

Options:
  --format text|json   text for people (default), json for programs

Exit codes: 0 all valid (warnings allowed), 1 some file invalid,
2 could not run (missing file, unreadable folder, bad arguments).
`,
  summary: `Usage: peaceplan summary <file|dir>... [--format text|json]

Validates the input, then prints one description per version in lineage
order (parents first): date, parent, clause counts by topic, status and
certainty, and the clauses left bracketed for leaders.

Options:
  --format text|json   text for people (default), json for programs

Exit codes: 0 printed, 1 some file invalid (its problems are printed),
2 could not run.
`,
  help: `Usage: peaceplan help [command]

Shows the overview, or the help of one command.
`,
};
