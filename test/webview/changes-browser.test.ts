import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildWorkspace } from '../../src/cli/load-workspace.js';
import { diffStrategies, type DiffSide } from '../../src/model/diff/strategy-diff.js';
import { previewView, sourceUris, type MapView } from '../../src/model/preview-view.js';
import { mapCardSvg, mapHtml } from '../../src/render/map/alignment-map.js';
import { activeContent, launchChromium, openPreview, PreviewServer, pwned, root, skipWithoutChromium, type PreviewPage } from './preview-harness.js';

// "Compare with Revision…"'s changes view in Debian's Chromium, inside the real shell and script: the example
// workspace compared with an edited copy of itself shows the headline and its button, "new" and "changed" badges
// with the change under the card's row, and a Removed group; a hostile title stays text, the strict CSP holds, and
// the button asks the extension to leave the comparison. The fragment carries no whole card: expanding a card asks
// for it, and the whole card the extension answers with (strategy/renderCard with the comparison) shows the changes.

const today = '2026-11-23';
const folder = path.join(root, 'examples', 'shop-app');
const files = Object.fromEntries(readdirSync(folder).map(name => [name, readFileSync(path.join(folder, name), 'utf8')]));

async function side(label: string, texts: Record<string, string>): Promise<{ side: DiffSide; view: MapView; uris: string[] }> {
    const { services, documents } = await buildWorkspace(Object.entries(texts).map(([name, text]) => ({ file: path.join('/ws', name), text })), today);
    const view = previewView(services.strategy.WorkspaceModel.get(), undefined) as MapView;
    return {
        side: {
            label, diagnostics: [], metrics: services.strategy.WorkspaceModel.get().metrics,
            files: documents.map(document => ({ path: path.basename(document.uri.fsPath), model: document.parseResult.value }))
        },
        view, uris: sourceUris(view)
    };
}

describe('the changes view of Compare with Revision, in Chromium', function () {
    this.timeout(180_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let fragment: string;
    let uris: string[];
    let wholeCard: (key: string) => string | undefined;
    let preview: PreviewPage | undefined;

    before(async function () {
        skipWithoutChromium(this);
        const base = await side('HEAD', files);
        const backlog = files['backlog.strategy']
            .replace('status todo\n  milestone RepeatBasket', 'status done\n  milestone RepeatBasket')
            .replace(/ticket APP-130[^}]*}\n/, '')
            + '\nticket APP-200 "<script>window.__pwned = 1</script> one-tap reorder" {\n  serves Engagement\n  status todo\n  priority high\n}\n';
        const head = await side('workspace', { ...files, 'backlog.strategy': backlog });
        const diff = diffStrategies(base.side, head.side);
        const changes = { revision: 'HEAD', commit: '0123456789abcdef', diff };
        fragment = mapHtml(head.view, { interactive: true, changes });
        wholeCard = key => mapCardSvg(head.view, key, changes);
        uris = head.uris;
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        if (preview) {
            assert.deepEqual(preview.pageErrors, [], 'no error in the webview script');
            assert.deepEqual(await preview.violations(), [], 'no Content Security Policy violation');
            await preview.page.close();
        }
        await browser?.close();
        await server?.close();
    });

    it('shows the headline and the marks on the map, the change under the row, a Removed group, and leaves on the button', async () => {
        preview = await openPreview(browser!, server!, { width: 900, height: 1200 });
        await preview.send({ type: 'update', title: 'Changes since HEAD', html: fragment, diagnostics: { errors: 0, warnings: 0, infos: 0 }, source: { uri: uris[0] }, comparing: true });
        const { page } = preview;
        assert.ok(await page.locator('#preview-filter').isHidden(), 'the filter box does not filter a changes view, so it is not offered');
        const headline = page.locator('.view-changes .changes-headline');
        assert.equal(await headline.textContent(), 'Compared with HEAD (0123456): 1 added · 1 changed · 1 removed');
        assert.ok(await headline.isVisible(), 'the headline is on screen above the map');

        // APP-200 is new, live and of high priority: its row on the objective's summary carries a "new" badge.
        const added = page.locator('.nodes .diff-added[data-element="ticket:APP-200"]').first();
        assert.ok(await added.isVisible(), 'the new ticket is listed on its objective\'s card');
        assert.equal(await added.locator('.badge-diff-added text').textContent(), 'new');
        assert.match(await added.locator(':scope > title').textContent() ?? '', /^APP-200 · todo · high: <script>window\.__pwned = 1<\/script> one-tap reorder$/, 'the title shows as text');
        // APP-102 changed: its badge, and its change in words beside it.
        const changed = page.locator('.nodes .diff-changed[data-element="ticket:APP-102"]').first();
        assert.ok(await changed.isVisible());
        assert.match(await changed.textContent() ?? '', /status todo → done/);
        // APP-130 is gone: in the Removed group, struck through.
        const removed = page.locator('.nodes .group-removed .diff-removed');
        assert.match(await removed.textContent() ?? '', /ticket APP-130.*Refactor the checkout service/);
        assert.equal(await removed.locator('text.t-id').evaluate(element => (globalThis as any).getComputedStyle(element).textDecorationLine), 'line-through');

        assert.deepEqual(await activeContent(page), [], 'no style attribute, no active content');
        assert.equal(await pwned(page), undefined, 'no script of the title ran');

        await page.locator('.view-changes button.leave-comparison').click();
        assert.deepEqual((await preview.posted()).filter(message => message.type === 'leaveComparison'), [{ type: 'leaveComparison' }]);
    });

    it('expands a card of the changes view: the whole card it asks for shows the changed ticket with its badge and its before → after line', async () => {
        const expanding = await openPreview(browser!, server!, { width: 900, height: 1200 });
        try {
            await expanding.send({ type: 'update', title: 'Changes since HEAD', html: fragment, diagnostics: { errors: 0, warnings: 0, infos: 0 }, source: { uri: uris[0] }, comparing: true });
            const { page } = expanding;
            assert.equal(await page.locator('.map-whole').count(), 0, 'the changes view carries no whole card until one is expanded');
            // The objective whose card lists APP-102's change: a click on its own title expands it.
            const card = page.locator('.nodes [data-node]').filter({ has: page.locator('[data-element="ticket:APP-102"]') }).first();
            const key = await card.getAttribute('data-element');
            assert.match(key ?? '', /^objective:/);
            await card.locator(':scope > text').first().click();
            const asked = (await expanding.posted()).filter(message => message.type === 'expand');
            assert.deepEqual(asked.at(-1), { type: 'expand', cards: [key], open: key });
            const html = wholeCard(key!);
            assert.ok(html, 'the card has a whole card');
            await expanding.send({ type: 'card', card: key!, html });

            const whole = page.locator('.map-whole.expanded');
            assert.ok(await whole.isVisible(), 'the whole card is shown over the card');
            const ticket = whole.locator('.node-ticket.diff-changed[data-element="ticket:APP-102"]');
            assert.ok(await ticket.isVisible(), 'APP-102 is listed in the whole card, marked');
            assert.equal(await ticket.locator('.badge-diff-changed text').textContent(), 'changed');
            const line = whole.locator('.diff-fields .t-change').filter({ hasText: 'status todo → done' });
            assert.ok(await line.first().isVisible(), 'its change in words is under it');
            assert.equal(await card.getAttribute('aria-expanded'), 'true');
            assert.deepEqual(expanding.pageErrors, [], 'no error in the webview script');
            assert.deepEqual(await expanding.violations(), [], 'no Content Security Policy violation');
        } finally {
            await expanding.page.close();
        }
    });
});
