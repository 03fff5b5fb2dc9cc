import assert from 'node:assert/strict';
import { TextDocument } from 'langium';
import type { Hover, Location, LocationLink } from 'vscode-languageserver';
import { workspace, type Workspace } from '../helpers.js';

// `solution … { for A, B addresses SaveTime }` where both A and B declare SaveTime: the unqualified name names
// the need of every listed user type that declares it (docs/LANGUAGE.md, "Names and references").

const files = {
    'users.strategy': `usertype Buyer "Buyers" { need SaveTime "Save time at checkout", Trust "Trust the prices" }
usertype Courier "Couriers" { need SaveTime "Fewer stops per round" }
usertype Guest "Guests" { need SaveTime "Order without an account" }
`,
    'work.strategy': `objective Goal "Goal" { metric Rate }
metric Rate "Rate" { baseline 1 target 2 by 2027-01-01 }
solution Fast "Faster everything" {
  for Buyer, Courier
  addresses SaveTime, Trust
  advances Goal
}
solution GuestCheckout "Guest checkout" { for Guest addresses Guest.SaveTime advances Goal }
`
};

function at(ws: Workspace, file: string, needle: string, shift = 1) {
    const document = ws.documents.get(file)!;
    const index = document.textDocument.getText().indexOf(needle);
    assert.ok(index >= 0, `${needle} not in ${file}`);
    return { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(index + shift) };
}

const where = (ws: Workspace, uri: string, line: number) => `${[...ws.documents.keys()].find(file => ws.uri(file).toString() === uri)}:${line + 1}`;

describe('a need named by several user types of one solution', () => {
    let ws: Workspace;
    beforeEach(async () => { ws = await workspace(files); });

    it('addresses the need of every listed user type that declares it, so neither is an unused need', async () => {
        assert.deepEqual(ws.codes('users.strategy'), []);
        assert.deepEqual(ws.codes('work.strategy'), []);
        await ws.edit('work.strategy', files['work.strategy'].replace('for Buyer, Courier', 'for Buyer'));
        assert.deepEqual(ws.codes('users.strategy'), ['2:36 unused-need']);
    });

    it('goes to the definition of both needs, and finds the reference among the references of each', async () => {
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(ws.documents.get('work.strategy')!, at(ws, 'work.strategy', 'addresses SaveTime', 11)) as LocationLink[];
        assert.deepEqual(links.map(link => where(ws, link.targetUri, link.targetSelectionRange.start.line)), ['users.strategy:1', 'users.strategy:2']);
        for (const needle of ['SaveTime "Save', 'SaveTime "Fewer']) {
            const locations = await ws.services.lsp.ReferencesProvider!.findReferences(ws.documents.get('users.strategy')!,
                { ...at(ws, 'users.strategy', needle), context: { includeDeclaration: false } }) as Location[];
            assert.deepEqual(locations.map(l => where(ws, l.uri, l.range.start.line)), ['work.strategy:5'], needle);
        }
    });

    it('shows both needs in the hover of the solution, and each, ruled apart, in the hover of the name', async () => {
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(ws.documents.get('work.strategy')!, at(ws, 'work.strategy', 'Fast "')) as Hover;
        assert.match(JSON.stringify(hover.contents), /addresses Buyer\.SaveTime, Courier\.SaveTime, Trust/);
        const shared = await ws.services.lsp.HoverProvider!.getHoverContent(ws.documents.get('work.strategy')!, at(ws, 'work.strategy', 'addresses SaveTime', 11)) as Hover;
        assert.match((shared.contents as { value: string }).value,
            /^\*\*Need SaveTime: Save time at checkout\*\*\n\nNeed of user type Buyer \(Buyers\)\n\n---\n\n\*\*Need SaveTime: Fewer stops per round\*\*\n\nNeed of user type Courier/);
    });

    it('renaming one of the needs keeps the reference naming the other', async () => {
        const edit = await ws.services.lsp.RenameProvider!.rename(ws.documents.get('users.strategy')!, { ...at(ws, 'users.strategy', 'SaveTime "Fewer'), newName: 'ShortRounds' });
        const after: Record<string, string> = {};
        for (const [file, document] of ws.documents) after[file] = TextDocument.applyEdits(document.textDocument, edit?.changes?.[document.uri.toString()] ?? []);
        assert.match(after['users.strategy'], /need ShortRounds "Fewer stops per round"/);
        assert.match(after['work.strategy'], /addresses SaveTime, Courier\.ShortRounds, Trust\n/);
        for (const [file, text] of Object.entries(after)) await ws.edit(file, text);
        assert.deepEqual([...ws.documents.keys()].flatMap(file => ws.codes(file)), []);
    });

    it('renaming from the shared reference renames every need it names', async () => {
        const edit = await ws.services.lsp.RenameProvider!.rename(ws.documents.get('work.strategy')!, { ...at(ws, 'work.strategy', 'addresses SaveTime', 11), newName: 'Speed' });
        const after: Record<string, string> = {};
        for (const [file, document] of ws.documents) after[file] = TextDocument.applyEdits(document.textDocument, edit?.changes?.[document.uri.toString()] ?? []);
        assert.match(after['users.strategy'], /usertype Buyer "Buyers" \{ need Speed "Save time at checkout"/);
        assert.match(after['users.strategy'], /usertype Courier "Couriers" \{ need Speed "Fewer/);
        assert.match(after['users.strategy'], /need SaveTime "Order without an account"/);
        assert.match(after['work.strategy'], /addresses Speed, Trust\n/);
        for (const [file, text] of Object.entries(after)) await ws.edit(file, text);
        assert.deepEqual([...ws.documents.keys()].flatMap(file => ws.codes(file)), []);
    });
});
