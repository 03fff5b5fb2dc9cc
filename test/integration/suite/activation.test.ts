import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, extensionId, measure } from './helpers.js';

describe('activation', () => {
    it('activates on a workspace with .strategy files, reports its activation time and starts the language server', async () => {
        const extension = vscode.extensions.getExtension(extensionId);
        assert.ok(extension, `${extensionId} is not installed`);
        const api = await activeExtension();
        assert.ok(extension.isActive);
        assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs is ${api.activationMs}`);
        measure('activationMs', api.activationMs);
        // Issue 5 wants it under 100 ms on this machine; a loaded CI host gets ten times that before this fails.
        assert.ok(api.activationMs < 1000, `activation took ${api.activationMs.toFixed(1)} ms`);
    });

    it('registers the commands its manifest contributes', async () => {
        const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON as { contributes: { commands: Array<{ command: string }> } };
        const registered = new Set(await vscode.commands.getCommands(true));
        const missing = manifest.contributes.commands.map(c => c.command).filter(command => !registered.has(command));
        assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    });
});
