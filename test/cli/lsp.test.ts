import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

// `strategy lsp --stdio` as any LSP client would start it: the same engine, over standard input and output.
describe('strategy lsp --stdio', () => {
    let server: ChildProcess;
    let connection: MessageConnection;
    const published = new Map<string, PublishDiagnosticsParams>();
    const example = resolve('examples/shop-app');
    const uri = (file: string) => pathToFileURL(resolve(example, file)).toString();

    before(async () => {
        server = spawn(process.execPath, [resolve('bin/strategy.cjs'), 'lsp', '--stdio'], { env: { ...process.env, STRATEGY_TODAY: '2026-11-23' } });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => { published.set(params.uri, params); });
        connection.listen();
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri: pathToFileURL(example).toString(), capabilities: {},
            workspaceFolders: [{ uri: pathToFileURL(example).toString(), name: 'shop-app' }]
        });
        await connection.sendNotification('initialized', {});
    });

    after(async () => {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        server.kill();
    });

    const waitFor = async (test: () => boolean, what: string) => {
        for (let i = 0; i < 200 && !test(); i++) await new Promise(r => setTimeout(r, 50));
        assert.ok(test(), `timed out waiting for ${what}`);
    };

    it('publishes diagnostics for every workspace file after initialize, and updates them across files on change', async () => {
        await waitFor(() => published.size >= 5, 'diagnostics of all five files');
        assert.deepEqual(published.get(uri('backlog.strategy'))?.diagnostics, []);

        // Opening the solutions and pointing one at a missing objective: an error in this file...
        const text = readFileSync(resolve(example, 'solutions.strategy'), 'utf8');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('solutions.strategy'), languageId: 'strategy', version: 1, text } });
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: uri('solutions.strategy'), version: 2 },
            contentChanges: [{ text: text.replace('addresses Recommendations\n  advances Engagement', 'addresses SaveTime\n  advances Nowhere') }]
        });
        await waitFor(() => (published.get(uri('solutions.strategy'))?.diagnostics.length ?? 0) > 0, 'the new error');
        assert.deepEqual(published.get(uri('solutions.strategy'))?.diagnostics.map(d => d.code), ['unresolved-reference']);
        // ...and in users.strategy, which does not reference the solutions: no solution addresses Recommendations now.
        await waitFor(() => (published.get(uri('users.strategy'))?.diagnostics.length ?? 0) > 0, 'unused-need');
        assert.deepEqual(published.get(uri('users.strategy'))?.diagnostics.map(d => d.code), ['unused-need']);
    });

    it('answers go-to-definition from a ticket to its objective', async () => {
        const result = await connection.sendRequest('textDocument/definition', {
            textDocument: { uri: uri('backlog.strategy') }, position: { line: 2, character: 12 }
        }) as Array<{ targetUri: string; targetSelectionRange: { start: { line: number } } }>;
        assert.equal(result[0].targetUri, uri('objectives.strategy'));
        assert.equal(result[0].targetSelectionRange.start.line, 10);
    });
});
