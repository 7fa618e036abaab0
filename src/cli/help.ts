/** Help text for each command, and the overview. */
export const HELP: Record<string, string> = {
  '': `peaceplan — version peace-plan drafts written as YAML clauses

Usage: peaceplan <command> [options]

Commands:
  validate <file|dir>...   check plan files or family folders against the format
  summary <file|dir>...    validate, then describe each version (clauses by topic, status, certainty)
  diff <old> <new>         what changed between two versions, clause by clause and term by term
  matrix <file>            who supports or opposes which clause of a version, and what blocks it
  report <dir>             one HTML file: redlines, position heat maps, acceptability over time
  log <dir>                the versions of a family, each with what it changed
  history <dir> <clause>   one clause in every version, and what each version did to it
  blame <dir> <version>    for every clause and term, the version that last changed it
  merge <base> <ours> <theirs>
                           combine two revisions of one base; conflicts are bracketed
  apply <file> <diff.json> apply a diff to a plan file, editing only the lines it changes
  fmt <file>               lay a plan file out in canonical order, comments kept
  migrate <file>           move a version-1 plan file to format 2, comments kept
  schema <dir>             the JSON Schema of a family's files, its own topics and terms included
  git-diff, git-merge      the diff and merge drivers git calls (see peaceplan help git-diff)
  help [command]           show help for a command

Options:
  -h, --help               show help
  -v, --version            show the version

Exit codes: 0 success, 1 problems found in the input (diff: the versions
differ; matrix: a clause is blocked; merge: conflicts), 2 could not run.
`,
  validate: `Usage: peaceplan validate <file|dir>... [--format text|json] [--strict] [--family dir]

Checks each plan file (or every version in a family folder, with its
stakeholders.yaml, terms.yaml and positions.yaml) and prints every problem as
  file:line:col CODE message
with a hint and the offending lines. A file a family problem points into is
counted invalid. Warnings include the evidence checks: a clause reported on
one outlet (SINGLE_OUTLET), on state media alone (STATE_MEDIA_ONLY), or
confirmed without an official text (CONFIRMED_WITHOUT_TEXT).

Options:
  --format text|json   text for people (default), json for programs
  --strict             warnings make a file invalid (exit 1)
  --family dir         check each plan file as a version of that family folder:
                       with its terms and stakeholders, among its versions

Exit codes: 0 all valid (warnings allowed unless --strict), 1 some file invalid,
2 could not run (missing file, unreadable folder, bad arguments).
`,
  summary: `Usage: peaceplan summary <file|dir>... [--format text|json] [--family dir]

Validates the input, then prints one description per version in lineage
order (parents first): date, parent, clause counts by topic, status and
certainty, and the clauses left bracketed for leaders or deferred to a later
phase.

Options:
  --format text|json   text for people (default), json for programs
  --family dir         read each plan file as a version of that family folder
                       (its terms, stakeholders and versions), as validate
                       --family does; only the files named are described

Exit codes: 0 printed, 1 some file invalid (its problems are printed),
2 could not run.
`,
  diff: `Usage: peaceplan diff <old> <new> [--format text|markdown|json|html|docx] [--pairs file]
                      [--positions file] [--ignore classes] [-o file]

Compares two versions of a plan (a file, or a version in git written as git
show names it: HEAD~1:plans/x.yaml): which clauses were added, removed, split,
merged, modified, renumbered or moved; every term change in words ("cap
raised 600,000 → 800,000 personnel (+33 %)"); word-level redlines of the
texts; and changes of operative language (will → expected, a negation or a
condition added or removed). Clauses pair by pinned pairs, the clauses a
clause says it covers or takes part of, id, title, then
by the evidence of their content (rare words, terms, topic, number, place),
and last as the only clause of their topic on both sides; near misses are
listed as possible pairs. The ranked list leads with substance (terms,
status, clauses with their terms coming or going), never bookkeeping. A
version in a folder without the family's terms.yaml or stakeholders.yaml
is read with those beside the other version, when both name one family.

Options:
  --format text|markdown|json|html|docx
                                text for a terminal (default; coloured on a
                                terminal unless NO_COLOR is set), markdown
                                for a pull-request comment, json for programs
                                (schemas/diff.schema.json), html for a
                                self-contained side-by-side redline, docx
                                for a Word document with the wording changes
                                as tracked changes and the term changes as
                                comments (html and docx need -o on a terminal)
  -o, --output <file>           write to this file (whole or not at all)
                                instead of stdout
  --pairs <file>                YAML with clause pairs to pin or forbid, for
                                drafts whose authors used other ids:
                                  pairs:  [{ from: old-id, to: new-id }]
                                  forbid: [{ from: old-id, to: new-id }]
  --positions <file>            a positions file (positions.yaml): adds which
                                change moved which stakeholder toward
                                agreement or away, and ranks changes that
                                move a stakeholder higher; with --format
                                json the output is { diff, impact }
  --ignore <classes>            leave classes of change out, comma-separated:
                                sources, notes, certainty, titles, wording,
                                numbering (such a diff cannot be applied)

Exit codes: 0 the versions are the same, 1 they differ (not a failure),
2 could not run (missing or invalid file, bad arguments).
`,
  matrix: `Usage: peaceplan matrix <file> [--positions file] [--by clause|topic]
                        [--decision veto|unanimity] [--blocs as-listed|expand|collapse]
                        [--format text|markdown|csv|json|html] [-o file] [--strict]

Evaluates the family's stance rules and statements on one version: for each
clause (or topic), each stakeholder's stance (✓ support, ◐ conditional,
? ambiguous, ✗ oppose, · none; ! marks one who can block it), what is
blocked and by whom, and each stakeholder's acceptability score (-1 to +1).

Options:
  --positions <file>   the positions file (default: positions.yaml beside <file>)
  --by clause|topic    one row per clause (default) or per topic
  --decision veto|unanimity
                       who can block a clause: the stakeholders with a veto on
                       its topic (default), or every signatory (the library's
                       MatrixOptions.decision; --blocking is the same option)
  --blocs as-listed|expand|collapse
                       each stakeholder on its own (default); members of a bloc
                       shown and taking its stance where silent; or members
                       folded into their bloc
  --format text|markdown|csv|json|html
                       text for a terminal (default), markdown, csv for a
                       spreadsheet, json for programs, html for a heat map
  -o, --output <file>  write to this file (whole or not at all) instead of stdout
                       (html needs it on a terminal)
  --strict             warnings about the positions (a rule that lost its
                       clause) are errors: they are printed and no matrix is

Exit codes: 0 nothing is blocked, 1 some clause is blocked (not a failure),
2 could not run (missing or invalid file, bad arguments, or warnings under
--strict).
`,
  report: `Usage: peaceplan report <dir> [-o report.html]

Reads a plan family folder (its versions, stakeholders.yaml and, when there
is one, positions.yaml) and writes one self-contained HTML file: each version
side by side with the one it revises (word-level redline, term changes,
operative-language flags, who moved), the position matrix of each version as
a heat map, and each stakeholder's acceptability across versions as a chart.
The file loads nothing from the network, prints well, and has light and dark
schemes.

Options:
  -o, --output <file>  write to this file (whole or not at all) instead of stdout

Exit codes: 0 written, 2 could not run (invalid family, unwritable file,
bad arguments).
`,
  log: `Usage: peaceplan log <dir> [--format text|json]

Lists the versions of a family folder in lineage order (parents first), each
with its date, parent, authors, title and a one-line summary of what it
changed against its parent.

Exit codes: 0 printed, 2 could not run (an invalid family, bad arguments).
`,
  history: `Usage: peaceplan history <dir> <clause-id> [--format text|json]

Shows one clause in every version of a family: its number, status,
certainty, title and terms, and what each version did to it against its
parent (added, reworded, renumbered, terms changed, merged, removed). The
clause is followed as the diff pairs it: a version that names it otherwise
(another writer's id, or a clause it was merged into) shows it "as" that id.

Exit codes: 0 printed, 2 could not run (an invalid family, a clause no
version has, bad arguments).
`,
  blame: `Usage: peaceplan blame <dir> <version> [--format text|json]

For every clause of a version, and every term of each clause, names the
version that last changed it, following the chain of parents from the
original draft. A clause is followed through each diff's matching, so a
renamed or renumbered clause keeps its history.

Exit codes: 0 printed, 2 could not run (an invalid family, an unknown
version, bad arguments).
`,
  merge: `Usage: peaceplan merge <base> <ours> <theirs> [-o out.yaml] [--as version-id]
                       [--format yaml|json]

Combines two revisions of the same base. A change made on one side only is
taken; the same change on both sides is taken once; sets (sources, parties,
guarantors…) merge member by member. Different changes to the same field or
term, and a clause removed on one side but changed on the other, are
conflicts: they are listed on stderr, and in the output the clause is
bracketed, with the other side's reading beside it as an alternative clause
(id <clause>-alt), for a policy writer to resolve in the file.

Options:
  -o, --output <file>  write the merged version to this file (whole or not at all)
  --as <version-id>    the merged version's id (default: the id both sides
                       share, or the one a side changed from the base, else
                       <ours>-with-<theirs>)
  --format yaml|json   the merged version as YAML (default), or { plan,
                       conflicts, clean } as JSON

Exit codes: 0 merged cleanly, 1 merged with conflicts, 2 could not run.
`,
  'git-diff': `Usage: peaceplan git-diff <path> <old-file> <old-hex> <old-mode> <new-file> <new-hex> <new-mode>

The diff driver for git: git diff (and git log -p, git show with --ext-diff)
print the semantic diff of plan files instead of a line diff. Set it up once
per repository:

  .gitattributes        plans/**/*.yaml diff=peaceplan merge=peaceplan
  git config diff.peaceplan.command "peaceplan git-diff"
  git config merge.peaceplan.driver "peaceplan git-merge %O %A %B %P"

git passes the seven arguments; the family's stakeholders and terms are read
from the working tree's folder of <path>. A version that is not a valid plan is
reported and not compared. Exit code 0 (git stops a diff at a driver that
fails), 2 when called with other arguments.
`,
  'git-merge': `Usage: peaceplan git-merge <base> <ours> <theirs> <path>

The merge driver for git (merge.peaceplan.driver = "peaceplan git-merge %O %A
%B %P"; see peaceplan help git-diff for the setup). Merges as peaceplan merge
does and writes the result over <ours>, as git asks: ours' file edited, its
comments and layout kept; conflicted clauses bracketed with the other reading
beside them. The family's stakeholders and terms are read from the folder of
<path>.

Exit codes: 0 merged cleanly, 1 merged with conflicts (git stops the merge
for you to resolve them in the file), 2 could not merge (git reports a
conflict and leaves ours as it was).
`,
  apply: `Usage: peaceplan apply <file> <diff.json> [--write] [--family dir]

Applies a diff (the JSON of peaceplan diff --format json, or its { diff,
impact } form) to the plan file it was computed from, and prints the new
file. Only what the diff changes is rewritten: comments, key order, quoting,
layout and blank lines of everything else stay as they were, and a string
that looks like true, 123, null or a date stays a string. The diff may be up
to 64 MiB (eight times the largest plan), enough for any diff of two plans
within the reader's limits.

Options:
  --write   replace the file instead of printing: whole or not at all (a
            temporary file and a rename; symlinks and the file's mode kept),
            and not if the file changed on disk since it was read
  --family dir   read the file with that family folder's own topics and terms
            (its terms.yaml) rather than a terms.yaml beside the file

Exit codes: 0 applied, 2 could not run (an invalid file or diff, a diff
computed from another version, a failed or refused write; nothing written).
`,
  fmt: `Usage: peaceplan fmt <file> [--write|--check] [--family dir]

Lays a plan file out canonically: fields in the format's order (the plan's,
each clause's, each source's), long texts folded at 100 columns, flow
collections as [ a, b ] and { k: v } where the file has them, every comment
kept, the file's line endings and byte-order mark kept. Formatting a
formatted file gives the same bytes; the shipped drafts are formatted.

Options:
  --write   replace the file (whole or not at all, as for apply)
  --check   print no file; exit 1 (saying so on stderr) when the file is not
            laid out canonically
  --family dir   read the file with that family folder's own topics and terms
            (its terms.yaml) rather than a terms.yaml beside the file

Exit codes: 0 printed, written, or already canonical; 1 (--check) not
canonical; 2 could not run (an invalid file, a failed write).
`,
  migrate: `Usage: peaceplan migrate <file> [--write] [--family dir]

Moves a version-1 plan file (peaceplan: 1) to format 2, editing only the
peaceplan: line: comments, order and layout stay. The data means the same,
except one thing only a writer can decide: in format 1, certainty
unconfirmed also covered clauses carried over from another version without
being seen; format 2 says that with presence (assumed or unknown) and
carriedFrom. The unconfirmed clauses are named on stderr to look at again.
A file already in format 2 is printed unchanged.

Options:
  --write   replace the file (whole or not at all, as for apply)
  --family dir   read the file with that family folder's own topics and terms
            (its terms.yaml) rather than a terms.yaml beside the file

Exit codes: 0 printed or written, 2 could not run (an invalid file, a
failed write).
`,
  schema: `Usage: peaceplan schema <dir|terms.yaml> [-o file]

Prints the JSON Schema of a family's plan files: the format's schema with
the topics and terms the family declares in its terms.yaml. Point an
editor's YAML modeline at the written file to complete and check the
family's own terms as you type:
  # yaml-language-server: $schema=./plan.schema.json

Options:
  -o, --output file   write to a file instead of stdout

Exit codes: 0 printed or written, 2 could not run (no or an invalid
terms.yaml, a failed write).
`,
  help: `Usage: peaceplan help [command]

Shows the overview, or the help of one command.
`,
};
