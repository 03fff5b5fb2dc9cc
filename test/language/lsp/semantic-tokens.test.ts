import assert from 'node:assert/strict';
import { SemanticTokensDecoder } from 'langium/lsp';
import { SemanticTokenModifiers } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

const text = `objective Engagement "e" { metric Rate }
metric Rate "r" { baseline 1 target 2 by 2027-01-01 }
usertype Buyer "b" { need SaveTime "s" }
solution Fast "f" { for Buyer addresses Buyer.SaveTime, SaveTime advances Engagement }
question Q1 "q" { about Fast, Engagement }
ticket APP-1 "t" { serves Engagement implements Fast }
canvas C "c" { kind product questions Q1 plan { step "s" tickets APP-1 } }
ticket APP-2 "t" { serves Missing }
`;

/** Tokens as `text type` with `*` for a declaration, in document order. */
async function tokens(ws: Workspace, file: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<string[]> {
    const document = ws.documents.get(file)!;
    const provider = ws.services.lsp.SemanticTokenProvider!;
    const params = { textDocument: { uri: document.uri.toString() } };
    const result = range ? await provider.semanticHighlightRange(document, { ...params, range }) : await provider.semanticHighlight(document, params);
    const declaration = provider.tokenModifiers[SemanticTokenModifiers.declaration];
    return SemanticTokensDecoder.decode(result, provider.tokenTypes, document)
        .map(t => `${t.text} ${t.tokenType}${t.tokenModifiers & declaration ? '*' : ''}`);
}

describe('semantic tokens', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace({ 'a.strategy': text }); });

    it('colour each ID by the kind of element it names, at its definition and at every reference', async () => {
        assert.deepEqual(await tokens(ws, 'a.strategy'), [
            'Engagement class*', 'Rate variable',
            'Rate variable*',
            'Buyer interface*', 'SaveTime enumMember*',
            'Fast function*', 'Buyer interface', 'Buyer interface', 'SaveTime enumMember', 'SaveTime enumMember', 'Engagement class',
            'Q1 event*', 'Fast function', 'Engagement class',
            'APP-1 macro*', 'Engagement class', 'Fast function',
            'C namespace*', 'Q1 event', 'APP-1 macro',
            // Unresolved, but `serves` only ever names an objective.
            'APP-2 macro*', 'Missing class'
        ]);
    });

    it('colour only the requested range', async () => {
        assert.deepEqual(await tokens(ws, 'a.strategy', { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }),
            ['Q1 event*', 'Fast function', 'Engagement class']);
    });

    it('follow a definition that moves to another kind in another file', async () => {
        const two = await workspace({ 'a.strategy': 'question Q "q" { about Target }\n', 'b.strategy': 'objective Target "t"\n' });
        assert.deepEqual(await tokens(two, 'a.strategy'), ['Q event*', 'Target class']);
        await two.edit('b.strategy', 'solution Target "t"\n');
        assert.deepEqual(await tokens(two, 'a.strategy'), ['Q event*', 'Target function']);
    });
});
