import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Marked } from 'marked';
import type { Browser, Page } from 'playwright-core';
import { visibleText } from '../../src/render/escape.js';
import type { RevealMessage } from '../../src/protocol/webview-messages.js';
import { corpus, expandedMapElements, hostileWorkspace, payloadValueFields, shownElements, type HostilePayload } from '../fixtures/hostile/corpus.js';
import {
    activeContent, answerCards, expandedFragment, launchChromium, openPreview, PreviewServer, pwned, renderWorkspace, skipWithoutChromium, root, updateMessage,
    type DocumentScope, type PreviewPage, type RenderedView
} from './preview-harness.js';

// Issue 6, item 4: the preview runs no content. Every payload of the hostile corpus goes into every string field
// of a workspace (test/fixtures/hostile/corpus.ts); the real engine renders its product canvas, strategy canvas,
// SWOT canvas and map; one Chromium shows each in the preview's webview (the extension's shell and script) and opens each
// HTML, SVG and Markdown export on its own. PNG needs no check of its own: the webview draws it from the SVG export
// as an image, where no script runs, and the SVG check covers that SVG.
//
// A page is compared with the same workspace holding a plain text: a payload may change text, never which
// elements, attributes or classes there are. Problems are collected, each naming the payload and the view and
// format, and reported together.

const viewNames = ['product', 'strategy', 'swot', 'map'] as const;
type ViewName = typeof viewNames[number];
const canvases = ['HostileProduct', 'HostileStrategy', 'HostileSwot', undefined];
const formats = ['html', 'svg', 'md'] as const;
type Format = typeof formats[number];
const results = path.join(root, 'test-results', 'hostile-corpus');
/** Pages at work at once: Chromium's renderers share the machine's two CPUs with the test and the engine. */
const width = 3;

interface Case {
    payload: HostilePayload;
    views: Record<ViewName, RenderedView>;
    errors: string[];
}

/** What a document holds, read in one round trip. */
interface PageFacts {
    text: string;
    elements: string[];
    attributes: string[];
    classes: string[];
    /** Link targets (href, src, action…) going anywhere but the web, mail or a fragment of the document itself. */
    badLinks: string[];
    /** Keys of `keys` that no visible element carries. */
    missing: string[];
    /** Dialogs the document opened, as recorded by `recordDialogs`. */
    dialogs: string[];
    counts: { script: number; style: number; link: number };
}

/** The facts of the document, its text read from `textRoot` (the webview's content, not its title bar). */
function readFacts(scope: DocumentScope, textRoot: string, keys: readonly string[]): Promise<PageFacts> {
    // No named function in here: tsx would wrap it in a helper the page does not have.
    return scope.evaluate(({ textRoot, keys }) => {
        const document = (globalThis as any).document;
        const here = (globalThis as any).location;
        const all: any[] = [...document.querySelectorAll('*')];
        const elements = new Set<string>();
        const attributes = new Set<string>();
        const classes = new Set<string>();
        const badLinks: string[] = [];
        for (const element of all) {
            elements.add(element.localName);
            for (const name of element.classList ?? []) classes.add(name);
            for (const attribute of element.attributes) {
                attributes.add(attribute.name);
                if (!/^(href|xlink:href|src|srcdoc|action|formaction|data|poster|background)$/i.test(attribute.name)) continue;
                let url: { origin: string; pathname: string; hash: string; protocol: string } | undefined;
                try {
                    url = new URL(attribute.value, document.baseURI);
                } catch {
                    url = undefined;
                }
                const fragment = url && url.origin === here.origin && url.pathname === here.pathname && url.hash;
                if (!fragment && !(url && /^(https?|mailto):$/.test(url.protocol))) badLinks.push(`${element.localName}[${attribute.name}=${attribute.value}]`);
            }
        }
        const shown = new Set(all.filter(element => element.checkVisibility?.() ?? true).map(element => element.getAttribute('data-element')));
        return {
            text: document.querySelector(textRoot)?.textContent ?? '',
            elements: [...elements],
            attributes: [...attributes],
            classes: [...classes],
            badLinks,
            missing: keys.filter(key => !shown.has(key)),
            dialogs: (globalThis as any).__dialogs ?? [],
            counts: { script: document.querySelectorAll('script').length, style: document.querySelectorAll('style').length, link: document.querySelectorAll('link').length }
        };
    }, { textRoot, keys });
}

