import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderCardResult, RenderResult } from '../../src/protocol/strategy-protocol.js';
import { startSession, type LspSession } from './lsp-session.js';

// The preview's expanded cards through the built server: the map `strategy/render` answers carries the whole cards
// of the cards named in `expanded` only; `strategy/renderCard` answers one card's whole card (as the expanded map
// draws it, at 0,0), filtered as the map is and after an edit; a card the map lacks is null, a malformed request refused.

const example = fileURLToPath(new URL('../../examples/shop-app', import.meta.url));

function wholeCards(result: RenderResult | null): string[] {
    assert.ok(result, 'a rendering');
    return [...result.content.matchAll(/<g class="map-whole" data-whole="([^"]+)">/g)].map(match => match[1]!);
}

/** What the map draws over its summaries: the focus buttons and the whole cards it carries. */
function overlays(result: RenderResult): string {
    return result.content.slice(result.content.indexOf('<g class="map-overlays">'));
}

describe('strategy lsp --stdio: the preview\'s expanded cards (strategy/render expanded, strategy/renderCard)', function () {
    this.timeout(60_000);
    let folder: string;
    let session: LspSession;
    const render = (params: unknown) => session.request<RenderResult | null>('strategy/render', params);
    const card = (params: unknown) => session.request<RenderCardResult | null>('strategy/renderCard', params);

    before(async () => {
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-card-')));
        cpSync(example, folder, { recursive: true });
        session = await startSession(folder);
    });

    after(async () => {
        await session?.close();
        rmSync(folder, { recursive: true, force: true });
    });

    it('sends the whole cards of the expanded cards only', async () => {
        assert.deepEqual(wholeCards(await render({ format: 'fragment' })), []);
        const one = await render({ format: 'fragment', expanded: ['objective:Engagement'] });
        assert.equal(wholeCards(one).length, 1);
        assert.match(one!.content, new RegExp(`data-element="objective:Engagement"[^>]*data-node="${wholeCards(one)[0]}"`));
        assert.equal(wholeCards(await render({ format: 'fragment', expanded: ['objective:Engagement', 'objective:Revenue', 'objective:Nope'] })).length, 2);
        // The exports draw the summaries whatever is asked.
        assert.doesNotMatch((await render({ format: 'svg', expanded: ['objective:Engagement'] }))!.content, /<g class="map-whole"/);
    });

    it('answers one card\'s whole card as the map draws it, filtered as the map is, and after an edit', async () => {
        const map = (await render({ format: 'fragment', expanded: ['objective:Engagement'] }))!;
        const answer = await card({ card: 'objective:Engagement' });
        assert.ok(answer, 'a card');
        assert.match(answer.content, /^<rect class="card-bg" x="0" y="0" width="260" height="\d+" rx="6"\/><title>Engagement/);
        // Its tickets, every one, as in the whole card of the map with it expanded.
        const tickets = (markup: string) => [...markup.matchAll(/data-element="ticket:([^"]+)"/g)].map(match => match[1]).sort();
        assert.deepEqual(tickets(answer.content), tickets(overlays(map)));
        assert.ok(tickets(answer.content).length > 0);
        const doing = await card({ card: 'objective:Engagement', filter: { status: 'doing' } });
        assert.ok(doing && tickets(doing.content).length < tickets(answer.content).length, 'the filter keeps fewer tickets');

        const backlog = readFileSync(join(folder, 'backlog.strategy'), 'utf8');
        const edited = backlog.replace(/(ticket APP-101 ")/, '$1Edited: ');
        assert.notEqual(edited, backlog);
        await session.open('backlog.strategy', edited);
        const after = await card({ card: 'objective:Engagement' });
        assert.match(after!.content, /Edited: /);
    });

    it('answers null for a card the map lacks, and refuses a malformed request', async () => {
        assert.equal(await card({ card: 'objective:Nope' }), null);
        assert.equal(await card({ card: 'group:health', filter: { owner: 'nobody at all' } }), null);
        await assert.rejects(card({}), /renderCard needs/);
        await assert.rejects(card({ card: 'x'.repeat(5000) }), /renderCard needs/);
        await assert.rejects(card({ card: 'objective:Engagement', filter: { hideDone: 'yes' } }), /renderCard needs/);
        await assert.rejects(render({ format: 'fragment', expanded: 'objective:Engagement' }), /expanded/);
    });
});
