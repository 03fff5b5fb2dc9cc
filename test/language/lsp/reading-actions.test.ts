import assert from 'node:assert/strict';
import { TextDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

// The helpers' today is 2026-11-23: the date a new reading gets.
const file = 'a.strategy';

/** The code actions for a cursor at the first `at` in the file (its start, or the whole of it as a selection). */
async function actionsAt(ws: Workspace, at: string, options: { select?: boolean; diagnostics?: Diagnostic[]; only?: string[] } = {}): Promise<CodeAction[]> {
    const document = ws.documents.get(file)!;
    const offset = document.textDocument.getText().indexOf(at);
    assert.ok(offset >= 0, `'${at}' is in the file`);
    const start = document.textDocument.positionAt(offset);
    const end = options.select ? document.textDocument.positionAt(offset + at.length) : start;
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: { start, end },
        context: { diagnostics: options.diagnostics ?? [], ...(options.only ? { only: options.only } : {}) }
    });
    return (actions ?? []) as CodeAction[];
}

/** Applies an action's edits to the file, rebuilds as the server does, and returns the new text. */
async function apply(ws: Workspace, action: CodeAction | undefined): Promise<string> {
    assert.ok(action, 'the action is offered');
    const edits = Object.values(action.edit!.changes!);
    assert.equal(edits.length, 1, 'one file edited');
    const text = TextDocument.applyEdits(ws.documents.get(file)!.textDocument, edits[0] as TextEdit[]);
    await ws.edit(file, text);
    assert.ok(!ws.codes(file).some(code => code.endsWith('syntax-error')), ws.codes(file).join(', '));
    return text;
}

const titled = (actions: CodeAction[], prefix: string) => actions.find(action => action.title.startsWith(prefix));
const addReading = "Add today's reading (2026-11-23)";

