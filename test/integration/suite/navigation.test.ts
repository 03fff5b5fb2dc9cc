import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, at, fileUri, open, whereOf } from './helpers.js';

// Each feature through VS Code's own `vscode.execute…Provider` commands: what an editor gesture (F12, Shift+F12,
// hover, Ctrl+Space, the outline) asks every provider for, the language client's included.
describe('navigation and information', () => {
    let backlog: vscode.TextDocument;
    let objectives: vscode.TextDocument;

    before(async () => {
        await activeExtension();
        backlog = (await open('backlog.strategy')).document;
        objectives = await vscode.workspace.openTextDocument(fileUri('objectives.strategy'));
    });

    it('goes to the definition of Engagement from `serves Engagement`: the objective in objectives.strategy', async () => {
        const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
            'vscode.executeDefinitionProvider', backlog.uri, at(backlog, 'serves Engagement', 'serves '.length + 2));
        assert.equal(locations.length, 1, JSON.stringify(locations));
        const where = whereOf(locations[0]);
        assert.equal(where.file, 'objectives.strategy');
        assert.equal(where.range.start.line, at(objectives, 'objective Engagement').line);
        assert.equal(objectives.getText(where.range), 'Engagement');
    });

    it('finds the references of Engagement in the backlog, the solutions, the question, the canvas and the roadmap', async () => {
        const locations = await vscode.commands.executeCommand<vscode.Location[]>(
            'vscode.executeReferenceProvider', objectives.uri, at(objectives, 'Engagement "', 3));
        const where = locations.map(whereOf).map(w => `${w.file}:${w.line}`);
        for (const expected of ['backlog.strategy:3', 'backlog.strategy:12', 'backlog.strategy:21', 'canvas.strategy:4', 'roadmap.strategy:5', 'roadmap.strategy:22',
            'solutions.strategy:5', 'solutions.strategy:13', 'solutions.strategy:20', 'solutions.strategy:32']) {
            assert.ok(where.includes(expected), `${expected} missing from ${where.join(', ')}`);
        }
    });

    it('hovers `serves Engagement` with the objective, its chain and its metric progress', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider', backlog.uri, at(backlog, 'serves Engagement', 'serves '.length + 3));
        const text = hovers.flatMap(hover => hover.contents).map(content => typeof content === 'string' ? content : content.value).join('\n');
        assert.match(text, /Increase monthly usage frequency of the app/);
        assert.match(text, /Engagement → Revenue/);
        assert.match(text, /MonthlyRepeatUsers/);
    });

    it('completes after `serves ` with the objectives', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider', backlog.uri, at(backlog, 'serves Engagement', 'serves '.length));
        const labels = list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
        for (const objective of ['Activation', 'Engagement', 'Revenue']) assert.ok(labels.includes(objective), `${objective} missing from ${labels.join(', ')}`);
        for (const other of ['PurchaseRecurrence', 'FrequentBuyer']) assert.ok(!labels.includes(other), `${other} offered after serves`);
    });

    it('lists the document symbols of the backlog: its four tickets, with their titles', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', backlog.uri);
        assert.deepEqual(symbols.map(symbol => symbol.name), ['APP-101', 'APP-102', 'APP-123', 'APP-130']);
        assert.equal(symbols[0].detail, 'Reorder a previous basket in one tap');
    });

    it('finds a ticket by its key with the workspace symbol search (Ctrl+T)', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'APP-123');
        const found = symbols.find(symbol => symbol.name.startsWith('APP-123'));
        assert.ok(found, JSON.stringify(symbols.map(s => s.name)));
        assert.equal(whereOf(found.location).file, 'backlog.strategy');
    });
});
