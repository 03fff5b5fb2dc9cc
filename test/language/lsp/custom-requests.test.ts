import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { URI } from 'langium';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import { alignmentTree, ticketHover, ticketKeys } from '../../../src/language/lsp/custom-requests.js';
import { debounce, registerStrategyRequests } from '../../../src/language/lsp/strategy-rpc.js';
import { createStrategyLspServices } from '../../../src/language/lsp/strategy-lsp-module.js';
import {
    alignmentTreeRequest, diffRequest, modelChangedNotification, previewTargetRequest, renderCardRequest, renderChangesRequest, renderRequest, revisionsRequest,
    ticketHoverRequest, ticketKeysRequest, type TicketKey
} from '../../../src/protocol/strategy-protocol.js';
import { MemoryFileSystem, today, workspace, type Workspace } from '../../helpers.js';

const shopAppFolder = new URL('../../../examples/shop-app/', import.meta.url);
const shopApp = Object.fromEntries(readdirSync(shopAppFolder).map(file => [file, readFileSync(new URL(file, shopAppFolder), 'utf8')]));

describe('custom requests', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace(shopApp); });

    it('strategy/ticketKeys lists every ticket ID with the range of its name', () => {
        const keys = ticketKeys(ws.services);
        assert.deepEqual(keys.map(k => k.id), ['APP-101', 'APP-102', 'APP-123', 'APP-130']);
        assert.deepEqual(keys.find(k => k.id === 'APP-123'), {
            id: 'APP-123',
            location: { uri: ws.uri('backlog.strategy').toString(), range: { start: { line: 19, character: 7 }, end: { line: 19, character: 14 } } }
        });
    });

    it('strategy/ticketHover gives the Markdown of the in-file hover on the ticket\'s name, and null for an unknown ID', async () => {
        const hover = await ticketHover(ws.services, 'APP-123');
        const document = ws.documents.get('backlog.strategy')!;
        const inFile = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 19, character: 9 }
        });
        assert.equal(hover?.markdown, (inFile?.contents as { value: string }).value);
        assert.match(hover!.markdown, /^\*\*Ticket APP-123: Prototype personalized notifications\*\*\n\nserves Engagement → Revenue\n/);
        assert.match(hover!.markdown, /MonthlyRepeatUsers: 20% → 22\.5% → 30% by 2027-06-30 \(25% of the way, on track: at this pace 32\.3% by 2027-06-30, 123% of the way\)/);
        assert.equal(await ticketHover(ws.services, 'APP-999'), null);
        // An ID that names another kind of element is no ticket.
        assert.equal(await ticketHover(ws.services, 'Engagement'), null);
    });

    it('strategy/alignmentTree is the tree of the workspace\'s alignment model', () => {
        const tree = alignmentTree(ws.services);
        assert.deepEqual(tree.objectives.map(o => [o.id, o.children.map(c => c.id)]), [['Revenue', ['Engagement', 'Activation']]]);
        assert.deepEqual(tree.objectives[0].children[0].tickets.map(t => t.id), ['APP-101', 'APP-123', 'APP-102'], 'doing before todo');
    });
});

describe('custom requests on the connection', () => {
    /** Just enough of a connection to catch what the server registers and sends. */
    function fakeConnection() {
        const handlers = new Map<string, (...args: unknown[]) => unknown>();
        const sent: string[] = [];
        const connection = {
            onRequest: (type: { method: string }, handler: (...args: unknown[]) => unknown) => { handlers.set(type.method, handler); },
            sendNotification: (type: { method: string }) => { sent.push(type.method); return Promise.resolve(); }
        };
        return { connection: connection as unknown as Connection, handlers, sent };
    }

    it('answers its requests once the workspace is linked, and tells the client after each build that the model changed', async () => {
        const fake = fakeConnection();
        const fileSystem = new MemoryFileSystem();
        const { shared, Strategy } = createStrategyLspServices({ connection: fake.connection, fileSystemProvider: () => fileSystem });
        Strategy.strategy.Config.fixedToday = today;
        registerStrategyRequests(shared, Strategy);
        assert.deepEqual([...fake.handlers.keys()].sort(), [
            alignmentTreeRequest, diffRequest, previewTargetRequest, renderCardRequest, renderChangesRequest, renderRequest, revisionsRequest, ticketHoverRequest, ticketKeysRequest
        ].map(type => type.method).sort());

        const uri = URI.file('/ws/a.strategy');
        fileSystem.files.set(uri.toString(), 'objective O "O" { }\nticket T-1 "T" { serves O }\n');
        shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }] });
        // Asked before the workspace is even read: the request waits for it instead of answering with nothing.
        const keys = fake.handlers.get(ticketKeysRequest.method)!(CancellationToken.None) as Promise<TicketKey[]>;
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: 'file:///ws', name: 'ws' }]);
        assert.deepEqual((await keys).map(k => k.id), ['T-1']);

        // Parameters come before the token, whether a client sends them or not.
        const hover = await fake.handlers.get(ticketHoverRequest.method)!({ id: 'T-1' }, CancellationToken.None) as { markdown: string };
        assert.match(hover.markdown, /^\*\*Ticket T-1: T\*\*/);
        assert.equal(await fake.handlers.get(ticketHoverRequest.method)!(null, CancellationToken.None), null);
        const tree = await fake.handlers.get(alignmentTreeRequest.method)!(null, CancellationToken.None) as { objectives: Array<{ id: string }> };
        assert.deepEqual(tree.objectives.map(o => o.id), ['O']);

        // The notification follows the build, once for a burst of builds.
        await new Promise(resolve => setTimeout(resolve, 250));
        assert.deepEqual(fake.sent, [modelChangedNotification.method]);
        fileSystem.files.set(uri.toString(), 'objective O "O" { }\nticket T-2 "T" { serves O }\n');
        await shared.workspace.DocumentBuilder.update([uri], []);
        fileSystem.files.set(uri.toString(), 'objective O "O" { }\nticket T-3 "T" { serves O }\n');
        await shared.workspace.DocumentBuilder.update([uri], []);
        assert.equal(fake.sent.length, 1, 'not yet: the builds are still settling');
        await new Promise(resolve => setTimeout(resolve, 250));
        assert.deepEqual(fake.sent, [modelChangedNotification.method, modelChangedNotification.method]);
        assert.deepEqual((await fake.handlers.get(ticketKeysRequest.method)!(CancellationToken.None) as TicketKey[]).map(k => k.id), ['T-3']);
    });
});

describe('debounce', () => {
    it('calls once after a quiet period, and at least once per maximum wait during a long burst', async () => {
        let calls = 0;
        const notify = debounce(() => calls++, 30, 100);
        notify(); notify(); notify();
        assert.equal(calls, 0);
        await new Promise(resolve => setTimeout(resolve, 60));
        assert.equal(calls, 1);

        calls = 0;
        const started = Date.now();
        while (Date.now() - started < 250) {
            notify();
            await new Promise(resolve => setTimeout(resolve, 10));
        }
        assert.ok(calls >= 2, `${calls} calls during a 250 ms burst`);
        await new Promise(resolve => setTimeout(resolve, 60));
    });
});
