import * as assert from 'node:assert/strict';
import { DocumentState } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
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
});
