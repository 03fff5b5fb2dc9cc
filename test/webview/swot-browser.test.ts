import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
    launchChromium, openPreview, PreviewServer, renderFixture, skipWithoutChromium, updateMessage, type PreviewPage, type RenderedView
} from './preview-harness.js';
import { closeHealthyPages } from './page-health.js';

// The SWOT canvas in the preview (Chromium): two by two, strengths and weaknesses above opportunities and threats,
// the columns named helpful | harmful above them and the rows internal | external beside them, at the side
// panel's width and wider; a field's keyword highlights its box; no Content Security Policy violation.

type Rect = { x: number; y: number; width: number; height: number };

async function rectOf(page: Page, selector: string): Promise<Rect> {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box, `${selector} is shown`);
    return box;
}

describe('SWOT canvas in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let swot: RenderedView;
    let long: RenderedView;
    const longText = `${'No app presence in rural areas, where the delivery network reaches few towns. '.repeat(26)}END`;
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        [swot] = (await renderFixture('examples/shop-app', ['Swot2027'])) as [RenderedView];
        const folder = mkdtempSync(path.join(tmpdir(), 'strategy-swot-'));
        try {
            writeFileSync(path.join(folder, 'swot.strategy'), `canvas Long "Long" {\n  kind swot\n  weakness "${longText}"\n  threat "Short"\n}\n`);
            [long] = (await renderFixture(folder, ['Long'])) as [RenderedView];
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    afterEach(() => closeHealthyPages(pages));

    for (const width of [541, 1000]) {
        it(`draws the four quadrants two by two under and beside their axes at ${width} px`, async () => {
            const preview = await openPreview(browser!, server!, { width, height: 800 });
            pages.push(preview);
            await preview.send(updateMessage(swot));
            const page = preview.page;
            const [strengths, weaknesses, opportunities, threats] = await Promise.all(
                ['strengths', 'weaknesses', 'opportunities', 'threats'].map(name => rectOf(page, `section.box[data-box="${name}"]`)));
            assert.equal(strengths.y, weaknesses.y, 'strengths and weaknesses on one row');
            assert.equal(opportunities.y, threats.y, 'opportunities and threats on one row');
            assert.ok(opportunities.y >= strengths.y + strengths.height, 'the outside row below the inside row');
            assert.equal(strengths.x, opportunities.x, 'helpful on the left');
            assert.equal(weaknesses.x, threats.x, 'harmful on the right');
            assert.ok(weaknesses.x >= strengths.x + strengths.width, 'harmful right of helpful');
            assert.ok(Math.abs(strengths.width - weaknesses.width) <= 1, 'the two columns as wide');
            const view = await rectOf(page, '.strategy-view');
            assert.ok(weaknesses.x + weaknesses.width <= view.x + view.width + 1, 'nothing wider than the view');

            const [helpful, harmful, internal, external] = await Promise.all(
                ['column-1', 'column-2', 'row-1', 'row-2'].map(name => rectOf(page, `[data-axis="${name}"]`)));
            assert.deepEqual(await page.locator('[data-axis]').allTextContents(), ['Helpful', 'Harmful', 'Internal', 'External']);
            const centre = (rect: Rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
            assert.ok(helpful.y + helpful.height <= strengths.y && harmful.y + harmful.height <= weaknesses.y, 'column names above the boxes');
            assert.ok(Math.abs(centre(helpful).x - centre(strengths).x) < 2 && Math.abs(centre(harmful).x - centre(weaknesses).x) < 2,
                'each column name centred over its column');
            assert.ok(internal.x + internal.width <= strengths.x && external.x + external.width <= opportunities.x, 'row names left of the boxes');
            assert.ok(centre(internal).y > strengths.y && centre(internal).y < strengths.y + strengths.height, 'internal beside the inside row');
            assert.ok(centre(external).y > opportunities.y && centre(external).y < opportunities.y + opportunities.height, 'external beside the outside row');
            assert.ok(internal.height > internal.width, 'the row names turned upright, so they take little width');

            const texts = await page.locator('section.box[data-box="strengths"] .item-text').allTextContents();
            assert.deepEqual(texts, ['Fastest checkout in the segment', 'Frequent buyers open the app for personalized notifications']);
        });
    }

    it('highlights the box a field\'s keyword fills, and a text by its key', async () => {
        const preview = await openPreview(browser!, server!, { width: 541, height: 800 });
        pages.push(preview);
        await preview.send(updateMessage(swot));
        await preview.send({ type: 'highlight', element: 'box:threats' });
        assert.deepEqual(await preview.page.locator('.highlighted').evaluateAll(elements => elements.map(element => (element as any).dataset.box)),
            ['threats']);
        await preview.send({ type: 'highlight', element: 'text:Swot2027/weaknesses/1' });
        assert.deepEqual(await preview.page.locator('.highlighted').allTextContents(), ['Fewer than 20% of active users come back within a month']);
    });

    it('cuts a 2,000-character text to a few lines, and shows it whole on hover', async () => {
        const preview = await openPreview(browser!, server!, { width: 541, height: 800 });
        pages.push(preview);
        await preview.send(updateMessage(long));
        const text = preview.page.locator('section.box[data-box="weaknesses"] .item-text > .text');
        assert.equal(await text.textContent(), longText, 'the whole text is in the page');
        const cut = (await text.boundingBox())!;
        const lineHeight = await text.evaluate(element => parseFloat((globalThis as any).getComputedStyle(element).lineHeight));
        assert.ok(cut.height <= 12 * lineHeight + 1, `cut to 12 lines: ${cut.height} px at ${lineHeight} px a line`);
        const full = await text.evaluate(element => (element as any).scrollHeight as number);
        assert.ok(full > 2 * cut.height, `more text than shown: ${full} px against ${cut.height} px`);
        await text.hover();
        const hovered = (await text.boundingBox())!;
        assert.ok(hovered.height >= full - 1, `whole on hover: ${hovered.height} px of ${full} px`);
    });
});
