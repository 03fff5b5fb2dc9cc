import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { allowedValues } from '../../../src/model/values.js';
import { workspace } from '../../helpers.js';

/** A second file, so every proposal of another element comes from across files. */
const model = `objective Revenue "Grow recurring revenue" { metric Recurrence }
objective Engagement "Increase monthly usage" { parent Revenue metric Repeat }
metric Recurrence "Purchase recurrence" { baseline 40 target 50 by 2027-12-31 }
metric Repeat "Monthly repeat users" { baseline 20 target 30 by 2027-06-30 }
usertype Buyer "Frequent buyers" { need SaveTime "Save time", Trust "Trust the prices" }
usertype Newcomer "New users" { need Trust "Trust the shop", Onboarding "Get started" }
solution Deals "Exclusive deals" { for Buyer advances Engagement }
question Notify "Do users respond to notifications?" { about Deals }
ticket APP-123 "Prototype notifications" { serves Engagement }
ticket APP-124 "Measure notifications" { serves Engagement }
ticket WEB-9 "Landing page" { serves Revenue }
`;

/** The completion items at `|` in `text`, with the model file beside it. */
async function complete(text: string): Promise<CompletionItem[]> {
    const offset = text.indexOf('|');
    assert.ok(offset >= 0, 'no | in the text');
    const ws = await workspace({ 'model.strategy': model, 'edit.strategy': text.replace('|', '') });
    const document = ws.documents.get('edit.strategy')!;
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return list?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map(item => item.label).sort();
/** Labels in the order an editor shows them: by sortText, then label. */
const shown = (items: CompletionItem[]) => [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label))
    .map(item => item.label);

