import * as assert from 'node:assert/strict';
import { AstUtils, DocumentState } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import type { Solution } from '../../src/language/generated/ast.js';
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
