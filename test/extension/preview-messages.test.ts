import assert from 'node:assert/strict';
import { isPng, parseWebviewMessage } from '../../src/extension/preview/preview-messages.js';

const shown = 'file:///ws/canvas.strategy';
const uris = new Set([shown, 'file:///ws/objectives.strategy']);
const pending = new Set([3]);

function accepted(raw: unknown): unknown {
    const parsed = parseWebviewMessage(raw, uris, pending);
    assert.ok('message' in parsed, `refused: ${'refused' in parsed ? parsed.refused : ''}`);
    return parsed.message;
}

function refused(raw: unknown): string {
    const parsed = parseWebviewMessage(raw, uris, pending);
    assert.ok('refused' in parsed, `accepted ${JSON.stringify(raw)}`);
    return parsed.refused;
}

describe('messages from the preview webview', () => {
    it('accepts the known messages and rebuilds them from their checked fields only', () => {
        assert.deepEqual(accepted({ type: 'ready', extra: '<script>' }), { type: 'ready' });
        assert.deepEqual(accepted({ type: 'ready', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:health'] }),
            { type: 'ready', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:health'] });
        assert.deepEqual(accepted({ type: 'showProblems' }), { type: 'showProblems' });
        assert.deepEqual(accepted({ type: 'leaveComparison', revision: '--output=x' }), { type: 'leaveComparison' });
        assert.deepEqual(accepted({ type: 'reveal', uri: shown, line: 4, character: 0, command: 'workbench.action.terminal.new' }),
            { type: 'reveal', uri: shown, line: 4, character: 0 });
        assert.deepEqual(accepted({ type: 'png', id: 3, data: 'iVBORw0KGgo=' }), { type: 'png', id: 3, data: 'iVBORw0KGgo=' });
        assert.deepEqual(accepted({ type: 'error', id: 3, message: 'x'.repeat(2000) }), { type: 'error', id: 3, message: 'x'.repeat(500) });
        assert.deepEqual(accepted({ type: 'error', id: 3 }), { type: 'error', id: 3, message: 'unknown error' });
    });

    it('refuses a ready whose restored filter or expanded cards are malformed', () => {
        assert.match(refused({ type: 'ready', filter: { status: ['doing'] } }), /malformed filter/);
        for (const expanded of ['objective:Grow', [42], [''], ['x'.repeat(1001)], Array.from({ length: 10_001 }, (_, index) => `objective:O${index}`)]) {
            assert.match(refused({ type: 'ready', expanded }), /malformed expanded cards/);
        }
    });

    it('refuses what is not an object or has an unknown type', () => {
        for (const raw of [undefined, null, 'reveal', 42, ['reveal'], {}, { type: 'openExternal', uri: shown }, { type: 'REVEAL' }, { type: 'update' }]) {
            refused(raw);
        }
        assert.match(refused({ type: 'runCommand' }), /unknown message type: "runCommand"/);
    });

    it('reveals only files the last render showed elements from', () => {
        assert.match(refused({ type: 'reveal', uri: 'file:///etc/passwd', line: 0, character: 0 }), /does not show/);
        assert.match(refused({ type: 'reveal', uri: 'command:workbench.action.terminal.new', line: 0, character: 0 }), /does not show/);
        refused({ type: 'reveal', uri: `${shown}?x`, line: 0, character: 0 });
        refused({ type: 'reveal', line: 0, character: 0 });
        refused({ type: 'reveal', uri: { toString: () => shown }, line: 0, character: 0 });
        assert.ok('refused' in parseWebviewMessage({ type: 'reveal', uri: shown, line: 0, character: 0 }, new Set()), 'before any render');
    });

    it('takes positions only as non-negative integers', () => {
        for (const [line, character] of [[-1, 0], [0, -1], [1.5, 0], [0, Number.NaN], [Number.POSITIVE_INFINITY, 0], ['3', 0], [0, null], [2 ** 53, 0]]) {
            assert.match(refused({ type: 'reveal', uri: shown, line, character }), /invalid position/, `${String(line)}:${String(character)}`);
        }
    });

    it('takes a PNG or an error only for an export that waits for one, and PNG data only as base64', () => {
        refused({ type: 'png', id: 4, data: 'iVBORw0KGgo=' });
        refused({ type: 'png', id: -3, data: 'iVBORw0KGgo=' });
        refused({ type: 'png', id: '3', data: 'iVBORw0KGgo=' });
        refused({ type: 'error', id: 7, message: 'no' });
        refused({ type: 'png', id: 3, data: '' });
        refused({ type: 'png', id: 3, data: 'data:image/png;base64,iVBORw0KGgo=' });
        refused({ type: 'png', id: 3, data: 42 });
    });

    it('recognises a PNG by its signature', () => {
        assert.ok(isPng(Buffer.from('iVBORw0KGgoAAAANSUhEUg==', 'base64')));
        assert.ok(!isPng(Buffer.from('GIF89a and more')));
        assert.ok(!isPng(new Uint8Array()));
    });
});
