import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
    activeExtension, codeOf, describeDiagnostics, diagnosticsOf, exampleFiles, open, replaceIn, restore, waitFor, workspaceErrors
} from './helpers.js';

describe('diagnostics', () => {
    before(activeExtension);
    afterEach(() => restore(...exampleFiles));

    it('reports an unresolved reference as it is typed, on the name, and clears it when it is fixed', async () => {
        const editor = await open('backlog.strategy');
        await replaceIn(editor.document, 'serves Engagement', 'serves Nowhere');
        const [error] = await waitFor('unresolved-reference in backlog.strategy', () => {
            const found = diagnosticsOf('backlog.strategy').filter(d => codeOf(d) === 'unresolved-reference');
            return found.length > 0 && found;
        });
        assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(editor.document.getText(error.range), 'Nowhere');
        assert.match(error.message, /Nowhere/);

        await replaceIn(editor.document, 'serves Nowhere', 'serves Engagement');
        await waitFor('backlog.strategy without diagnostics', () => diagnosticsOf('backlog.strategy').length === 0);
    });

    it('checks files that are not open: renaming an objective by hand breaks its references in the other files', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const editor = await open('objectives.strategy');
        await replaceIn(editor.document, 'objective Activation "', 'objective Activated "');
        const unresolved = (name: string) => diagnosticsOf(name).filter(d => codeOf(d) === 'unresolved-reference');
        await waitFor('unresolved-reference in the closed backlog.strategy and solutions.strategy',
            () => unresolved('backlog.strategy').length > 0 && unresolved('solutions.strategy').length > 0);
        for (const name of ['backlog.strategy', 'solutions.strategy']) {
            assert.ok(unresolved(name).every(d => /Activation/.test(d.message)), `${name}: ${describeDiagnostics(unresolved(name))}`);
        }

        await replaceIn(editor.document, 'objective Activated "', 'objective Activation "');
        await waitFor('no errors left in the workspace', () => workspaceErrors().length === 0);
    });

    it('leaves the example without errors or warnings once the workspace is checked', async () => {
        await open('canvas.strategy');
        const problems = await waitFor('the example checked clean', () => {
            const all = vscode.languages.getDiagnostics().filter(([uri]) => uri.path.endsWith('.strategy')).flatMap(([, d]) => d);
            return all.every(d => d.severity === vscode.DiagnosticSeverity.Information || d.severity === vscode.DiagnosticSeverity.Hint) && all;
        });
        assert.deepEqual(problems.filter(d => d.severity <= vscode.DiagnosticSeverity.Warning), []);
    });
});
