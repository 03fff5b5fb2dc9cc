import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCli } from '../../src/cli/main.js';

// A site `strategy build` wrote, read from the outside as a reader's browser reads it: opened from disk, every
// page's links followed. Shared by the site's browser tests.

/** Runs `strategy build PATHS -o <temp folder>/site` in this process and returns the folder; the caller removes its parent. */
export async function buildSite(paths: string[], prefix: string, today = '2026-11-26'): Promise<string> {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), `strategy-site-${prefix}-`)), 'site');
    let errors = '';
    const status = await runCli(['build', ...paths, '-o', folder, '--today', today], { out: () => {}, err: text => { errors += text; } });
    if (status !== 0) {
        rmSync(path.dirname(folder), { recursive: true, force: true });
        throw new Error(`strategy build exited ${status}: ${errors}`);
    }
    return folder;
}

export function fileUrl(folder: string, page: string): string {
    return pathToFileURL(path.join(folder, page)).href;
}

/**
 * A browser context on a site's folder that records, across every page and navigation, what must never happen:
 * a page error, a console error (a refused script or style logs one), a dialog (a script from the content would
 * open one), a Content Security Policy violation, and any request but a file of the folder.
 */
export interface SiteSession {
    context: BrowserContext;
    page: Page;
    /** Everything that went wrong, each with the page it happened on. */
    problems: string[];
    /** Requests for anything but a file inside the folder. */
    outside: string[];
    /** Requests for the folder's files. */
    inside: string[];
    dialogs: string[];
    close(): Promise<void>;
}

export async function openSite(browser: Browser, folder: string, colorScheme: 'light' | 'dark' = 'light'): Promise<SiteSession> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const problems: string[] = [];
    const outside: string[] = [];
    const inside: string[] = [];
    const dialogs: string[] = [];
    const root = pathToFileURL(folder).href + '/';
    context.on('request', request => {
        const url = request.url();
        (url.startsWith(root) && !url.slice(root.length).includes('/') ? inside : outside).push(url);
    });
    context.on('console', message => {
        if (message.type() === 'error') problems.push(`console error on ${message.page()?.url()}: ${message.text()}`);
    });
    context.on('weberror', error => problems.push(`page error on ${error.page()?.url()}: ${error.error().message}`));
    context.on('dialog', dialog => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    // A binding survives navigations, so a violation is recorded even if the page is left right after.
    await context.exposeBinding('__siteViolation', (source, text: string) => problems.push(`CSP violation on ${source.page.url()}: ${text}`));
    await context.addInitScript(`document.addEventListener('securitypolicyviolation', event => {
  window.__siteViolation(event.violatedDirective + ' blocked ' + event.blockedURI + ' ' + event.sample);
});`);
    const page = await context.newPage();
    return { context, page, problems, outside, inside, dialogs, close: () => context.close() };
}

/** Opens a page of the site (`search.html?q=x` too) and waits until it is loaded (the search page's script has run by then). */
export async function goto(session: SiteSession, folder: string, page: string): Promise<void> {
    const [file, query] = page.split('?');
    await session.page.goto(fileUrl(folder, file!) + (query === undefined ? '' : `?${query}`), { waitUntil: 'load' });
}

export interface Crawl {
    /** The pages reached from index.html, by file name. */
    pages: string[];
    /** Every internal link that does not resolve: `from → href: why`. */
    broken: string[];
    /** External links (http, https, mailto) seen and not followed. */
    external: string[];
    /** Internal links checked, fragments included. */
    checked: number;
}

/** What a page offers to follow: every link's href (SVG's too), every form's action and every search result's link, as written. */
function targetsOf(page: Page): Promise<{ ids: string[]; hrefs: string[] }> {
    return page.evaluate(() => {
        const document = (globalThis as any).document;
        const hrefs: string[] = [];
        for (const link of document.querySelectorAll('a')) {
            const href = link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
            if (href !== null) hrefs.push(href);
        }
        for (const form of document.querySelectorAll('form')) hrefs.push(form.getAttribute('action') ?? '');
        // The search page's results are links too: each entry of its index carries the one it would show.
        const data = document.getElementById('search-data');
        if (data) for (const entry of JSON.parse(data.textContent) as string[][]) hrefs.push(entry[3]!);
        return { ids: [...document.querySelectorAll('[id]')].map((element: any) => element.id as string), hrefs };
    });
}

/**
 * Visits every page reachable from index.html and checks every internal link: its file is in the folder (no
 * link leads out of it) and its fragment, if any, names an element of that page. External links are listed, not
 * followed.
 */
export async function crawlSite(session: SiteSession, folder: string): Promise<Crawl> {
    const queue = ['index.html'];
    const idsOf = new Map<string, Set<string>>();
    const fragments: Array<{ from: string; href: string; page: string; id: string }> = [];
    const broken: string[] = [];
    const external: string[] = [];
    let checked = 0;
    while (queue.length > 0) {
        const name = queue.shift()!;
        if (idsOf.has(name)) continue;
        await goto(session, folder, name);
        const { ids, hrefs } = await targetsOf(session.page);
        idsOf.set(name, new Set(ids));
        for (const href of hrefs) {
            if (/^(https?|mailto):/i.test(href.trim())) {
                external.push(href);
                continue;
            }
            checked++;
            const fail = (why: string) => broken.push(`${name} → ${href}: ${why}`);
            const url = new URL(href, fileUrl(folder, name));
            if (url.protocol !== 'file:') {
                fail(`a ${url.protocol} link`);
                continue;
            }
            const file = fileURLToPath(url);
            const target = path.relative(folder, file);
            if (target === '' || target.startsWith('..') || path.isAbsolute(target) || target.includes(path.sep)) {
                fail('outside the site folder');
            } else if (!existsSync(file)) {
                fail('no such file');
            } else {
                if (target.endsWith('.html')) queue.push(target);
                if (url.hash) fragments.push({ from: name, href, page: target, id: decodeURIComponent(url.hash.slice(1)) });
            }
        }
    }
    for (const { from, href, page, id } of fragments) {
        if (!idsOf.get(page)?.has(id)) broken.push(`${from} → ${href}: ${page} has no element with id "${id}"`);
    }
    return { pages: [...idsOf.keys()].sort(), broken, external, checked };
}

/** The computed background of the body as relative luminance, 0 (black) to 1 (white). */
export function backgroundLuminance(page: Page): Promise<number> {
    return page.evaluate(() => {
        const window = globalThis as any;
        const color: string = window.getComputedStyle(window.document.body).backgroundColor;
        const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map(value => {
            const c = value / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        if (r === undefined || g === undefined || b === undefined) throw new Error(`no background colour: ${color}`);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    });
}