/** The text without white space and zero-width joiners (the Markdown export adds them after `@` and in `#1`, unseen). */
const compact = (text: string) => text.replace(/[\s\u200D]+/g, '');

/**
 * What must read as text, white space and zero-width joiners aside (SVG wraps text into lines): the payload as the renderers show it,
 * with bidi controls named and characters XML forbids replaced; a long payload by its ends, which cut lines lose.
 */
function expectedTexts(payload: string): string[] {
    const shown = compact(visibleText(payload));
    return shown.length > 400 ? [shown.slice(0, 40), shown.slice(-40)] : [shown];
}

/**
 * The classes a text may change: a status or kind names its badge's class (`badge-status-doing`), and a title too
 * long for the header's line makes the shell's header fit (src/webview/header-fit.ts) tighten it (`compact`).
 */
const valueClass = /^badge-(status|kind)-|^compact$/;

/** Elements and attributes a format may add for some texts: Markdown links a web or mail address. */
interface Allowed {
    elements?: string[];
    attributes?: string[];
}

/** Every check of one document, as problems prefixed with the payload and where it is shown. */
async function problemsOf(scope: DocumentScope, where: string, facts: PageFacts, plain: PageFacts, payload: string, allowed: Allowed = {}): Promise<string[]> {
    const extra = (ours: string[], theirs: string[]) => ours.filter(name => !theirs.includes(name));
    const problems = [
        ...extra(facts.elements, [...plain.elements, ...allowed.elements ?? []]).map(name => `an element <${name}> from the content`),
        ...extra(facts.attributes, [...plain.attributes, ...allowed.attributes ?? []]).map(name => `an attribute ${name} from the content`),
        ...extra(facts.classes, plain.classes).filter(name => !valueClass.test(name)).map(name => `a class ${JSON.stringify(name)} from the content`),
        ...facts.badLinks.map(link => `a link ${link}`),
        ...facts.missing.map(key => `${key} is not shown`),
        ...facts.dialogs.map(dialog => `a dialog ${dialog}`),
        ...(await activeContent(scope)).map(found => `active content ${found}`),
        ...expectedTexts(payload).filter(text => !compact(facts.text).includes(text)).map(text => `does not show ${JSON.stringify(text)} as text`)
    ];
    const ran = await pwned(scope);
    if (ran !== undefined) problems.push(`window.__pwned = ${JSON.stringify(ran)}`);
    if (JSON.stringify(facts.counts) !== JSON.stringify(plain.counts)) problems.push(`script, style, link elements ${JSON.stringify(facts.counts)}`);
    return [...new Set(problems)].map(problem => `${where}: ${problem}`);
}

/**
 * Fails with the problems found: which payloads have any, and the first hundred spelled out; the whole list goes
 * to test-results/hostile-corpus/<file>.txt.
 */
function assertNone(problems: string[], file: string): void {
    if (problems.length === 0) return;
    const unique = [...new Set(problems)];
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, `${file}.txt`), unique.join('\n') + '\n');
    const payloads = [...new Set(unique.map(problem => problem.split(' ')[0]))];
    const more = unique.length > 100 ? `\n… and ${unique.length - 100} more in test-results/hostile-corpus/${file}.txt` : '';
    assert.fail(`${unique.length} problems with ${payloads.length} payloads (${payloads.join(', ')}):\n${unique.slice(0, 100).join('\n')}${more}`);
}

/**
 * Runs `work` for every case, `width` at a time, each worker in a tab of its own that it opens once and reuses:
 * opening a page costs more than what is checked in it on this machine, and VS Code reuses its webview too.
 */
async function eachCase<Tab>(cases: Case[], open: () => Promise<Tab>, work: (tab: Tab, item: Case) => Promise<void>): Promise<Tab[]> {
    let next = 0;
    return Promise.all(Array.from({ length: width }, async () => {
        const tab = await open();
        while (next < cases.length) await work(tab, cases[next++]!);
        return tab;
    }));
}

