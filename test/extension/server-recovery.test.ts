import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { maxErrorsInARow, maxRestarts, ServerRecovery, windowMs } from '../../src/extension/server-recovery.js';

// The language client's error handler, driven as vscode-languageclient drives it: `closed()` when the server's
// process or connection ends, `error()` with a count of failures in a row when reading or writing fails.

/** vscode-languageclient's enum values, read from its declarations (the module itself needs VS Code). */
function enumValue(name: string, member: string): number {
    const declarations = readFileSync(new URL('../../node_modules/vscode-languageclient/lib/common/client.d.ts', import.meta.url), 'utf8');
    const body = declarations.slice(declarations.indexOf(`export declare enum ${name} {`));
    return Number(new RegExp(`\\b${member} = (\\d+)`).exec(body.slice(0, body.indexOf('}')))![1]);
}
const Continue = enumValue('ErrorAction', 'Continue');
const Shutdown = enumValue('ErrorAction', 'Shutdown');
const Restart = enumValue('CloseAction', 'Restart');
const DoNotRestart = enumValue('CloseAction', 'DoNotRestart');

function recovery() {
    const told: string[] = [];
    let restarts = 0;
    let clock = 0;
    const handler = new ServerRecovery({ warn: message => told.push(message), restart: async () => { restarts++; }, now: () => clock });
    return { handler, told, restarts: () => restarts, advance: (ms: number) => { clock += ms; } };
}

describe('ServerRecovery (the extension restarts a server that stops)', () => {
    it('restarts a server that exits, and tells the user each time', () => {
        const { handler, told } = recovery();
        const result = handler.closed();
        assert.equal(result.action, Restart);
        assert.equal(told.length, 1);
        assert.match(told[0], /stopped unexpectedly and was restarted/);
    });

    it(`leaves a server that exits ${maxRestarts + 1} times within the window stopped, naming the command that starts it`, () => {
        const { handler, advance } = recovery();
        for (let i = 0; i < maxRestarts; i++) {
            assert.equal(handler.closed().action, Restart, `exit ${i + 1}`);
            advance(1000);
        }
        const given = handler.closed();
        assert.equal(given.action, DoNotRestart);
        assert.equal(given.handled, false, 'the client shows the message as an error');
        assert.match(given.message ?? '', /will not be restarted.*Strategy: Restart Language Server/);
        advance(windowMs);
        assert.equal(handler.closed().action, Restart, 'a crash long after the others is restarted again');
    });

    it(`restarts the server when reading or writing fails more than ${maxErrorsInARow} times in a row`, async () => {
        const { handler, told, restarts } = recovery();
        for (let count = 1; count <= maxErrorsInARow; count++) {
            assert.equal(handler.error(new Error('Header must provide a Content-Length property.'), undefined, count).action, Continue);
        }
        assert.equal(restarts(), 0);
        assert.equal(handler.error(new Error('Header must provide a Content-Length property.'), undefined, maxErrorsInARow + 1).action, Continue);
        await Promise.resolve();
        assert.equal(restarts(), 1);
        assert.match(told.join('\n'), /connection to the Strategy language server broke; the server was restarted/);
    });

    it('shuts a broken connection down once the restarts are used up', () => {
        const { handler } = recovery();
        for (let i = 0; i < maxRestarts; i++) handler.closed();
        const result = handler.error(new Error('write EPIPE'), undefined, maxErrorsInARow + 1);
        assert.equal(result.action, Shutdown);
        assert.match(result.message ?? '', /will not be restarted/);
    });
});
