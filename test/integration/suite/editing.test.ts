import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
    activeExtension, at, codeOf, describeDiagnostics, diagnosticsOf, exampleFiles, fileUri, open, replaceIn, restore, waitFor, whereOf, workspaceErrors
} from './helpers.js';

// Features that change text: each is asked through VS Code's `vscode.execute…` command and its edit is applied
// with workspace.applyEdit, as the editor would.
describe('editing', () => {
    before(activeExtension);
    afterEach(() => restore(...exampleFiles));

    it('renames Engagement across the workspace, and every reference follows', async () => {
        const objectives = (await open('objectives.strategy')).document;
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
            'vscode.executeDocumentRenameProvider', objectives.uri, at(objectives, 'Engagement "', 2), 'Retention');
        const perFile = new Map(edit.entries().map(([uri, edits]) => [uri.path.split('/').pop(), edits.length]));
        assert.deepEqual(Object.fromEntries([...perFile].sort()), {
            'backlog.strategy': 3, 'canvas.strategy': 1, 'objectives.strategy': 1, 'roadmap.strategy': 2, 'solutions.strategy': 4
        });
        assert.ok(await vscode.workspace.applyEdit(edit));
        const backlog = await vscode.workspace.openTextDocument(fileUri('backlog.strategy'));
        assert.ok(backlog.getText().includes('serves Retention'));
        assert.ok(!backlog.getText().includes('Engagement'));
        // The renamed workspace still checks clean and still resolves: the definition follows the new name.
        await waitFor('the renamed name to resolve', async () => {
            const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
                'vscode.executeDefinitionProvider', backlog.uri, at(backlog, 'serves Retention', 'serves '.length));
            return locations.length === 1 && whereOf(locations[0]).file === 'objectives.strategy';
        });
        // The files change one after another, so errors may show for a moment (a reference renamed before its
        // definition); once the server has every change, none is left.
        await waitFor('no errors left after the rename', () => workspaceErrors().length === 0)
            .catch(error => { throw new Error(`${(error as Error).message}: ${workspaceErrors().map(([uri, d]) => `${uri.path.split('/').pop()} ${describeDiagnostics([d])}`).join('; ')}`); });
    });

    it('refuses a rename to a name that is taken', async () => {
        const objectives = (await open('objectives.strategy')).document;
        await assert.rejects(
            Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', objectives.uri, at(objectives, 'Engagement "', 2), 'Revenue')),
            /Revenue/);
    });

    it('formats a scrambled file back to the canonical layout of the example', async () => {
        const editor = await open('backlog.strategy');
        const original = editor.document.getText();
        await replaceIn(editor.document, 'ticket APP-101 "Reorder a previous basket in one tap" {\n  serves Engagement\n  implements FasterNavigation',
            'ticket   APP-101 "Reorder a previous basket in one tap"   {\nserves     Engagement\n        implements FasterNavigation');
        assert.notEqual(editor.document.getText(), original);
        const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
            'vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 2, insertSpaces: true });
        assert.ok(edits && edits.length > 0, 'the formatter returned no edits');
        const edit = new vscode.WorkspaceEdit();
        edit.set(editor.document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.equal(editor.document.getText(), original);
    });

    it('offers "Create objective Nowhere" for `advances Nowhere`; applying it clears the error', async () => {
        const solutions = (await open('solutions.strategy')).document;
        await replaceIn(solutions, 'advances Engagement\n  hypothesis "Frequent', 'advances Nowhere\n  hypothesis "Frequent');
        const error = await waitFor('unresolved-reference in solutions.strategy',
            () => diagnosticsOf('solutions.strategy').find(d => codeOf(d) === 'unresolved-reference'));
        const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
            'vscode.executeCodeActionProvider', solutions.uri, error.range, vscode.CodeActionKind.QuickFix.value);
        const titles = actions.map(action => action.title);
        const create = actions.find((action): action is vscode.CodeAction => action.title === 'Create objective Nowhere' && 'edit' in action);
        assert.ok(create?.edit, `no "Create objective Nowhere" among ${titles.join(', ')}`);
        assert.ok(await vscode.workspace.applyEdit(create.edit));
        assert.match(solutions.getText(), /objective Nowhere "[^"]+"/);
        await waitFor('the unresolved reference gone', () => !diagnosticsOf('solutions.strategy').some(d => codeOf(d) === 'unresolved-reference'));
        assert.deepEqual(diagnosticsOf('solutions.strategy').filter(d => d.severity === vscode.DiagnosticSeverity.Error), [],
            describeDiagnostics(diagnosticsOf('solutions.strategy')));
    });
});
