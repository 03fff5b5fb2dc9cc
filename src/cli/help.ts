export const mainHelp = `strategy: check and trace a product strategy written in .strategy files

Usage:
  strategy check [PATH...] [--format text|json|sarif] [--max-warnings N] [--today YYYY-MM-DD]
  strategy trace [PATH...] [--milestone ID] [--owner TEXT] [--focus F] [--kind K] [--status S] [--hide-done]
                 [--format text|json|md] [--today YYYY-MM-DD]
  strategy render [PATH...] [--canvas ID] [--format html|svg|md|mermaid] [-o FILE] [--today YYYY-MM-DD]
                  [--owner TEXT] [--focus F] [--kind K] [--status S] [--milestone ID] [--hide-done]
  strategy diff [BASE[..HEAD]] [PATH...] [--format text|json|md] [--fail-on new-errors|new-warnings]
                [--today YYYY-MM-DD]
  strategy import github FILE.json | jira FILE.csv [-o FILE.strategy] [--dry-run]
  strategy build [PATH...] -o DIR [--force] [--today YYYY-MM-DD]
  strategy lsp --stdio
  strategy COMMAND --help

PATH is a .strategy file or a folder, searched recursively (node_modules and .git are skipped);
the default is the current folder. --today fixes the date that metric-overdue and progress use.

Exit status: 0 no errors (warnings allowed), 1 at least one error (check: or more than --max-warnings N
warnings), 2 bad usage or unreadable input; diff: 0 compared, 1 --fail-on met, 2 bad usage, a git fault or a file unreadable at one side.
`;

