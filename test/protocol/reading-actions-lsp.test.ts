import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver';
import { startSession, type LspSession } from './lsp-session.js';

// "Add today's reading" through the built server: the metric-stale diagnostic it publishes comes back in a
// codeAction request, and the fix is a snippet edit only for a client that said, when it initialized, that it
// applies them (vscode-languageclient 11 does).

const text = 'metric Repeat "Repeat users" {\n  baseline 20 on 2026-01-01\n  target 30 by 2027-06-30\n  reading 22 on 2026-05-01 // spring survey\n}\n';

describe("strategy lsp --stdio: the metric-stale fix 'Add today's reading'", function () {
    this.timeout(60_000);
    let folder: string;
    const sessions: LspSession[] = [];

    before(() => {
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-reading-')));
        writeFileSync(join(folder, 'a.strategy'), text);
    });

    after(async () => {
        for (const session of sessions) await session.close();
        rmSync(folder, { recursive: true, force: true });
    });

    async function fixOf(snippetEditSupport: boolean): Promise<CodeAction> {
        const session = await startSession(folder, '2026-11-23', { documentChanges: true, snippetEditSupport });
        sessions.push(session);
        const uri = session.uri('a.strategy');
        await session.open('a.strategy', text);
        await session.until(latest => (latest.get(uri) ?? []).some(d => d.code === 'metric-stale'), latest => JSON.stringify(latest.get(uri)));
        const stale = session.latest().get(uri)!.filter(d => d.code === 'metric-stale');
        const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: stale[0].range, context: { diagnostics: stale, only: ['quickfix'] }
        });
        assert.deepEqual(actions.map(action => action.title), ["Add today's reading (2026-11-23)"]);
        assert.equal(actions[0].isPreferred, true);
        return actions[0];
    }

    it('selects the placeholder as a snippet for a client that applies snippet edits', async () => {
        const fix = await fixOf(true);
        const [change] = fix.edit!.documentChanges! as TextDocumentEdit[];
        assert.deepEqual(change.edits, [{
            range: { start: { line: 3, character: 43 }, end: { line: 3, character: 43 } },
            snippet: { kind: 'snippet', value: '\n  reading ${1:TODO} on 2026-11-23' }
        }]);
    });

    it('inserts plain text for a client that does not', async () => {
        const fix = await fixOf(false);
        assert.equal(fix.edit!.documentChanges, undefined);
        assert.deepEqual(Object.values(fix.edit!.changes!), [[{
            range: { start: { line: 3, character: 43 }, end: { line: 3, character: 43 } }, newText: '\n  reading TODO on 2026-11-23'
        }]]);
    });
});
