import assert from 'node:assert/strict';
import { AstUtils, TextDocument, type AstNode } from 'langium';
import { isNeed, isUserType } from '../../src/language/generated/ast.js';
import { workspace, type Workspace } from '../helpers.js';
import { shopApp, validVariants } from './corpus.js';

interface Named extends AstNode { name: string }

/** Every named element of the workspace with the position of its name. */
function namedElements(ws: Workspace): Array<{ file: string; node: Named; offset: number }> {
    const found: Array<{ file: string; node: Named; offset: number }> = [];
    for (const [file, document] of ws.documents) {
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            const name = (node as Partial<Named>).name;
            const cst = node.$cstNode;
            if (typeof name !== 'string' || !cst) continue;
            const offset = document.textDocument.getText().indexOf(name, cst.offset);
            if (offset >= 0) found.push({ file, node: node as Named, offset });
        }
    }
    return found;
}

/**
 * Renames each element to a fresh name and checks that the edits touch exactly its definition and its references:
 * every edit replaces the old name (or the user type's part of `User.Need`), as many edits as references plus the
 * definition, and after the edit the workspace reports the same problems and the element has as many references.
 */
async function checkRenames(files: Record<string, string>, label: string, limit = 40): Promise<number> {
    const ws = await workspace(files);
    const before = [...ws.documents.keys()].flatMap(file => ws.codes(file).map(code => `${file} ${code.split(' ')[1]}`)).sort();
    let checked = 0;
    const elements = namedElements(ws);
    // An ID defined twice is a duplicate-id problem that renaming one of them solves: those are left out.
    const scope = (node: Named) => isNeed(node) ? `${(node.$container as Named).name}.${node.name}` : node.name;
    const unique = elements.filter(({ node }) => elements.filter(other => scope(other.node) === scope(node)).length === 1);
    for (const { file, node, offset } of unique.slice(0, limit)) {
        const document = ws.documents.get(file)!;
        const position = document.textDocument.positionAt(offset);
        const textDocument = { uri: document.uri.toString() };
        const references = await ws.services.lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
        const newName = `Zq${checked}x`;
        const edit = await ws.services.lsp.RenameProvider!.rename(document, { textDocument, position, newName });
        if (!edit) continue;
        const where = `${label}: rename ${node.$type} ${node.name} → ${newName}`;
        const changes = Object.entries(edit.changes ?? {});
        let edits = 0;
        const texts: Record<string, string> = {};
        for (const [uri, fileEdits] of changes) {
            const name = [...ws.documents.keys()].find(f => ws.uri(f).toString() === uri)!;
            const target = ws.documents.get(name)!.textDocument;
            for (const e of fileEdits) {
                assert.equal(e.newText, newName, where);
                const old = target.getText(e.range);
                assert.ok(old === node.name, `${where}: an edit replaces '${old}' in ${name}`);
                edits++;
            }
            texts[name] = TextDocument.applyEdits(target, fileEdits);
        }
        // A user type's qualified need references (`Buyer.Trust`) are references of its needs, edited too.
        const qualified = isUserType(node) ? node.needs.flatMap(need => [...ws.services.references.References.findReferences(need, { includeDeclaration: false })])
            .filter(reference => ws.services.shared.workspace.LangiumDocuments.getDocument(reference.sourceUri)!.textDocument.getText(reference.segment.range).includes('.')).length : 0;
        assert.equal(edits, references.length + qualified, `${where}: one edit per reference and the definition`);
        const originals: Record<string, string> = {};
        for (const name of Object.keys(texts)) originals[name] = ws.documents.get(name)!.textDocument.getText();
        for (const [name, text] of Object.entries(texts)) await ws.edit(name, text);
        const after = [...ws.documents.keys()].flatMap(f => ws.codes(f).map(code => `${f} ${code.split(' ')[1]}`)).sort();
        assert.deepEqual(after, before, `${where}: the same problems after the rename`);
        const renamedDocument = ws.documents.get(file)!;
        const renamedOffset = renamedDocument.textDocument.getText().indexOf(newName);
        const referencesAfter = await ws.services.lsp.ReferencesProvider!.findReferences(renamedDocument, {
            textDocument, position: renamedDocument.textDocument.positionAt(renamedOffset), context: { includeDeclaration: true }
        });
        if (!isNeed(node)) assert.equal(referencesAfter.length, references.length, `${where}: as many references after`);
        for (const [name, text] of Object.entries(originals)) await ws.edit(name, text);
        checked++;
    }
    return checked;
}

describe('property: rename changes exactly the definition and its references', function () {
    this.timeout(60_000);
    it('in the example, for every element', async () => {
        assert.ok(await checkRenames(shopApp, 'shop-app', 100) >= 20);
    });
    it('in valid fuzzer variants of the example', async () => {
        const variants = await validVariants(4);
        for (const [name, text] of Object.entries(variants)) await checkRenames({ ...shopApp, 'variant.strategy': text }, name, 8);
    });
});
