import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadWorkspace } from '../../src/cli/load-workspace.js';
import { mapView, sourceUris } from '../../src/model/preview-view.js';
import type { WorkFilter } from '../../src/model/work-filter.js';
import { renderView } from '../../src/render/render-view.js';
import type { FromWebviewMessage, PreviewState, UpdateMessage } from '../../src/protocol/webview-messages.js';
import {
    launchChromium, openPreview, PreviewServer, pwned, renderFixture, root, skipWithoutChromium, updateMessage,
    type PreviewPage, type RenderedView
} from './preview-harness.js';
import { closeHealthyPages } from './page-health.js';

// The map's filter box in the preview's header, in Chromium at the side panel's width: typing posts the filter
// (read as `strategy render`'s flags read theirs), the filtered map the server renders replaces the old one, a
// filter that keeps nothing says so with a way back, an unknown word is named, Escape and × clear, a reload keeps
// the words, and the header stays one line throughout.

const sidePanel = { width: 541, height: 800 };

/** The map of the example as the server renders it for `strategy/render` with this filter. */
async function filteredUpdate(filter: WorkFilter): Promise<UpdateMessage> {
    const { services } = await loadWorkspace([path.resolve(root, 'examples/shop-app')], '2026-11-23');
    const view = mapView(services.strategy.WorkspaceModel.get(), filter);
    return {
        type: 'update', title: view.title, html: await renderView(view, 'fragment'),
        diagnostics: { errors: 0, warnings: 0, infos: 0 }, source: { uri: sourceUris(view)[0] }
    };
}

async function filtersPosted(preview: PreviewPage): Promise<FromWebviewMessage[]> {
    return (await preview.posted()).filter(message => message.type === 'filter');
}

/** Waits until the webview has posted a filter message equal to `filter` as its last one. */
async function postedFilter(preview: PreviewPage, filter: WorkFilter): Promise<void> {
    await preview.page.waitForFunction(expected => {
        const posted = ((globalThis as any).__posted as Array<{ type: string; filter?: unknown }>).filter(message => message.type === 'filter');
        return posted.length > 0 && JSON.stringify(posted.at(-1)!.filter) === expected;
    }, JSON.stringify(filter), { timeout: 5_000 });
}

async function shownTickets(page: Page): Promise<string[]> {
    const keys = await page.locator('#preview-content [data-element^="ticket:"]').evaluateAll(elements => elements.map(element => element.getAttribute('data-element')!));
    return [...new Set(keys)].sort();
}

/** The header's height and the elements shown in it that lie outside its one line or past its ends. */
async function headerLine(page: Page): Promise<{ height: number; outside: string[] }> {
    return page.locator('.preview-header').evaluate(header => {
        const box = header.getBoundingClientRect();
        const outside: string[] = [];
        for (const child of header.querySelectorAll(':scope > *, :scope > * > *')) {
            const rect = child.getBoundingClientRect();
            // Popups (the legend, the filter's note) open over the view on purpose.
            if (rect.width === 0 || child.closest('.legend, .filter-note')) continue;
            if (rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5 || rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
                outside.push(`${child.localName}.${child.className}`);
            }
        }
        return { height: box.height, outside };
    });
}

