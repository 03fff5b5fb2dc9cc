import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentSymbol, Hover } from 'vscode-languageserver';
import { checkedDiagnostics, differences, startSession, type LspSession } from './lsp-session.js';

// Files changed, created and deleted behind the editor's back (git checkout, rebase, a folder removed), reported by
// the file watcher in batches: whatever the batch, the server keeps answering and its diagnostics end up those of
// `strategy check` on the same files.

const root = fileURLToPath(new URL('../../', import.meta.url));
const FileChangeType = { Created: 1, Changed: 2, Deleted: 3 } as const;

describe('strategy lsp --stdio, files changed on disk', function () {
    this.timeout(60_000);

    let folder: string;
    let session: LspSession;

    beforeEach(async () => {
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-churn-')));
        cpSync(join(root, 'examples', 'shop-app'), folder, { recursive: true });
        session = await startSession(folder);
        await agrees('the first scan');
    });

    afterEach(async () => {
        await session?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    const path = (file: string) => join(folder, file);
    const watched = (...changes: Array<[string, number]>) =>
        session.notify('workspace/didChangeWatchedFiles', { changes: changes.map(([file, type]) => ({ uri: session.uri(file), type })) });
    /** Waits until the server's diagnostics are those `strategy check` reports for the folder now. */
    async function agrees(when: string, open: Record<string, string> = {}): Promise<void> {
        const expected = await checkedDiagnostics(folder, open);
        await session.until(shown => differences(shown, expected, folder).length === 0,
            shown => `after ${when}, the server's diagnostics differ from strategy check's:\n${differences(shown, expected, folder).join('\n')}`);
    }
    /** The server still answers requests about a file and still checks what is typed in it. */
    async function stillServes(file: string, opened?: string): Promise<void> {
        const text = opened ?? readFileSync(path(file), 'utf8');
        if (opened === undefined) await session.open(file, text);
        const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: session.uri(file) } });
        assert.ok(symbols.length > 0, `no symbols in ${file}`);
        const offset = text.indexOf('serves ') + 'serves '.length;
        const line = text.slice(0, offset).split('\n').length - 1;
        const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
        const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: session.uri(file) }, position: { line, character } });
        assert.ok(hover, `no hover over the objective a ticket of ${file} serves`);
        const since = session.published.length;
        await session.notify('textDocument/didChange', {
            textDocument: { uri: session.uri(file), version: 2 }, contentChanges: [{ text: `${text}\nticket BROKEN-1 "Typed" {\n  serves Nowhere\n}\n` }]
        });
        await session.until(() => session.published.slice(since).some(p => p.uri === session.uri(file) && p.diagnostics.some(d => d.code === 'unresolved-reference')),
            () => `typing in ${file} published no diagnostics:\n${session.stderr().slice(-2000)}`);
    }

    it('takes a batch that names a file already gone as that file deleted, keeps the rest of the batch and keeps answering', async () => {
        writeFileSync(path('backlog.strategy'), readFileSync(path('backlog.strategy'), 'utf8').replace('serves Activation', 'serves Nowhere'));
        writeFileSync(path('users.strategy'), '// changed, then deleted before the server read it\n');
        rmSync(path('users.strategy'));
        await watched(['backlog.strategy', FileChangeType.Changed], ['users.strategy', FileChangeType.Changed]);
        await agrees('backlog.strategy changed and users.strategy changed then deleted');
        await stillServes('backlog.strategy');
    });

    it('takes a file reported changed and deleted in one batch as deleted', async () => {
        writeFileSync(path('backlog.strategy'), readFileSync(path('backlog.strategy'), 'utf8').replace('serves Activation', 'serves Nowhere'));
        rmSync(path('users.strategy'));
        await watched(['backlog.strategy', FileChangeType.Changed], ['users.strategy', FileChangeType.Changed], ['users.strategy', FileChangeType.Deleted]);
        await agrees('users.strategy reported changed and deleted');
        await stillServes('backlog.strategy');
    });

    it('rechecks both files when a duplicate ID is created in a new file and the file is deleted again', async () => {
        writeFileSync(path('copy.strategy'), 'objective Engagement "A second Engagement" {\n  horizon short\n}\n');
        await watched(['copy.strategy', FileChangeType.Created]);
        await agrees('a duplicate objective created in copy.strategy');
        rmSync(path('copy.strategy'));
        await watched(['copy.strategy', FileChangeType.Deleted]);
        await agrees('copy.strategy deleted');
    });

    it('clears the diagnostics of every file in a folder deleted with one event for the folder', async () => {
        mkdirSync(path('team'));
        writeFileSync(path('team/a.strategy'), 'ticket TEAM-1 "Broken" {\n  serves Nowhere\n}\n');
        writeFileSync(path('team/b.strategy'), 'objective Lonely "Has no work" {\n  horizon short\n}\n');
        await watched(['team/a.strategy', FileChangeType.Created], ['team/b.strategy', FileChangeType.Created]);
        await agrees('a folder of two files created');
        rmSync(path('team'), { recursive: true });
        await watched(['team', FileChangeType.Deleted]);
        await agrees('the folder deleted');
    });

    it('keeps checking a file open in the editor when it is deleted on disk', async () => {
        const text = readFileSync(path('backlog.strategy'), 'utf8').replace('serves Activation', 'serves Nowhere');
        await session.open('backlog.strategy', text);
        await session.until(shown => (shown.get(session.uri('backlog.strategy')) ?? []).some(d => d.code === 'unresolved-reference'), () => 'the open text is not checked');
        rmSync(path('backlog.strategy'));
        await watched(['backlog.strategy', FileChangeType.Deleted]);
        // A later change the server can only show once it has handled the deletion.
        writeFileSync(path('objectives.strategy'), `${readFileSync(path('objectives.strategy'), 'utf8')}\nobjective Lonely "Has no work" {\n  horizon short\n}\n`);
        await watched(['objectives.strategy', FileChangeType.Changed]);
        // The editor still shows the file: it stays in the workspace with its open text, diagnostics and all.
        await agrees('the open backlog.strategy deleted on disk', { 'backlog.strategy': text });
        await stillServes('backlog.strategy', text);
        // Closed, it is gone: its diagnostics clear and its tickets no longer count.
        await session.notify('textDocument/didClose', { textDocument: { uri: session.uri('backlog.strategy') } });
        await agrees('the deleted backlog.strategy closed');
    });
});
