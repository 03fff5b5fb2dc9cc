import assert from 'node:assert/strict';
import { TextDocument } from 'langium';
import { SymbolKind, type CompletionItem, type DocumentSymbol, type Location, type WorkspaceSymbol } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

// Milestones in the editor beyond hover, lens and quick fix: rename, references, outline, Ctrl+T and completion
// come from the grammar and the registry entry; these tests prove they do.
const roadmap = `milestone Beta "Notifications in beta" {
  by 2027-01-31
  advances Engagement
}
milestone Launch "Notifications for everyone" { by 2027-04-30 }
canvas Road "Roadmap 2027" {
  kind roadmap
  lanes Engagement
}
`;
const backlog = `objective Engagement "Engagement" { metric Repeat }
objective Revenue "Revenue"
metric Repeat "Repeat users" { baseline 20 target 30 by 2027-06-30 }
ticket APP-1 "Prototype" { serves Engagement milestone Beta priority high }
ticket APP-2 "Measure" { serves Engagement milestone Beta }
`;

function at(ws: Workspace, file: string, needle: string, nth = 0) {
    const document = ws.documents.get(file)!;
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${needle} not in ${file}`);
    return { document, params: { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(index + needle.length - 1) } };
}

const fileOf = (ws: Workspace, uri: string) => [...ws.documents.keys()].find(file => ws.uri(file).toString() === uri)!;

async function complete(ws: Workspace, file: string, text: string): Promise<CompletionItem[]> {
    const offset = text.indexOf('|');
    await ws.edit(file, text.replace('|', ''));
    const document = ws.documents.get(file)!;
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return list?.items ?? [];
}

describe('milestones in the editor', () => {
    let ws: Workspace;
    beforeEach(async () => { ws = await workspace({ 'roadmap.strategy': roadmap, 'backlog.strategy': backlog }); });

    it('references: every ticket that names the milestone, across files', async () => {
        const { document, params } = at(ws, 'roadmap.strategy', 'milestone Beta');
        const locations = await ws.services.lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: false } }) as Location[];
        assert.deepEqual(locations.map(l => `${fileOf(ws, l.uri)}:${l.range.start.line + 1}`), ['backlog.strategy:4', 'backlog.strategy:5']);
    });

    it('rename: the milestone and every ticket that names it, nothing else', async () => {
        const { document, params } = at(ws, 'backlog.strategy', 'milestone Beta');
        const edit = await ws.services.lsp.RenameProvider!.rename(document, { ...params, newName: 'Pilot' });
        const after = Object.fromEntries([...ws.documents].map(([file, doc]) =>
            [file, TextDocument.applyEdits(doc.textDocument, edit!.changes![doc.uri.toString()] ?? [])]));
        assert.deepEqual(after, { 'roadmap.strategy': roadmap.replace('milestone Beta', 'milestone Pilot'), 'backlog.strategy': backlog.replaceAll('milestone Beta', 'milestone Pilot') });
    });

    it('outline and workspace symbols: a milestone is an Event with its title', async () => {
        const document = ws.documents.get('roadmap.strategy')!;
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        assert.deepEqual(symbols.map(s => [s.name, s.kind, s.detail]), [
            ['Beta', SymbolKind.Event, 'Notifications in beta'], ['Launch', SymbolKind.Event, 'Notifications for everyone'], ['Road', SymbolKind.Package, 'Roadmap 2027']
        ]);
        const found = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Launch' }) as WorkspaceSymbol[];
        assert.deepEqual(found.map(s => [s.name, s.kind]), [['Launch — Notifications for everyone', SymbolKind.Event]]);
    });

    it('completion: after milestone only milestones, after lanes only objectives, after priority its four words', async () => {
        const milestones = await complete(ws, 'backlog.strategy', `${backlog}ticket APP-3 "t" { serves Engagement milestone | }\n`);
        assert.deepEqual(milestones.map(item => item.label).sort(), ['Beta', 'Launch']);
        const lanes = await complete(ws, 'roadmap.strategy', roadmap.replace('lanes Engagement', 'lanes Engagement, |'));
        assert.deepEqual(lanes.map(item => item.label).sort(), ['Engagement', 'Revenue']);
        const priorities = await complete(ws, 'backlog.strategy', `${backlog}ticket APP-3 "t" { serves Engagement priority | }\n`);
        assert.deepEqual(priorities.map(item => item.label), ['critical', 'high', 'medium', 'low']);
        const solutionPriorities = await complete(ws, 'backlog.strategy', `${backlog}solution S "s" { advances Engagement priority | }\n`);
        assert.deepEqual(solutionPriorities.map(item => item.label), ['critical', 'high', 'medium', 'low']);
    });
});
