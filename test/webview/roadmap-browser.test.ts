import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { ElementLocation } from '../../src/model/locations.js';
import type { RoadmapView } from '../../src/model/preview-view.js';
import type { FromWebviewMessage, RevealMessage } from '../../src/protocol/webview-messages.js';
import {
    launchChromium, openPreview, PreviewServer, renderFixture, skipWithoutChromium, updateMessage, type PreviewPage,
    type RenderedView
} from './preview-harness.js';
import { closeHealthyPages } from './page-health.js';

// The roadmap in the preview's webview, in Debian's Chromium: drawn as laid out (each milestone where the axis puts
// its date), clicks reveal, the cursor's element is highlighted in every lane it shows in, and nothing trips the CSP.

function revealOf(location: ElementLocation): RevealMessage {
    return { type: 'reveal', uri: location.uri, line: location.range.start.line, character: location.range.start.character };
}

describe('roadmap in the preview webview (Chromium)', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let roadmap: RenderedView;
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        [roadmap] = await renderFixture('test/fixtures/roadmap', ['Roadmap2027']);
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    async function open(): Promise<PreviewPage> {
        const preview = await openPreview(browser!, server!);
        pages.push(preview);
        await preview.send(updateMessage(roadmap));
        return preview;
    }

    afterEach(() => closeHealthyPages(pages));

    it('draws the lanes, each milestone at its date on the axis, and today\'s line', async () => {
        const { page } = await open();
        assert.deepEqual(await page.locator('.roadmap .lane-header > text.t-id').allTextContents(),
            ['Grow the paying base', 'Customers come back', 'every week', 'A platform we can build', 'on', 'Other work']);
        // Where the browser draws things, in screen pixels: a date's x is its month's box plus its share of the month.
        const positions = await page.evaluate(() => {
            const document = (globalThis as any).document;
            const months = Object.fromEntries([...document.querySelectorAll('.axis-month')].map((rect: any) => {
                const box = rect.getBoundingClientRect();
                return [rect.getAttribute('data-month'), { left: box.left, width: box.width }];
            }));
            const milestones = [...document.querySelectorAll('.roadmap g.milestone')].map((group: any) => ({
                date: group.getAttribute('data-date') as string,
                x: group.querySelector('.milestone-marker').getBoundingClientRect().left + group.querySelector('.milestone-marker').getBoundingClientRect().width / 2
            }));
            const today = document.querySelector('.roadmap .today-line');
            // No helper functions in here: tsx would wrap named ones in a `__name` the page does not have.
            return { months, milestones, today: today && today.getBoundingClientRect().left + today.getBoundingClientRect().width / 2, label: document.querySelector('.roadmap .today-label')?.textContent };
        }) as { months: Record<string, { left: number; width: number }>; milestones: Array<{ date: string; x: number }>; today: number | null; label?: string };
        const expected = (date: string) => {
            const month = positions.months[date.slice(0, 7)];
            const days = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
            return month.left + (Number(date.slice(8, 10)) - 1) / days * month.width;
        };
        assert.equal(positions.milestones.length, 5);
        for (const { date, x } of positions.milestones) assert.ok(Math.abs(x - expected(date)) < 0.5, `${date}: drawn at ${x}, expected ${expected(date)}`);
        assert.ok(positions.today !== null && Math.abs(positions.today - expected('2026-11-23')) < 0.5, `today at ${positions.today}`);
        assert.equal(positions.label, 'today');
        assert.ok(await page.locator('.roadmap g.milestone.overdue').isVisible());
        assert.match(await page.locator('.roadmap g.milestone.overdue').textContent() ?? '', /overdue, 39 days late/);
    });

    it('reveals the milestone or ticket clicked', async () => {
        const preview = await open();
        const view = roadmap.view as RoadmapView;
        await preview.page.locator('[data-element="milestone:NotificationsBeta"] .milestone-bg').click();
        await preview.page.locator('[data-element="ticket:U-2"] text').click();
        await preview.page.locator('[data-element="objective:Platform"] text').first().click();
        const reveals = (await preview.posted()).filter((message: FromWebviewMessage): message is RevealMessage => message.type === 'reveal');
        assert.deepEqual(reveals, [
            revealOf(view.lanes[1].milestones[0].location),
            revealOf(view.lanes[1].unscheduled[0].location),
            revealOf(view.lanes[2].objective!.location)
        ]);
        assert.equal(view.lanes[1].unscheduled[0].id, 'U-2');
    });

    it('highlights the element under the cursor in every lane it shows in', async () => {
        const preview = await open();
        await preview.send({ type: 'highlight', element: 'milestone:LoyaltyLaunch' });
        assert.equal(await preview.page.locator('.highlighted').count(), 2, 'LoyaltyLaunch moves two lanes');
        const stroke = await preview.page.locator('.highlighted > .milestone-bg').first().evaluate(rect => (globalThis as any).getComputedStyle(rect).strokeWidth);
        assert.equal(stroke, '3px');
        await preview.send({ type: 'highlight', element: 'ticket:U-5' });
        assert.deepEqual(await preview.page.locator('.highlighted').evaluateAll(elements => elements.map(element => element.getAttribute('data-element'))), ['ticket:U-5']);
    });

    it('draws the roadmap\'s SVG export into a PNG, as Export as PNG asks', async () => {
        const preview = await open();
        await preview.send({ type: 'rasterize', id: 3, svg: roadmap.svg, scale: 2 });
        await preview.page.waitForFunction(() => ((globalThis as any).__posted as Array<{ type: string }>).some(m => m.type === 'png' || m.type === 'error'));
        const png = (await preview.posted()).find(message => message.type === 'png') as Extract<FromWebviewMessage, { type: 'png' }>;
        const bytes = Buffer.from(png.data, 'base64');
        assert.equal(bytes.readUInt32BE(16), 2 * Number(/<svg[^>]*\swidth="(\d+)"/.exec(roadmap.svg)![1]));
    });
});
