import assert from 'node:assert/strict';
import { SemanticTokensDecoder } from 'langium/lsp';
import { SemanticTokenModifiers, SymbolKind, type DocumentSymbol, type Location } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

// The editor on questions, insights and the SWOT canvas (spec v2 section 4): hover, references, rename, outline, colours.
const model = `objective Goal "Goal" { metric Rate }
metric Rate "Rate" { baseline 1 target 2 by 2027-01-01 }
usertype Buyer "Buyer" { need Speed "Speed" }
solution Fast "Fast checkout" { for Buyer addresses Speed advances Goal status testing }
question Q "Do they come back?" { about Fast status answered answer "Yes: 31% opened one" }
`;
const learn = `insight Test "Two-week test" {
  source "Experiment EXP-12, 400 users"
  supports Fast, Q
}
insight Survey "Survey" { supports Fast }
insight Churn "Churn interviews" { contradicts Fast }
canvas Swot "SWOT 2027" {
  kind swot
  strength "Fastest checkout"
  threat "Delivery apps"
}
`;

function position(ws: Workspace, file: string, needle: string, shift = 1) {
    const document = ws.documents.get(file)!;
    const index = document.textDocument.getText().indexOf(needle);
    assert.ok(index >= 0, `${needle} not in ${file}`);
    return document.textDocument.positionAt(index + shift);
}

async function hover(ws: Workspace, file: string, needle: string, shift = 1): Promise<string> {
    const document = ws.documents.get(file)!;
    const result = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: position(ws, file, needle, shift)
    });
    return (result?.contents as { value: string } | undefined)?.value ?? '';
}

describe('discovery in the editor', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace({ 'model.strategy': model, 'learn.strategy': learn }); });

    it('hovers an insight with its source and what it supports and contradicts', async () => {
        assert.equal(await hover(ws, 'learn.strategy', 'insight Test', 9), `**Insight Test: Two-week test**

Source: Experiment EXP-12, 400 users

supports Fast, Q`);
        assert.match(await hover(ws, 'learn.strategy', 'Churn "', 1), /No source\n\ncontradicts Fast$/);
    });

    it("hovers a solution with its evidence for and against, wherever it is named", async () => {
        const evidence = /\n\nEvidence: 2 insights for · 1 against\n\nfor Test, Survey · against Churn$/;
        assert.match(await hover(ws, 'model.strategy', 'solution Fast', 10), evidence);
        assert.match(await hover(ws, 'learn.strategy', 'supports Fast', 10), evidence);
    });

    it('hovers a question with its status, its answer and the insights behind it', async () => {
        assert.equal(await hover(ws, 'model.strategy', 'question Q', 9), `**Question Q: Do they come back?**

about Fast · status answered

Answer: Yes: 31% opened one

Evidence: 1 insight for

for Test`);
    });

    it('finds the references of a solution in insights, and renames them with it', async () => {
        const document = ws.documents.get('model.strategy')!;
        const locations: Location[] = await ws.services.lsp.ReferencesProvider!.findReferences(document, {
            textDocument: { uri: document.uri.toString() }, position: position(ws, 'model.strategy', 'solution Fast', 10), context: { includeDeclaration: false }
        }) ?? [];
        assert.deepEqual(locations.map(l => `${l.uri.split('/').pop()}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort(),
            ['learn.strategy:3:12', 'learn.strategy:5:36', 'learn.strategy:6:48', 'model.strategy:5:41']);
        const edit = await ws.services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: position(ws, 'model.strategy', 'solution Fast', 10), newName: 'Quick'
        });
        const learnEdits = edit?.changes?.[ws.documents.get('learn.strategy')!.uri.toString()] ?? [];
        assert.deepEqual(learnEdits.map(e => `${e.range.start.line + 1}:${e.range.start.character + 1} ${e.newText}`).sort(),
            ['3:12 Quick', '5:36 Quick', '6:48 Quick']);
    });

    it('lists insights and the SWOT canvas in the outline', async () => {
        const document = ws.documents.get('learn.strategy')!;
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        assert.deepEqual(symbols.map(s => [s.name, s.kind, s.detail]), [
            ['Test', SymbolKind.Constant, 'Two-week test'], ['Survey', SymbolKind.Constant, 'Survey'],
            ['Churn', SymbolKind.Constant, 'Churn interviews'], ['Swot', SymbolKind.Package, 'SWOT 2027']
        ]);
    });

    it('colours insight IDs and what they name by kind', async () => {
        const document = ws.documents.get('learn.strategy')!;
        const provider = ws.services.lsp.SemanticTokenProvider!;
        const result = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const declaration = provider.tokenModifiers[SemanticTokenModifiers.declaration];
        const tokens = SemanticTokensDecoder.decode(result, provider.tokenTypes, document)
            .map(t => `${t.text} ${t.tokenType}${t.tokenModifiers & declaration ? '*' : ''}`);
        assert.deepEqual(tokens, ['Test property*', 'Fast function', 'Q event', 'Survey property*', 'Fast function',
            'Churn property*', 'Fast function', 'Swot namespace*']);
    });

    it('a 2,000-character answer and 200 insights on one solution: the hovers stay short and say how many', async () => {
        const insights = Array.from({ length: 200 }, (_, i) => `insight I${i} "finding ${i}" { supports Fast }`).join('\n');
        const big = await workspace({
            'model.strategy': model.replace('"Yes: 31% opened one"', `"${'word '.repeat(400)}"`),
            'learn.strategy': insights
        });
        const solution = await hover(big, 'model.strategy', 'solution Fast', 10);
        assert.match(solution, /Evidence: 200 insights for\n\nfor I0, I1, I2, I3, I4, I5, I6, I7 … and 192 more$/);
        const question = await hover(big, 'model.strategy', 'question Q', 9);
        const answer = /Answer: ((?:word )+word…)$/.exec(question);
        assert.ok(answer && answer[1].length <= 301, question.slice(0, 500));
    });
});
