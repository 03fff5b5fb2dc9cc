import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

const model = `vision "Repeat grocery shopping without friction"

/** The goal. */
objective Revenue "Grow recurring revenue" { metric Rate }
objective Engagement "Increase monthly usage
  frequency of the app" {
  parent Revenue
}
metric Rate "Repeat purchase rate" { baseline 1 target 2 by 2027-01-01 }
usertype Buyer "Frequent buyers" {
  need SaveTime "Saving time", Deals "Getting deals"
}
usertype Newcomer "New users" { need SaveTime "Saving time on the first order" }
solution Fast "Faster navigation" { for Buyer advances Engagement }
question Q1 "Do users respond?" { about Fast }
`;
const work = `ticket APP-123 "Prototype personalized notifications" { serves Engagement }
canvas Recurrence "App recurrence" {
  kind product
  plan {
    step "Immediate usability improvements" tickets APP-123
    step "Measure and respond"
  }
}
`;

/** `SymbolKind` holds plain constants, without an enum's reverse mapping. */
const kindName = (kind: SymbolKind) => Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0];

/** A symbol tree as indented `Kind name: detail` lines. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(s => [
        `${'  '.repeat(depth)}${kindName(s.kind)} ${s.name}${s.detail ? `: ${s.detail}` : ''}`,
        ...outline(s.children ?? [], depth + 1)
    ]);
}

async function documentSymbols(ws: Workspace, file: string): Promise<DocumentSymbol[]> {
    const document = ws.documents.get(file)!;
    return await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
}

async function search(ws: Workspace, query: string): Promise<WorkspaceSymbol[]> {
    return await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query }) as WorkspaceSymbol[];
}

describe('symbols', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace({ 'model.strategy': model, 'work.strategy': work }); });

    it('outline: one symbol per element with its title, needs under their user type', async () => {
        assert.deepEqual(outline(await documentSymbols(ws, 'model.strategy')), [
            'String vision: Repeat grocery shopping without friction',
            'Class Revenue: Grow recurring revenue',
            'Class Engagement: Increase monthly usage frequency of the app',
            'Number Rate: Repeat purchase rate',
            'Interface Buyer: Frequent buyers',
            '  Field SaveTime: Saving time',
            '  Field Deals: Getting deals',
            'Interface Newcomer: New users',
            '  Field SaveTime: Saving time on the first order',
            'Function Fast: Faster navigation',
            'Event Q1: Do users respond?'
        ]);
    });

    it('outline: plan steps under their canvas, by title with their tickets', async () => {
        assert.deepEqual(outline(await documentSymbols(ws, 'work.strategy')), [
            'Key APP-123: Prototype personalized notifications',
            'Package Recurrence: App recurrence',
            '  Struct Immediate usability improvements: APP-123',
            '  Struct Measure and respond'
        ]);
    });

    it('range is the whole element, selection range its name', async () => {
        const document = ws.documents.get('model.strategy')!.textDocument;
        const symbols = await documentSymbols(ws, 'model.strategy');
        const engagement = symbols.find(s => s.name === 'Engagement')!;
        assert.equal(document.getText(engagement.selectionRange), 'Engagement');
        assert.equal(document.getText(engagement.range), 'objective Engagement "Increase monthly usage\n  frequency of the app" {\n  parent Revenue\n}');
        const deals = symbols.find(s => s.name === 'Buyer')!.children![1];
        assert.equal(document.getText(deals.selectionRange), 'Deals');
        assert.equal(document.getText(deals.range), 'Deals "Getting deals"');
    });

    it('leaves out an element that parse recovery left without a name', async () => {
        const broken = await workspace({ 'a.strategy': 'objective "no id"\nticket T-1 "t"\n' });
        assert.deepEqual(outline(await documentSymbols(broken, 'a.strategy')), ['Key T-1: t']);
    });

    it('workspace: finds a ticket by its ID, in any case', async () => {
        const found = await search(ws, 'app-123');
        assert.deepEqual(found.map(s => `${kindName(s.kind)} ${s.name}`), ['Key APP-123 — Prototype personalized notifications']);
        const location = found[0].location as { uri: string; range: { start: { line: number; character: number } } };
        assert.equal(location.uri, ws.uri('work.strategy').toString());
        assert.deepEqual(location.range.start, { line: 0, character: 7 });
    });

    it('workspace: finds an objective by words of its title, in any order, across line breaks', async () => {
        assert.deepEqual((await search(ws, 'usage monthly')).map(s => s.name), ['Engagement — Increase monthly usage frequency of the app']);
        assert.deepEqual((await search(ws, 'Usage Frequency')).map(s => s.name), ['Engagement — Increase monthly usage frequency of the app']);
        assert.deepEqual(await search(ws, 'usage revenue'), []);
    });

    it('workspace: lists each need once, with its user type as container, found by its qualified name too', async () => {
        const needs = await search(ws, 'savetime');
        assert.deepEqual(needs.map(s => `${kindName(s.kind)} ${s.containerName}/${s.name}`), [
            'Field Buyer/SaveTime — Saving time', 'Field Newcomer/SaveTime — Saving time on the first order'
        ]);
        assert.deepEqual((await search(ws, 'newcomer.savetime')).map(s => s.containerName), ['Newcomer']);
        const all = await search(ws, '');
        // 9 top-level elements and 3 needs, each once (the vision has no ID, so no symbol).
        assert.equal(all.length, 12, all.map(s => s.name).join('\n'));
    });
});