describe("code actions: add today's reading, move 'current' into a reading", () => {
    it("fixes metric-stale with today's reading after the last one, preferred, keeping the comments; the placeholder is an invalid-value", async () => {
        const text = 'metric Repeat "Repeat users" {\n  baseline 20 on 2026-01-01\n  target 30 by 2027-06-30\n  reading 22 on 2026-05-01 // spring survey\n  unit "%"\n}\n';
        const ws = await workspace({ [file]: text });
        const stale = ws.diagnostics(file).filter(d => d.code === 'metric-stale');
        assert.equal(stale.length, 1, ws.codes(file).join(', '));
        const actions = await actionsAt(ws, 'Repeat', { diagnostics: stale });
        // Offered once: as the quick fix of the diagnostic, not again as a refactoring of the metric under the cursor.
        assert.deepEqual(actions.filter(a => a.title === addReading).map(a => [a.kind, a.isPreferred, a.diagnostics?.[0].code]), [[CodeActionKind.QuickFix, true, 'metric-stale']]);
        assert.equal(await apply(ws, titled(actions, addReading)),
            'metric Repeat "Repeat users" {\n  baseline 20 on 2026-01-01\n  target 30 by 2027-06-30\n  reading 22 on 2026-05-01 // spring survey\n  reading TODO on 2026-11-23\n  unit "%"\n}\n');
        // The placeholder is no measurement: it is flagged, and the metric stays stale, until a number replaces it.
        assert.deepEqual(ws.codes(file).filter(code => !code.endsWith('metric-off-pace')), ['1:8 metric-stale', '5:11 invalid-value']);
        assert.match(String(ws.diagnostics(file).find(d => d.code === 'invalid-value')!.message), /'TODO' is not a number/);
        await ws.edit(file, ws.documents.get(file)!.textDocument.getText().replace('TODO', '24'));
        assert.deepEqual(ws.codes(file).filter(code => !code.endsWith('metric-off-pace')), []);
    });

    it('is offered on any metric under the cursor as a refactoring, after its figures, indented like them (tabs)', async () => {
        const ws = await workspace({ [file]: 'objective O "o" { metric M }\nmetric M "m" {\n\tbaseline 1\n\ttarget 5 by 2027-06-30 // stretch\n}\n\n// end\n' });
        assert.equal(titled(await actionsAt(ws, 'objective'), 'Add today'), undefined, 'not outside a metric');
        // On the indentation, between tokens, as well as on a token.
        assert.equal(titled(await actionsAt(ws, '\tbaseline'), addReading)?.kind, CodeActionKind.Refactor);
        assert.equal(titled(await actionsAt(ws, '\n// end'), 'Add today'), undefined, 'not after the metric');
        const actions = await actionsAt(ws, 'baseline');
        assert.equal(titled(actions, addReading)?.kind, CodeActionKind.Refactor);
        assert.equal(titled(actions, addReading)?.isPreferred, undefined);
        assert.equal(await apply(ws, titled(actions, addReading)),
            'objective O "o" { metric M }\nmetric M "m" {\n\tbaseline 1\n\ttarget 5 by 2027-06-30 // stretch\n\treading TODO on 2026-11-23\n}\n\n// end\n');
    });

    it('creates the block of a metric without one, and keeps a one-line block on one line', async () => {
        let ws = await workspace({ [file]: 'metric M "m" // no figures yet\n' });
        assert.equal(await apply(ws, titled(await actionsAt(ws, '"m"'), addReading)), 'metric M "m" {\n  reading TODO on 2026-11-23\n} // no figures yet\n');
        ws = await workspace({ [file]: 'metric M "m" { baseline 1 target 5 by 2027-06-30 }' });
        assert.equal(await apply(ws, titled(await actionsAt(ws, 'M'), addReading)), 'metric M "m" { baseline 1 target 5 by 2027-06-30 reading TODO on 2026-11-23 }');
        ws = await workspace({ [file]: 'metric M "m" {\n}\n' });
        assert.equal(await apply(ws, titled(await actionsAt(ws, '}'), addReading)), 'metric M "m" {\n  reading TODO on 2026-11-23\n}\n');
    });

    it('keeps the line breaks of a CRLF file', async () => {
        let ws = await workspace({ [file]: 'metric M "m" {\r\n  baseline 1\r\n  reading 2 on 2026-10-01\r\n}\r\n' });
        assert.equal(await apply(ws, titled(await actionsAt(ws, 'reading'), addReading)),
            'metric M "m" {\r\n  baseline 1\r\n  reading 2 on 2026-10-01\r\n  reading TODO on 2026-11-23\r\n}\r\n');
        ws = await workspace({ [file]: 'objective O "o"\r\nmetric M "m"\r\n' });
        assert.equal(await apply(ws, titled(await actionsAt(ws, 'metric M'), addReading)), 'objective O "o"\r\nmetric M "m" {\r\n  reading TODO on 2026-11-23\r\n}\r\n');
    });

    it('goes before the first reading when they are written newest first, and is not offered when today has a reading', async () => {
        let ws = await workspace({ [file]: 'metric M "m" {\n  target 5 by 2027-06-30\n  reading 3 on 2026-10-01\n  reading 2 on 2026-09-01\n}\n' });
        assert.equal(await apply(ws, titled(await actionsAt(ws, 'target'), addReading)),
            'metric M "m" {\n  target 5 by 2027-06-30\n  reading TODO on 2026-11-23\n  reading 3 on 2026-10-01\n  reading 2 on 2026-09-01\n}\n');
        ws = await workspace({ [file]: 'metric M "m" {\n  target 5 by 2027-06-30\n  reading 3 on 2026-11-23\n}\n' });
        assert.equal(titled(await actionsAt(ws, 'target'), 'Add today'), undefined);
    });

    it('selects the placeholder with a snippet edit when the client applies snippet edits', async () => {
        const ws = await workspace({ [file]: 'metric M "m" {\n  baseline 1 // a $ and a } stay text\n}\n' });
        await ws.services.shared.lsp.LanguageServer.initialize({
            processId: null, rootUri: null, capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } }
        });
        const action = titled(await actionsAt(ws, 'baseline'), addReading)!;
        assert.equal(action.edit!.changes, undefined);
        assert.deepEqual(action.edit!.documentChanges, [{
            textDocument: { uri: ws.uri(file).toString(), version: ws.documents.get(file)!.textDocument.version },
            edits: [{ range: { start: { line: 1, character: 37 }, end: { line: 1, character: 37 } }, snippet: { kind: 'snippet', value: '\n  reading ${1:TODO} on 2026-11-23' } }]
        }]);
    });

    it("moves an undated 'current' into a reading of today, keeping its comment", async () => {
        const ws = await workspace({ [file]: 'metric M "m" {\n  baseline 1 target 5 by 2027-06-30\n  reading 2 on 2026-09-01\n  current 3 // from the dashboard\n}\n' });
        assert.equal(titled(await actionsAt(ws, 'baseline'), 'Move'), undefined, 'only on the current field');
        const move = titled(await actionsAt(ws, '3 //'), 'Move');
        assert.equal(move?.title, "Move 'current' into a reading on 2026-11-23");
        assert.equal(move?.kind, CodeActionKind.RefactorRewrite);
        assert.equal(await apply(ws, move),
            'metric M "m" {\n  baseline 1 target 5 by 2027-06-30\n  reading 2 on 2026-09-01\n  reading 3 on 2026-11-23 // from the dashboard\n}\n');
        assert.deepEqual(ws.codes(file), []);
    });

    it("moves a dated 'current' into a reading of its date, and not when a reading is on or after that date", async () => {
        let ws = await workspace({ [file]: 'metric M "m" { baseline 1 target 5 by 2027-06-30 current /* survey */ 3 on 2026-10-01 }' });
        assert.equal(await apply(ws, titled(await actionsAt(ws, 'current'), 'Move')),
            'metric M "m" { baseline 1 target 5 by 2027-06-30 reading /* survey */ 3 on 2026-10-01 }');
        for (const reading of ['reading 4 on 2026-10-01', 'reading 4 on 2026-11-01']) {
            ws = await workspace({ [file]: `metric M "m" { baseline 1 target 5 by 2027-06-30 current 3 on 2026-10-01 ${reading} }` });
            assert.equal(titled(await actionsAt(ws, 'current'), 'Move'), undefined, reading);
        }
    });

    it('gives a client asking for quick fixes only no refactoring', async () => {
        const ws = await workspace({ [file]: 'metric M "m" { current 3 }' });
        assert.deepEqual((await actionsAt(ws, 'current')).map(a => a.kind), [CodeActionKind.Refactor, CodeActionKind.RefactorRewrite]);
        assert.deepEqual(await actionsAt(ws, 'current', { only: [CodeActionKind.QuickFix] }), []);
        assert.deepEqual((await actionsAt(ws, 'current', { only: [CodeActionKind.RefactorRewrite] })).map(a => a.kind), [CodeActionKind.RefactorRewrite]);
    });
});
