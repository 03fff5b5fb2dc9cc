import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { MapView } from '../../src/model/preview-view.js';
import { mapCardSvg } from '../../src/render/map/alignment-map.js';
import { renderView } from '../../src/render/render-view.js';
// @ts-expect-error: the generator is a plain ES module of the benchmarks, without types.
import { generateWorkspace } from '../../scripts/bench/generate-workspace.mjs';
import {
    answerCards, launchChromium, openPreview, PreviewServer, renderFixture, skipWithoutChromium, updateMessage, type PreviewPage, type RenderedView
} from './preview-harness.js';
import { closeHealthyPages } from './page-health.js';

// Issue 14, item 1, in Debian's Chromium: the map of a team's workspace (20 objectives, 300 tickets) in a side panel
// 541 px wide, fitted to its width, shows objective titles at 9 px or more; a click expands a card in place, Alt+click
// shows one objective's subtree with a breadcrumb that goes back up, and both survive an update as typing sends it;
// the expanded cards and the focused subtree also survive a reload of the webview.

const panel = { width: 541, height: 900 };

describe('the map that summarises, in Chromium', function () {
    this.timeout(180_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let folder: string | undefined;
    let map: RenderedView;
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        folder = mkdtempSync(path.join(os.tmpdir(), 'strategy-team-map-'));
        generateWorkspace(folder, { team: true });
        [map] = await renderFixture(folder, [undefined], '2026-11-23');
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    afterEach(() => closeHealthyPages(pages));

    async function open(zoom?: number): Promise<PreviewPage> {
        const savedState = zoom === undefined ? undefined : { zoom, pan: { x: 16, y: 16 }, scroll: { x: 0, y: 0 } };
        const preview = await openPreview(browser!, server!, { ...panel, savedState });
        pages.push(preview);
        await preview.send(updateMessage(map));
        return preview;
    }

    /** Each visible objective title's font size on screen: its computed size times the map's scale. */
    function titleSizes(preview: PreviewPage): Promise<number[]> {
        return preview.page.evaluate(() => {
            const document = (globalThis as any).document;
            const svg = document.querySelector('.map-viewport > svg');
            const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
            return [...document.querySelectorAll('.nodes .node-objective > text.t-title')]
                .map((text: any) => parseFloat((globalThis as any).getComputedStyle(text).fontSize) * scale);
        });
    }

    it('fits the panel\'s width with every objective title at 9 px or more on screen', async () => {
        const first = await open();
        const widthZoom = await first.page.evaluate(() => {
            const document = (globalThis as any).document;
            const viewport = document.querySelector('.map-viewport');
            const svg = document.querySelector('.map-viewport > svg');
            return (viewport.clientWidth - 32) / svg.width.baseVal.value;
        });
        // The zoom at which the whole width shows, as "Fit" gives for a map no taller than the panel.
        const preview = await open(widthZoom);
        const box = await preview.page.evaluate(() => {
            const document = (globalThis as any).document;
            const svg = document.querySelector('.map-viewport > svg').getBoundingClientRect();
            const viewport = document.querySelector('.map-viewport').getBoundingClientRect();
            return { left: svg.left - viewport.left, right: viewport.right - svg.right };
        });
        assert.ok(box.left >= 0 && box.right >= 0, `the map's width is inside the panel: ${JSON.stringify(box)}`);
        const sizes = await titleSizes(preview);
        assert.equal(sizes.length, 20);
        assert.ok(Math.min(...sizes) >= 9, `titles at ${Math.min(...sizes).toFixed(2)} px at ${(widthZoom * 100).toFixed(0)}%`);
    });

    it('expands a card in place on a click and on Enter, asking for its whole card once, and keeps it expanded across an update', async () => {
        const preview = await open(1);
        const { page } = preview;
        // The map as typing sends it carries no whole card: each is asked for when its card is expanded.
        assert.equal(await page.locator('.map-whole').count(), 0, 'no whole card before one is expanded');
        // The first card with more work than its summary lists.
        const card = page.locator('.nodes .node-objective:has([data-action="expand"])').first();
        const id = await card.getAttribute('data-node');
        const key = (await card.getAttribute('data-element'))!;
        assert.equal(await card.getAttribute('data-expandable'), 'true');
        const whole = page.locator(`.map-whole[data-whole="${id}"]`);
        const listed = () => page.locator('.map-whole.expanded .node-ticket').count();
        const summaryTickets = await card.locator('.node-ticket').count();
        // The editor's cursor on a ticket that only the whole card lists: highlighted once the card arrives.
        const onlyWhole = [...mapCardSvg(map.view as MapView, key)!.matchAll(/data-element="(ticket:[^"]+)"/g)].map(match => match[1]!).at(-1)!;
        assert.equal(await card.locator(`[data-element="${onlyWhole}"]`).count(), 0);
        await preview.send({ type: 'highlight', element: onlyWhole });
        await card.locator('text.t-id').first().click();
        assert.deepEqual((await preview.posted()).filter(message => message.type === 'expand'), [{ type: 'expand', cards: [key], open: key }]);
        assert.deepEqual(await answerCards(preview, map.view), [key], 'the extension answers with the card');
        assert.ok(await whole.isVisible(), 'the whole card shows');
        assert.equal(await whole.locator(`[data-element="${onlyWhole}"].highlighted`).count(), 1, 'the cursor\'s ticket highlighted in it');
        assert.ok(await listed() > summaryTickets, `${await listed()} tickets listed where the summary has ${summaryTickets}`);
        const summaryBox = await card.locator(':scope > .card-bg').boundingBox();
        const wholeBox = await whole.locator(':scope > .card-bg').boundingBox();
        assert.ok(summaryBox && wholeBox && Math.abs(summaryBox.x - wholeBox.x) < 1 && Math.abs(summaryBox.y - wholeBox.y) < 1, 'in place');
        assert.equal(await card.getAttribute('aria-expanded'), 'true');
        assert.ok((await whole.locator('.node-ticket.done').count()) > 0, 'done tickets listed, dimmed');
        const opacity = await whole.locator('.node-ticket.done').first().evaluate(element => (globalThis as any).getComputedStyle(element).opacity);
        assert.equal(opacity, '0.5');
        // A ticket of the whole card is clickable as in the map: it reveals its line.
        await whole.locator('.node-ticket').first().click();
        assert.equal((await preview.posted()).at(-1)?.type, 'reveal');

        // An update as typing sends it, rendered with the expanded card: the same card stays expanded, nothing asked.
        const edited = await renderView(map.view, 'fragment', new Set([key]));
        await preview.send({ ...updateMessage(map), html: edited.replace('</svg>', '<g></g></svg>') });
        assert.ok(await whole.isVisible(), 'still expanded after an update');
        assert.deepEqual(await answerCards(preview, map.view), [], 'the update carried the whole card');

        // A click on the whole card's edge closes it; Enter on the summary's "+N more" (focusable) opens it again.
        await whole.locator(':scope > .card-bg').click({ position: { x: 150, y: 4 } });
        assert.equal(await whole.isVisible(), false, 'a click on the whole card\'s edge closes it');
        assert.deepEqual((await preview.posted()).at(-1), { type: 'expand', cards: [] });
        await page.locator(`.nodes [data-node="${id}"] [data-action="expand"]`).focus();
        await page.keyboard.press('Enter');
        assert.ok(await whole.isVisible(), 'Enter on "+N more" expands, from the whole card the page has');
        assert.deepEqual((await preview.posted()).at(-1), { type: 'expand', cards: [key] });

        // An update rendered before the extension heard of the expansion lacks the card: the page asks for it again.
        await preview.send({ ...updateMessage(map), html: map.fragment.replace('</svg>', '<g></g><g></g></svg>') });
        assert.deepEqual(await answerCards(preview, map.view), [key]);
        assert.ok(await whole.isVisible(), 'expanded again once the card arrives');
    });

    it('brings the expanded cards back after a reload, asking again for the whole cards the map lacks, and drops a card the map no longer has', async () => {
        const preview = await open(1);
        const card = preview.page.locator('.nodes .node-objective:has([data-action="expand"])').first();
        const key = (await card.getAttribute('data-element'))!;
        await card.locator('text.t-id').first().click();
        assert.deepEqual(await answerCards(preview, map.view), [key]);
        const saved = await preview.state();
        assert.deepEqual(saved?.expanded, [key], 'the expanded card is kept in the webview\'s state');

        // VS Code reloads the webview with its saved state; an objective expanded before has since been deleted.
        const reloaded = await openPreview(browser!, server!, { ...panel, savedState: { ...saved!, expanded: [key, 'objective:Deleted'] } });
        pages.push(reloaded);
        const { page } = reloaded;
        assert.deepEqual((await reloaded.posted()).find(message => message.type === 'ready'), { type: 'ready', expanded: [key, 'objective:Deleted'] },
            'ready names the restored cards, so that every later map carries their whole cards');
        // A map rendered before the extension heard of them: the page asks for the whole card of the one it still has.
        await reloaded.send(updateMessage(map));
        const id = await page.locator(`.nodes [data-element="${key}"]`).getAttribute('data-node');
        const whole = page.locator(`.map-whole[data-whole="${id}"]`);
        assert.deepEqual((await reloaded.posted()).filter(message => message.type === 'expand'), [{ type: 'expand', cards: [key], open: key }]);
        assert.deepEqual(await answerCards(reloaded, map.view), [key]);
        assert.ok(await whole.isVisible(), 'the whole card shows again');
        assert.equal(await page.locator(`.nodes [data-node="${id}"]`).getAttribute('aria-expanded'), 'true');
        assert.deepEqual((await reloaded.state())?.expanded, [key], 'the deleted objective\'s card is dropped');

        // A map rendered with the restored card (the extension knew of it): open at once, nothing asked.
        const again = await openPreview(browser!, server!, { ...panel, savedState: (await reloaded.state())! });
        pages.push(again);
        await again.send({ ...updateMessage(map), html: await renderView(map.view, 'fragment', new Set([key])) });
        assert.ok(await again.page.locator(`.map-whole[data-whole="${id}"]`).isVisible(), 'open with the whole card the map carried');
        assert.deepEqual((await again.posted()).filter(message => message.type === 'expand'), []);
    });

    it('focuses one objective\'s subtree on Alt+click, with a breadcrumb that goes back up', async () => {
        const preview = await open(1);
        const { page } = preview;
        // A sub-objective with sub-objectives of its own: its path has two nodes and another node lists it.
        const target = await page.evaluate(() => {
            const nodes = [...(globalThis as any).document.querySelectorAll('.nodes [data-path]')] as any[];
            const paths = nodes.map(node => node.getAttribute('data-path').split(' '));
            const found = nodes.find((_node, index) => paths[index].length === 2 && paths.some(path => path.length > 2 && path[1] === paths[index][1]));
            return found?.getAttribute('data-node');
        });
        assert.ok(target, 'the team workspace has a sub-objective with sub-objectives');
        const visible = () => page.evaluate(() => [...(globalThis as any).document.querySelectorAll('.nodes > g')]
            .filter((node: any) => (globalThis as any).getComputedStyle(node).display !== 'none').length);
        const all = await visible();
        await page.locator(`.nodes [data-node="${target}"] text.t-id`).first().click({ modifiers: ['Alt'] });
        const inside = await visible();
        assert.ok(inside > 1 && inside < all, `${inside} of ${all} cards shown`);
        // The map is fitted to the subtree: its top card is inside the panel.
        const placed = await page.evaluate(id => {
            const document = (globalThis as any).document;
            const card = document.querySelector(`.nodes [data-node="${id}"]`).getBoundingClientRect();
            const viewport = document.querySelector('.map-viewport').getBoundingClientRect();
            return card.left >= viewport.left && card.top >= viewport.top && card.right <= viewport.right + 1;
        }, target);
        assert.ok(placed, 'the focused objective\'s card is in view');
        const crumbs = page.locator('.map-breadcrumb');
        assert.ok(await crumbs.isVisible(), 'a breadcrumb shows the path');
        assert.equal(await crumbs.locator('button').count(), 2, 'the whole map and the parent objective');
        assert.equal(await preview.page.evaluate(() => (globalThis as any).__posted.filter((message: any) => message.type === 'reveal').length), 0,
            'Alt+click does not reveal');
        // Kept across an update.
        await preview.send({ ...updateMessage(map), html: map.fragment.replace('</svg>', '<g></g></svg>') });
        assert.equal(await visible(), inside, 'still focused after an update');
        // Up one level, then to the whole map.
        await crumbs.locator('button').nth(1).click();
        const parent = await visible();
        assert.ok(parent > inside && parent < all, `${parent} cards under the parent`);
        await page.locator('.map-breadcrumb button').first().click();
        assert.equal(await visible(), all, 'the whole map again');
        assert.equal(await page.locator('.map-breadcrumb').count(), 0);
        // The focus button does the same from the keyboard.
        await page.locator(`.map-focus[data-for="${target}"]`).focus();
        await page.keyboard.press('Enter');
        assert.equal(await visible(), inside);
    });

    it('brings the focused subtree back after a reload, and the whole map when its objective is gone', async () => {
        const preview = await open(1);
        const { page } = preview;
        // A sub-objective: the breadcrumb names the whole map and its parent.
        const target = await page.evaluate(() => [...(globalThis as any).document.querySelectorAll('.nodes [data-path]')]
            .find((node: any) => node.getAttribute('data-path').split(' ').length === 2)?.getAttribute('data-node'));
        assert.ok(target);
        const key = (await page.locator(`.nodes [data-node="${target}"]`).getAttribute('data-element'))!;
        const shown = (preview2: PreviewPage) => preview2.page.evaluate(() => [...(globalThis as any).document.querySelectorAll('.nodes > g')]
            .filter((node: any) => (globalThis as any).getComputedStyle(node).display !== 'none').map((node: any) => node.getAttribute('data-node')));
        const all = (await shown(preview)).length;
        await page.locator(`.nodes [data-node="${target}"] text.t-id`).first().click({ modifiers: ['Alt'] });
        const inside = await shown(preview);
        assert.ok(inside.length > 0 && inside.length < all);
        const crumb = await page.locator('.map-breadcrumb').textContent();
        const saved = await preview.state();
        assert.equal(saved?.focus, key, 'the focused objective is kept in the webview\'s state');

        // VS Code reloads the webview with its saved state: the same subtree and breadcrumb with the first map.
        const reloaded = await openPreview(browser!, server!, { ...panel, savedState: saved! });
        pages.push(reloaded);
        assert.deepEqual((await reloaded.posted()).find(message => message.type === 'ready'), { type: 'ready' }, 'the extension need not know');
        await reloaded.send(updateMessage(map));
        assert.deepEqual(await shown(reloaded), inside, 'the focused subtree is back');
        assert.equal(await reloaded.page.locator('.map-breadcrumb').textContent(), crumb, 'with its breadcrumb');
        assert.equal(await reloaded.page.locator(`.nodes [data-node="${target}"] .t-id`).first().isVisible(), true);
        // Back to the whole map from the breadcrumb: saved so.
        await reloaded.page.locator('.map-breadcrumb button').first().click();
        assert.equal((await shown(reloaded)).length, all);
        assert.equal((await reloaded.state())?.focus, undefined);

        // An objective focused before the reload has since been deleted: the whole map, no breadcrumb, dropped from the state.
        const gone = await openPreview(browser!, server!, { ...panel, savedState: { ...saved!, focus: 'objective:Deleted' } });
        pages.push(gone);
        await gone.send(updateMessage(map));
        assert.equal((await shown(gone)).length, all, 'the whole map');
        assert.equal(await gone.page.locator('.map-breadcrumb').count(), 0);
        assert.equal((await gone.state())?.focus, undefined, 'the vanished objective is forgotten');
    });
});
