import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, at, open, waitFor } from './helpers.js';

function previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('strategy.preview'));
}

describe('preview', () => {
    before(activeExtension);
    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('Strategy: Open Preview opens a webview panel that follows the canvas under the cursor', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const editor = await open('canvas.strategy');
        const position = at(editor.document, 'outcomes Engagement');
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('strategy.showPreview');
        const [tab] = await waitFor('a tab of the strategy.preview webview', () => previewTabs().length > 0 && previewTabs());
        // The panel takes the title of what it shows once the server has rendered it.
        await waitFor('the preview titled after the canvas', () => previewTabs().some(t => /app recurrence/i.test(t.label)) || undefined, 30_000)
            .catch(error => { throw new Error(`${(error as Error).message}; the tab is titled "${previewTabs()[0]?.label ?? tab.label}"`); });
        assert.equal(previewTabs().length, 1);
    });

    it('Open Preview to the Side puts the same panel beside the editor rather than a second one', async () => {
        const editor = await open('canvas.strategy');
        await vscode.commands.executeCommand('strategy.showPreviewToSide');
        await waitFor('the preview beside the editor', () => previewTabs().some(tab => tab.group.viewColumn !== editor.viewColumn) || undefined);
        assert.equal(previewTabs().length, 1);
    });

    it('Toggle Preview Locking keeps the preview on its canvas, titled [Preview], while another file is edited', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const canvas = await open('canvas.strategy');
        const inCanvas = at(canvas.document, 'outcomes Engagement');
        canvas.selection = new vscode.Selection(inCanvas, inCanvas);
        await vscode.commands.executeCommand('strategy.showPreviewToSide');
        await waitFor('the preview titled after the canvas', () => previewTabs().some(t => /^Preview .*app recurrence/i.test(t.label)) || undefined, 30_000);
        await vscode.commands.executeCommand('strategy.preview.toggleLock');
        await waitFor('the locked preview titled [Preview]', () => previewTabs().some(t => /^\[Preview\] .*app recurrence/i.test(t.label)) || undefined);
        const objectives = await open('objectives.strategy');
        const outside = at(objectives.document, 'objective Engagement');
        objectives.selection = new vscode.Selection(outside, outside);
        // Unlocked, the preview would turn to the map here; give it the time it takes to (tens of ms) and look again.
        await new Promise(resolve => setTimeout(resolve, 1000));
        assert.ok(previewTabs().some(t => /^\[Preview\] .*app recurrence/i.test(t.label)), previewTabs().map(t => t.label).join(', '));
        await vscode.commands.executeCommand('strategy.preview.toggleLock');
        await waitFor('the unlocked preview following the editor to the map', () => previewTabs().some(t => /^Preview .*map/i.test(t.label)) || undefined, 30_000)
            .catch(error => { throw new Error(`${(error as Error).message}; tabs: ${previewTabs().map(t => t.label).join(', ')}`); });
    });
});
