import assert from 'node:assert/strict';
import { TextDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { readingPlaceholder } from '../../src/language/lsp/reading-actions.js';
import { workspace } from '../helpers.js';
import { corpus, shopApp, validVariants } from './corpus.js';

/** The offset `offset` of the old text lands at after the edits (the edits before it shift it). */
function shifted(document: TextDocument, edits: Array<{ range: Diagnostic['range']; newText: string }>, offset: number): number {
    let result = offset;
    for (const edit of edits) {
        const start = document.offsetAt(edit.range.start), end = document.offsetAt(edit.range.end);
        if (end <= offset) result += edit.newText.length - (end - start);
    }
    return result;
}

/**
 * Applies every quick fix offered for every diagnostic of `file` and checks that each result parses (when the file
 * parsed before) and no longer has a diagnostic with that code where the fixed one was.
 */
async function checkFixes(files: Record<string, string>, file: string, label: string): Promise<number> {
    const ws = await workspace(files);
    const parsedBefore = (name: string) => !ws.codes(name).some(code => code.endsWith('syntax-error'));
    const clean = new Map([...ws.documents.keys()].map(name => [name, parsedBefore(name)]));
    let applied = 0;
    const diagnostics = [...ws.diagnostics(file)];
    for (const diagnostic of diagnostics) {
        const document = ws.documents.get(file)!;
        const actions = (ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) ?? []) as CodeAction[];
        // The fixes of this diagnostic: a refactoring offered at the same place (a metric's own actions) fixes nothing.
        for (const action of actions.filter(a => a.diagnostics?.includes(diagnostic))) {
            const originals = new Map([...ws.documents].map(([name, d]) => [name, d.textDocument.getText()]));
            const where = `${label}: '${action.title}' for ${diagnostic.code} at ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
            let place = document.textDocument.offsetAt(diagnostic.range.start);
            const texts: Record<string, string> = {};
            for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
                const name = [...ws.documents.keys()].find(f => ws.uri(f).toString() === uri);
                assert.ok(name, `${where}: edits a file of the workspace`);
                const target = ws.documents.get(name)!.textDocument;
                // A placeholder left for the user (a new reading's value) is typed in, as the user would, before checking.
                const typed = edits.map(edit => ({ ...edit, newText: edit.newText.replace(` ${readingPlaceholder} on `, ' 1 on ') }));
                if (name === file) place = shifted(target, typed, place);
                texts[name] = TextDocument.applyEdits(target, typed);
            }
            for (const [name, text] of Object.entries(texts)) await ws.edit(name, text);
            for (const name of ws.documents.keys()) {
                if (clean.get(name)) assert.ok(parsedBefore(name), `${where}: ${name} still parses: ${ws.codes(name).join(', ')}`);
            }
            const fixed = ws.documents.get(file)!.textDocument;
            const still = ws.diagnostics(file).filter(d => d.code === diagnostic.code && fixed.offsetAt(d.range.start) === place);
            assert.deepEqual(still.map(d => d.message), [], `${where}: the diagnostic is gone from its place`);
            for (const [name, text] of originals) if (texts[name] !== undefined) await ws.edit(name, text);
            applied++;
        }
    }
    return applied;
}

describe('property: every quick fix yields a file that parses and no longer has that diagnostic there', function () {
    this.timeout(60_000);
    it('over the diagnostics examples', async () => {
        let applied = 0;
        for (const [path, text] of Object.entries(corpus).filter(([path]) => path.startsWith('examples/diagnostics/') && !path.includes('/cross-file/'))) {
            applied += await checkFixes({ 'main.strategy': text }, 'main.strategy', path);
        }
        assert.ok(applied >= 5, `${applied} fixes applied`);
    });
    it('over valid fuzzer variants beside the example', async () => {
        for (const [name, text] of Object.entries(await validVariants(4, 777))) await checkFixes({ ...shopApp, 'variant.strategy': text }, 'variant.strategy', name);
    });
});
