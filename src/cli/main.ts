import '../node-compat.js';
import { fileURLToPath } from 'node:url';
import { traceOf } from '../model/trace.js';
import { traceJson, traceMarkdown, traceText } from '../render/trace-formats.js';
import { parseCommandArgs, UsageError, type CommandArgs } from './args.js';
import { checkReport, displayPath, formatJson, formatText } from './diagnostic-format.js';
import { commandHelp, mainHelp } from './help.js';
import { loadWorkspace } from './load-workspace.js';

interface Output {
    out(text: string): void;
    err(text: string): void;
}

const commands: Record<string, { formats: readonly string[]; run: (args: CommandArgs, io: Output) => Promise<number> }> = {
    check: { formats: ['text', 'json'], run: runCheck },
    trace: { formats: ['text', 'json', 'md'], run: runTrace },
    lsp: { formats: ['text'], run: runLsp }
};

/** Runs one command line and returns the exit status; never throws for bad input. */
export async function runCli(argv: string[], io: Output): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        (name === undefined ? io.err : io.out)(mainHelp);
        return name === undefined ? 2 : 0;
    }
    const command = commands[name];
    if (!command) {
        io.err(`strategy: unknown command '${name}'\n\n${mainHelp}`);
        return 2;
    }
    try {
        const args = parseCommandArgs(rest, command.formats);
        if (args.help) {
            io.out(commandHelp[name]);
            return 0;
        }
        return await command.run(args, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`strategy ${name}: ${error.message}\n\n${commandHelp[name]}`);
            return 2;
        }
        throw error;
    }
}

function reportProblems(problems: string[], io: Output): void {
    for (const problem of problems) io.err(`strategy: ${problem}\n`);
}

async function runCheck(args: CommandArgs, io: Output): Promise<number> {
    const { documents, problems } = await loadWorkspace(args.paths, args.today);
    const report = checkReport(documents, process.cwd());
    io.out(args.format === 'json' ? formatJson(report) : formatText(report));
    reportProblems(problems, io);
    if (problems.length > 0) return 2;
    return report.summary.errors > 0 ? 1 : 0;
}

async function runTrace(args: CommandArgs, io: Output): Promise<number> {
    const { services, problems } = await loadWorkspace(args.paths, args.today);
    const trace = traceOf(services.strategy.WorkspaceModel.get());
    const path = (uri: string) => (uri.startsWith('file:') ? displayPath(fileURLToPath(uri), process.cwd()) : uri);
    const format = { text: traceText, json: traceJson, md: traceMarkdown }[args.format as 'text' | 'json' | 'md'];
    io.out(format(trace, path));
    reportProblems(problems, io);
    return problems.length > 0 ? 2 : 0;
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
