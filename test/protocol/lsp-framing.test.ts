import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentSymbol, LogMessageParams } from 'vscode-languageserver';
import { FrameResync } from '../../src/language/lsp/frame-resync.js';
import { startSession, type LspSession } from './lsp-session.js';

// A client (or whatever writes to the server's standard input) sends a frame that is not well formed: the server
// skips it, says so in the client's log, and answers the messages after it.

const root = fileURLToPath(new URL('../../', import.meta.url));
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const notification = JSON.stringify({ jsonrpc: '2.0', method: 'strategy/nothing', params: {} });
const malformed: Record<string, string> = {
    'no Content-Length': `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${notification}`,
    'a non-numeric Content-Length': `Content-Length: twelve\r\n\r\n${notification}`,
    'a body shorter than its Content-Length': `Content-Length: ${Buffer.byteLength(notification) + 40}\r\n\r\n${notification}`,
    'a JSON array': frame(JSON.stringify([{ jsonrpc: '2.0', method: 'strategy/nothing', params: {} }])),
    'a body that is not JSON': frame('{"jsonrpc": "2.0", "method": '),
    'bytes without any header': 'hello\r\n\r\nworld'
};

describe('strategy lsp --stdio, malformed frames from the client', function () {
    this.timeout(60_000);

    let folder: string;
    let session: LspSession;
    const logged: LogMessageParams[] = [];

    before(async () => {
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-framing-')));
        cpSync(join(root, 'examples', 'shop-app'), folder, { recursive: true });
        session = await startSession(folder);
        session.connection.onNotification('window/logMessage', (params: LogMessageParams) => { logged.push(params); });
    });

    after(async () => {
        await session?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    for (const [what, bytes] of Object.entries(malformed)) {
        it(`answers the next request after ${what}`, async () => {
            const symbols = () => session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: session.uri('backlog.strategy') } });
            // A round trip first, so that no message of the client is half written when the bad bytes go in.
            assert.ok((await symbols()).length > 0);
            const since = logged.length;
            session.server.stdin!.write(bytes);
            assert.deepEqual((await symbols()).map(symbol => symbol.name), ['APP-101', 'APP-102', 'APP-123', 'APP-130']);
            assert.ok(logged.slice(since).some(message => message.type === 1 /* Error */), `nothing in the client's log about ${what}`);
        });
    }
});

describe('FrameResync', () => {
    const frames = [
        frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} })),
        // A body that holds the words of a header in a string is still one message.
        frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'Content-Length: 12\r\n\r\n{} ünïcode' } })),
        `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame('{"jsonrpc":"2.0","id":2,"method":"shutdown"}')}`
    ];

    function run(pieces: Buffer[]): { out: string; skipped: string[] } {
        const skipped: string[] = [];
        const resync = new FrameResync(reason => skipped.push(reason));
        const out: Buffer[] = [];
        resync.on('data', (chunk: Buffer) => out.push(chunk));
        for (const piece of pieces) resync.write(piece);
        return { out: Buffer.concat(out).toString('utf8'), skipped };
    }

    it('passes well-formed frames on unchanged however the input is cut into pieces', () => {
        const input = Buffer.from(frames.join(''), 'utf8');
        for (let cut = 1; cut < input.length; cut++) {
            const { out, skipped } = run([input.subarray(0, cut), input.subarray(cut)]);
            assert.equal(out, frames.join(''), `cut at ${cut}`);
            assert.deepEqual(skipped, [], `cut at ${cut}`);
        }
        const { out } = run([...input].map(byte => Buffer.from([byte])));
        assert.equal(out, frames.join(''), 'one byte at a time');
    });

    it('skips each malformed frame up to the next header, however the input is cut into pieces', () => {
        for (const [what, bytes] of Object.entries(malformed)) {
            const input = Buffer.from(frames[0] + bytes + frames[1] + frames[2], 'utf8');
            for (let cut = 1; cut < input.length; cut += 7) {
                const { out, skipped } = run([input.subarray(0, cut), input.subarray(cut)]);
                assert.equal(out, frames.join(''), `${what}, cut at ${cut}`);
                assert.ok(skipped.length > 0, `${what}, cut at ${cut}: nothing said`);
            }
        }
    });
});
