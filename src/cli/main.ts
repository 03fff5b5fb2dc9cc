import '../node-compat.js';
import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapView, previewView } from '../model/preview-view.js';
import { terminalText } from '../render/escape.js';
import { plural } from '../model/values.js';
import { traceOf } from '../model/trace.js';
import { traceJson, traceMarkdown, traceText } from '../render/text/trace-formats.js';
import { closestName } from '../language/link/suggest.js';
import { milestoneIds, milestonesNamed, milestoneTrace } from '../model/milestone-trace.js';
import { milestoneJson, milestoneMarkdown, milestoneText } from '../render/text/milestone-formats.js';
import { workFilterOf } from './filter-flags.js';
import { isFiltering, ticketFilter } from '../model/work-filter.js';
import { parseCommandArgs, UsageError, type CommandArgs, type OptionName } from './args.js';
import { checkReport, displayPath, formatJson, formatText } from './diagnostic-format.js';
import { commandHelp, mainHelp } from './help.js';
import { formatSarif } from './sarif-format.js';
import { loadWorkspace, type LoadedWorkspace } from './load-workspace.js';
import { inputNamedBy } from './output-file.js';
import { describeIoError } from './read-text.js';

interface Output {
    out(text: string): void;
    err(text: string): void;
}

const filters: OptionName[] = ['milestone', 'owner', 'focus', 'kind', 'status', 'hide-done'];

/** Each command: its formats (the first the default), the options it takes besides --help, and what runs it. */
const commands: Record<string, { formats: readonly string[]; options: readonly OptionName[]; run: (args: CommandArgs, io: Output) => Promise<number> }> = {
    check: { formats: ['text', 'json', 'sarif'], options: ['format', 'today', 'max-warnings'], run: runCheck },
    trace: { formats: ['text', 'json', 'md'], options: ['format', 'today', ...filters], run: runTrace },
    render: { formats: ['html', 'svg', 'md', 'mermaid'], options: ['format', 'today', 'output', 'canvas', ...filters], run: runRender },
    diff: { formats: ['text', 'json', 'md'], options: ['format', 'today', 'fail-on'], run: runDiffCommand },
    import: { formats: ['text'], options: ['output', 'dry-run', 'today'], run: runImportCommand },
    build: { formats: ['html'], options: ['output', 'force', 'today'], run: runBuildCommand },
    // A language client names its transport; only stdio is served, and the others are refused with that said.
    lsp: { formats: ['text'], options: ['stdio', 'node-ipc', 'socket', 'today'], run: runLsp }
};

/** The commands that take an option (`fail-on` → diff), for a message about a command that does not. */
function commandsTaking(option: string): string[] {
    return Object.keys(commands).filter(name => (commands[name].options as readonly string[]).includes(option));
}

/** Runs one command line and returns the exit status; never throws for bad input. */
export async function runCli(argv: string[], io: Output): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        (name === undefined ? io.err : io.out)(mainHelp);
        return name === undefined ? 2 : 0;
    }
    // Own keys only: `constructor` or `__proto__` is a word every object answers to, not a command.
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) {
        io.err(`strategy: unknown command '${terminalText(name)}'\n\n${mainHelp}`);
        return 2;
    }
    try {
        const args = parseCommandArgs(rest, command.formats, command.options, commandsTaking);
        if (args.help) {
            io.out(commandHelp[name]);
            return 0;
        }
        return await command.run(args, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`strategy ${name}: ${terminalText(error.message)}\n\n${commandHelp[name]}`);
            return 2;
        }
        throw error;
    }
}

/** One line each on standard error; a problem quotes paths and arguments, escaped as every text output is. */
function reportProblems(problems: string[], io: Output): void {
    for (const problem of problems) io.err(`strategy: ${terminalText(problem)}\n`);
}

/** The workspace, once its notes (links left out) are said: they go to standard error and change no exit status. */
async function load(paths: readonly string[], args: CommandArgs, io: Output): Promise<LoadedWorkspace> {
    const workspace = await loadWorkspace(paths, args.today);
    reportProblems(workspace.notes, io);
    return workspace;
}

async function runCheck(args: CommandArgs, io: Output): Promise<number> {
    const { documents, problems } = await load(args.paths, args, io);
    const report = checkReport(documents, process.cwd());
    io.out(args.format === 'json' ? formatJson(report) : args.format === 'sarif' ? formatSarif(report) : formatText(report));
    reportProblems(problems, io);
    if (problems.length > 0) return 2;
    const { errors, warnings } = report.summary;
    const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
    if (tooManyWarnings) io.err(`strategy check: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings} allows\n`);
    return errors > 0 || tooManyWarnings ? 1 : 0;
}

async function runTrace(args: CommandArgs, io: Output): Promise<number> {
    const { services, problems } = await load(args.paths, args, io);
    const model = services.strategy.WorkspaceModel.get();
    const path = (uri: string) => (uri.startsWith('file:') ? displayPath(fileURLToPath(uri), process.cwd()) : uri);
    const formatName = args.format as 'text' | 'json' | 'md';
    const only = ticketFilter(model, workFilterOf(args));
    if (args.milestone !== undefined) {
        const milestone = milestonesNamed(model, args.milestone)[0];
        if (!milestone) {
            reportProblems([...problems, unknownMilestone(args.milestone, milestoneIds(model))], io);
            return 2;
        }
        const format = { text: milestoneText, json: milestoneJson, md: milestoneMarkdown }[formatName];
        io.out(format(milestoneTrace(model, milestone, only), path));
    } else {
        const format = { text: traceText, json: traceJson, md: traceMarkdown }[formatName];
        io.out(format(traceOf(model, only), path));
    }
    reportProblems(problems, io);
    return problems.length > 0 ? 2 : 0;
}

