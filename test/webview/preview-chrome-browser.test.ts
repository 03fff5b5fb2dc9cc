import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { ProductCanvasView } from '../../src/model/preview-view.js';
import { readableZoom, zoomLevels } from '../../src/webview/map-transform.js';
import {
    launchChromium, openPreview, PreviewServer, renderFixture, skipWithoutChromium, updateMessage, type PreviewPage, type RenderedView
} from './preview-harness.js';
import { closeHealthyPages } from './page-health.js';

// The preview's chrome and layout at the side panel's width (541 px, as VS Code opens it beside an editor): one
// header line with the title once, a map fitted no smaller than readable and zoomed by the image preview's steps,
// keyboard pan and zoom, and the Lean Product Canvas on a grid whose figures never break.

const sidePanel = { width: 541, height: 800 };

async function zoomLabel(page: Page): Promise<string> {
    return (await page.locator('[data-zoom="reset"]').textContent()) ?? '';
}

async function transformOf(page: Page): Promise<string> {
    return page.locator('.map-viewport > svg').evaluate(svg => (svg as any).style.transform as string);
}

/** The percentage labels of the zoom levels, as the toolbar shows them. */
const levelLabels = zoomLevels.map(level => `${Math.round(level * 100)}%`);

async function boxRect(page: Page, name: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return (await page.locator(`section.box[data-box="${name}"]`).boundingBox())!;
}

