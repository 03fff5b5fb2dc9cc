import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { previewView, type PreviewView } from '../../src/model/preview-view.js';
import { htmlDocument } from '../../src/render/html-document.js';
import { siteFragment } from '../../src/render/render-view.js';
import { fixture, modelOf } from '../render/render-fixtures.js';
import { launchChromium, skipWithoutChromium } from './preview-harness.js';

// The static site's views in Chromium: an element's linked ID reads as the ID does in the HTML export (same colour,
// weight, no underline), is underlined on hover and keyboard focus, shows a focus ring when focused from the
// keyboard, and prints as plain text. In the canvases' HTML and in the map's and the roadmap's SVG.

interface Look {
    colour: string;
    weight: string;
    decoration: string;
    outline: string;
}

/** How the text of the element's link (or, on a page without links, the element's ID) looks; `focused`: the focused element's. */
async function lookOf(page: Page, key: string, focused = false): Promise<Look> {
    return page.evaluate(`(() => {
        const owner = document.querySelector('[data-element="${key}"]');
        const link = ${focused} ? document.activeElement : owner.querySelector('a.element-link');
        const text = (link ?? owner).querySelector('text, .item-id') ?? link;
        const style = getComputedStyle(text);
        const own = getComputedStyle(link ?? text);
        return { colour: text instanceof SVGElement ? style.fill : style.color, weight: style.fontWeight,
            decoration: style.textDecorationLine, outline: own.outlineStyle + ' ' + own.outlineWidth };
    })()`);
}

async function open(browser: Browser, view: PreviewView, linked: boolean): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', error => errors.push(error.message));
    await page.setContent(htmlDocument('Site', siteFragment(view, key => (linked ? `page.html#${encodeURIComponent(key)}` : undefined))));
    return { page, errors };
}

describe('the static site\'s element links in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    const cases: Array<[string, string | undefined, string]> = [
        ['a product canvas item (HTML)', 'AppRecurrence', 'objective:Engagement'],
        ['a map card (SVG)', undefined, 'objective:Revenue'],
        ['a roadmap lane (SVG)', 'Roadmap2027', 'objective:Engagement']
    ];

    before(async function () {
        skipWithoutChromium(this);
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
    });

    for (const [name, canvas, key] of cases) {
        it(`shows ${name} as its ID, underlined on hover and focus, ringed on focus, plain on paper`, async () => {
            const view = previewView(modelOf(await fixture('shopApp')), canvas)!;
            const plain = await open(browser!, view, false);
            const site = await open(browser!, view, true);
            try {
                const before = await lookOf(plain.page, key);
                const linked = await lookOf(site.page, key);
                assert.deepEqual({ ...linked, outline: '' }, { ...before, outline: '' }, 'the same colour and weight, no underline');
                assert.equal(before.decoration, 'none');

                const link = site.page.locator(`[data-element="${key}"] a.element-link`).first();
                await link.hover();
                assert.equal((await lookOf(site.page, key)).decoration, 'underline', 'underlined on hover');
                await site.page.mouse.move(0, 0);

                const box = (await link.boundingBox())!;
                const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: box.width + 12, height: box.height + 12 };
                const unfocused = await site.page.screenshot({ clip });
                for (let presses = 0; presses < 20 && !(await link.evaluate(element => element === element.ownerDocument.activeElement)); presses++) {
                    await site.page.keyboard.press('Tab');
                }
                const focused = await lookOf(site.page, key, true);
                assert.equal(focused.outline, 'solid 2px', 'a focus ring');
                assert.equal(focused.decoration, 'underline', 'underlined on keyboard focus');
                assert.notDeepEqual(await site.page.screenshot({ clip }), unfocused, 'the ring and underline are drawn');

                await plain.page.emulateMedia({ media: 'print' });
                await site.page.emulateMedia({ media: 'print' });
                const paper = await lookOf(site.page, key, true);
                assert.deepEqual({ ...paper, outline: paper.outline.split(' ')[0] }, { ...(await lookOf(plain.page, key)), outline: 'none' }, 'plain text on paper');
                assert.deepEqual([...plain.errors, ...site.errors], [], 'no error, no Content Security Policy violation');
            } finally {
                await plain.page.close();
                await site.page.close();
            }
        });
    }
});
