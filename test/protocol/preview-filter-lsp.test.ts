import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderResult } from '../../src/protocol/strategy-protocol.js';
import { startSession, type LspSession } from './lsp-session.js';

// The preview's filter box through the built server: `strategy/render` with a `filter` answers the map that
// `strategy render`'s flags give, by the same engine; the filter is applied again to the edited workspace; a map
// that keeps nothing says so; a malformed filter is refused, a canvas ignores one.

const example = fileURLToPath(new URL('../../examples/shop-app', import.meta.url));

/** The IDs of the elements of this kind the rendering shows (a card's summary and its whole card name the same). */
function elements(result: RenderResult | null, kind: string): string[] {
    assert.ok(result, 'a rendering');
    return [...new Set([...result.content.matchAll(new RegExp(`data-element="${kind}:([^"]+)"`, 'g'))].map(match => match[1]!))].sort();
}

describe('strategy lsp --stdio: the preview\'s filtered map (strategy/render with a filter)', function () {
    this.timeout(60_000);
    let folder: string;
    let session: LspSession;
    const render = (params: unknown) => session.request<RenderResult | null>('strategy/render', params);

    before(async () => {
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-filter-')));
        cpSync(example, folder, { recursive: true });
        session = await startSession(folder);
    });

    after(async () => {
        await session?.close();
        rmSync(folder, { recursive: true, force: true });
    });

    it('keeps the tickets the filter keeps and the objectives on their path, as strategy render --status does', async () => {
        const all = await render({ format: 'fragment' });
        assert.deepEqual(elements(all, 'ticket'), ['APP-101', 'APP-102', 'APP-123', 'APP-130']);
        assert.equal(all!.nothingMatches, undefined);

        const doing = await render({ format: 'fragment', filter: { status: 'doing' } });
        assert.deepEqual(elements(doing, 'ticket'), ['APP-101', 'APP-123']);
        assert.deepEqual(elements(doing, 'objective'), ['Engagement', 'Revenue']);
        assert.match(doing!.content, /data-view="map"/);
        assert.equal(doing!.nothingMatches, undefined);
    });

    it('matches free text in a ticket\'s ID or title and in an objective\'s ID, title or owner, any case', async () => {
        assert.deepEqual(elements(await render({ format: 'fragment', filter: { text: 'CHECKOUT' } }), 'ticket'), ['APP-130']);
        assert.deepEqual(elements(await render({ format: 'fragment', filter: { text: 'app-12' } }), 'ticket'), ['APP-123']);
        // "Growth team" owns Engagement: its tickets and the objectives above it.
        const owned = await render({ format: 'fragment', filter: { text: 'growth team' } });
        assert.deepEqual(elements(owned, 'ticket'), ['APP-101', 'APP-102', 'APP-123']);
        assert.ok(elements(owned, 'objective').includes('Engagement'));
        assert.deepEqual(elements(await render({ format: 'fragment', filter: { text: 'growth team', hideDone: true, kind: 'feature' } }), 'ticket'),
            elements(await render({ format: 'fragment', filter: { owner: 'growth', hideDone: true, kind: 'feature' } }), 'ticket'));
    });

    it('says when the filtered map keeps nothing', async () => {
        const none = await render({ format: 'fragment', filter: { owner: 'nobody at all' } });
        assert.equal(none!.nothingMatches, true);
        assert.deepEqual(elements(none, 'objective'), []);
        const unknownMilestone = await render({ format: 'fragment', filter: { milestone: 'M404' } });
        assert.equal(unknownMilestone!.nothingMatches, true);
    });

    it('filters the edited workspace: the next render after an edit applies the same filter to the new text', async () => {
        const backlog = readFileSync(join(folder, 'backlog.strategy'), 'utf8');
        // APP-102 is `status todo`: after the edit it is doing too.
        const edited = backlog.replace(/(ticket APP-102[^}]*?status )todo/, '$1doing');
        assert.notEqual(edited, backlog);
        await session.open('backlog.strategy', edited);
        // The request itself waits until the server has linked the edit.
        assert.deepEqual(elements(await render({ format: 'fragment', filter: { status: 'doing' } }), 'ticket'), ['APP-101', 'APP-102', 'APP-123']);
    });

    it('refuses a malformed filter and renders a canvas whole whatever the filter', async () => {
        await assert.rejects(render({ format: 'fragment', filter: { hideDone: 'yes' } }), /filter/);
        await assert.rejects(render({ format: 'fragment', filter: { status: 3 } }), /filter/);
        await assert.rejects(render({ format: 'fragment', filter: 'status:doing' }), /filter/);
        const canvas = await render({ canvas: 'AppRecurrence', format: 'fragment', filter: { owner: 'nobody' } });
        assert.match(canvas!.content, /data-view="product"/);
        assert.equal(canvas!.nothingMatches, undefined);
    });
});
