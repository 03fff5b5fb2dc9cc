import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, WorkspaceEditClientCapabilities } from 'vscode-languageserver';
import { checkReport } from '../../src/cli/diagnostic-format.js';
import { loadWorkspace } from '../../src/cli/load-workspace.js';

// The built server (`strategy lsp --stdio`) started on a folder and driven as an editor's client drives it, for
// tests that each need a server of their own. Every wait is bounded, so a server that stops answering fails the
// test instead of hanging the suite.

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Long enough for a loaded CI machine, short enough that a silent server fails fast. */
export const answerMs = 10_000;

export function bounded<T>(promise: Promise<T>, what: string, ms = answerMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface LspSession {
    readonly server: ChildProcess;
    readonly connection: MessageConnection;
    /** Every publishDiagnostics in arrival order. */
    readonly published: PublishDiagnosticsParams[];
    uri(file: string): string;
    request<R>(method: string, params: unknown): Promise<R>;
    notify(method: string, params?: unknown): Promise<void>;
    open(file: string, text: string): Promise<void>;
    /** The last diagnostics published for each file (by URI), empty lists included. */
    latest(): Map<string, Diagnostic[]>;
    /** Polls until `accept` holds for the latest diagnostics; fails with `describe()` of the last state otherwise. */
    until(accept: (latest: Map<string, Diagnostic[]>) => boolean, describe: (latest: Map<string, Diagnostic[]>) => string): Promise<void>;
    /** What the server wrote to standard error so far. */
    stderr(): string;
    exited(): boolean;
    close(): Promise<void>;
}

/**
 * Starts the server on `folder`, initializes it as VS Code does (watched files registered dynamically), with
 * `workspaceEdit` as the client's workspace edit capabilities (snippet edits, for one).
 */
export async function startSession(folder: string, today = '2026-11-23', workspaceEdit: WorkspaceEditClientCapabilities = {}): Promise<LspSession> {
    const server = spawn(process.execPath, [join(root, 'bin', 'strategy.cjs'), 'lsp', '--stdio'], {
        cwd: folder, env: { ...process.env, STRATEGY_TODAY: today }, stdio: ['pipe', 'pipe', 'pipe']
    });
    let stderr = '';
    let exited = false;
    server.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const exitCode = new Promise<number | null>(resolve => server.on('exit', code => { exited = true; resolve(code); }));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => { published.push(params); });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onError(() => { /* a broken pipe shows as the server's exit */ });
    connection.listen();

    const died = (what: string) => exitCode.then(code => { throw new Error(`the server exited (code ${code}) before ${what}:\n${stderr.slice(-2000)}`); });
    const request = <R>(method: string, params: unknown) =>
        bounded(Promise.race([connection.sendRequest(method, params) as Promise<R>, died(`answering ${method}`)]), method);
    const uri = (file: string) => pathToFileURL(join(folder, file)).toString();
    const latest = () => {
        const map = new Map<string, Diagnostic[]>();
        for (const p of published) map.set(p.uri, p.diagnostics);
        return map;
    };

    await request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'churn' }],
        capabilities: {
            workspace: { workspaceFolders: true, configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit },
            textDocument: { synchronization: { didSave: true }, publishDiagnostics: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: {} }
        }
    });
    await connection.sendNotification('initialized', {});

    return {
        server, connection, published, uri, request, latest,
        notify: (method, params) => connection.sendNotification(method, params),
        open: (file, text) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'strategy', version: 1, text } }),
        async until(accept, describe) {
            const deadline = Date.now() + answerMs;
            while (!accept(latest()) && !exited && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 10));
            assert.ok(!exited, `the server exited:\n${stderr.slice(-2000)}`);
            assert.ok(accept(latest()), describe(latest()));
        },
        stderr: () => stderr,
        exited: () => exited,
        async close() {
            if (!exited) {
                try {
                    await request('shutdown', null);
                    await connection.sendNotification('exit');
                    await bounded(exitCode, 'the server to exit');
                } catch {
                    server.kill();
                }
            }
            connection.dispose();
        }
    };
}

/** A diagnostic as `line:col code message` (1-based), the way `strategy check` identifies it. */
export function describeDiagnostic(d: Diagnostic): string {
    return `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code ?? 'syntax-error')} ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

/**
 * What `strategy check` reports for the files in `folder` now, by file URI (files without a problem included).
 * `open` gives the text of files open in the editor, which the server checks instead of what is on disk: the
 * check runs on a copy of the folder with those texts written in.
 */
export async function checkedDiagnostics(folder: string, open: Record<string, string> = {}, today = '2026-11-23'): Promise<Map<string, string[]>> {
    const copy = mkdtempSync(join(tmpdir(), 'strategy-expected-'));
    try {
        cpSync(folder, copy, { recursive: true });
        for (const [file, text] of Object.entries(open)) {
            mkdirSync(dirname(join(copy, file)), { recursive: true });
            writeFileSync(join(copy, file), text);
        }
        const { documents } = await loadWorkspace([copy], today);
        const report = checkReport(documents, copy);
        const uriOf = (file: string) => pathToFileURL(join(folder, file)).toString();
        const expected = new Map<string, string[]>(documents.map(document => [uriOf(relative(copy, document.uri.fsPath)), []]));
        for (const d of report.diagnostics) expected.get(uriOf(d.file))!.push(`${d.line}:${d.column} ${d.code} ${d.message}`);
        return expected;
    } finally {
        rmSync(copy, { recursive: true, force: true });
    }
}

/**
 * The difference between what the server shows (its latest diagnostics of each file; a file never published shows
 * none) and what `strategy check` reports, as readable lines; empty when they agree.
 */
export function differences(shown: Map<string, Diagnostic[]>, expected: Map<string, string[]>, folder: string): string[] {
    const lines: string[] = [];
    const name = (uri: string) => uri.slice(pathToFileURL(folder).toString().length + 1);
    for (const uri of new Set([...shown.keys(), ...expected.keys()])) {
        const cli = [...expected.get(uri) ?? []];
        for (const d of (shown.get(uri) ?? []).map(describeDiagnostic)) {
            const i = cli.indexOf(d);
            if (i >= 0) cli.splice(i, 1);
            else lines.push(`${name(uri)}: the server shows, the CLI does not: ${d}`);
        }
        for (const d of cli) lines.push(`${name(uri)}: the CLI reports, the server does not show: ${d}`);
    }
    return lines;
}
