import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { hostileWorkspace } from '../fixtures/hostile/corpus.js';
import { chromiumPath, launchChromium, openPreview, PreviewServer, renderWorkspace, updateMessage, type RenderedView } from './preview-harness.js';

// Issue 10, item 25: a 20,000-character word in every string field (test/fixtures/hostile/corpus.ts) made the
// exported HTML page 221,707 px wide. In every view — the preview's webview, the HTML export, the SVG export — a
// long word breaks or is cut, so the page stays as wide as the window (HTML) or its own width (SVG).

const viewport = { width: 1280, height: 900 };
const word = 'W'.repeat(20_000);

describe('a 20,000-character word in Chromium', function () {
    this.timeout(180_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let folder: string;
    let views: RenderedView[] = [];

    before(async function () {
        if (!existsSync(chromiumPath)) {
            if (process.env.CI) throw new Error(`${chromiumPath} is missing: CI must install Debian's chromium (see .ci/run)`);
            console.warn(`    (skipped: no Chromium at ${chromiumPath}; \`apt-get install chromium\` runs this test)`);
            this.skip();
        }
        folder = mkdtempSync(path.join(os.tmpdir(), 'strategy-long-word-'));
        for (const [file, text] of Object.entries(hostileWorkspace(word))) writeFileSync(path.join(folder, file), text);
        views = (await renderWorkspace(folder, ['HostileProduct', 'HostileStrategy', undefined])).views;
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    const name = (view: RenderedView) => view.canvas ?? 'the map';

    it('keeps the HTML export as wide as the window', async () => {
        for (const view of views) {
            const page = await browser!.newPage({ viewport });
            try {
                await page.setContent(view.html);
                assert.ok(view.html.includes(word), `${name(view)}: the HTML keeps the whole word`);
                const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
                assert.ok(width <= viewport.width, `${name(view)}: the page is ${width} px wide`);
            } finally {
                await page.close();
            }
        }
    });

    it('keeps the preview webview as wide as its panel', async () => {
        for (const view of views) {
            const preview = await openPreview(browser!, server!, viewport);
            try {
                await preview.send(updateMessage(view));
                // The shell scrolls its content area, not the page: that area must have nothing to scroll sideways.
                const { scroll, client, page } = await preview.page.evaluate(() => {
                    const document = (globalThis as any).document;
                    const content = document.querySelector('.preview-content');
                    return { scroll: content.scrollWidth as number, client: content.clientWidth as number, page: document.documentElement.scrollWidth as number };
                });
                assert.ok(scroll <= client && page <= viewport.width, `${name(view)}: the content is ${scroll} px wide in ${client} px, the page ${page} px`);
                assert.deepEqual(preview.pageErrors, []);
            } finally {
                await preview.page.close();
            }
        }
    });

    it('draws everything of the SVG export inside its width, the cut texts whole in a <title>', async () => {
        for (const view of views) {
            const page = await browser!.newPage({ viewport });
            try {
                await page.setContent(view.svg.replace(/^<\?xml[^>]*>\s*/, ''));
                const facts = await page.evaluate(() => {
                    const svg = (globalThis as any).document.querySelector('svg');
                    const width = Number(svg.getAttribute('width'));
                    const beyond: string[] = [];
                    for (const element of svg.querySelectorAll('text, rect')) {
                        const box = element.getBBox();
                        const matrix = element.getCTM();
                        const right = (box.x + box.width) * matrix.a + matrix.e;
                        if (right > width + 1) beyond.push(`<${element.localName} class="${String(element.getAttribute('class')).slice(0, 30)}"> to ${Math.round(right)}`);
                    }
                    const titles = [...svg.querySelectorAll('title')].map((title: any) => title.textContent as string);
                    // A badge cut short carries its whole text in a <title> of its own, as a tooltip.
                    const cutBadges = [...svg.querySelectorAll('g.badge')].filter((badge: any) => badge.querySelector('text').textContent.endsWith('…'));
                    const untitled = cutBadges.filter((badge: any) => !badge.querySelector('title')?.textContent.includes('WWWWWWWWWW')).length;
                    return { width, beyond: beyond.slice(0, 5), titles, untitled };
                });
                assert.ok(facts.width > 0 && facts.width <= 5000, `${name(view)}: the SVG is ${facts.width} px wide`);
                assert.deepEqual(facts.beyond, [], `${name(view)}: drawn beyond the SVG's width of ${facts.width} px`);
                assert.ok(facts.titles.some(title => title.includes(word)), `${name(view)}: the whole word in a <title>`);
                assert.equal(facts.untitled, 0, `${name(view)}: badges cut without their text in a <title>`);
            } finally {
                await page.close();
            }
        }
    });
});
