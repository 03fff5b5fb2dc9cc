import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { RenderResult } from '../../src/protocol/strategy-protocol.js';

// The bundle the extension starts (out/server.cjs) renders the alignment map once built, as it ships.
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the extension\'s server bundle', () => {
    it('renders the alignment map', async () => {
        const server = spawn(process.execPath, [`${root}out/server.cjs`, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, STRATEGY_TODAY: '2026-11-23' } });
        let stderr = '';
        server.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
        const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
        connection.onRequest('client/registerCapability', () => null);
        connection.listen();
        try {
            const folder = pathToFileURL(`${root}examples/shop-app`).toString();
            await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'shop-app' }], capabilities: {} });
            await connection.sendNotification('initialized', {});
            const map = await connection.sendRequest<RenderResult>('strategy/render', { format: 'fragment' });
            assert.match(map.content, /<svg class="[^"]*alignment-map"/, stderr);
            assert.match(map.content, /data-element="objective:Engagement"/);
            const indents = new Set([...map.content.matchAll(/class="card-bg" x="([0-9.]+)"/g)].map(match => match[1]));
            assert.ok(indents.size >= 2, 'the cards are placed as an outline: sub-objectives indented under their parent');
        } finally {
            connection.dispose();
            server.kill();
        }
    });
});