describe('preview chrome and canvas layout in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let shop: { product: RenderedView; strategy: RenderedView; map: RenderedView; roadmap: RenderedView };
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        const [product, strategy, map, roadmap] = await renderFixture('examples/shop-app', ['AppRecurrence', 'Growth2027', undefined, 'Roadmap2027']);
        shop = { product: product!, strategy: strategy!, map: map!, roadmap: roadmap! };
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    async function open(size = sidePanel): Promise<PreviewPage> {
        const preview = await openPreview(browser!, server!, size);
        pages.push(preview);
        return preview;
    }

    afterEach(() => closeHealthyPages(pages));

    it('lays the product canvas out in two columns at 541 px, in number order, each box as tall as its content', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.product));
        const page = preview.page;
        const names = ['problem', 'outcomes', 'users', 'user-outcomes', 'solutions', 'hypotheses', 'learn-first', 'least-work'];
        const boxes = await page.locator('section.box').evaluateAll(elements => elements.map(element => {
            const rect = element.getBoundingClientRect();
            const content = [...element.children].reduce((sum, child) => sum + child.getBoundingClientRect().height, 0);
            return { name: (element as any).dataset.box as string, x: rect.x, y: rect.y, width: rect.width, height: rect.height, content };
        }));
        const columns = [...new Set(boxes.map(box => box.x))];
        assert.equal(columns.length, 2, `two columns, at ${columns.join(', ')}`);
        for (const box of boxes) assert.ok(box.width > 200 && box.width < 270, `${box.name} is half the panel wide: ${box.width} px`);
        // Read down the first column, then down the second: the boxes' number order.
        const reading = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y).map(box => box.name);
        assert.deepEqual(reading, names);
        for (const box of boxes) assert.ok(box.height - box.content <= 40, `${box.name}: ${box.height} px for ${box.content} px of content`);
        const canvas = (await page.locator('.canvas').boundingBox())!;
        const stacked = boxes.reduce((sum, box) => sum + box.height + 8, 0);
        assert.ok(canvas.height < 0.65 * stacked, `the canvas is ${canvas.height} px tall; its boxes stacked, ${stacked} px`);
    });

    it('keeps the canonical layout above 800 px and one column below 480 px', async () => {
        const wide = await open({ width: 1000, height: 800 });
        await wide.send(updateMessage(shop.product));
        const [problem, solutions, outcomes] = await Promise.all(['problem', 'solutions', 'outcomes'].map(name => boxRect(wide.page, name)));
        assert.ok(problem!.y === solutions!.y && solutions!.y === outcomes!.y, 'problem, solutions and business outcomes on one row');
        assert.ok(problem!.x < solutions!.x && solutions!.x < outcomes!.x);
        const narrow = await open({ width: 420, height: 800 });
        await narrow.send(updateMessage(shop.product));
        const first = await boxRect(narrow.page, 'problem');
        const second = await boxRect(narrow.page, 'outcomes');
        assert.equal(first.x, second.x, 'one column');
        assert.ok(second.y > first.y);
    });

    for (const width of [541, 781]) {
        it(`never breaks a figure or a date across lines at ${width} px, in the product and strategy canvases`, async () => {
            const preview = await open({ width, height: 800 });
            for (const rendered of [shop.product, shop.strategy]) {
                await preview.send(updateMessage(rendered));
                const figures = await preview.page.locator('.strategy-view .figure').evaluateAll(elements => elements.map(element => ({
                    text: element.textContent ?? '',
                    lines: (element as any).getClientRects().length as number
                })));
                assert.ok(figures.some(figure => /^\d{4}-\d{2}-\d{2}/.test(figure.text)), `${rendered.title}: its dates are marked as figures`);
                assert.deepEqual(figures.filter(figure => figure.lines !== 1), [], `${rendered.title}: every figure on one line`);
                // A date outside a figure could still break at its hyphens.
                const loose = await preview.page.locator('.strategy-view').evaluate(view => {
                    const walker = (globalThis as any).document.createTreeWalker(view, 4);
                    const found: string[] = [];
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        if (/\d{4}-\d{2}-\d{2}/.test(node.data) && !node.parentElement.closest('.figure, svg, .view-header')) found.push(node.data);
                    }
                    return found;
                });
                assert.deepEqual(loose, [], `${rendered.title}: no date outside a figure`);
            }
        });
    }

    it('shows the title once, in a header one line high, with the counts and a closed legend beside it', async () => {
        const preview = await open();
        const page = preview.page;
        for (const rendered of [shop.product, shop.strategy, shop.map, shop.roadmap]) {
            await preview.send(updateMessage(rendered));
            const title = (rendered.view as ProductCanvasView).title || rendered.canvas || rendered.title;
            const text = await page.locator('body').innerText();
            assert.equal(text.split(title).length - 1, 1, `${rendered.title}: "${title}" shown once`);
            const header = (await page.locator('.preview-header').boundingBox())!;
            assert.ok(header.height <= 40, `${rendered.title}: the header is ${header.height} px high`);
        }
        // The map: counts and legend in the header's line; the legend opens over the map, the header stays one line.
        await preview.send(updateMessage(shop.map));
        const header = (await page.locator('.preview-header').boundingBox())!;
        const summary = (await page.locator('#preview-view-info .view-summary').boundingBox())!;
        assert.ok(summary.y >= header.y && summary.y + summary.height <= header.y + header.height, 'the counts in the header line');
        assert.ok(await page.locator('#preview-view-info .legend').isHidden(), 'the legend closed');
        await page.locator('#preview-view-info .view-legend > summary').click();
        assert.ok(await page.locator('#preview-view-info .legend').isVisible(), 'the legend opens');
        assert.equal((await page.locator('.preview-header').boundingBox())!.height, header.height, 'over the map, not in the header');
        // The example's vision on its one line between them.
        const vision = (await page.locator('.strategy-view > .view-vision').boundingBox())!;
        assert.ok(Math.abs(vision.y - (header.y + header.height)) <= 1, 'the vision right under the header');
        assert.ok(vision.height <= 30, `the vision one line high: ${vision.height} px`);
        const viewport = (await page.locator('.map-viewport').boundingBox())!;
        assert.ok(Math.abs(viewport.y - (vision.y + vision.height)) <= 1, 'the map starts right under the vision');
    });

    it('makes the header\'s title the link to the canvas that the view\'s own title was, with the ID in its tooltip', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.product));
        const title = preview.page.locator('#preview-title');
        const location = (shop.product.view as ProductCanvasView).location!;
        assert.equal(await title.getAttribute('data-element'), 'canvas:AppRecurrence');
        assert.match((await title.getAttribute('title')) ?? '', /^AppRecurrence · /);
        await title.click();
        const reveals = (await preview.posted()).filter(message => message.type === 'reveal');
        assert.deepEqual(reveals, [{ type: 'reveal', uri: location.uri, line: location.range.start.line, character: location.range.start.character }]);
        await preview.send(updateMessage(shop.map));
        assert.equal(await title.getAttribute('data-element'), null, 'the map has no declaration to go to');
    });

    it('fits the example map no smaller than readable, at the top of its viewport', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.map));
        const page = preview.page;
        const fitted = Number.parseInt(await zoomLabel(page), 10) / 100;
        assert.ok(fitted >= readableZoom, `fitted at ${fitted}`);
        const viewport = (await page.locator('.map-viewport').boundingBox())!;
        const svg = (await page.locator('.map-viewport > svg').boundingBox())!;
        assert.ok(svg.y - viewport.y <= 16.5, `the map starts ${svg.y - viewport.y} px below the header`);
        await page.locator('[data-zoom="in"]').click();
        await page.locator('[data-zoom="fit"]').click();
        assert.equal(Number.parseInt(await zoomLabel(page), 10) / 100, fitted, 'Fit comes back to it');
    });

    it('steps Ctrl+wheel through the zoom levels, one level a notch', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.map));
        const page = preview.page;
        await page.locator('[data-zoom="reset"]').click();
        const viewport = (await page.locator('.map-viewport').boundingBox())!;
        await page.mouse.move(viewport.x + 100, viewport.y + 100);
        const seen: string[] = [];
        await page.keyboard.down('Control');
        for (const deltaY of [-100, -100, -100, 100, 100, 100, 100, 100]) {
            const before = await zoomLabel(page);
            await page.mouse.wheel(0, deltaY);
            await page.waitForFunction(label => (globalThis as any).document.querySelector('[data-zoom="reset"]').textContent !== label, before);
            seen.push(await zoomLabel(page));
        }
        await page.keyboard.up('Control');
        assert.deepEqual(seen, ['150%', '200%', '300%', '200%', '150%', '100%', '90%', '80%']);
        assert.ok(seen.every(label => levelLabels.includes(label)));
    });

    it('pans with the arrows and zooms with +, − and 0 when the map has the focus, and leaves the keys of a field alone', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.map));
        const page = preview.page;
        const viewport = page.locator('.map-viewport');
        assert.equal(await viewport.getAttribute('tabindex'), '0');
        assert.match((await viewport.getAttribute('aria-label')) ?? '', /arrow keys pan/);
        const fitted = await zoomLabel(page);
        // Each key moves one zoom level from wherever Fit put the map.
        const level = (steps: number) => levelLabels[levelLabels.indexOf(fitted) + steps];
        assert.ok(levelLabels.includes(fitted), `Fit gave ${fitted}`);
        await viewport.focus();
        await page.keyboard.press('+');
        assert.equal(await zoomLabel(page), level(1));
        await page.keyboard.press('+');
        assert.equal(await zoomLabel(page), level(2));
        await page.keyboard.press('-');
        assert.equal(await zoomLabel(page), level(1));
        const before = await transformOf(page);
        await page.keyboard.press('ArrowRight');
        const right = await transformOf(page);
        assert.notEqual(right, before, 'ArrowRight pans');
        await page.keyboard.press('ArrowDown');
        assert.notEqual(await transformOf(page), right, 'ArrowDown pans');
        await page.keyboard.press('0');
        assert.equal(await zoomLabel(page), fitted, '0 fits');
        // A field (as a find box would be) keeps its keys.
        await page.evaluate(() => {
            const input = (globalThis as any).document.createElement('input');
            input.id = 'field';
            (globalThis as any).document.body.append(input);
        });
        await page.locator('#field').focus();
        await page.keyboard.press('+');
        assert.equal(await zoomLabel(page), fitted);
    });
});
