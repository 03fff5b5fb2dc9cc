import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import { StrategyFileSystem } from '../../../src/language/workspace/strategy-file-system.js';
import { createStrategyLspServices, type StrategyLspServices } from '../../../src/language/lsp/strategy-lsp-module.js';

// Files on disk that start with a byte order mark: the editor shows (and counts positions in) the text without it,
// so the server must read it the same way for its positions, and the edits built from them, to land right.

const bom = '\ufeff';
const goals = `${bom}objective Revenue "Grow revenue" {\r\n  horizon long\r\n}\r\nobjective Aim "Aim" { parent Revenue }\r\n`;
const work = `${bom}ticket T-1 "Ticket" { serves Aim }\r\n`;

describe('files that start with a byte order mark', () => {
    let folder: string;
    let services: StrategyLspServices;
    const documents = new Map<string, LangiumDocument>();
    /** The text an editor shows for a file: VS Code drops the byte order mark from the buffer. */
    const editorText = (file: string) => ({ 'goals.strategy': goals, 'work.strategy': work })[file]!.slice(1);

    beforeEach(async () => {
        folder = mkdtempSync(join(tmpdir(), 'strategy-bom-'));
        writeFileSync(join(folder, 'goals.strategy'), goals);
        writeFileSync(join(folder, 'work.strategy'), work);
        services = createStrategyLspServices({ ...StrategyFileSystem }).Strategy;
        for (const file of ['goals.strategy', 'work.strategy']) {
            documents.set(file, await services.shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(join(folder, file))));
        }
        await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    /** Renames at an editor position of `needle` and applies the edits to each file's editor text. */
    async function rename(file: string, needle: string, newName: string): Promise<Record<string, string>> {
        const editor = TextDocument.create('x', 'strategy', 1, editorText(file));
        const position = editor.positionAt(editor.getText().indexOf(needle) + 1);
        const document = documents.get(file)!;
        const edit = await services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
        const after: Record<string, string> = {};
        for (const name of documents.keys()) {
            const edits = edit?.changes?.[documents.get(name)!.uri.toString()] ?? [];
            after[name] = TextDocument.applyEdits(TextDocument.create('x', 'strategy', 1, editorText(name)), edits);
        }
        return after;
    }

    it('renames a declaration on the first line at the editor position, and its references on the first line of another file', async () => {
        const after = await rename('goals.strategy', 'Revenue', 'Income');
        assert.equal(after['goals.strategy'], editorText('goals.strategy').replace('Revenue "', 'Income "').replace('parent Revenue', 'parent Income'));
        const aim = await rename('goals.strategy', 'Aim "', 'Goal');
        assert.equal(aim['work.strategy'], editorText('work.strategy').replace('serves Aim', 'serves Goal'));
    });

    it('reports diagnostics on the first line at the columns the editor and `strategy check` count', async () => {
        writeFileSync(join(folder, 'work.strategy'), `${bom}ticket T-1 "Ticket" { serves Nowhere }\r\n`);
        const uri = URI.file(join(folder, 'work.strategy'));
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        const [diagnostic] = services.shared.workspace.LangiumDocuments.getDocument(uri)!.diagnostics!;
        assert.equal(diagnostic.code, 'unresolved-reference');
        assert.deepEqual(diagnostic.range.start, { line: 0, character: 'ticket T-1 "Ticket" { serves '.length });
    });
});
