import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error: the generator is a plain ES module of the benchmarks, without types.
import { generateWorkspace } from '../../scripts/bench/generate-workspace.mjs';
import { visibleText } from '../../src/render/escape.js';
import { launchChromium, skipWithoutChromium } from '../chromium.js';
import { corpus, strategyString } from '../fixtures/hostile/corpus.js';
import { backgroundLuminance, buildSite, crawlSite, fileUrl, goto, openSite, type SiteSession } from './site-crawl.js';

// `strategy build`'s site as a reader opens it: from disk, in Chromium, with nothing but the folder. Every internal
// link resolves inside the folder, no page errs or trips its Content Security Policy or asks for anything
// else, search finds by ID and by title word, the colours follow the system, print drops the header, and text
// from a .strategy file shows as text on every page, search results included.

const hostileScript = '<script>alert(1)</script>';
const hostileImage = '"><img src=x onerror=alert(1)>';
const bidi = 'invoice\u202Egnp.exe';


/** The page's text, what a reader sees. */
function textOf(page: Page): Promise<string> {
    return page.evaluate(() => (globalThis as any).document.body.textContent as string);
}

/** Elements the content must never become: images, and scripts but the search page's own two blocks. */
function activeElements(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const document = (globalThis as any).document;
        const found: string[] = [];
        for (const element of document.querySelectorAll('img, iframe, object, embed, script')) {
            const own = element.localName === 'script' && (element.id === 'search-data' || element === document.body.lastElementChild);
            if (!own) found.push(element.outerHTML.slice(0, 80));
        }
        for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) found.push(`${element.localName}[${attribute.name}]`);
        }
        return found;
    });
}

