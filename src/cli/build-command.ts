import { dirname, relative, sep } from 'node:path';
import type { Model } from '../language/generated/ast.js';
import { isInsideAny } from '../language/workspace/inside-folders.js';
import { plural } from '../model/values.js';
import { terminalText } from '../render/escape.js';
import { buildSite } from '../site/site-build.js';
import { UsageError, type CommandArgs } from './args.js';
import { checkReport } from './diagnostic-format.js';
import { loadWorkspace } from './load-workspace.js';
import { checkOutsideInputs, prepareFolder, SiteFolderError, writeSite } from './site-folder.js';

interface Output {
    out(text: string): void;
    err(text: string): void;
}

/** The deepest folder holding every file: the pages name files relative to it, the same on every machine. */
function commonFolder(files: readonly string[]): string {
    if (files.length === 0) return process.cwd();
    let common = dirname(files[0]);
    for (const file of files.slice(1)) {
        while (!isInsideAny(file, [common])) {
            const parent = dirname(common);
            if (parent === common) return common;
            common = parent;
        }
    }
    return common;
}

function toPosix(path: string): string {
    return path.split(sep).join('/');
}

/** `strategy build [PATH...] -o DIR [--force]`: exit 0 written, 2 for usage, unreadable input or an unusable DIR. */
export async function runBuild(args: CommandArgs, io: Output): Promise<number> {
    if (args.output === undefined || args.output === '' || args.output === '-') {
        throw new UsageError('-o DIR is needed: the folder to write the site to');
    }
    const paths = args.paths.length > 0 ? args.paths : ['.'];
    const say = (problems: readonly string[]) => problems.forEach(problem => io.err(`strategy: ${terminalText(problem)}\n`));
    const refuse = (error: unknown) => {
        if (!(error instanceof SiteFolderError)) throw error;
        io.err(`strategy build: ${terminalText(error.message)}\n`);
        return 2;
    };
    try {
        checkOutsideInputs(args.output, paths);
    } catch (error) {
        return refuse(error);
    }
    const { services, documents, files, problems, notes } = await loadWorkspace(paths, args.today);
    say(notes);
    if (documents.length === 0) {
        say(problems);
        return 2;
    }
    const root = commonFolder(files);
    const roots = documents.map(document => ({ file: toPosix(relative(root, document.uri.fsPath)), root: document.parseResult.value as Model }));
    const report = checkReport(documents, root);
    const site = buildSite({ model: services.strategy.WorkspaceModel.get(), roots, diagnostics: report.diagnostics });
    try {
        writeSite(args.output, site, prepareFolder(args.output, args.force));
    } catch (error) {
        say(problems);
        return refuse(error);
    }
    const bytes = site.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    io.out(`strategy build: wrote ${site.length} pages (${(bytes / 1024).toFixed(0)} KB) to ${terminalText(args.output)}; open ${terminalText(toPosix(`${args.output.replace(/[\\/]+$/, '')}/index.html`))}\n`);
    const { errors } = report.summary;
    if (errors > 0) io.err(`strategy build: the workspace has ${plural(errors, 'error')}; the site lists them under Problems\n`);
    say(problems);
    return problems.length > 0 ? 2 : 0;
}