/** `no milestone 'Bta'; did you mean 'Beta'? The milestones are …`: the list capped, as a team has dozens. */
function unknownMilestone(id: string, known: string[]): string {
    if (known.length === 0) return `no milestone '${id}'; there are no milestones`;
    const guess = closestName(id, known);
    const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')} and ${known.length - 12} more` : known.join(', ');
    return `no milestone '${id}'${guess ? `; did you mean '${guess}'? The` : '; the'} milestones are ${shown}`;
}

async function runRender(args: CommandArgs, io: Output): Promise<number> {
    const filter = { ...workFilterOf(args), milestone: args.milestone };
    const filtering = isFiltering(filter);
    if (filtering && (args.canvas !== undefined || args.format === 'mermaid')) {
        throw new UsageError(`--owner, --focus, --kind, --status, --milestone and --hide-done filter the alignment map as html, svg or md, not ${args.canvas !== undefined ? 'a canvas' : 'a Mermaid diagram'}`);
    }
    const { services, documents, files, problems } = await load(renderPaths(args.paths), args, io);
    const input = args.output === undefined || args.output === '-' ? undefined : inputNamedBy(args.output, files);
    if (input !== undefined) {
        io.err(`strategy render: -o ${args.output} is one of the input files; write the rendering to another file\n`);
        reportProblems(problems, io);
        return 2;
    }
    const model = services.strategy.WorkspaceModel.get();
    const unknownCanvas = (id: string) => {
        const canvases = [...model.byName.values()].flat().filter(element => element.$type === 'Canvas').map(canvas => canvas.name);
        const known = canvases.length > 0 ? `; the canvases are ${[...new Set(canvases)].sort().join(', ')}` : '; there are no canvases';
        return `no canvas '${id}'${known}`;
    };
    let content: string;
    if (args.format === 'mermaid') {
        const { mermaidRendering, mermaidSizeNote } = await import('./render-mermaid.js');
        const rendered = mermaidRendering(model, args.canvas, unknownCanvas);
        if (rendered.problem !== undefined) {
            reportProblems([...problems, rendered.problem], io);
            return 2;
        }
        content = rendered.content;
        const note = mermaidSizeNote(content);
        if (note) io.err(`strategy render: ${note}\n`);
    } else {
        if (args.milestone !== undefined && milestonesNamed(model, args.milestone).length === 0) {
            reportProblems([...problems, unknownMilestone(args.milestone, milestoneIds(model))], io);
            return 2;
        }
        const view = filtering ? mapView(model, filter) : previewView(model, args.canvas);
        if (!view) {
            reportProblems([...problems, unknownCanvas(args.canvas!)], io);
            return 2;
        }
        // Loaded only here, so that check and trace never load the renderers and their layout engine.
        const { renderView } = await import('../render/render-view.js');
        content = await renderView(view, args.format as 'html' | 'svg' | 'md');
    }
    if (args.output === undefined || args.output === '-') io.out(content);
    else {
        try {
            writeFileSync(args.output, content);
        } catch (error) {
            reportProblems([...problems, `cannot write ${args.output}: ${describeIoError(error)}`], io);
            return 2;
        }
    }
    const errors = checkReport(documents, process.cwd()).summary.errors;
    if (errors > 0) io.err(`strategy render: the workspace has ${plural(errors, 'error')}; 'strategy check' lists them\n`);
    reportProblems(problems, io);
    return problems.length > 0 ? 2 : 0;
}

/**
 * A .strategy file is rendered with the other .strategy files of its folder, so the elements its canvas names
 * resolve; the file itself stays named, so it is read even when it is a link out of that folder. Any other path
 * goes to collectStrategyFiles as given, which reports what it cannot use.
 */
function renderPaths(paths: readonly string[]): string[] {
    return (paths.length > 0 ? paths : ['.']).flatMap(path => {
        try {
            return path.endsWith('.strategy') && statSync(path).isFile() ? [path, dirname(path)] : [path];
        } catch {
            return [path]; // collectStrategyFiles reports it
        }
    });
}

async function runDiffCommand(args: CommandArgs, io: Output): Promise<number> {
    // Loaded only here, so that check and trace never load git's reader.
    const { runDiff } = await import('./diff-command.js');
    return runDiff(args, io);
}

async function runImportCommand(args: CommandArgs, io: Output): Promise<number> {
    // Loaded only here, so that check and trace never load the formatter and the export readers.
    const { runImport } = await import('./import-command.js');
    return runImport(args, io);
}

async function runBuildCommand(args: CommandArgs, io: Output): Promise<number> {
    // Loaded only here, so that check and trace never load the site's pages and the renderers.
    const { runBuild } = await import('./build-command.js');
    return runBuild(args, io);
}

async function runLsp(args: CommandArgs, io: Output): Promise<number> {
    if (!args.stdio) {
        io.err(`strategy lsp: only --stdio is supported\n\n${commandHelp.lsp}`);
        return 2;
    }
    // Loaded only here, so that check and trace never load the language server's code.
    const { startStrategyServer } = await import('../language/main.js');
    startStrategyServer();
    return new Promise<number>(() => { /* the server ends the process when the client asks it to exit */ });
}
