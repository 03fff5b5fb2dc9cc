import assert from 'node:assert/strict';
import { CancellationToken, ResponseError } from 'vscode-languageserver';
import type { LinkedReader } from '../../../src/language/lsp/linked-reader.js';
import { PreviewRequests } from '../../../src/language/lsp/preview-requests.js';
import { previewView } from '../../../src/model/preview-view.js';
import type { RenderCardResult, RenderResult } from '../../../src/protocol/strategy-protocol.js';
import { workspace } from '../../helpers.js';

// The preview's requests keep the last view they read until the documents change: a card expanded after the map was
// rendered (one strategy/renderCard per card) reads the map once, and an edit is never answered from the old map.

const files = {
    'goals.strategy': 'objective Grow "Grow revenue" { metric Revenue }\n'
        + 'metric Revenue "Monthly revenue" { unit "EUR" baseline 100 target 200 by 2027-06-30 }\n',
    'work.strategy': 'ticket APP-1 "Faster search" { serves Grow status doing }\n'
};

describe('the preview\'s requests keep the last view until a document changes', () => {
    it('reads the map once for a render and its cards, again after an edit or for another filter, and never answers an edit from the old map', async () => {
        const ws = await workspace(files);
        let reads = 0;
        // The workspace is built before each request here, as the server's reader waits for it to be.
        const whenLinked: LinkedReader = async (_token, read) => read();
        const requests = new PreviewRequests(ws.services, whenLinked, (...args) => {
            reads++;
            return previewView(...args);
        });
        const card = (filter?: object) => requests.renderCard({ card: 'objective:Grow', ...(filter ? { filter } : {}) }, CancellationToken.None) as Promise<RenderCardResult>;
        const map = await requests.render({ format: 'fragment' }, CancellationToken.None) as RenderResult;
        assert.ok(!(map instanceof ResponseError) && map.content.includes('Grow revenue'));
        const first = await card();
        const second = await card();
        assert.equal(reads, 1, 'the cards reuse the map the render read');
        assert.deepEqual(second, first);
        assert.match(first.content, /Faster search/);

        await card({ status: 'todo' });
        assert.equal(reads, 2, 'another filter is another map');

        await ws.edit('work.strategy', 'ticket APP-1 "Quicker search" { serves Grow status doing }\n');
        const edited = await card();
        assert.equal(reads, 3, 'an edit reads the map again');
        assert.match(edited.content, /Quicker search/);
        assert.doesNotMatch(edited.content, /Faster search/);

        // A canvas request after the map is another view, and the map after it is read again.
        await requests.render({ format: 'fragment', canvas: 'Nope' }, CancellationToken.None);
        await card();
        assert.equal(reads, 5);
    });
});