describe('completion', () => {
    describe('references offer only elements of the right kind, from every file', () => {
        const objectives = ['Engagement', 'Revenue'];
        const cases: Array<[string, string, string[]]> = [
            ['serves', 'ticket T-1 "t" { serves | }', objectives],
            ['parent', 'objective O "o" { parent | }', objectives],
            ['advances', 'solution S "s" { advances | }', objectives],
            ['outcomes', 'canvas C "c" { outcomes | }', objectives],
            ['goal', 'canvas C "c" { goal | }', objectives],
            ['metric', 'objective O "o" { metric | }', ['Recurrence', 'Repeat']],
            ['success', 'canvas C "c" { success Repeat, | }', ['Recurrence', 'Repeat']],
            ['for', 'solution S "s" { for | }', ['Buyer', 'Newcomer']],
            ['users', 'canvas C "c" { users | }', ['Buyer', 'Newcomer']],
            ['implements', 'ticket T-1 "t" { implements | }', ['Deals']],
            ['solutions', 'canvas C "c" { solutions | }', ['Deals']],
            ['questions', 'canvas C "c" { questions | }', ['Notify']],
            ['tickets', 'canvas C "c" { plan { step "s" tickets | } }', ['APP-123', 'APP-124', 'WEB-9']],
            ['about', 'question Q "q" { about | }', ['Deals', 'Engagement', 'Revenue']],
            ['supports', 'insight I "i" { supports | }', ['Deals', 'Engagement', 'Notify', 'Revenue']],
            ['contradicts', 'insight I "i" { contradicts Deals, | }', ['Deals', 'Engagement', 'Notify', 'Revenue']]
        ];
        for (const [keyword, text, expected] of cases) {
            it(`after '${keyword}'`, async () => {
                assert.deepEqual(labels(await complete(text)), expected);
            });
        }
    });

    it('never offers the element itself', async () => {
        assert.deepEqual(labels(await complete('objective Engagement2 "o" { parent Engagement2 }\nobjective O "o" { parent Eng| }')),
            ['Engagement', 'Engagement2']);
        assert.deepEqual(labels(await complete('objective Engagement2 "o" { parent Eng| }')), ['Engagement']);
    });

    it('shows the element title as detail and its kind beside the label', async () => {
        const [item] = (await complete('ticket T-1 "t" { implements | }'));
        assert.equal(item.label, 'Deals');
        assert.equal(item.detail, 'Exclusive deals');
        assert.deepEqual(item.labelDetails, { description: 'solution' });
        assert.equal(item.kind, CompletionItemKind.Reference);
    });

    it("offers the needs of the solution's own user types first, then other user types' needs qualified", async () => {
        const items = await complete('solution S "s" { for Buyer addresses | }');
        assert.deepEqual(shown(items), ['SaveTime', 'Trust', 'Newcomer.Onboarding', 'Newcomer.Trust']);
        assert.equal(items.find(item => item.label === 'Trust')?.detail, 'Trust the prices');
        assert.equal(items.find(item => item.label === 'Newcomer.Trust')?.detail, 'Trust the shop');
    });

    it('offers every need qualified when the solution is for nobody yet, or once a qualifier is typed', async () => {
        assert.deepEqual(shown(await complete('solution S "s" { addresses | }')),
            ['Buyer.SaveTime', 'Buyer.Trust', 'Newcomer.Onboarding', 'Newcomer.Trust']);
        const items = await complete('solution S "s" { for Buyer addresses Newcomer.| }');
        assert.deepEqual(shown(items), ['Newcomer.Onboarding', 'Newcomer.Trust']);
        // The proposal replaces the whole qualified name typed so far.
        assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 0, character: 37 }, end: { line: 0, character: 46 } });
    });

    describe('keyword values from the spec', () => {
        const cases: Array<[string, string, readonly string[]]> = [
            ['objective focus', 'objective O "o" { focus | }', allowedValues.focus],
            ['objective horizon', 'objective O "o" { horizon | }', allowedValues.horizon],
            ['solution status', 'solution S "s" { status | }', allowedValues.solutionStatus],
            ['ticket status', 'ticket T-1 "t" { status | }', allowedValues.ticketStatus],
            ['ticket kind', 'ticket T-1 "t" { kind | }', allowedValues.ticketKind],
            ['canvas kind', 'canvas C "c" { kind | }', allowedValues.canvasKind]
        ];
        for (const [field, text, values] of cases) {
            it(`for ${field}, in the spec's order`, async () => {
                const items = await complete(text);
                assert.deepEqual(shown(items), [...values]);
                assert.ok(items.every(item => item.kind === CompletionItemKind.EnumMember));
            });
        }

        it('for question status, open then answered; for canvas kind, swot too', async () => {
            assert.deepEqual(shown(await complete('question Q "q" { status | }')), ['open', 'answered']);
            assert.deepEqual(shown(await complete('canvas C "c" { kind | }')), ['product', 'strategy', 'roadmap', 'swot']);
        });

        it('for solution status, the six statuses of spec v2', async () => {
            assert.deepEqual(shown(await complete('solution S "s" { status | }')), ['idea', 'testing', 'building', 'shipped', 'validated', 'rejected']);
        });

        it('filtered by what is typed, replacing it', async () => {
            const items = await complete('ticket T-1 "t" { status do| }');
            // Langium's fuzzy match: the typed letters in order, from the start of a word.
            assert.deepEqual(shown(items), ['doing', 'done', 'dropped']);
            assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 0, character: 24 }, end: { line: 0, character: 26 } });
        });

        it('none where a number or date is expected', async () => {
            assert.deepEqual(await complete('metric M "m" { baseline | }'), []);
        });
    });

    it('offers the field keywords of the current block, and only those', async () => {
        assert.deepEqual(labels(await complete('ticket T-1 "t" {\n  serves Revenue\n  |\n}')),
            ['implements', 'kind', 'link', 'milestone', 'priority', 'serves', 'status']);
        assert.deepEqual(labels(await complete('objective O "o" { parent Revenue | }')),
            ['focus', 'horizon', 'metric', 'owner', 'parent']);
        assert.deepEqual(labels(await complete('metric M "m" { target 5 | }')),
            ['baseline', 'by', 'current', 'range', 'reading', 'target', 'unit']);
        assert.deepEqual(labels(await complete('canvas C "c" { plan { | } }')), ['step']);
        assert.deepEqual(labels(await complete('insight I "i" { source "s" | }')), ['contradicts', 'source', 'supports']);
        assert.deepEqual(labels(await complete('question Q "q" { about Deals | }')), ['about', 'answer', 'status']);
    });


    describe('ticket keys with dashes', () => {
        it('completing after APP-1 replaces the whole key typed so far', async () => {
            const items = await complete('canvas C "c" { plan { step "s" tickets APP-1| } }');
            assert.deepEqual(labels(items), ['APP-123', 'APP-124']);
            for (const item of items) {
                assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 0, character: 39 }, end: { line: 0, character: 44 } });
            }
        });

        it('after an unknown key, proposes nothing to glue onto it', async () => {
            assert.deepEqual(await complete('canvas C "c" { plan { step "s" tickets APP-9| } }'), []);
            assert.deepEqual(await complete('ticket T-1 "t" { serves Engagement }\nticket APP-| "x"'), []);
        });
    });

    describe('snippets', () => {
        it('one per element kind at the top level, four for canvases', async () => {
            const snippets = (await complete('objective O "o" {}\n|')).filter(item => item.kind === CompletionItemKind.Snippet);
            assert.deepEqual(labels(snippets),
                ['canvas product', 'canvas roadmap', 'canvas strategy', 'canvas swot', 'insight', 'metric', 'milestone', 'objective', 'question', 'solution', 'ticket', 'usertype']);
            assert.ok(snippets.every(item => item.insertTextFormat === InsertTextFormat.Snippet));
        });

        it('with tab stops, and choices from the allowed values', async () => {
            const snippets = await complete('|');
            const body = (label: string) => (snippets.find(item => item.label === label && item.kind === CompletionItemKind.Snippet)?.textEdit as TextEdit).newText;
            assert.equal(body('ticket'), 'ticket ${1:KEY-1} "${2:Title}" {\n  serves $3\n  implements $4\n'
                + '  kind ${5|feature,refactor,platform,bug,experiment,research|}\n  status ${6|todo,doing,done,dropped|}\n}');
            assert.equal(body('metric'), 'metric ${1:Name} "${2:Title}" {\n  unit "${3:%}"\n  baseline ${4:0}\n  target ${5:100} by ${6:YYYY-MM-DD}\n}');
            assert.match(body('canvas product'), /^canvas \$\{1:Name\} "\$\{2:Lean Product Canvas\}" \{\n {2}kind product\n[\s\S]* {2}plan \{\n {4}step "\$\{8:First step\}" tickets \$9\n {2}\}\n\}$/);
            assert.match(body('canvas strategy'), /kind strategy\n {2}goal \$3\n/);
        });

        it('not inside a block', async () => {
            const items = await complete('ticket T-1 "t" { | }');
            assert.ok(!items.some(item => item.kind === CompletionItemKind.Snippet), labels(items).join());
        });
    });
});

