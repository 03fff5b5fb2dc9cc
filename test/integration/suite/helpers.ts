// Helpers of the integration suite: run inside VS Code's extension host, on a copy of examples/shop-app opened as
// the workspace. Edits are made in the editor's buffers, never saved, and each test puts back what it changed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StrategyExtensionApi } from '../../../src/extension/extension.js';

export const extensionId = 'strategy-as-code.strategy';

/** The same edits are waited for longer on a loaded CI host than they take on a quiet one (tens of ms). */
export const settleMs = 30_000;

export function workspaceFolder(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'VS Code opened no workspace folder: the runner must open a copy of examples/shop-app');
    return folder.uri;
}

export function fileUri(name: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceFolder(), name);
}

/** A figure to report next to the results (the code-server runner prints them). */
export function measure(name: string, value: number): void {
    const measures = (globalThis as { __strategyIntegrationMeasures?: Record<string, number> }).__strategyIntegrationMeasures;
    if (measures) measures[name] = value;
}

/** Activates the extension under test (the workspace contains .strategy files, so VS Code may have already). */
export async function activeExtension(): Promise<StrategyExtensionApi> {
    const extension = vscode.extensions.getExtension<StrategyExtensionApi>(extensionId);
    assert.ok(extension, `${extensionId} is not installed in this VS Code`);
    const api = await extension.activate();
    assert.ok(api && typeof api.activationMs === 'number', 'activate() returned no StrategyExtensionApi');
    await api.serverReady;
    return api;
}

/** Polls `probe` until it returns something other than undefined or false; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = settleMs): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined && value !== false) return value;
        } catch (error) {
            last = error;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : String(last)})` : ''}`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

export async function open(name: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(fileUri(name));
    return vscode.window.showTextDocument(document, { preview: false });
}

/** Where `text` starts in the document, plus `offset` characters; fails when the text is not there. */
export function at(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
    const index = document.getText().indexOf(text);
    assert.ok(index >= 0, `"${text}" is not in ${document.fileName}`);
    return document.positionAt(index + offset);
}

/** A diagnostic's code, whether the server sent it plain or as { value, target }. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return String(typeof code === 'object' && code !== null ? code.value : code ?? '');
}

export function diagnosticsOf(name: string): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(fileUri(name));
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
    return diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('; ') || 'none';
}

/** Every diagnostic of an error severity in the workspace's .strategy files. */
export function workspaceErrors(): Array<[vscode.Uri, vscode.Diagnostic]> {
    return vscode.languages.getDiagnostics()
        .filter(([uri]) => uri.path.endsWith('.strategy'))
        .flatMap(([uri, diagnostics]) => diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error).map(d => [uri, d] as [vscode.Uri, vscode.Diagnostic]));
}

/** Replaces the first occurrence of `find` in the document's buffer (not saved). */
export async function replaceIn(document: vscode.TextDocument, find: string, replacement: string): Promise<void> {
    const start = at(document, find);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(start, document.positionAt(document.offsetAt(start) + find.length)), replacement);
    assert.ok(await vscode.workspace.applyEdit(edit), `VS Code did not apply the edit to ${document.fileName}`);
}

/** Puts the text on disk back into the buffer of each file named, so a test leaves the workspace as it found it. */
export async function restore(...names: string[]): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    const documents: vscode.TextDocument[] = [];
    for (const name of names) {
        const document = await vscode.workspace.openTextDocument(fileUri(name));
        const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
        if (document.getText() !== onDisk) {
            edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), onDisk);
        }
        documents.push(document);
    }
    if (edit.size > 0) assert.ok(await vscode.workspace.applyEdit(edit), `VS Code did not restore ${names.join(', ')}`);
    // Same text as on disk: saving clears the dirty mark and writes nothing new.
    for (const document of documents) if (document.isDirty) await document.save();
}

/** The workspace's .strategy files, as shipped in examples/shop-app. */
export const exampleFiles = ['backlog.strategy', 'canvas.strategy', 'objectives.strategy', 'roadmap.strategy', 'solutions.strategy', 'users.strategy'];

/** A location's file name and 1-based line, from a Location or a LocationLink. */
export function whereOf(location: vscode.Location | vscode.LocationLink): { file: string; line: number; range: vscode.Range } {
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    const range = 'targetUri' in location ? location.targetSelectionRange ?? location.targetRange : location.range;
    return { file: uri.path.split('/').pop() ?? '', line: range.start.line + 1, range };
}