describe('the map\'s filter box in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let map: RenderedView;
    let canvas: RenderedView;
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        [map, canvas] = (await renderFixture('examples/shop-app', [undefined, 'AppRecurrence'])) as [RenderedView, RenderedView];
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    async function open(savedState?: PreviewState): Promise<PreviewPage> {
        const preview = await openPreview(browser!, server!, { ...sidePanel, savedState });
        pages.push(preview);
        return preview;
    }

    afterEach(() => closeHealthyPages(pages));

    it('posts what is typed as a filter, shows the filtered map in place of the old, and keeps the header one line at 541 px', async () => {
        const preview = await open();
        const page = preview.page;
        await preview.send(updateMessage(map));
        const closed = await headerLine(page);
        assert.deepEqual(closed.outside, []);
        assert.ok(closed.height <= 40, `the header is ${closed.height} px high`);
        assert.deepEqual(await shownTickets(page), ['ticket:APP-101', 'ticket:APP-102', 'ticket:APP-123', 'ticket:APP-130']);

        assert.ok(await page.locator('#preview-filter-input').isHidden(), 'closed, the box is a button');
        await page.locator('#preview-filter-toggle').click();
        const input = page.locator('#preview-filter-input');
        assert.ok(await input.isVisible());
        assert.ok(await input.evaluate(element => element === (globalThis as any).document.activeElement), 'the field has the focus');
        await page.keyboard.type('status:doing');
        await postedFilter(preview, { status: 'doing' });
        assert.equal((await preview.state())?.filter, 'status:doing', 'the words are kept in the webview\'s state');

        const typing = await headerLine(page);
        assert.deepEqual(typing.outside, [], 'while typing, the box is in the header line');
        assert.equal(typing.height, closed.height, 'the header as high as before');
        const field = (await input.boundingBox())!;
        assert.ok(field.width >= 200, `room to type: ${field.width} px`);

        await preview.send(await filteredUpdate({ status: 'doing' }));
        assert.deepEqual(await shownTickets(page), ['ticket:APP-101', 'ticket:APP-123'], 'the filtered map replaced the whole one');
        assert.match((await page.locator('#preview-view-info .view-summary').textContent()) ?? '', /2 tickets/);
        assert.equal(await input.inputValue(), 'status:doing', 'the update keeps what is typed');
        // Done typing, with problems counted: the zoom buttons and the counts are back, on the same line.
        await input.evaluate(element => (element as any).blur());
        await preview.send({ ...(await filteredUpdate({ status: 'doing' })), diagnostics: { errors: 2, warnings: 1, infos: 0 } });
        const applied = await headerLine(page);
        assert.deepEqual(applied.outside, [], 'the box, the zoom buttons and the problems in the header line');
        assert.equal(applied.height, closed.height);
        assert.ok(await page.locator('[data-zoom="fit"]').isVisible(), 'the zoom buttons back');
        assert.ok((await input.boundingBox())!.width >= 60, 'the applied filter stays in sight');
        // The next update (an edit of the file) arrives with the same filter applied: the box still says so.
        await preview.send(await filteredUpdate({ status: 'doing' }));
        assert.equal(await input.inputValue(), 'status:doing');
        assert.ok(await page.locator('#preview-filter').evaluate(element => element.classList.contains('active')));
    });

    it('says when nothing matches, with a button that clears the filter, never a blank page', async () => {
        const preview = await open();
        const page = preview.page;
        await preview.send(updateMessage(map));
        await page.locator('#preview-filter-toggle').click();
        const words = 'owner:nobody <img src=x onerror="window.__pwned=1">';
        await page.locator('#preview-filter-input').fill(words);
        await postedFilter(preview, { owner: 'nobody', text: '<img src=x onerror="window.__pwned=1">' });
        await preview.send({ ...(await filteredUpdate({ owner: 'nobody' })), nothingMatches: true });
        const empty = page.locator('#preview-content .filter-empty');
        assert.ok(await empty.isVisible());
        assert.equal((await empty.locator('p').textContent()), `Nothing matches ${words}`, 'the words as text');
        assert.equal(await page.locator('#preview-content [data-element]').count(), 0);
        assert.equal(await pwned(page), undefined);
        assert.deepEqual((await headerLine(page)).outside, []);

        const before = (await filtersPosted(preview)).length;
        await empty.getByRole('button', { name: 'Clear the filter' }).click();
        const posted = await filtersPosted(preview);
        assert.deepEqual(posted.slice(before), [{ type: 'filter', filter: {} }], 'cleared at once');
        assert.equal(await page.locator('#preview-filter-input').inputValue(), '');
        assert.equal((await preview.state())?.filter, undefined);
        await preview.send(updateMessage(map));
        assert.equal(await shownTickets(page).then(keys => keys.length), 4, 'the whole map again');
    });

    it('names an unknown key or value under the box and applies the words it could read; Escape and × clear', async () => {
        const preview = await open();
        const page = preview.page;
        await preview.send(updateMessage(map));
        await page.locator('#preview-filter-toggle').click();
        const input = page.locator('#preview-filter-input');
        await page.keyboard.type('foo:bar checkout');
        await postedFilter(preview, { text: 'checkout' });
        const note = page.locator('#preview-filter-note');
        assert.equal(await note.textContent(), "unknown filter 'foo'; use owner:, focus:, kind:, status:, milestone:, hide:");
        assert.ok(await note.isVisible());
        assert.equal(await input.getAttribute('aria-invalid'), 'true');
        assert.deepEqual((await headerLine(page)).outside, [], 'the note opens over the map');

        await input.fill('status:doin');
        await postedFilter(preview, {});
        assert.match((await note.textContent()) ?? '', /^unknown status 'doin'; use todo, doing, done, dropped$/);

        await input.fill('hide:done');
        await postedFilter(preview, { hideDone: true });
        assert.ok(await note.isHidden());
        await input.press('Escape');
        await postedFilter(preview, {});
        assert.equal(await input.inputValue(), '');
        await input.press('Escape');
        assert.ok(await input.isHidden(), 'a second Escape closes the empty box');

        await page.locator('#preview-filter-toggle').click();
        await input.fill('kind:bug');
        await postedFilter(preview, { kind: 'bug' });
        await page.locator('#preview-filter-clear').click();
        await postedFilter(preview, {});
        assert.equal(await input.inputValue(), '');
    });

    it('brings the words back after a reload and asks for the filtered map when ready; hides the box on a canvas', async () => {
        const preview = await open({ zoom: 1, pan: { x: 0, y: 0 }, scroll: { x: 0, y: 0 }, filter: 'owner:"Growth team" hide:done' });
        const page = preview.page;
        const ready = (await preview.posted()).find(message => message.type === 'ready');
        assert.deepEqual(ready, { type: 'ready', filter: { owner: 'Growth team', hideDone: true } });
        await preview.send(await filteredUpdate({ owner: 'Growth team', hideDone: true }));
        assert.equal(await page.locator('#preview-filter-input').inputValue(), 'owner:"Growth team" hide:done');
        assert.ok(await page.locator('#preview-filter-input').isVisible(), 'open, as it holds a filter');
        assert.deepEqual((await headerLine(page)).outside, []);

        await preview.send(updateMessage(canvas));
        assert.ok(await page.locator('#preview-filter').isHidden(), 'a canvas is not filtered');
        await preview.send(updateMessage(map));
        assert.ok(await page.locator('#preview-filter').isVisible());
        assert.equal(await page.locator('#preview-filter-input').inputValue(), 'owner:"Growth team" hide:done');
    });
});