describe('hostile corpus in Chromium: every payload in every field, shown as text in the preview and every export', function () {
    this.timeout(240_000);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'strategy-hostile-'));
    const markdown = new Marked({ gfm: true, async: false });
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let plain: Case;
    const cases: Case[] = [];
    /** Each payload's map with every card expanded, by payload name. */
    const expanded = new Map<string, string>();

    /** Renders a payload's workspace with the real engine and serves its exports, each at /export/<payload>/<view>.<format>. */
    async function render(payload: HostilePayload): Promise<Case> {
        const dir = path.join(folder, payload.name);
        mkdirSync(dir);
        for (const [file, text] of Object.entries(hostileWorkspace(payload.text))) writeFileSync(path.join(dir, file), text);
        const { views: [product, strategy, swot, map], diagnostics } = await renderWorkspace(dir, canvases);
        const views = { product: product!, strategy: strategy!, swot: swot!, map: map! };
        expanded.set(payload.name, await expandedFragment(map!.view));
        for (const name of viewNames) {
            const base = `/export/${payload.name}/${name}`;
            server!.files.set(`${base}.html`, { body: views[name].html, type: 'text/html; charset=utf-8' });
            server!.files.set(`${base}.svg`, { body: views[name].svg, type: 'image/svg+xml' });
            // A wiki at its most permissive: raw HTML passes through, and no Content Security Policy.
            const page = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${name}</title></head><body>\n${markdown.parse(views[name].md) as string}</body></html>`;
            server!.files.set(`${base}.md`, { body: page, type: 'text/html; charset=utf-8' });
        }
        // The exports of a payload side by side, each a document of its own with its own policy.
        const frames = viewNames.flatMap(name => formats.map(format => `<iframe name="${name}.${format}" src="${name}.${format}" width="1280" height="900"></iframe>`));
        server!.files.set(`/export/${payload.name}/`, { body: `<!DOCTYPE html>\n<html><body>${frames.join('\n')}</body></html>`, type: 'text/html; charset=utf-8' });
        const errors = diagnostics.filter(each => each.severity === 1).map(each => String((each.data as { code?: string } | undefined)?.code ?? each.code));
        return { payload, views, errors };
    }

    before(async function () {
        skipWithoutChromium(this);
        rmSync(results, { recursive: true, force: true }); // problems of an earlier run
        server = await PreviewServer.start();
        const launched = launchChromium();
        // A line break in the plain text too, so its pages have the <br> the renderers write for one.
        plain = await render({ name: 'plain', text: 'Plain words\non two lines' });
        for (const payload of corpus) cases.push(await render(payload));
        browser = await launched;
    });

    after(async () => {
        await browser?.close();
        await server?.close();
        rmSync(folder, { recursive: true, force: true });
    });

    it('generates, for each payload, a workspace that reads the payload back exactly and renders every element', () => {
        const problems: string[] = [];
        for (const { payload, views, errors } of cases) {
            // The keyword and number fields that hold the payload are the only errors: it parses, and every name resolves.
            if (errors.length !== payloadValueFields.length || errors.some(code => code !== 'invalid-value')) problems.push(`${payload.name}: errors ${errors.join(', ')}`);
            const map = views.map.view;
            if (map.view !== 'map' || map.tree.objectives[0]?.title !== payload.text) problems.push(`${payload.name}: the title does not read back as written`);
            for (const name of viewNames) {
                const missing = shownElements[name].filter(key => !views[name].fragment.includes(`data-element="${key}"`));
                // The map's whole cards, in the map the preview gets with every card expanded.
                if (name === 'map') missing.push(...expandedMapElements.filter(key => !expanded.get(payload.name)!.includes(`data-element="${key}"`)));
                if (missing.length > 0) problems.push(`${payload.name} ${name}: not rendered: ${missing.join(', ')}`);
            }
        }
        assertNone(problems, 'workspaces');
    });

    it('shows each payload as text in the webview, in each view, and runs nothing when its elements are hovered and clicked', async () => {
        const problems: string[] = [];
        const plainFacts = new Map<ViewName, PageFacts>();
        const show = async (preview: PreviewPage, item: Case) => {
            const page = preview.page;
            for (const name of viewNames) {
                const rendered = item.views[name];
                const where = `${item.payload.name} webview ${name}`;
                await preview.send(updateMessage(rendered));
                await page.locator(`.strategy-view[data-view="${name}"]`).waitFor();
                if (name === 'map') {
                    await page.locator('[data-zoom="fit"]').click();
                    // The whole map (the previous payload's clicks may have focused a subtree, which the preview keeps), and
                    // every card expanded from the keyboard: the whole cards list the solutions and the other tickets.
                    const back = page.locator('.map-breadcrumb button').first();
                    if (await back.count()) await back.click();
                    const closed = await page.locator('.nodes [data-node]:not([aria-expanded="true"])').evaluateAll(cards => cards.map(card => card.getAttribute('data-node')));
                    for (const id of closed) {
                        await page.locator(`.nodes [data-node="${id}"]`).focus();
                        await page.keyboard.press('Enter');
                    }
                    // Each whole card as the extension sends it when asked: strategy/renderCard's markup, parsed as SVG.
                    await answerCards(preview, rendered.view);
                }
                const facts = await readFacts(page, '#preview-content', [...shownElements[name], ...name === 'map' ? expandedMapElements : []]);
                if (item === plain) plainFacts.set(name, facts);
                else {
                    problems.push(...await problemsOf(page, where, facts, plainFacts.get(name)!, item.payload.text));
                    if (await page.locator('#preview-title').textContent() !== rendered.title) problems.push(`${where}: the title is not its text`);
                    await hoverAndClick(page);
                    // An inline handler or a script URL that slipped through would have run by now.
                    const ran = await pwned(page);
                    if (ran !== undefined) problems.push(`${where}: once clicked, window.__pwned = ${JSON.stringify(ran)}`);
                }
                const events = [...preview.pageErrors.splice(0), ...preview.consoleErrors.splice(0), ...preview.dialogs.splice(0).map(dialog => `dialog ${dialog}`)];
                problems.push(...events.map(event => `${where}: ${event}`));
            }
            const where = `${item.payload.name} webview`;
            problems.push(...(await preview.violations()).map(violation => `${where}: Content Security Policy violation ${JSON.stringify(violation)}`));
            const uris = viewNames.flatMap(name => item.views[name].uris);
            const reveals = (await preview.posted()).filter((message): message is RevealMessage => message.type === 'reveal');
            if (reveals.length === 0 && item !== plain) problems.push(`${where}: no click revealed anything`);
            problems.push(...reveals.filter(reveal => !uris.includes(reveal.uri)).map(reveal => `${where}: reveals ${reveal.uri}`));
            // The next payload starts from a clean record, so whatever it does is put down to it.
            await page.evaluate(() => {
                const window = globalThis as any;
                window.__posted.length = 0;
                window.__violations.length = 0;
                delete window.__pwned;
            });
        };
        const open = () => openPreview(browser!, server!);
        const first = await open();
        await show(first, plain);
        assert.deepEqual(plainFacts.get('product')?.counts, { script: 1, style: 2, link: 0 }, 'only the preview\'s own script and styles');
        await first.page.close();
        const previews = await eachCase(cases, open, show);
        await Promise.all(previews.map(preview => preview.page.close()));
        assertNone(problems, 'webview');
    });

    it('opens each HTML, SVG and Markdown export on its own: the payload as text, no script, nothing refused or run', async () => {
        const problems: string[] = [];
        const plainFacts = new Map<string, PageFacts>();
        const formatName: Record<Format, string> = { html: 'HTML', svg: 'SVG', md: 'Markdown (marked, raw HTML on)' };
        const open = async () => {
            const page = await browser!.newPage({ viewport: { width: 1300, height: 900 } });
            await page.addInitScript(recordDialogs);
            const tab = { page, events: [] as string[] };
            const source = (url: string) => /\/([a-z]+)\.([a-z]+)$/.exec(url)?.slice(1).join(' ') ?? url;
            page.on('console', message => {
                if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) tab.events.push(`${source(message.location().url)}: console: ${message.text()}`);
            });
            page.on('pageerror', error => tab.events.push(`page error: ${error.message}`));
            page.on('dialog', dialog => {
                tab.events.push(`dialog: ${dialog.message()}`);
                void dialog.dismiss();
            });
            return tab;
        };
        const load = async ({ page, events }: { page: Page; events: string[] }, item: Case) => {
            events.length = 0;
            await page.goto(`${server!.origin}/export/${item.payload.name}/`);
            for (const name of viewNames) {
                for (const format of formats) {
                    const frame = page.frame({ name: `${name}.${format}` });
                    const where = `${item.payload.name} ${formatName[format]} export ${name}`;
                    if (!frame) {
                        problems.push(`${where}: not loaded`);
                        continue;
                    }
                    // The SVG export's canvas header is plain text (no key); Markdown carries no keys at all.
                    const keys = format === 'md' ? [] : shownElements[name].filter(key => format === 'html' || !key.startsWith('canvas:'));
                    const facts = await readFacts(frame, format === 'svg' ? 'svg' : 'body', keys);
                    if (item === plain) {
                        plainFacts.set(`${name}.${format}`, facts);
                        continue;
                    }
                    // GFM links a bare web or mail address: allowed, as long as the link goes to the web or to mail.
                    const allowed = format === 'md' ? { elements: ['a'], attributes: ['href'] } : {};
                    problems.push(...await problemsOf(frame, where, facts, plainFacts.get(`${name}.${format}`)!, item.payload.text, allowed));
                }
            }
            const ran = await pwned(page);
            if (ran !== undefined) problems.push(`${item.payload.name} exports: window.__pwned = ${JSON.stringify(ran)} in the page holding them`);
            problems.push(...events.map(event => `${item.payload.name} exports: ${event}`));
        };
        const first = await open();
        await load(first, plain);
        await first.page.close();
        assert.deepEqual(plainFacts.get('product.html')?.counts, { script: 0, style: 1, link: 0 }, 'an HTML export has its stylesheet and no script');
        assert.deepEqual(plainFacts.get('map.svg')?.counts, { script: 0, style: 1, link: 0 }, 'an SVG export has its stylesheet and no script');
        const tabs = await eachCase(cases, open, load);
        await Promise.all(tabs.map(tab => tab.page.close()));
        assertNone(problems, 'exports');
    });
});

/**
 * Runs in every document of the exports' tab before its own content: notes each dialog in the document that opens
 * it, so a dialog (also caught, and dismissed, by the page's handler) is put down to its view and format.
 */
const recordDialogs = `for (const name of ['alert', 'confirm', 'prompt']) {
  const original = window[name];
  window[name] = function (message) {
    (window.__dialogs ??= []).push(name + ' ' + String(message));
    return original.apply(this, arguments);
  };
}`;

/**
 * Hovers and clicks with the mouse (trusted input, the path the webview's own click handling takes) the first
 * element of each kind, scrolled into view (the map is fitted first); then fires, at every element of the content,
 * the events inline handlers answer to, and clicks it: a real click on each of hundreds of elements per payload
 * would cost minutes on this machine, and an injected handler runs on either.
 */
async function hoverAndClick(page: Page): Promise<void> {
    const kinds = await page.evaluate(() => {
        const keys = [...(globalThis as any).document.querySelectorAll('#preview-content [data-element]')].map(element => element.getAttribute('data-element') as string);
        return [...new Set(keys.map(key => key.split(':')[0]))];
    });
    for (const kind of kinds) {
        const point = await page.evaluate(kind => {
            const element = [...(globalThis as any).document.querySelectorAll('#preview-content [data-element]')]
                .find(each => each.getAttribute('data-element').startsWith(`${kind}:`));
            if (!element.closest('.map-viewport')) element.scrollIntoView({ block: 'center', inline: 'center' });
            const rect = element.getClientRects()[0];
            return rect && rect.width > 0 && rect.height > 0 ? { x: rect.x + Math.min(rect.width / 2, 6), y: rect.y + Math.min(rect.height / 2, 6) } : undefined;
        }, kind);
        if (point) await page.mouse.click(point.x, point.y);
    }
    await page.evaluate(() => {
        const window = globalThis as any;
        for (const element of window.document.querySelectorAll('#preview-content *')) {
            for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin', 'toggle', 'animationstart', 'load', 'error']) {
                element.dispatchEvent(new window.Event(type));
            }
            element.dispatchEvent(new window.MouseEvent('click', { bubbles: true, button: 0 }));
        }
    });
}