export const commandHelp: Record<string, string> = {
    check: `Usage: strategy check [PATH...] [--format text|json|sarif] [--max-warnings N] [--today YYYY-MM-DD]

Checks every .strategy file under PATH (default: the current folder) and prints each problem as
  file:LINE:COL: severity code: message
then "N files, E errors, W warnings, I infos".
  --format json   one JSON object instead
  --format sarif  a SARIF 2.1.0 log for code scanning: a rule per code, paths relative to the current folder
  --max-warnings N  exit 1 when there are more than N warnings (N a whole number, 0 or more)
Exit status: 0 no errors and at most N warnings, 1 at least one error or more than N warnings,
2 bad usage (a bad N) or unreadable input.
`,
    trace: `Usage: strategy trace [PATH...] [--milestone ID] [--owner TEXT] [--focus F] [--kind K] [--status S]
                      [--hide-done] [--format text|json|md] [--today YYYY-MM-DD]

Shows, for each ticket, the chain ticket → objective → parent objectives → metrics with their progress,
then the coverage: tickets that trace to a measured objective, orphan tickets, objectives without work.
Tickets come by priority (critical first), then doing before todo, then as written.
  --milestone ID  only that milestone's tickets, after its date and its tickets by status;
                  with --format md, its release note: delivered, remaining, dropped, objectives it moves
  --kind K, --status S  only tickets of this kind, with this status (none counts as todo)
  --owner TEXT, --focus F  only tickets with an objective up their chain whose owner holds TEXT
                  (any case), whose focus is F; the filters combine, and the coverage counts what they keep
  --hide-done     leaves out tickets done or dropped
Exit status: 0, or 2 for bad usage, unreadable input or an unknown milestone.
`,
    render: `Usage: strategy render [PATH...] [--canvas ID] [--format html|svg|md|mermaid] [-o FILE] [--today YYYY-MM-DD]
                       [--owner TEXT] [--focus F] [--kind K] [--status S] [--milestone ID] [--hide-done]

Renders the canvas with this ID (a Lean Product or Lean Strategy Canvas), or the alignment map of the
whole workspace when no --canvas is given, exactly as the editor's preview shows it:
  html  one self-contained page (the default), no scripts
  svg   one SVG picture
  md    Markdown tables a wiki shows
  mermaid  a Mermaid diagram for a Markdown file: the map as a flowchart, a roadmap canvas
        (kind roadmap) as a gantt chart; a product or strategy canvas exits 2
A file PATH is rendered with the other .strategy files of its folder, so the names its canvas uses resolve.
Writes to standard output (also with -o -), or to FILE with -o; never onto one of the input files.
Errors in the workspace are reported on standard error but do not stop the rendering.
The map (html, svg, md) takes trace's filters and --milestone ID (the tickets naming it): it keeps the tickets
they match, the objectives on their path and those whose chain holds the --owner and --focus asked, and counts
only that work; --hide-done leaves out tickets done or dropped.
Exit status: 0 rendered, 2 bad usage, unreadable input, no canvas with this ID, -o naming an input,
--format mermaid of a canvas that is not a roadmap, a filter with --canvas or mermaid, or an unknown milestone.
`,
    diff: `Usage: strategy diff [BASE[..HEAD]] [PATH...] [--format text|json|md] [--fail-on new-errors|new-warnings]
                     [--today YYYY-MM-DD]

Compares the .strategy files at two git revisions, read through the git command (nothing is checked out or
written to the repository): BASE against the working tree (default HEAD), or BASE..HEAD (main..feature,
HEAD~3.., v1.0..v2.0); BASE...HEAD compares HEAD with where it left BASE, as a pull request does. Elements are
compared by ID: added, removed, renamed (same kind and title, new ID), and each changed field as before → after
(targets and dates with the days they move, serves A → B, status, new readings with the progress they make,
milestones that slip); an element moved to another file is no change. Then the diagnostics the change adds and
resolves, paired by code and element rather than by line. PATH (default: the current folder) limits the files;
put -- before paths that could be read as a revision.
  text  grouped by kind of element (the default)
  json  one JSON object (docs/schema/diff.schema.json)
  md    a pull-request comment: a summary line, then tables
  --fail-on new-errors    exit 1 when the change adds an error
  --fail-on new-warnings  exit 1 when it adds an error or a warning
Exit status: 0 compared, 1 --fail-on met, 2 bad usage, not a git repository, an unknown revision, no .strategy
files at either side, or a file that is binary or not UTF-8 at one side (the comparison of the rest is printed,
marked incomplete).
`,
    import: `Usage: strategy import github FILE.json [-o FILE.strategy] [--dry-run]
       strategy import jira FILE.csv [-o FILE.strategy] [--dry-run]

Turns a tracker export into ticket blocks in FILE.strategy (default: backlog.strategy in the current folder,
created when missing):
  github  the JSON of: gh issue list --state all --limit 100000 --json number,title,state,stateReason,labels,url
          issue 123 becomes ticket GH-123
  jira    Jira's CSV export (columns Issue key, Summary, Status, Status Category, Issue Type, Labels);
          other columns are ignored and named on standard error
A ticket the file already has keeps its serves, implements, milestone, priority and comments; its title, status,
kind and link follow the tracker. Nothing is deleted. New tickets are added at the end; a label objective:ID
sets their serves. Status: open / To Do → todo, In Progress → doing, closed / Done → done, closed as not
planned / Won't Do → dropped (an open GitHub issue leaves a doing ticket doing). Kind: from the Issue Type or a
label (bug, enhancement → feature, …). The file is written in the layout of Format Document.
  --dry-run  prints what would change (tickets added, fields updated as before → after) and writes nothing
Exit status: 0 imported, 2 bad usage, an unreadable or malformed export (with its line and column), or a
FILE.strategy with a syntax error (nothing is written).
`,
    build: `Usage: strategy build [PATH...] -o DIR [--force] [--today YYYY-MM-DD]

Writes the whole strategy as a static site to the folder DIR, for readers without the editor:
  index.html   the vision, the objective tree with each metric's grade, coverage, the problems check finds
  map.html, canvas-ID.html   the alignment map and every canvas (product, strategy, SWOT, roadmap)
  trace.html   every ticket, the objectives it serves up to the top and their metrics
  objectives.html, metrics.html, …   an entry per element with an anchor (objectives.html#Engagement,
               also reached as index.html#Engagement), its fields, what it refers to and what refers to it
  search.html  search by ID or title words, from every page's search box
The pages load nothing from anywhere (open index.html from disk, or publish the folder as it is), follow the
reader's light or dark setting, print on paper, and are the same bytes for the same files and date, so the site
can be committed and diffed; metrics are graded on --today (default: today).
DIR must be outside the folders read. It is created when missing; a folder that holds files a build did not
write is refused unless --force (they are then kept). A rebuild replaces and removes only the files the last
build wrote (listed in DIR/.strategy-site), and never writes through a link.
Exit status: 0 written (errors in the workspace are listed on the site and said on standard error),
2 bad usage, unreadable input, no .strategy files, or a DIR that cannot be used.
`,
    lsp: `Usage: strategy lsp --stdio

Starts the language server (the same engine as check and trace) for any LSP client, speaking over
standard input and output.
`
};
