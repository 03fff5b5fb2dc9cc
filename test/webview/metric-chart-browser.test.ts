import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
    answerCards, launchChromium, openPreview, PreviewServer, renderFixture, root, skipWithoutChromium, updateMessage, type PreviewPage,
    type RenderedView
} from './preview-harness.js';
import { closeHealthyPages } from './page-health.js';

// Issue 12, item 4, in Debian's Chromium: a metric with readings is drawn as a small chart in the preview's canvas
// and map and in the HTML and SVG exports — its points as circles inside the chart, the dashed forecast line, the
// target and today — with its grade in words beside it, and nothing trips the Content Security Policy.

const screenshots = path.join(root, 'test-results', 'metric-chart');

const source = `objective Activation "Turn sign-ups into weekly users" {
  metric WeeklyActive
}

metric WeeklyActive "Sign-ups active in their second week" {
  unit "%"
  baseline 30 on 2026-08-01
  target 45 by 2027-06-30
  reading 30.5 on 2026-09-01
  reading 30.8 on 2026-10-01
  reading 31 on 2026-11-01
}

metric Refunds "Orders refunded" {
  unit "%"
  range 0.5 to 2
  reading 1.4 on 2026-10-01
  reading 2.6 on 2026-11-01
}

canvas Activation2027 "Activation 2027" {
  kind strategy
  goal Activation
  success WeeklyActive, Refunds
}
`;

interface Box { x: number; y: number; width: number; height: number }

async function boxOf(locator: Locator): Promise<Box> {
    const box = await locator.boundingBox();
    assert.ok(box, 'laid out');
    return box;
}

