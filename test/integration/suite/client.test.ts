import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, at, fileUri, open, replaceIn, restore, waitFor, whereOf } from './helpers.js';

// What the extension adds on the client side, beyond the language server's own features: ticket links and hovers
// in other files, code lenses and implementations as VS Code shows them.
describe('ticket links, code lenses and implementations', () => {
    before(activeExtension);
    after(async () => {
        // An untitled file left dirty by a failed test would stop every later "close all editors" at a prompt.
        for (const document of vscode.workspace.textDocuments.filter(d => d.isUntitled && d.isDirty)) {
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('links the ticket IDs the workspace defines in a Markdown file, and only those', async () => {
        const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\nShipped APP-123 today; APP-999 is not ours.\n' });
        await vscode.window.showTextDocument(notes);
        const links = await waitFor('a ticket link in the Markdown file', async () => {
            const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', notes.uri);
            return found.some(link => notes.getText(link.range) === 'APP-123') && found;
        });
        assert.ok(!links.some(link => notes.getText(link.range) === 'APP-999'), 'APP-999 is linked though no file defines it');
        const target = links.find(link => notes.getText(link.range) === 'APP-123')!.target!;
        assert.match(target.path, /backlog\.strategy$/);
        assert.equal(target.fragment, 'L20,8');

        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', notes.uri, at(notes, 'APP-123', 2));
        const text = hovers.flatMap(hover => hover.contents).map(content => typeof content === 'string' ? content : content.value).join('\n');
        assert.match(text, /Prototype personalized notifications/);
        assert.match(text, /Engagement/);
    });

    it('links a ticket ID as soon as a .strategy file defines it, through the server\'s model-changed notification', async () => {
        const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Next: APP-777.\n' });
        const linked = async () => (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', notes.uri))
            .some(link => notes.getText(link.range) === 'APP-777');
        assert.equal(await linked(), false, 'APP-777 is linked before any file defines it');
        const backlog = await vscode.workspace.openTextDocument(fileUri('backlog.strategy'));
        try {
            await replaceIn(backlog, 'ticket APP-101 ', 'ticket APP-777 "Added" {\n  serves Engagement\n}\n\nticket APP-101 ');
            await waitFor('APP-777 linked once the backlog defines it', linked);
        } finally {
            await restore('backlog.strategy');
        }
    });

    it('shows a code lens over each objective with its work and metric progress', async () => {
        const objectives = (await open('objectives.strategy')).document;
        const lenses = await waitFor('resolved code lenses', async () => {
            const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', objectives.uri, 10);
            return found.length > 0 && found.every(lens => lens.command) && found;
        });
        const engagement = lenses.find(lens => lens.range.start.line === at(objectives, 'objective Engagement').line);
        assert.match(engagement?.command?.title ?? '', /^3 tickets · 3 solutions · MonthlyRepeatUsers 25% of the way/,
            lenses.map(lens => lens.command?.title).join(' | '));
    });

    it('goes to the implementations of Engagement: its tickets, solutions, canvas and roadmap', async () => {
        const backlog = await vscode.workspace.openTextDocument(fileUri('backlog.strategy'));
        const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
            'vscode.executeImplementationProvider', backlog.uri, at(backlog, 'serves Engagement', 'serves '.length + 1));
        const files = locations.map(whereOf).map(where => where.file).sort();
        assert.deepEqual(files, ['backlog.strategy', 'backlog.strategy', 'backlog.strategy', 'canvas.strategy',
            'roadmap.strategy', 'solutions.strategy', 'solutions.strategy', 'solutions.strategy']);
    });
});
