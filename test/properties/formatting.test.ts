import assert from 'node:assert/strict';
import { TextDocument } from 'langium';
import { tokenize } from '../fuzz/mutators.js';
import { workspace } from '../helpers.js';
import { corpus, validVariants } from './corpus.js';

async function format(text: string): Promise<string> {
    const ws = await workspace({ 'main.strategy': text });
    const document = ws.documents.get('main.strategy')!;
    const edits = await ws.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Tokens and comments in order, whitespace left out (inside a comment too: a block comment is re-indented). */
function tokens(text: string): string[] {
    return tokenize(text).filter(token => token.kind !== 'ws')
        .flatMap(token => token.kind === 'word' ? token.text.split(/(\.)/).filter(Boolean) : [token.kind === 'comment' ? token.text.replace(/\s+/g, '') : token.text]);
}

describe('property: formatting is idempotent and keeps every token and comment in order', function () {
    this.timeout(60_000);
    it('over the examples and valid fuzzer variants', async () => {
        const texts = { ...corpus, ...await validVariants(25) };
        let formattedCount = 0;
        for (const [name, text] of Object.entries(texts)) {
            const once = await format(text);
            if (once !== text) formattedCount++;
            assert.deepEqual(tokens(once), tokens(text), `${name}: tokens kept`);
            assert.equal(await format(once), once, `${name}: formatting twice changes nothing`);
        }
        assert.ok(formattedCount > 0, 'some texts were reformatted');
    });
});
