import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { LogMessageParams, Position, Range } from 'vscode-languageserver';

// A client may send a position that is not in the document (a stale one after an edit, or a buggy client): the
// built server, over stdio, answers every position-taking request with "nothing there" and logs no error.

const root = fileURLToPath(new URL('../../', import.meta.url));
const answerMs = 10_000;

describe('strategy lsp --stdio, asked about positions outside the document', function () {
    this.timeout(30_000);

    let folder: string;
    let server: ChildProcess;
    let connection: MessageConnection;
    let stderr = '';
    const logged: LogMessageParams[] = [];
    const uri = (file: string) => pathToFileURL(join(folder, file)).toString();

    const request = <R>(method: string, params: unknown): Promise<R> => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}\n${stderr}`)), answerMs); });
        return Promise.race([connection.sendRequest(method, params) as Promise<R>, timeout]).finally(() => clearTimeout(timer));
    };

    before(async () => {
        assert.ok(existsSync(join(root, 'out', 'cli.cjs')), 'the CLI is not built: run `npm run build` first');
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-range-')));
        cpSync(join(root, 'examples', 'shop-app'), folder, { recursive: true });
        server = spawn(process.execPath, [join(root, 'bin', 'strategy.cjs'), 'lsp', '--stdio'], {
            cwd: folder, env: { ...process.env, STRATEGY_TODAY: '2026-11-23' }, stdio: ['pipe', 'pipe', 'pipe']
        });
        server.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('window/logMessage', (params: LogMessageParams) => { logged.push(params); });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.listen();
        await request('initialize', {
            processId: process.pid, rootUri: pathToFileURL(folder).toString(),
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'shop-app' }],
            capabilities: { textDocument: { rename: { prepareSupport: true }, definition: { linkSupport: true } } }
        });
        await connection.sendNotification('initialized', {});
        const open = (name: string, text: string) => connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: uri(name), languageId: 'strategy', version: 1, text }
        });
        await open('backlog.strategy', readFileSync(join(folder, 'backlog.strategy'), 'utf8'));
        // A file that ends in a name: a position clamped to its end lands on a reference.
        await open('edge.strategy', 'ticket EDGE-1 "Edge" {\n  serves Engagement');
    });

    after(() => {
        connection?.dispose();
        if (server && server.exitCode === null && server.signalCode === null) server.kill();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    const outside: Array<[string, Position]> = [
        ['a line far past the end', { line: 1_000_000_000, character: 0 }],
        ['a negative line', { line: -1, character: 0 }],
        ['a negative character', { line: 0, character: -5 }]
    ];

    // An open file, a file that ends in a reference, and a file the client has not opened (read from disk).
    for (const [what, position] of outside) for (const file of ['backlog.strategy', 'edge.strategy', 'users.strategy']) {
        it(`answers null or nothing at ${what} of ${file}, and logs no error`, async () => {
            const textDocument = { uri: uri(file) };
            const range: Range = { start: position, end: position };
            const empty = (answer: unknown) => answer === null || (Array.isArray(answer) && answer.length === 0);
            const answers: Record<string, unknown> = {
                hover: await request('textDocument/hover', { textDocument, position }),
                definition: await request('textDocument/definition', { textDocument, position }),
                implementation: await request('textDocument/implementation', { textDocument, position }),
                references: await request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
                documentHighlight: await request('textDocument/documentHighlight', { textDocument, position }),
                prepareRename: await request('textDocument/prepareRename', { textDocument, position }),
                rename: await request('textDocument/rename', { textDocument, position, newName: 'Other' }),
                codeAction: await request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
                rangeFormatting: await request('textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 2, insertSpaces: true } }),
                previewTarget: await request('strategy/previewTarget', { uri: textDocument.uri, position })
            };
            for (const [name, answer] of Object.entries(answers)) {
                if (name === 'previewTarget') assert.deepEqual(answer, {}, name);
                else if (name === 'rename') assert.ok(answer === null || JSON.stringify(answer) === '{"changes":{}}', `${name}: ${JSON.stringify(answer)}`);
                else assert.ok(empty(answer), `${name}: ${JSON.stringify(answer)}`);
            }
            // Completion there proposes what the end (or start) of the file would: no error, whatever the list.
            await request('textDocument/completion', { textDocument, position });
            const errors = logged.filter(message => message.type === 1).map(message => message.message);
            assert.deepEqual(errors, []);
            assert.equal(stderr, '');
        });
    }

    it('answers the server\'s own requests sent without or with malformed parameters, and logs no error', async () => {
        await assert.rejects(request('strategy/render', undefined), (error: { code?: number }) => error.code === -32602);
        // Parameters by position are spread before the token: the second one is not taken for a token.
        assert.equal(await request('strategy/ticketHover', [{ id: 'NOWHERE-1' }, 5]), null);
        assert.ok(Array.isArray(await request('strategy/ticketKeys', { unexpected: true })));
        assert.deepEqual(await request('strategy/previewTarget', { uri: 42 }), {});
        assert.deepEqual(logged.filter(message => message.type === 1).map(message => message.message), []);
        assert.equal(stderr, '');
    });

    it('answers a character past the end of its line as the end of that line, as the protocol says', async () => {
        const textDocument = { uri: uri('edge.strategy') };
        const lineEnd = '  serves Engagement'.length;
        const atEnd = await request('textDocument/definition', { textDocument, position: { line: 1, character: lineEnd } });
        const past = await request('textDocument/definition', { textDocument, position: { line: 1, character: 1_000_000_000 } });
        assert.ok(Array.isArray(atEnd) && atEnd.length === 1, `definition at the line's end: ${JSON.stringify(atEnd)}`);
        assert.deepEqual(past, atEnd);
    });
});
