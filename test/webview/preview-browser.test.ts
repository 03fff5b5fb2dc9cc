import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ElementLocation } from '../../src/model/locations.js';
import type { MapView, ProductCanvasView } from '../../src/model/preview-view.js';
import type { FromWebviewMessage, RevealMessage } from '../../src/protocol/webview-messages.js';
import {
    activeContent, answerCards, launchChromium, openPreview, PreviewServer, pwned, renderFixture, skipWithoutChromium, root, updateMessage, type PreviewPage,
    type RenderedView
} from './preview-harness.js';
import { closeHealthyPages } from './page-health.js';

// The preview's webview in Debian's Chromium: the shell and script the extension ships, fed the real renderer's
// fragments of the example and of a hostile workspace as VS Code would feed them, and the standalone exports
// opened on their own. Screenshots of every run land in test-results/.

const screenshots = path.join(root, 'test-results', 'preview');

function revealOf(location: ElementLocation): RevealMessage {
    return { type: 'reveal', uri: location.uri, line: location.range.start.line, character: location.range.start.character };
}

async function reveals(preview: PreviewPage): Promise<RevealMessage[]> {
    return (await preview.posted()).filter((message): message is RevealMessage => message.type === 'reveal');
}

async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function transformOf(page: Page): Promise<string> {
    return page.locator('.map-viewport > svg').evaluate(svg => (svg as any).style.transform as string);
}

