import assert from 'node:assert/strict';
import { workspace } from '../helpers.js';

// Doc comments are kept for hover: the contract's `/** doc */` directly above an element documents it.
describe('doc comments', () => {
    it('show on hover at a reference in another file', async () => {
        const ws = await workspace({
            'goals.strategy': '/** The business result that every request must serve. */\nobjective Revenue "Grow recurring revenue" {}\n',
            'backlog.strategy': 'ticket APP-1 "t" {\n  serves Revenue\n}\n'
        });
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(ws.documents.get('backlog.strategy')!, {
            textDocument: { uri: ws.uri('backlog.strategy').toString() }, position: { line: 1, character: 10 }
        });
        const contents = hover?.contents as { value: string } | undefined;
        assert.match(contents?.value ?? '', /The business result that every request must serve\./);
    });
});
