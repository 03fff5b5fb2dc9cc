import assert from 'node:assert/strict';
import { previewView, type PreviewView } from '../../src/model/preview-view.js';
import type { ElementHref } from '../../src/render/item-markup.js';
import { renderView, siteFragment } from '../../src/render/render-view.js';
import { fixtureText } from './roadmap-check.js';
import { fixture, modelOf } from './render-fixtures.js';
import { workspace } from '../helpers.js';
import { parseXml } from './xml-check.js';

// The static site's views (`strategy build`): the `html` export's fragment of each view kind, in which every element
// the site has a page for is a link to it, on its ID (or the line that starts with it), its title where no ID shows.

interface Link {
    href: string;
    /** The `data-element` of the nearest element around the link, if any. */
    owner?: string;
    /** The classes of the elements around it, outermost first. */
    around: string[];
    text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]);

/** Every `<a>` of the markup (which is XML-clean), with the element it sits in and the text it holds. */
function linksOf(markup: string): Link[] {
    const links: Link[] = [];
    const open: Array<{ owner?: string; classes: string; link?: Link }> = [];
    for (const [, closing, name, attributes, selfClosing, text] of markup.matchAll(/<(\/?)([A-Za-z][\w:-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
        if (text !== undefined) {
            // Each text node (an SVG line's <tspan>) on its own, as a reader sees the lines.
            for (const element of open) if (element.link) element.link.text = `${element.link.text} ${decode(text)}`.trim();
            continue;
        }
        if (closing) {
            open.pop();
            continue;
        }
        if (selfClosing) continue;
        const attribute = (key: string) => { const value = new RegExp(`\\s${key}="([^"]*)"`).exec(attributes)?.[1]; return value === undefined ? undefined : decode(value); };
        const owner = attribute('data-element') ?? open.at(-1)?.owner;
        const element: (typeof open)[number] = { owner, classes: attribute('class') ?? '' };
        if (name === 'a') {
            element.link = { href: attribute('href')!, owner, around: open.map(each => each.classes), text: '' };
            links.push(element.link);
        }
        open.push(element);
    }
    return links;
}

function keysOf(markup: string): Set<string> {
    return new Set([...markup.matchAll(/\sdata-element="([^"]*)"/g)].map(match => decode(match[1])));
}

const toSite: ElementHref = key => `site.html#${key}`;
const keyOf = (href: string) => href.slice('site.html#'.length);
const none: ElementHref = () => undefined;

const roadmapFiles = { 'roadmap.strategy': fixtureText };

async function views(): Promise<Array<[string, PreviewView]>> {
    const shop = modelOf(await fixture('shopApp'));
    const hostile = modelOf(await fixture('hostile'));
    const roadmap = modelOf(await workspace(roadmapFiles, '2026-11-23'));
    const named: Array<[string, PreviewView | undefined]> = [
        ['the map', previewView(shop)], ['the product canvas', previewView(shop, 'AppRecurrence')],
        ['the strategy canvas', previewView(shop, 'Growth2027')], ['the SWOT canvas', previewView(shop, 'Swot2027')],
        ['the roadmap', previewView(shop, 'Roadmap2027')], ['the roadmap fixture', previewView(roadmap, 'Roadmap2027')],
        ['the hostile map', previewView(hostile)], ['the hostile product canvas', previewView(hostile, 'HostileProduct')],
        ['the hostile strategy canvas', previewView(hostile, 'HostileStrategy')]
    ];
    return named.map(([name, view]) => { assert.ok(view, name); return [name, view]; });
}

describe('render: the static site links each element of a view to its page', () => {
    let all: Array<[string, PreviewView]>;
    before(async () => {
        all = await views();
        assert.deepEqual(all.map(([, view]) => view.view), ['map', 'product', 'strategy', 'swot', 'roadmap', 'roadmap', 'map', 'product', 'strategy']);
    });

    it('without a page for any element, is the HTML export\'s fragment, with no link', async () => {
        for (const [name, view] of all) {
            const plain = siteFragment(view, none);
            assert.ok(!plain.includes('<a '), name);
            assert.ok((await renderView(view, 'html')).includes(`<body class="strategy-export">\n${plain}\n</body>`), `${name}: the html export's body`);
        }
    });

    it('links every element the view names, and adds nothing else', () => {
        for (const [name, view] of all) {
            const plain = siteFragment(view, none);
            const site = siteFragment(view, toSite);
            parseXml(site, { fragment: true });
            const links = linksOf(site);
            assert.deepEqual(new Set(links.map(link => keyOf(link.href))), keysOf(plain), `${name}: a link for each data-element`);
            assert.equal(site.replace(/<a class="element-link" href="[^"]*">/g, '').replace(/<\/a>/g, ''), plain, `${name}: only the links added`);
            for (const link of links) {
                const key = keyOf(link.href);
                // The canvas's ID follows its title's span, as in every format; every other link is inside its element.
                const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
                assert.ok(link.owner === key || (kind === 'canvas' && link.owner === undefined), `${name}: ${key} in ${link.owner}`);
                assert.ok(link.text.trim(), `${name}: ${key} links some text`);
                // A lane is named by its objective's title, a canvas text by itself; anything else by its ID.
                if (kind !== 'text' && !link.around.includes('lane-header')) assert.ok(link.text.includes(id), `${name}: ${key} links "${link.text}"`);
            }
        }
    });

    it('links only the elements the site has a page for', () => {
        const tickets: ElementHref = key => (key.startsWith('ticket:') || key.startsWith('objective:') ? toSite(key) : undefined);
        for (const [name, view] of all) {
            const keys = [...keysOf(siteFragment(view, none))].filter(key => tickets(key) !== undefined);
            assert.deepEqual(new Set(linksOf(siteFragment(view, tickets)).map(link => keyOf(link.href))), new Set(keys), name);
        }
    });

    it('escapes the address', () => {
        for (const [name, view] of all) {
            const site = siteFragment(view, () => 'a"b<c');
            const hrefs = [...site.matchAll(/<a [^>]*>/g)].map(match => match[0]);
            assert.ok(hrefs.length > 0, name);
            for (const tag of hrefs) assert.equal(tag, '<a class="element-link" href="a&quot;b&lt;c">', name);
            assert.ok(!site.includes('a"b<c'), name);
        }
    });

    it('links the ID where one is shown: a canvas item, the map\'s cards, the roadmap\'s labels', () => {
        const byName = new Map(all);
        const to = (key: string) => `pages.html#${key.replace(/^\w+:/, '')}`;
        const product = siteFragment(byName.get('the product canvas')!, to);
        assert.match(product, /<span class="item-id"><a class="element-link" href="pages.html#Engagement">Engagement<\/a><\/span> <span class="item-title">/);
        assert.match(product, /<span class="view-title" data-element="canvas:AppRecurrence">Lean Product Canvas: app recurrence<\/span> <span class="item-id"><a class="element-link" href="pages.html#AppRecurrence">AppRecurrence<\/a><\/span>/);
        const map = linksOf(siteFragment(byName.get('the map')!, to));
        const texts = (href: string) => map.filter(link => link.href === href).map(link => link.text);
        assert.deepEqual(texts('pages.html#Engagement'), ['Engagement'], 'the card\'s head, its ID');
        assert.ok(texts('pages.html#MonthlyRepeatUsers').every(text => text.startsWith('MonthlyRepeatUsers ')), 'a graded metric\'s line');
        const roadmap = linksOf(siteFragment(byName.get('the roadmap fixture')!, to));
        const lanes = roadmap.filter(link => link.around.includes('lane-header')).map(link => link.text);
        assert.deepEqual(lanes, ['Grow the paying base', 'Customers come back every week', 'A platform we can build on'], 'a lane by its objective\'s title (two lines)');
        assert.ok(roadmap.some(link => link.around.includes('milestone') && /^\w+ /.test(link.text)), 'a milestone by its ID and title');
        assert.ok(roadmap.some(link => link.around.includes('ticket') && link.text.includes(link.href.slice('pages.html#'.length))), 'a ticket by its line');
    });
});
