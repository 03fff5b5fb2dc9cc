import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, codeOf, diagnosticsOf, exampleFiles, open, replaceIn, restore, waitFor } from './helpers.js';

const restartCommand = 'strategy.restartServer';

describe('Strategy: Restart Language Server', () => {
    before(activeExtension);
    afterEach(() => restore(...exampleFiles));

    it('restarts the server, and diagnostics come back for the next edit', async function () {
        if (!(await vscode.commands.getCommands(true)).includes(restartCommand)) {
            assert.fail(`${restartCommand} is not registered`);
        }
        await vscode.commands.executeCommand(restartCommand);
        const editor = await open('backlog.strategy');
        await replaceIn(editor.document, 'serves Activation', 'serves Nowhere');
        await waitFor('unresolved-reference from the restarted server',
            () => diagnosticsOf('backlog.strategy').some(d => codeOf(d) === 'unresolved-reference'));
        await replaceIn(editor.document, 'serves Nowhere', 'serves Activation');
        await waitFor('backlog.strategy clean again', () => diagnosticsOf('backlog.strategy').length === 0);
    });
});
