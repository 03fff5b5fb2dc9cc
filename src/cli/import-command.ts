import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { grammarFacts } from '../language/grammar-facts.js';
import { createStrategyServices, type StrategyServices } from '../language/strategy-module.js';
import { StrategyFileSystem } from '../language/workspace/strategy-file-system.js';
import { ghCommand, parseGithubIssues } from '../import/github-issues.js';
import { parseJiraIssues } from '../import/jira-issues.js';
import { mergeTickets } from '../import/merge-tickets.js';
import { importedTickets } from '../import/tracker-tickets.js';
import { ExportError } from '../import/tracker-issue.js';
import { importReport } from '../import/import-report.js';
import { formattedText } from '../import/formatted-text.js';
import { terminalText } from '../render/escape.js';
import { UsageError, type CommandArgs } from './args.js';
import { decodeStrategyText, describeIoError, InputError, readStrategyText } from './read-text.js';

interface Output { out(text: string): void; err(text: string): void }

/** Where tickets go without -o: the backlog file of the current folder, created when missing. */
export const defaultOutput = 'backlog.strategy';

const sources = {
    github: { parse: parseGithubIssues, expected: `the JSON that \`${ghCommand}\` prints` },
    jira: { parse: parseJiraIssues, expected: 'Jira\'s CSV export' }
};

/** `strategy import github|jira FILE [-o FILE.strategy] [--dry-run]`: 0 imported, 2 bad usage or input. */
export async function runImport(args: CommandArgs, io: Output): Promise<number> {
    const [sourceName, exportFile, ...extra] = args.paths;
    if (sourceName === undefined) throw new UsageError('name the tracker: github or jira');
    if (!Object.hasOwn(sources, sourceName)) throw new UsageError(`unknown tracker '${sourceName}'; use github or jira`);
    if (exportFile === undefined) throw new UsageError(`name the export file to read (${sourceName === 'github' ? 'FILE.json' : 'FILE.csv'})`);
    if (extra.length > 0) throw new UsageError(`one export file at a time, not also '${extra[0]}'`);
    const output = args.output ?? defaultOutput;
    if (!output.endsWith('.strategy')) throw new UsageError(`-o ${output} is not a .strategy file: the tickets go into one`);
    const source = sources[sourceName as keyof typeof sources];
    const fail = (message: string) => { io.err(`strategy import: ${terminalText(message)}\n`); return 2; };

    let text: string;
    try {
        let bytes: Buffer;
        try { bytes = readFileSync(exportFile); } catch (error) { throw new InputError(`cannot read ${exportFile}: ${describeIoError(error)}`); }
        text = decodeStrategyText(bytes, exportFile);
    } catch (error) {
        if (error instanceof InputError) return fail(error.message);
        throw error;
    }
    if (text.trim() === '') return fail(`${exportFile} is empty; expected ${source.expected}`);
    let parsed;
    try {
        parsed = source.parse(text);
    } catch (error) {
        if (error instanceof ExportError) return fail(`${exportFile}:${error.message}`);
        throw error;
    }
    for (const note of parsed.notes) io.err(`strategy import: ${terminalText(`${exportFile}: ${note}`)}\n`);
    if (parsed.issues.length === 0) {
        io.err(`strategy import: ${terminalText(exportFile)} holds no issues; nothing to import, ${terminalText(output)} is unchanged\n`);
        return 0;
    }
    const { tickets, notes } = importedTickets(parsed.issues, grammarFacts().reservedWords);
    for (const note of notes) io.err(`strategy import: ${terminalText(note)}\n`);

    const exists = existsSync(output);
    let current = '';
    let bom = false;
    try {
        if (exists) {
            current = readStrategyText(output);
            bom = readFileSync(output).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
        }
    } catch (error) {
        if (error instanceof InputError) return fail(error.message);
        throw error;
    }
    const services = createStrategyServices(StrategyFileSystem).Strategy;
    const document = parse(services, current, output);
    const fault = syntaxFault(document);
    if (fault) return fail(`${output}:${fault}; fix it before importing (nothing was written)`);
    const merged = mergeTickets(current, document.parseResult.value, tickets);
    const result = formattedText(document, merged.edits, merged.added);
    io.out(importReport(output, merged, args.dryRun));
    if (merged.clashes.length > 0) {
        io.err(`strategy import: ${terminalText(`${output} already names another element ${merged.clashes.slice(0, 20).join(', ')}${merged.clashes.length > 20 ? ` and ${merged.clashes.length - 20} more` : ''}; the ticket${merged.clashes.length === 1 ? ' is' : 's are'} added all the same, and 'strategy check' reports the duplicate-id to rename`)}\n`);
    }
    if (args.dryRun || (exists && result === current)) return 0;
    try {
        writeFileSync(output, bom ? `\uFEFF${result}` : result);
    } catch (error) {
        return fail(`cannot write ${output}: ${describeIoError(error)}`);
    }
    return 0;
}

function parse(services: StrategyServices, text: string, path: string): LangiumDocument<Model> {
    return services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(resolve(path)));
}

/** `LINE:COL: message` of the file's first syntax error, or undefined when it parses. */
function syntaxFault(document: LangiumDocument<Model>): string | undefined {
    const { lexerErrors, parserErrors } = document.parseResult;
    const lexer = lexerErrors[0];
    if (lexer) return `${lexer.line ?? 1}:${lexer.column ?? 1}: ${lexer.message}`;
    const parser = parserErrors[0];
    if (!parser) return undefined;
    // At the end of the file the token has no place (NaN or -1): the end of the last line is the place.
    const { startLine, startColumn } = parser.token;
    if (startLine !== undefined && startLine >= 1 && startColumn !== undefined && startColumn >= 1) return `${startLine}:${startColumn}: ${parser.message}`;
    const end = document.textDocument.positionAt(document.textDocument.getText().length);
    return `${end.line + 1}:${end.character + 1}: ${parser.message}`;
}
