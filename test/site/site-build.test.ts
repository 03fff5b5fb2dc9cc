import assert from 'node:assert/strict';
import type { Model } from '../../src/language/generated/ast.js';
import { sourceDiagnostic } from '../../src/model/diff/diagnostic-changes.js';
import { elementIndex } from '../../src/site/element-index.js';
import { buildSite, type SiteFile } from '../../src/site/site-build.js';
import { workspace, type Workspace } from '../helpers.js';

// The site's pages from a model, without the command line: anchors, links both ways, what is no link, and that
// the pages do not depend on the order the files come in.

function rootsOf(ws: Workspace, order: 'as-given' | 'reversed' = 'as-given') {
    const roots = [...ws.documents].map(([file, document]) => ({ file, root: document.parseResult.value as Model }));
    return order === 'reversed' ? roots.reverse() : roots;
}

function siteOf(ws: Workspace, order: 'as-given' | 'reversed' = 'as-given'): Map<string, string> {
    const diagnostics = [...ws.documents.keys()].flatMap(file => ws.diagnostics(file).map(d => sourceDiagnostic(file, d)));
    const files: SiteFile[] = buildSite({ model: ws.services.strategy.WorkspaceModel.get(), roots: rootsOf(ws, order), diagnostics });
    return new Map(files.map(file => [file.name, file.content]));
}

function entry(page: string, anchor: string): string {
    const start = page.indexOf(`<article class="element" id="${anchor}">`);
    assert.ok(start >= 0, `no entry ${anchor}`);
    return page.slice(start, page.indexOf('</article>', start));
}

const files = {
    'goals.strategy': 'vision "Groceries without friction"\n'
        + 'objective Grow "Grow revenue" { metric Revenue }\n'
        + 'objective Engage "Engage users" { parent Grow }\n'
        + 'metric Revenue "Monthly revenue" { unit "EUR" baseline 100 target 200 by 2027-06-30 current 150 on 2026-11-01 }\n',
    'users.strategy': 'usertype Shopper "Shopper" { need FindFast "Find products fast" }\n'
        + 'solution Search "Better search" { for Shopper addresses Shopper.FindFast advances Engage status testing }\n',
    'work.strategy': 'ticket APP-1 "Faster search" { serves Engage implements Search status doing }\n'
        + 'ticket APP-2 "Loose" { serves Nowhere }\n'
        + 'ticket APP-1 "Twice" { serves Grow }\n'
};

describe('the static site (src/site/)', () => {
    it('links each reference both ways, under the keyword written before it', async () => {
        const site = siteOf(await workspace(files));
        const app1 = entry(site.get('tickets.html')!, 'APP-1');
        assert.match(app1, /Refers to<\/p><ul class="site-links"><li>serves <a href="objectives\.html#Engage"><code class="site-id">Engage<\/code><\/a> Engage users<\/li><li>implements <a href="solutions\.html#Search">/);
        assert.match(app1, /<dt>up to the top<\/dt><dd><a href="objectives\.html#Engage"><code class="site-id">Engage<\/code><\/a> › <a href="objectives\.html#Grow">/);
        const grow = entry(site.get('objectives.html')!, 'Grow');
        assert.match(grow, /<li>metric <a href="metrics\.html#Revenue"><code class="site-id">Revenue<\/code><\/a> Monthly revenue <span class="grade grade-[a-z-]+">/,
            'an objective\'s entry says how its metric stands');
        const engage = entry(site.get('objectives.html')!, 'Engage');
        assert.match(engage, /Refers to<\/p><ul class="site-links"><li>parent <a href="#Grow">/, 'a link within the page is its anchor alone');
        assert.match(engage, /Referred to by<\/p><ul class="site-links"><li>advances <a href="solutions\.html#Search">.*<li>serves <a href="tickets\.html#APP-1">/s);
        const need = entry(site.get('needs.html')!, 'Shopper.FindFast');
        assert.match(need, /Referred to by<\/p><ul class="site-links"><li>addresses <a href="solutions\.html#Search">/);
    });

    it('shows fields as written, a metric with its grade, and no link for a reference that does not resolve', async () => {
        const site = siteOf(await workspace(files));
        const revenue = entry(site.get('metrics.html')!, 'Revenue');
        assert.match(revenue, /<dt>progress<\/dt><dd>[^<]*100 EUR → 150 EUR → 200 EUR by 2027-06-30[^<]*<span class="grade grade-/);
        assert.match(revenue, /<dt>target<\/dt><dd>200 by 2027-06-30<\/dd>/);
        assert.match(revenue, /<dt>current<\/dt><dd>150 on 2026-11-01<\/dd>/);
        const app2 = entry(site.get('tickets.html')!, 'APP-2');
        assert.doesNotMatch(app2, /Refers to/, 'Nowhere resolves to nothing, so it is no link');
        assert.match(site.get('index.html')!, /<td><code>unresolved-reference<\/code><\/td><td>[^<]*Nowhere[^<]*<\/td><td><a href="tickets\.html#APP-2">/);
    });

    it('makes a web address a link that sends no referrer, and anything else text', async () => {
        const site = siteOf(await workspace({
            'a.strategy': 'ticket APP-1 "One" { link "https://tracker.example.com/browse/APP-1?a=1&b=2" }\n'
                + 'ticket APP-2 "Two" { link "javascript:alert(1)" }\nticket APP-3 "Three" { link "https://x.example/ a" }\n'
        }));
        const tickets = site.get('tickets.html')!;
        assert.match(entry(tickets, 'APP-1'), /<dt>link<\/dt><dd><a href="https:\/\/tracker\.example\.com\/browse\/APP-1\?a=1&amp;b=2" rel="noopener noreferrer">/);
        assert.match(entry(tickets, 'APP-2'), /<dt>link<\/dt><dd>javascript:alert\(1\)<\/dd>/);
        assert.match(entry(tickets, 'APP-3'), /<dt>link<\/dt><dd>https:\/\/x\.example\/ a<\/dd>/);
    });

    it('gives a repeated ID an anchor of its own, and links the ID to the first written', async () => {
        const ws = await workspace(files);
        const index = elementIndex(rootsOf(ws));
        const tickets = index.elements.filter(element => element.type === 'Ticket').map(element => element.anchor);
        assert.deepEqual(tickets, ['APP-1', 'APP-2', 'APP-1-2']);
        assert.equal(index.byKey.get('ticket:APP-1')!.title, 'Faster search');
        assert.equal(index.byKey.get('need:Shopper.FindFast')!.anchor, 'Shopper.FindFast');
    });

    it('is the same bytes whatever order the files come in', async () => {
        const ws = await workspace(files);
        assert.deepEqual(siteOf(ws, 'reversed'), siteOf(ws));
    });

    it('escapes what a file holds, in pages, anchors and the search index', async () => {
        const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
        const site = siteOf(await workspace({ 'a.strategy': `vision "${hostile}"\nobjective Grow "${hostile}"\nticket APP-1 "${hostile}" { serves Grow }\n` }));
        for (const [name, page] of site) {
            assert.doesNotMatch(page, /<script>alert|<img src=x/, name);
            const scripts = page.match(/<script\b/g) ?? [];
            // The search page's data block and script, the front page's script for anchors; no other page has one.
            assert.equal(scripts.length, name === 'search.html' ? 2 : name === 'index.html' ? 1 : 0, name);
        }
        assert.match(site.get('search.html')!, /\\u003c\/script>\\u003cscript>alert\(1\)\\u003c\/script>/);
    });
});