describe('completion deep in a long file', () => {
    // Only the element under the cursor is re-parsed; what comes before it, broken or not, must not matter.
    const before = Array.from({ length: 40 }, (_, i) => `ticket OLD-${i} "Earlier work" {\n  serves Revenue\n  kind feature\n}\n`).join('\n')
        + 'objectve Broken "a typo above" {\n}\n';

    it('gives the same proposals as at the top of the file', async () => {
        for (const text of ['ticket T-1 "t" { serves | }', 'ticket T-1 "t" {\n  kind |\n}', 'solution S "s" { for Buyer addresses | }']) {
            assert.deepEqual(labels(await complete(before + '\n' + text)), labels(await complete(text)), text);
        }
        const clean = before.slice(0, before.indexOf('objectve'));
        assert.deepEqual(labels(await complete(clean + '\n|')), labels(await complete('|')));
    });
});

describe('completion in a large workspace', () => {
    it('proposes the first 200 matches of what is typed, and the list stays incomplete so typing narrows it', async () => {
        const objectives = Array.from({ length: 500 }, (_, i) => `objective Goal${i} "Goal ${i}"`).join('\n');
        const ws = await workspace({ 'goals.strategy': objectives, 'edit.strategy': 'ticket T-1 "t" { serves Goal49 }' });
        const document = ws.documents.get('edit.strategy')!;
        const at = (offset: number) => ws.services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
        });
        const all = await at('ticket T-1 "t" { serves '.length);
        assert.equal(all?.items.length, 200);
        assert.equal(all?.isIncomplete, true);
        const typed = await at('ticket T-1 "t" { serves Goal49'.length);
        const labels = typed?.items.map(item => item.label) ?? [];
        // Langium's fuzzy matching: the typed characters in order, so Goal149 matches too, Goal50 does not.
        assert.ok(labels.length < 200 && labels.includes('Goal49') && labels.includes('Goal499') && labels.includes('Goal149'), labels.join());
        assert.ok(!labels.includes('Goal50'));
    });
});
