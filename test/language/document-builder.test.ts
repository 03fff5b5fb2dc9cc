import * as assert from 'node:assert/strict';
import { AstUtils, DocumentState } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import type { Solution, Ticket } from '../../src/language/generated/ast.js';
import { workspace } from '../helpers.js';

const objectives = 'objective Engagement "Customers come back" {\n  metric WeeklyOrders "Orders a week" { target 3 }\n}\n';
const solutions = 'solution Reorder "Reorder in one tap" {\n  advances Engagement\n}\n';

describe('document builder', () => {
    it('publishes the diagnostics of a document whose validation finished as the build was cancelled', async () => {
        const ws = await workspace({ 'objectives.strategy': objectives, 'solutions.strategy': solutions });
        const builder = ws.services.shared.workspace.DocumentBuilder;
        const validator = ws.services.validation.DocumentValidator;
        const published: string[] = [];
        builder.onDocumentPhase(DocumentState.Validated, document => { published.push(document.uri.path); });

        // The next edit arrives while the validator runs: the document is validated, then the build is cancelled.
        const source = new CancellationTokenSource();
        const validated: string[] = [];
        const validate = validator.validateDocument.bind(validator);
        validator.validateDocument = async (document, ...rest) => {
            const diagnostics = await validate(document, ...rest);
            validated.push(document.uri.path);
            source.cancel();
            return diagnostics;
        };
        await assert.rejects(builder.update([ws.uri('solutions.strategy')], [], source.token));

        assert.equal(validated.length, 1);
        const [path] = validated;
        const document = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path === path);
        assert.equal(document?.state, DocumentState.Validated, 'the builder counts the document as done');
        assert.deepEqual(published, validated, 'validated, yet its diagnostics were never handed to the listeners');
    });

    it('relinks a document a cancelled build left linked but not indexed when the file it points into changes', async () => {
        const ws = await workspace({ 'objectives.strategy': objectives, 'solutions.strategy': solutions });
        const builder = ws.services.shared.workspace.DocumentBuilder;
        const documents = ws.services.shared.workspace.LangiumDocuments;

        // An edit of solutions.strategy is linked, then the next edit cancels the build before its links are indexed.
        const source = new CancellationTokenSource();
        const solutionsUri = ws.uri('solutions.strategy').toString();
        const cancelOnLink = builder.onDocumentPhase(DocumentState.Linked, document => {
            if (document.uri.toString() === solutionsUri) source.cancel();
        });
        await assert.rejects(builder.update([ws.uri('solutions.strategy')], [], source.token));
        cancelOnLink.dispose();
        const solutionsDocument = documents.getDocument(ws.uri('solutions.strategy'));
        assert.equal(solutionsDocument?.state, DocumentState.Linked);

        // The next edit re-parses objectives.strategy: the objective is a new node, and solutions must point to it.
        const reworded = `// reworded\n${objectives}`;
        await ws.edit('objectives.strategy', reworded);
        const objectivesRoot = documents.getDocument(ws.uri('objectives.strategy'))?.parseResult.value;
        const solution = ws.documents.get('solutions.strategy')?.parseResult.value.elements[0] as Solution;
        const target = solution.objectives[0]?.ref;
        assert.ok(target, 'advances Engagement resolves');
        assert.equal(AstUtils.findRootNode(target), objectivesRoot, 'the link points into the objectives file as it was before the edit');
        const fresh = await workspace({ 'objectives.strategy': reworded, 'solutions.strategy': solutions });
        assert.deepEqual(ws.codes('solutions.strategy'), fresh.codes('solutions.strategy'));
    });
});

describe('the workspace model', () => {
    it('forgets a file deleted after a cancelled build linked it', async () => {
        const ticket = 'ticket APP-1 "Work" {\n  serves Goal\n}\nobjective Goal "Goal" {\n  metric Orders\n}\nmetric Orders "Orders" {\n  baseline 1\n  target 3 by 2027-06-30\n}\n';
        const ws = await workspace({ 'a.strategy': ticket, 'b.strategy': 'ticket APP-1 "The same ID" {\n  serves Goal\n}\n' });
        assert.deepEqual(ws.codes('a.strategy'), ['1:8 duplicate-id']);
        const builder = ws.services.shared.workspace.DocumentBuilder;
        const source = new CancellationTokenSource();
        const cancelOnLink = builder.onDocumentPhase(DocumentState.Linked, document => {
            if (document.uri.toString() === ws.uri('b.strategy').toString()) source.cancel();
        });
        await assert.rejects(builder.update([ws.uri('b.strategy')], [], source.token));
        cancelOnLink.dispose();
        await ws.edit('b.strategy', undefined);
        assert.deepEqual(ws.codes('a.strategy'), [], 'APP-1 is still counted as defined in the deleted file');
    });
});

describe('an ID defined in two files', () => {
    const first = 'objective Engagement "In a.strategy" {\n  metric OrdersA\n}\nmetric OrdersA "Orders" {\n  baseline 1\n  target 3\n  by 2027-06-30\n}\n';
    const second = 'objective Engagement "In b.strategy" {\n  metric OrdersB\n}\nmetric OrdersB "Orders" {\n  baseline 1\n  target 3\n  by 2027-06-30\n}\n';
    const ticket = 'ticket APP-1 "Work" {\n  serves Engagement\n  kind feature\n}\n';
    const servedFile = (ws: Awaited<ReturnType<typeof workspace>>) => {
        const served = (ws.documents.get('work.strategy')!.parseResult.value.elements[0] as Ticket).serves[0]?.ref;
        return served && AstUtils.getDocument(served).uri.path.split('/').pop();
    };

    it('is resolved to the definition in the file whose path sorts first, whatever order the files were read in', async () => {
        for (const files of [{ 'b.strategy': second, 'a.strategy': first, 'work.strategy': ticket }, { 'a.strategy': first, 'work.strategy': ticket, 'b.strategy': second }]) {
            const ws = await workspace(files);
            assert.equal(servedFile(ws), 'a.strategy', Object.keys(files).join(', '));
            assert.deepEqual(ws.codes('a.strategy'), ['1:11 duplicate-id']);
            assert.deepEqual(ws.codes('b.strategy'), ['1:11 duplicate-id', '1:11 objective-without-work']);
        }
    });

    it('moves references to the other definition when the first file defines it, and back when it is deleted', async () => {
        const ws = await workspace({ 'b.strategy': second, 'work.strategy': ticket });
        assert.equal(servedFile(ws), 'b.strategy');
        await ws.edit('a.strategy', first);
        assert.equal(servedFile(ws), 'a.strategy');
        assert.deepEqual(ws.codes('b.strategy'), ['1:11 duplicate-id', '1:11 objective-without-work']);
        await ws.edit('a.strategy', undefined);
        assert.equal(servedFile(ws), 'b.strategy');
        assert.deepEqual(ws.codes('b.strategy'), []);
    });
});