function within(inner: Box, outer: Box): boolean {
    return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
        && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

/** The chart's circles drawn with a size, inside the chart; its forecast line drawn and dashed; its target and today line there. */
async function assertChartDrawn(chart: Locator, circles: number, name: string): Promise<Box> {
    assert.ok(await chart.isVisible(), `${name}: the chart is visible`);
    const frame = await boxOf(chart);
    assert.ok(frame.width >= 60 && frame.height >= 18, `${name}: the chart is ${frame.width}×${frame.height}`);
    const points = chart.locator('circle.chart-point');
    assert.equal(await points.count(), circles, `${name}: one circle per dated point`);
    for (const point of await points.all()) {
        const box = await boxOf(point);
        assert.ok(box.width > 1 && box.height > 1, `${name}: a circle of ${box.width}×${box.height}`);
        assert.ok(within(box, frame), `${name}: a circle at ${box.x},${box.y} inside the chart at ${frame.x},${frame.y} ${frame.width}×${frame.height}`);
        assert.equal(await point.evaluate(element => (globalThis as any).getComputedStyle(element).fill === 'none'), false, `${name}: the circle is filled`);
    }
    return frame;
}

async function assertForecastDrawn(chart: Locator, name: string): Promise<void> {
    const forecast = chart.locator('line.chart-forecast');
    assert.equal(await forecast.count(), 1, `${name}: one forecast line`);
    const box = await boxOf(forecast);
    assert.ok(box.width > 10, `${name}: the forecast runs ${box.width} px to the by date`);
    const style = await forecast.evaluate(element => {
        const computed = (globalThis as any).getComputedStyle(element);
        return { stroke: computed.stroke, dash: computed.strokeDasharray, width: computed.strokeWidth, visibility: computed.visibility };
    });
    assert.notEqual(style.stroke, 'none', `${name}: the forecast has a stroke`);
    assert.notEqual(style.dash, 'none', `${name}: the forecast is dashed`);
    assert.equal(style.visibility, 'visible');
    assert.ok(parseFloat(style.width) > 0);
    assert.equal(await chart.locator('path.chart-target').count(), 1, `${name}: the target marker`);
    assert.equal(await chart.locator('line.chart-today').count(), 1, `${name}: the today line`);
}

async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

describe('metric charts in Chromium', function () {
    this.timeout(180_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let folder: string | undefined;
    let canvas: RenderedView;
    let map: RenderedView;
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        mkdirSync(screenshots, { recursive: true });
        folder = mkdtempSync(path.join(os.tmpdir(), 'strategy-metric-chart-'));
        writeFileSync(path.join(folder, 'activation.strategy'), source);
        [canvas, map] = (await renderFixture(folder, ['Activation2027', undefined], '2026-11-23')) as [RenderedView, RenderedView];
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    afterEach(() => closeHealthyPages(pages));

    async function open(view: RenderedView): Promise<Page> {
        const preview = await openPreview(browser!, server!);
        pages.push(preview);
        await preview.send(updateMessage(view));
        return preview.page;
    }

    it('the canvas draws the chart with its points and forecast, the grade in words beside it', async () => {
        const page = await open(canvas);
        // The goal's box lists its objective's metrics too; the success box is the metric's own.
        const metric = page.locator('[data-box="success"] [data-element="metric:WeeklyActive"]');
        const chart = metric.locator('svg.metric-chart');
        const frame = await assertChartDrawn(chart, 4, 'canvas');
        await assertForecastDrawn(chart, 'canvas');
        assert.equal(await chart.getAttribute('role'), 'img');
        assert.match(await chart.getAttribute('aria-label') ?? '', /off track: at this pace/);
        // The words, beside the chart: on its row, to its right.
        const words = metric.locator('.metric-trend .progress-text');
        assert.ok(await words.isVisible(), 'the grade in words shows');
        assert.match(await words.innerText(), /^7% of the way, off track: at this pace 33\.\d% by 2027-06-30/);
        const text = await boxOf(words);
        assert.ok(text.x >= frame.x + frame.width, 'the words right of the chart');
        assert.ok(text.y < frame.y + frame.height && text.y + text.height > frame.y, 'on the chart\'s row');
        // A point's tooltip says its date and value.
        assert.equal(await chart.locator('circle.chart-point').last().locator('title').textContent(), '2026-11-01: 31%');
        // The KPI: its band and its two readings, out of range in words.
        const kpi = page.locator('[data-box="success"] [data-element="metric:Refunds"]');
        await assertChartDrawn(kpi.locator('svg.metric-chart'), 2, 'KPI');
        const band = await boxOf(kpi.locator('rect.chart-range'));
        assert.ok(band.width > 50 && band.height > 2, `the band is ${band.width}×${band.height}`);
        assert.match(await kpi.locator('.progress-text').innerText(), /^out of range$/);
        await screenshot(page, 'canvas');
    });

    it('the map draws the chart inside the metric\'s expanded card, below its grade in words', async () => {
        const preview = await openPreview(browser!, server!);
        pages.push(preview);
        await preview.send(updateMessage(map));
        const page = preview.page;
        // The summary shows the grade line; a click on the objective's card shows its whole card, charts included,
        // which the extension sends when asked.
        await page.locator('g.node-objective text.t-id').first().click();
        assert.equal((await answerCards(preview, map.view)).length, 1);
        const card = page.locator('.map-whole.expanded g.node-metric[data-element="metric:WeeklyActive"]');
        const chart = card.locator('svg.metric-chart');
        const frame = await assertChartDrawn(chart, 4, 'map');
        await assertForecastDrawn(chart, 'map');
        const objective = await boxOf(page.locator('.map-whole.expanded > rect.card-bg').first());
        assert.ok(within(frame, objective), 'the chart inside the objective\'s card');
        const words = card.locator('.progress-text');
        assert.match(await words.textContent() ?? '', /off track/);
        const text = await boxOf(words);
        assert.ok(text.y + text.height <= frame.y + 1 && frame.y - (text.y + text.height) < 20, 'the words just above the chart');
        await screenshot(page, 'map');
    });

    it('the HTML and SVG exports draw the same charts under their own policy', async () => {
        // The map's exports show its summaries: grade lines, no charts (test/render/metric-chart.test.ts).
        for (const [view, name, scope] of [[canvas, 'canvas', '[data-box="success"] ']] as const) {
            for (const format of ['html', 'svg'] as const) {
                const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
                const errors: string[] = [];
                page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
                try {
                    const markup = format === 'html' ? view.html : view[format].replace(/^<\?xml[^>]*>\s*/, '');
                    await page.setContent(markup);
                    const chart = page.locator(`${scope}[data-element="metric:WeeklyActive"] svg.metric-chart`);
                    await assertChartDrawn(chart, 4, `${name} ${format}`);
                    await assertForecastDrawn(chart, `${name} ${format}`);
                    assert.deepEqual(errors, [], `${name} ${format}: no refused style`);
                    await screenshot(page, `${name}-${format}`);
                } finally {
                    await page.close();
                }
            }
        }
    });
});