describe('preview webview in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let shop: { product: RenderedView; strategy: RenderedView; map: RenderedView };
    let hostile: { product: RenderedView; strategy: RenderedView; map: RenderedView };
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        mkdirSync(screenshots, { recursive: true });
        const [product, strategy, map] = await renderFixture('examples/shop-app', ['AppRecurrence', 'Growth2027', undefined]);
        shop = { product: product!, strategy: strategy!, map: map! };
        const [hostileProduct, hostileStrategy, hostileMap] = await renderFixture('test/fixtures/hostile', ['HostileProduct', 'HostileStrategy', undefined]);
        hostile = { product: hostileProduct!, strategy: hostileStrategy!, map: hostileMap! };
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    async function open(options: Parameters<typeof openPreview>[2] = {}): Promise<PreviewPage> {
        const preview = await openPreview(browser!, server!, options);
        pages.push(preview);
        return preview;
    }

    afterEach(() => closeHealthyPages(pages));

    it('posts ready, then shows the Lean Product Canvas with its eight boxes and their contents', async () => {
        const preview = await open();
        assert.deepEqual((await preview.posted())[0], { type: 'ready' });
        await preview.send(updateMessage(shop.product, { errors: 0, warnings: 2, infos: 1 }));
        const page = preview.page;
        const view = shop.product.view as ProductCanvasView;
        await page.locator('.strategy-view[data-view="product"]').waitFor();
        for (const box of ['problem', 'outcomes', 'users', 'user-outcomes', 'solutions', 'hypotheses', 'learn-first', 'least-work']) {
            const section = page.locator(`section.box[data-box="${box}"]`);
            assert.ok(await section.isVisible(), `box ${box} visible`);
            assert.ok(await section.locator('h2').isVisible(), `box ${box} has a visible heading`);
        }
        assert.equal(await page.locator('#preview-title').textContent(), 'Lean Product Canvas: app recurrence');
        assert.equal(await page.title(), 'Lean Product Canvas: app recurrence');
        assert.equal(await page.locator('#preview-problems').textContent(), '2 warnings, 1 info');
        assert.ok(await page.locator('#preview-map-tools').isHidden(), 'no zoom buttons on a canvas');
        const problem = page.locator('[data-box="problem"]');
        assert.match(await problem.innerText(), /less than 20% of active users/);
        assert.ok(await page.locator('[data-box="outcomes"] [data-element="objective:Engagement"]').isVisible());
        const metric = page.locator('[data-box="outcomes"] [data-element="metric:MonthlyRepeatUsers"]');
        assert.ok(await metric.isVisible());
        assert.match(await metric.innerText(), /25% of the way/);
        assert.match(await metric.innerText(), /on track: at this pace 32\.3% by 2027-06-30/);
        const progress = metric.locator('.progress');
        assert.ok(await progress.isVisible(), 'the progress bar shows');
        assert.match(await progress.getAttribute('class') ?? '', /grade-on-track/);
        for (const user of view.users) assert.ok(await page.locator(`[data-box="users"] [data-element="usertype:${user.id}"]`).isVisible(), user.id);
        for (const solution of view.solutions) {
            assert.ok(await page.locator(`[data-box="solutions"] [data-element="solution:${solution.id}"]`).isVisible(), solution.id);
        }
        for (const ticket of ['APP-101', 'APP-102', 'APP-123']) {
            assert.ok(await page.locator(`[data-box="least-work"] [data-element="ticket:${ticket}"]`).isVisible(), ticket);
        }
        assert.ok(await page.getByText('Measure and respond').isVisible());
        await screenshot(page, 'shop-product-canvas');
    });

    it('shows the Lean Strategy Canvas with its four boxes, and the problem count as a button to the Problems panel', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.strategy));
        const page = preview.page;
        for (const box of ['goal', 'obstacles', 'play-win', 'success']) {
            assert.ok(await page.locator(`section.box[data-box="${box}"]`).isVisible(), `box ${box} visible`);
        }
        assert.ok(await page.locator('[data-box="obstacles"]').getByText('Checkout is slow on mobile').isVisible());
        assert.ok(await page.locator('[data-box="play-win"]').getByText('The fastest repeat basket in the market').isVisible());
        assert.ok(await page.locator('[data-box="success"] [data-element="metric:PurchaseRecurrence"]').isVisible());
        assert.equal(await page.locator('#preview-problems').textContent(), 'No problems');
        await preview.send({ type: 'diagnostics', diagnostics: { errors: 3, warnings: 1, infos: 0 } });
        assert.equal(await page.locator('#preview-problems').textContent(), '3 errors, 1 warning');
        assert.match(await page.locator('#preview-problems').getAttribute('class') ?? '', /\bhas-errors\b/);
        await page.locator('#preview-problems').click();
        assert.deepEqual((await preview.posted()).at(-1), { type: 'showProblems' });
        await screenshot(page, 'shop-strategy-canvas');
    });

    it('posts reveal with the location of the item clicked, else of its box; Enter on a focused item too', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.product));
        const page = preview.page;
        const view = shop.product.view as ProductCanvasView;

        await page.locator('[data-box="outcomes"] [data-element="objective:Engagement"]').first().click();
        await page.locator('[data-box="problem"] h2').click();
        const users = page.locator('[data-box="users"]');
        const box = (await users.boundingBox())!;
        await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
        const ticket = page.locator('[data-box="least-work"] [data-element="ticket:APP-123"]');
        await ticket.focus();
        await page.keyboard.press('Enter');

        const engagement = view.outcomes.find(outcome => outcome.id === 'Engagement')!;
        const app123 = view.plan.flatMap(step => step.tickets).find(item => item.id === 'APP-123')!;
        assert.deepEqual(await reveals(preview), [
            revealOf(engagement.location),
            revealOf(view.fields.problem!),
            revealOf(view.fields.users!),
            revealOf(app123.location)
        ]);
    });

    it('marks the highlighted element and scrolls it into view', async () => {
        const preview = await open({ width: 900, height: 360 });
        await preview.send(updateMessage(shop.product));
        const page = preview.page;
        const target = page.locator('[data-element="ticket:APP-123"]');
        assert.ok(!(await target.evaluate(element => {
            const box = element.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= (globalThis as any).innerHeight;
        })), 'starts off-screen');
        await preview.send({ type: 'highlight', element: 'ticket:APP-123' });
        assert.equal(await page.locator('.highlighted').count(), await target.count());
        assert.match(await target.first().getAttribute('class') ?? '', /\bhighlighted\b/);
        assert.ok(await target.first().evaluate(element => {
            const box = element.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= (globalThis as any).innerHeight;
        }), 'scrolled into view');
        await preview.send({ type: 'highlight', element: 'objective:Engagement' });
        assert.equal(await page.locator('[data-element="ticket:APP-123"].highlighted').count(), 0, 'the previous highlight goes');
        await preview.send({ type: 'highlight' });
        assert.equal(await page.locator('.highlighted').count(), 0);
    });

    it('keeps the scroll position across an update of the same canvas, and saves it', async () => {
        const preview = await open({ width: 900, height: 360 });
        await preview.send(updateMessage(shop.product));
        const page = preview.page;
        const content = page.locator('#preview-content');
        await content.evaluate(element => { (element as any).scrollTop = 250; });
        await preview.send({ ...updateMessage(shop.product), html: `${shop.product.fragment}\n` });
        assert.equal(await content.evaluate(element => (element as any).scrollTop), 250);
        const state = await preview.state();
        assert.equal(state?.canvas, 'AppRecurrence');
        assert.equal(state?.uri, shop.product.uris[0]);
        assert.equal(state?.scroll.y, 250);
        await preview.send(updateMessage(shop.strategy));
        assert.equal(await content.evaluate(element => (element as any).scrollTop), 0, 'another canvas starts at the top');
    });

    it('shows the alignment map, pans by dragging and zooms by buttons and Ctrl+wheel, keeping the zoom across updates', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.map));
        const page = preview.page;
        const view = shop.map.view as MapView;
        const svg = page.locator('.map-viewport > svg.alignment-map');
        assert.ok(await svg.isVisible());
        assert.ok(await page.locator('#preview-map-tools').isVisible(), 'zoom buttons on the map');
        for (const objective of view.tree.objectives) {
            assert.ok(await page.locator(`.node[data-element="objective:${objective.id}"]`).first().isVisible(), objective.id);
        }
        await screenshot(page, 'shop-alignment-map');

        await page.locator('[data-zoom="reset"]').click();
        assert.equal(await page.locator('[data-zoom="reset"]').textContent(), '100%');
        await page.locator('[data-zoom="in"]').click();
        await page.locator('[data-zoom="in"]').click();
        assert.equal(await page.locator('[data-zoom="reset"]').textContent(), '200%');
        const viewport = (await page.locator('.map-viewport').boundingBox())!;
        await page.mouse.move(viewport.x + 200, viewport.y + 200);
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, 100);
        await page.keyboard.up('Control');
        await page.waitForFunction(() => (globalThis as any).document.querySelector('[data-zoom="reset"]').textContent === '150%');

        const before = await transformOf(page);
        await page.mouse.move(viewport.x + 300, viewport.y + 300);
        await page.mouse.down();
        await page.mouse.move(viewport.x + 260, viewport.y + 250, { steps: 5 });
        await page.mouse.up();
        const dragged = await transformOf(page);
        assert.notEqual(dragged, before, 'dragging pans');
        assert.match(dragged, /scale\(1\.5\)/);
        assert.deepEqual(await reveals(preview), [], 'a drag is not a click');

        await preview.send({ ...updateMessage(shop.map), html: `${shop.map.fragment}\n` });
        assert.equal(await transformOf(page), dragged, 'pan and zoom survive an update');
        assert.equal(await page.locator('[data-zoom="reset"]').textContent(), '150%');
        const state = await preview.state();
        assert.equal(state?.zoom, 1.5);
        assert.equal(state?.canvas, undefined);

        await page.locator('[data-zoom="fit"]').click();
        await screenshot(page, 'shop-alignment-map-fit');
        // The objective's own text: its card also holds its metrics, which are items of their own.
        const node = view.tree.objectives[0]!;
        await page.locator(`.node[data-element="objective:${node.id}"] > text`).first().click();
        // The click also expands the card: its whole card, sent by the extension when asked, lists the metric's figures.
        assert.deepEqual(await answerCards(preview, shop.map.view), [`objective:${node.id}`]);
        const metric = node.metrics[0]!;
        await page.locator(`.node[data-element="metric:${metric.id}"] > text`).first().click();
        assert.deepEqual(await reveals(preview), [revealOf(node.location), revealOf(metric.location)]);
    });

    it('brings back the pan and zoom saved before a reload', async () => {
        const preview = await open({ savedState: { zoom: 0.5, pan: { x: 30, y: 40 }, scroll: { x: 0, y: 0 } } });
        await preview.send(updateMessage(shop.map));
        assert.equal(await transformOf(preview.page), 'translate(30px, 40px) scale(0.5)');
        assert.equal(await preview.page.locator('[data-zoom="reset"]').textContent(), '50%');
    });

    it('draws an SVG export into a PNG on request, and answers an SVG it cannot draw with an error', async () => {
        const preview = await open();
        await preview.send(updateMessage(shop.map));
        await preview.send({ type: 'rasterize', id: 7, svg: shop.product.svg, scale: 2 });
        await preview.send({ type: 'rasterize', id: 8, svg: '<svg xmlns="http://www.w3.org/2000/svg"><broken', scale: 1 });
        await preview.page.waitForFunction(() => ((globalThis as any).__posted as Array<{ type: string }>).filter(m => m.type === 'png' || m.type === 'error').length === 2);
        const answers = (await preview.posted()).filter(message => message.type === 'png' || message.type === 'error');
        const png = answers.find(message => message.type === 'png') as Extract<FromWebviewMessage, { type: 'png' }>;
        assert.equal(png.id, 7);
        const bytes = Buffer.from(png.data, 'base64');
        assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
        const width = bytes.readUInt32BE(16);
        const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(shop.product.svg)?.[1]);
        assert.equal(width, Math.round(svgWidth * 2), 'drawn at twice the SVG\'s size');
        assert.deepEqual(answers.find(message => message.type === 'error'), { type: 'error', id: 8, message: 'The SVG could not be drawn as an image.' });
    });

    for (const name of ['product', 'strategy', 'map'] as const) {
        it(`shows the hostile ${name === 'map' ? 'alignment map' : `${name} canvas`} as literal text, and runs none of it`, async () => {
            const preview = await open();
            const rendered = hostile[name];
            await preview.send(updateMessage(rendered));
            const page = preview.page;
            await page.locator(`.strategy-view[data-view="${name}"]`).waitFor();
            assert.equal(await page.locator('#preview-title').textContent(), rendered.title, 'the title as text');
            const expected: Record<typeof name, Array<[string, string]>> = {
                product: [
                    ['objective:Child', `<script>window.__pwned = 'child'</script> & "quoted" 'single'`],
                    ['usertype:Hacker', `]]><script>alert('cdata')</script>`],
                    ['solution:Xss', '</textarea><iframe src=javascript:alert(1)>'],
                    ['question:Bidi', '<b onmouseover=alert(1)>hover</b>'],
                    ['ticket:XSS-1', '<a href="javascript:alert(1)">click me</a>'],
                    ['metric:Evil', '<svg onload=alert(1)><a href="javascript:alert(1)">x</a></svg>']
                ],
                strategy: [
                    ['objective:Pwn', '<img src=x onerror=alert(1)>'],
                    ['metric:Evil', '<svg onload=alert(1)>']
                ],
                map: [
                    ['objective:Pwn', '<img src=x onerror=alert(1)>'],
                    ['objective:Child', `<script>window.__pwned = 'child'</script>`],
                    ['solution:Xss', '</textarea><iframe'],
                    ['ticket:XSS-2', "{{constructor.constructor('alert(1)')()}} ${alert(1)}"]
                ]
            };
            if (name === 'map') {
                // Every card expanded: the solutions and the orphan ticket are listed in the whole cards.
                for (const id of await page.locator('.nodes [data-node]').evaluateAll(cards => cards.map(card => card.getAttribute('data-node')))) {
                    await page.locator(`.nodes [data-node="${id}"]`).focus();
                    await page.keyboard.press('Enter');
                }
                // Each whole card as the extension sends it when asked: strategy/renderCard's markup, parsed as SVG.
                assert.ok((await answerCards(preview, rendered.view)).length > 0);
            }
            for (const [key, text] of expected[name]) {
                const element = page.locator(`[data-element="${key}"]:visible`).first();
                assert.ok(await element.isVisible(), `${key} visible`);
                const shown = (await element.textContent() ?? '').replace(/\s+/g, ' ');
                assert.ok(shown.includes(text.replace(/\s+/g, ' ')), `${key} shows ${JSON.stringify(text)} as text, got ${JSON.stringify(shown)}`);
            }
            if (name === 'product') {
                assert.ok(await page.locator('[data-box="problem"]').getByText(`</div></section><script>window.__pwned = 'problem'</script>`, { exact: false }).isVisible());
                assert.ok(await page.locator('[data-box="hypotheses"]').getByText('<style>body{display:none}</style> hides everything').isVisible());
            }
            if (name === 'strategy') {
                assert.ok(await page.locator('[data-box="play-win"]').getByText('<style>*{color:red}</style>').isVisible());
                assert.ok(await page.locator('[data-box="obstacles"]').getByText(`' onmouseover='alert(1)`).isVisible());
            }
            assert.deepEqual(await activeContent(page), [], 'no element or attribute from the content');
            assert.equal(await page.locator('script').count(), 1, 'only the preview\'s own script');
            assert.equal(await page.locator('style').count(), 2, 'only the preview\'s own stylesheets');
            // Hover and click everything: an inline handler that slipped through would run now.
            for (const element of await page.locator('[data-element]').all()) {
                if (await element.isVisible()) await element.click({ trial: false, force: true });
            }
            assert.ok((await reveals(preview)).every(message => rendered.uris.includes(message.uri)), 'reveals only files of the render');
            await screenshot(page, `hostile-${name}`);
        });
    }

    describe('standalone exports', () => {
        async function load(name: string, body: string, type: string): Promise<{ page: Page; violations: string[]; dialogs: string[] }> {
            server!.files.set(`/export/${name}`, { body, type });
            const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
            const violations: string[] = [];
            const dialogs: string[] = [];
            page.on('console', message => {
                if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
            });
            page.on('dialog', dialog => {
                dialogs.push(dialog.message());
                void dialog.dismiss();
            });
            page.on('pageerror', error => violations.push(error.message));
            await page.goto(`${server!.origin}/export/${name}`);
            return { page, violations, dialogs };
        }

        /** Texts each export must show (compared without white space: the SVG wraps long texts into <tspan>s). */
        const expectedTexts: Record<'shop' | 'hostile', Record<'product' | 'strategy' | 'map', string[]>> = {
            shop: {
                product: ['Business problem', 'Engagement', 'MonthlyRepeatUsers', 'on track', 'APP-123', 'Measure and respond'],
                strategy: ['What is in our way', 'Checkout is slow on mobile', 'The fastest repeat basket in the market', 'PurchaseRecurrence'],
                // The map's exports summarise: solutions counted by status, the first live tickets listed.
                map: ['Revenue', 'Engagement', 'Activation', '3 solutions: 2 idea · 1 testing', 'APP-130']
            },
            hostile: {
                product: ['<script>', `window.__pwned = 'problem'`, 'Hacker', 'XSS-1'],
                strategy: ['<img src=x onerror=alert(1)>', '<style>*{color:red}</style>', `' onmouseover='alert(1)`],
                map: ['<img src=x onerror=alert(1)>', 'Child', 'XSS-1', '1 orphan ticket: 1 no status']
            }
        };
        const compact = (value: string) => value.replace(/\s+/g, '');
        const names = ['product', 'strategy', 'map'] as const;

        for (const fixture of ['shop', 'hostile'] as const) {
            it(`opens the HTML exports of the ${fixture} canvases and map with their styles, their texts and no script`, async () => {
                await Promise.all(names.map(async name => {
                    const rendered = (fixture === 'shop' ? shop : hostile)[name];
                    const { page, violations, dialogs } = await load(`${fixture}-${name}.html`, rendered.html, 'text/html; charset=utf-8');
                    await page.locator(`.strategy-view[data-view="${name}"]`).waitFor();
                    if (name !== 'map') {
                        assert.ok(await page.locator('section.box').count() >= 4);
                        for (const box of await page.locator('section.box').all()) assert.ok(await box.isVisible(), `${name}: every box visible`);
                    } else {
                        assert.ok(await page.locator('svg.alignment-map').isVisible());
                    }
                    const text = compact(await page.locator('body').innerText());
                    for (const expected of expectedTexts[fixture][name]) assert.ok(text.includes(compact(expected)), `${fixture} ${name} shows ${expected}`);
                    assert.equal(await page.locator('script').count(), 0, 'no script at all in an export');
                    assert.ok(await page.evaluate(() => (globalThis as any).document.styleSheets.length) >= 1, 'its own styles');
                    assert.deepEqual(await activeContent(page), []);
                    assert.equal(await pwned(page), undefined);
                    assert.deepEqual(dialogs, []);
                    assert.deepEqual(violations, [], 'its inline style is allowed by its hash');
                    await page.screenshot({ path: path.join(screenshots, `export-${fixture}-${name}.png`), fullPage: true });
                    await page.close();
                }));
            });

            it(`opens the SVG exports of the ${fixture} canvases and map with their texts and no script`, async () => {
                await Promise.all(names.map(async name => {
                    const rendered = (fixture === 'shop' ? shop : hostile)[name];
                    const { page, violations, dialogs } = await load(`${fixture}-${name}.svg`, rendered.svg, 'image/svg+xml');
                    assert.ok(await page.locator('svg').first().isVisible());
                    assert.equal(await page.locator('script').count(), 0);
                    assert.deepEqual(await activeContent(page), []);
                    const text = compact(await page.evaluate(() => (globalThis as any).document.documentElement.textContent as string));
                    assert.ok(text.includes(compact(rendered.title).slice(0, 20)), `the title ${rendered.title} is in the SVG's text`);
                    for (const expected of expectedTexts[fixture][name]) assert.ok(text.includes(compact(expected)), `${fixture} ${name} SVG holds ${expected}`);
                    assert.equal(await pwned(page), undefined);
                    assert.deepEqual(dialogs, []);
                    assert.deepEqual(violations, []);
                    await page.screenshot({ path: path.join(screenshots, `export-${fixture}-${name}-svg.png`) });
                    await page.close();
                }));
            });
        }
    });
});