describe('strategy build: the site opened from disk in Chromium', function () {
    this.timeout(300_000);
    let browser: Browser | undefined;
    const temps: string[] = [];
    const sessions: SiteSession[] = [];
    let shop = '';
    let team = '';
    let hostile = '';
    let payloads = '';

    /** A session on a site whose pages must all stay healthy; checked and closed after the test. */
    async function session(folder: string, colorScheme: 'light' | 'dark' = 'light'): Promise<SiteSession> {
        const opened = await openSite(browser!, folder, colorScheme);
        sessions.push(opened);
        return opened;
    }

    before(async function () {
        skipWithoutChromium(this);
        const workspace = mkdtempSync(path.join(tmpdir(), 'strategy-site-team-src-'));
        temps.push(workspace);
        generateWorkspace(workspace, { team: true });
        const escaping = mkdtempSync(path.join(tmpdir(), 'strategy-site-hostile-src-'));
        temps.push(escaping);
        // Markup in the file's name, a field, a link, a canvas's text and a syntax error's message too.
        writeFileSync(path.join(escaping, `${hostileImage}.strategy`), [
            `vision ${strategyString(`We ship ${hostileScript}`)}`,
            `objective Scripted ${strategyString(`Scripted ${hostileScript}`)} {}`,
            `objective Imaged ${strategyString(`Imaged ${hostileImage}`)} { parent Scripted }`,
            `objective Reversed ${strategyString(bidi)} { parent Scripted }`,
            `metric Hits ${strategyString(`Hits ${hostileImage}`)} { measures Imaged target 10 by 2027-06-30 }`,
            `ticket H-1 ${strategyString(`Ticket ${hostileScript}`)} { serves Imaged owner ${strategyString(hostileImage)} link "javascript:alert(1)" }`,
            `canvas Lean ${strategyString(hostileScript)} { kind product problem ${strategyString(hostileImage)} outcomes Scripted plan { step ${strategyString(hostileScript)} tickets H-1 } }`,
            `objective Broken "Broken" { parent Nowhere${hostileScript} }`,
            ''
        ].join('\n'));
        // Every payload of the hostile corpus as a ticket's title and link, each its own entry and search result.
        const corpusSource = mkdtempSync(path.join(tmpdir(), 'strategy-site-corpus-src-'));
        temps.push(corpusSource);
        writeFileSync(path.join(corpusSource, 'corpus.strategy'), ['objective Goal "Goal" {}', ...corpus.map((payload, n) =>
            `ticket P-${n} ${strategyString(payload.text)} { serves Goal link ${strategyString(payload.text)} }`), ''].join('\n'));
        const build = async (paths: string[], name: string) => {
            const folder = await buildSite(paths, name);
            temps.push(path.dirname(folder));
            return folder;
        };
        shop = await build(['examples/shop-app'], 'shop');
        team = await build([workspace], 'team');
        hostile = await build([escaping], 'hostile');
        payloads = await build([corpusSource], 'corpus');
        browser = await launchChromium();
    });

    afterEach(async () => {
        for (const opened of sessions.splice(0)) {
            await opened.close();
            assert.deepEqual(opened.problems, [], 'no page error, console error or CSP violation');
            assert.deepEqual(opened.dialogs, [], 'no dialog');
            assert.deepEqual(opened.outside, [], 'no request but the site folder\'s files');
        }
    });

    after(async () => {
        await browser?.close();
        for (const folder of temps) rmSync(folder, { recursive: true, force: true });
    });

    for (const [name, folder, least] of [['the example', () => shop, 400], ['a team\'s workspace (300 tickets)', () => team, 3000]] as const) {
        it(`links every page of ${name} to files and anchors inside the folder, each page healthy`, async () => {
            const site = await session(folder());
            const crawl = await crawlSite(site, folder());
            assert.deepEqual(crawl.broken, [], 'every internal link resolves');
            const written = readdirSync(folder()).filter(file => file.endsWith('.html')).sort();
            assert.deepEqual(crawl.pages, written, 'every page is reached from index.html');
            for (const page of ['index.html', 'map.html', 'trace.html', 'search.html', 'objectives.html', 'metrics.html', 'tickets.html', 'canvases.html']) {
                assert.ok(crawl.pages.includes(page), `${page} is written`);
            }
            assert.ok(crawl.pages.some(page => /^canvas-.+\.html$/.test(page)), 'a page per canvas');
            assert.ok(crawl.checked >= least, `${crawl.checked} links checked`);
            // The request listener sees file loads, so its silence about others means something.
            assert.ok(site.inside.length >= crawl.pages.length, 'each page load is seen as a request');
        });
    }

    it('reports what the crawl and health checks exist to catch, on a damaged copy of a site', async () => {
        const damaged = path.join(mkdtempSync(path.join(tmpdir(), 'strategy-site-damaged-')), 'site');
        temps.push(path.dirname(damaged));
        mkdirSync(damaged);
        for (const file of readdirSync(shop)) copyFileSync(path.join(shop, file), path.join(damaged, file));
        writeFileSync(path.join(damaged, '..', 'outside.html'), '<p>outside</p>');
        const index = readFileSync(path.join(damaged, 'index.html'), 'utf8').replace('</main>', '<a href="nowhere.html">a</a>'
            + '<a href="objectives.html#NoSuchObjective">b</a><a href="../outside.html">c</a><a href="javascript:void 0">d</a>'
            + '<link rel="stylesheet" href="https://example.invalid/x.css"></main>');
        writeFileSync(path.join(damaged, 'index.html'), index);
        const site = await openSite(browser!, damaged);
        try {
            const crawl = await crawlSite(site, damaged);
            assert.deepEqual(crawl.broken.map(line => line.replace(/:.*/s, '')), [
                'index.html → nowhere.html', 'index.html → ../outside.html', 'index.html → javascript', 'index.html → objectives.html#NoSuchObjective'
            ]);
            assert.ok(site.problems.some(problem => /^CSP violation on .*index\.html: style-src/.test(problem)), site.problems.join('\n'));
            await site.page.goto(fileUrl(path.dirname(damaged), 'outside.html'));
            assert.deepEqual(site.outside, ['https://example.invalid/x.css', fileUrl(path.dirname(damaged), 'outside.html')],
                'a stylesheet from the web and a file outside the folder are requests outside it');
        } finally {
            await site.close();
        }
    });

    it('finds an element by ID from any page\'s search box, first, and its link leads to its entry', async () => {
        const site = await session(shop);
        await goto(site, shop, 'index.html');
        await site.page.locator('header.site-header input[name="q"]').fill('APP-101');
        await site.page.locator('header.site-header input[name="q"]').press('Enter');
        await site.page.waitForURL(/\/search\.html\?q=APP-101$/);
        const first = site.page.locator('#search-results li').first().locator('a');
        assert.equal(await first.textContent(), 'APP-101');
        assert.equal(await first.getAttribute('href'), 'tickets.html#APP-101');
        assert.equal(await site.page.inputValue('#search-input'), 'APP-101', 'the query stays in the box');
        await first.click();
        await site.page.waitForURL(/\/tickets\.html#APP-101$/);
        assert.equal(await site.page.locator('article.element:target').getAttribute('id'), 'APP-101', 'the entry is the target');
        assert.match(await site.page.locator('article.element:target h3').textContent() ?? '', /^APP-101 /);
    });

    it('leads index.html#ID, the site\'s address with an element\'s ID, to that element\'s entry; an unknown ID to a search for it', async () => {
        const site = await session(shop);
        for (const [id, page] of [['Engagement', 'objectives.html'], ['APP-101', 'tickets.html'], ['FrequentBuyer.SaveTime', 'needs.html'], ['Roadmap2027', 'canvases.html']]) {
            await site.page.goto(`${fileUrl(shop, 'index.html')}#${id}`);
            await site.page.waitForURL(url => url.pathname.endsWith(`/${page}`) && url.hash === `#${id}`);
            assert.equal(await site.page.locator('article.element:target').getAttribute('id'), id);
        }
        // The front page's own anchors stay on it.
        await site.page.goto(`${fileUrl(shop, 'index.html')}#site-problems`);
        assert.match(site.page.url(), /\/index\.html#site-problems$/);
        await site.page.goto(`${fileUrl(shop, 'index.html')}#Engagment`);
        await site.page.waitForURL(/\/search\.html#Engagment$/);
        assert.match(await site.page.locator('#search-status').textContent() ?? '', /^No element has the ID “Engagment”\. Nothing matches/);
        // A malformed escape is read as written, not an error.
        await site.page.goto(`${fileUrl(shop, 'index.html')}#%E0%A4%A`);
        await site.page.waitForURL(/\/search\.html#/);
        assert.match(await site.page.locator('#search-status').textContent() ?? '', /^No element has the ID/);
    });

    it('finds an element by a word of its title, and says when nothing matches', async () => {
        const site = await session(shop);
        await goto(site, shop, 'objectives.html');
        const box = site.page.locator('header.site-header input[name="q"]');
        await box.fill('recurring');
        await box.press('Enter');
        await site.page.waitForURL(/\/search\.html\?q=recurring$/);
        const ids = await site.page.locator('#search-results li a code').allTextContents();
        assert.ok(ids.includes('Revenue'), `"Grow recurring revenue" is found: ${ids.join(', ')}`);
        assert.match(await site.page.locator('#search-status').textContent() ?? '', /\d+ elements? match/);
        // Typing on the search page itself searches again.
        await site.page.locator('#search-input').fill('zzqxj nothing');
        assert.equal(await site.page.locator('#search-results li').count(), 0);
        assert.match(await site.page.locator('#search-status').textContent() ?? '', /^Nothing matches “zzqxj nothing”\.$/);
    });

    it('shows a hostile query as text: no markup, no script, no dialog', async () => {
        const site = await session(shop);
        const query = '<img src=x onerror=alert(1)>';
        await goto(site, shop, 'index.html');
        await site.page.locator('header.site-header input[name="q"]').fill(query);
        await site.page.locator('header.site-header input[name="q"]').press('Enter');
        await site.page.waitForURL(/\/search\.html\?q=/);
        assert.equal(await site.page.locator('#search-status').textContent(), `Nothing matches “${query}”.`);
        assert.deepEqual(await activeElements(site.page), []);
    });

    it('draws light on a light system and dark on a dark one', async () => {
        for (const [scheme, bright] of [['light', true], ['dark', false]] as const) {
            const site = await session(shop, scheme);
            for (const page of ['index.html', 'map.html', 'tickets.html', 'search.html']) {
                await goto(site, shop, page);
                const luminance = await backgroundLuminance(site.page);
                assert.ok(bright ? luminance > 0.7 : luminance < 0.1, `${page} in ${scheme}: background luminance ${luminance.toFixed(3)}`);
            }
        }
    });

    it('prints without the header and the search forms', async () => {
        const site = await session(shop);
        const shown = (selector: string) => site.page.locator(selector).evaluateAll(elements => elements.map(element => (globalThis as any).getComputedStyle(element).display !== 'none'));
        for (const page of ['index.html', 'search.html']) {
            await goto(site, shop, page);
            await site.page.emulateMedia({ media: 'screen' });
            assert.deepEqual(await shown('header.site-header'), [true], `${page} on screen has its header`);
            assert.ok((await shown('form.site-search')).every(Boolean), `${page} on screen has its search`);
            await site.page.emulateMedia({ media: 'print' });
            assert.deepEqual(await shown('header.site-header'), [false], `${page} printed has no header`);
            assert.deepEqual(await shown('form.site-search').then(all => all.filter(Boolean)), [], `${page} printed has no search form`);
            assert.ok(await site.page.locator('main#site-content').isVisible(), `${page} printed keeps its content`);
        }
    });

    it('shows markup or a bidi override in titles, fields, file names and messages as text, on every page and in search results', async () => {
        const site = await session(hostile);
        const literal = [`Scripted ${hostileScript}`, `Imaged ${hostileImage}`, `We ship ${hostileScript}`, 'invoice[U+202E]gnp.exe'];
        for (const [page, expected] of [
            ['index.html', [...literal, `${hostileImage}.strategy:`]],
            ['objectives.html', [literal[0]!, literal[1]!, literal[3]!]],
            ['metrics.html', [`Hits ${hostileImage}`]],
            ['tickets.html', [`Ticket ${hostileScript}`, `${hostileImage}.strategy:`, 'javascript:alert(1)']],
            ['canvas-lean.html', [hostileScript, hostileImage]],
            ['search.html?q=ed', [literal[0]!, literal[1]!]],
            ['search.html?q=gnp', [literal[3]!]],
            ['search.html?q=H-1', [`Ticket ${hostileScript}`]]
        ] as const) {
            await goto(site, hostile, page);
            const text = await textOf(site.page);
            for (const title of expected) assert.ok(text.includes(title), `${page} shows ${JSON.stringify(title)}`);
            assert.ok(!text.includes('\u202E'), `${page} shows the bidi override as its code point, as every view does`);
            assert.deepEqual(await activeElements(site.page), [], `${page} has no element or handler from a title`);
        }
        const crawl = await crawlSite(site, hostile);
        assert.deepEqual(crawl.broken, [], 'no link made of a field, "javascript:" included');
        for (const page of crawl.pages) {
            await goto(site, hostile, page);
            assert.deepEqual(await activeElements(site.page), [], `${page} has no element or handler from the workspace`);
        }
    });

    it('shows every payload of the hostile corpus as its text, whole, in its entry and its search result, and runs none', async () => {
        const site = await session(payloads);
        const crawl = await crawlSite(site, payloads);
        assert.deepEqual(crawl.broken, []);
        for (const page of crawl.pages) {
            await goto(site, payloads, page);
            assert.deepEqual(await activeElements(site.page), [], `${page} has no element or handler from a payload`);
            assert.equal(await site.page.evaluate(() => (globalThis as any).__pwned), undefined, `no payload ran on ${page}`);
        }
        const texts = (page: string, selector: string) => goto(site, payloads, page).then(() => site.page.locator(selector).evaluateAll(elements =>
            Object.fromEntries(elements.map(element => [element.querySelector('code').textContent, element.textContent as string]))));
        const entries = await texts('tickets.html', 'article.element h3');
        const results = await texts('search.html?q=p-', '#search-results li');
        corpus.forEach((payload, n) => {
            const shown = visibleText(payload.text);
            // The HTML parser reads a CR or CRLF in text as LF; search builds its results from the text itself.
            assert.equal(entries[`P-${n}`], `P-${n} ${shown.replace(/\r\n?/g, '\n')}`, `${payload.name}: its entry's heading`);
            assert.equal(results[`P-${n}`], `P-${n} ${shown} ticket`, `${payload.name}: its search result`);
        });
    });
});
