import assert from 'node:assert/strict';
import type { MapView } from '../../src/model/preview-view.js';
import { mapCardSvg } from '../../src/render/map/alignment-map.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { filesOf, fixture, mapOf } from './render-fixtures.js';
import { parseXml, type ParsedElement } from './xml-check.js';

// The alignment map: every objective, solution and ticket in an SVG laid out as an outline, what is out of line
// marked by class and by words, and cards that keep their places through edits to text alone.

function classes(element: ParsedElement): string[] {
    return (element.attributes.get('class') ?? '').split(' ');
}

function nodes(elements: ParsedElement[], kind: string): ParsedElement[] {
    return elements.filter(element => element.name === 'g' && classes(element).includes(`node-${kind}`));
}

function keysOf(elements: ParsedElement[]): string[] {
    return elements.map(element => element.attributes.get('data-element')!);
}

/** The summary cards only: what comes before the preview's overlays (focus buttons and whole cards). */
function summaryOf(markup: string): string {
    const at = markup.indexOf('<g class="map-overlays">');
    return at < 0 ? markup : markup.slice(0, at) + '</svg></div></div>';
}

describe('render: alignment map', () => {
    let fragment: string;
    let elements: ParsedElement[];
    before(async () => {
        fragment = await renderView(await mapOf(await fixture('shopApp')), 'fragment');
        // The map as laid out: the summaries, without the whole cards the preview shows over them when expanded.
        elements = parseXml(summaryOf(fragment), { fragment: true });
    });

    it('is an SVG in the viewport the webview pans and zooms, sized by its layout', () => {
        assert.equal(elements[0].attributes.get('data-view'), 'map');
        assert.match(fragment, /<div class="map-viewport" tabindex="0" role="region" aria-label="Alignment map: arrow keys pan, \+ and − zoom, 0 fits"><svg class="strategy-svg alignment-map" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) (\d+)" width="\1" height="\2"/);
        assert.match(fragment, /<p class="view-summary">3 objectives · 4 metrics · 3 solutions · 4 tickets<\/p>/);
    });

    it('has every objective with its metrics\' grades, its work counted and its live tickets, and the sub-objective edges', async () => {
        assert.deepEqual(keysOf(nodes(elements, 'objective')), ['objective:Revenue', 'objective:Engagement', 'objective:Activation']);
        assert.deepEqual(keysOf(nodes(elements, 'metric')), ['metric:PurchaseRecurrence', 'metric:MonthlyRepeatUsers', 'metric:SecondPurchaseRate', 'metric:StoreRating']);
        assert.deepEqual(keysOf(nodes(elements, 'ticket')), ['ticket:APP-101', 'ticket:APP-123', 'ticket:APP-102', 'ticket:APP-130']);
        // Solutions are counted in the cards of the objectives they advance; the whole cards list them.
        assert.deepEqual(keysOf(nodes(elements, 'solution')), []);
        const expanded = await renderView(await mapOf(await fixture('shopApp')), 'fragment', new Set(keysOf(nodes(elements, 'objective'))));
        assert.deepEqual([...new Set(keysOf(nodes(parseXml(expanded, { fragment: true }), 'solution')))].sort(),
            ['solution:ExclusiveDeals', 'solution:FasterNavigation', 'solution:PersonalizedNotifications']);
        const edges = elements.filter(element => element.name === 'path' && classes(element).includes('edge'));
        assert.equal(edges.filter(edge => classes(edge).includes('edge-parent')).length, 2);
        assert.equal(edges.filter(edge => classes(edge).includes('edge-advances')).length, 0);
        for (const edge of edges) assert.match(edge.attributes.get('d')!, /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/);
        for (const node of [...nodes(elements, 'objective'), ...nodes(elements, 'ticket')]) {
            assert.equal(node.attributes.get('tabindex'), '0');
            assert.match(node.attributes.get('data-line')!, /^\d+$/);
        }
        // The highlight strokes a node's first child: its card.
        assert.match(fragment, /<g class="node node-objective"[^>]*><rect class="card-bg"/);
        assert.match(fragment, /<g class="progress grade-on-track" data-progress="0.25">/);
    });

    it('places cards without overlaps', () => {
        const cards = elements.filter(element => element.name === 'rect' && classes(element).includes('card-bg'))
            .map(rect => ['x', 'y', 'width', 'height'].map(key => Number(rect.attributes.get(key))));
        assert.equal(cards.length, 4);
        for (const [i, a] of cards.entries()) {
            for (const b of cards.slice(i + 1)) {
                const apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
                assert.ok(apart, `${a} overlaps ${b}`);
            }
        }
    });

    it('marks orphan tickets, unaligned solutions, unmeasured objectives and cycles by class and in words', async () => {
        const ws = await workspace({
            'a.strategy': `
objective Top "Top" { }
objective Loop1 "First" { parent Loop2 metric M }
objective Loop2 "Second" { parent Loop1 }
metric M "M" { baseline 1 target 2 by 2027-01-01 }
solution Floating "Advances nothing" { for Nobody }
ticket ORPH-1 "Serves nothing" { kind bug }
ticket ORPH-2 "Serves a missing objective" { serves Missing }`
        });
        // The "Not aligned" card expanded: the orphans and the unaligned solution are listed in its whole card.
        const map = await renderView(await mapOf(ws), 'fragment', new Set(['group:not-aligned']));
        const parsed = parseXml(map, { fragment: true });
        const top = nodes(parsed, 'objective').find(node => node.attributes.get('data-element') === 'objective:Top')!;
        assert.ok(classes(top).includes('unmeasured'));
        assert.match(map, /data-element="objective:Top"[^]*?<text x="[\d.]+" y="[\d.]+">not measured<\/text>/);
        const loop = nodes(parseXml(summaryOf(map), { fragment: true }), 'objective').filter(node => classes(node).includes('cycle'));
        assert.deepEqual(keysOf(loop), ['objective:Loop1', 'objective:Loop2']);
        assert.match(map, />in a cycle<\/text>/);
        const orphans = nodes(parsed, 'ticket').filter(node => classes(node).includes('orphan'));
        assert.deepEqual(keysOf(orphans), ['ticket:ORPH-1', 'ticket:ORPH-2']);
        assert.equal((map.match(/>orphan<\/text>/g) ?? []).length, 2);
        const unaligned = nodes(parsed, 'solution').filter(node => classes(node).includes('unaligned'));
        assert.deepEqual(keysOf(unaligned), ['solution:Floating']);
        assert.match(map, />unaligned<\/text>/);
        assert.match(map, /<g class="group group-not-aligned"[^>]*>/);
        assert.match(map, />Not aligned<\/tspan>/);
        assert.match(map, /3 objectives · 1 metric · 1 solution · 2 tickets · 1 objective not measured · 2 orphan tickets · 1 unaligned solution/);
    });

    it('keeps every card in its place while only text changes', async () => {
        const files = filesOf(new URL('../../examples/shop-app/', import.meta.url));
        const ws = await workspace(files);
        const first = await renderView(await mapOf(ws), 'fragment');
        // A word of the same length in a title, a current value and a status: the same lines, the same sizes.
        await ws.edit('objectives.strategy', files['objectives.strategy'].replace('Grow recurring revenue', 'Grow recurring incomes').replace('reading 22.5 on 2026-11-01', 'reading 26 on 2026-11-01'));
        await ws.edit('backlog.strategy', files['backlog.strategy'].replace('status doing', 'status todo'));
        const edited = await renderView(await mapOf(ws), 'fragment');
        assert.match(edited, /Grow recurring incomes/);
        assert.match(edited, /60% of the way, on track/);
        const positions = (markup: string) => [...markup.matchAll(/<rect class="card-bg" x="([\d.]+)" y="([\d.]+)"/g)].map(match => match.slice(1).join(','));
        assert.deepEqual(positions(edited), positions(first));
    });

    it('sends only the whole cards of the expanded cards; the others are marked expandable', async () => {
        const view = await mapOf(await fixture('shopApp'));
        const wholes = (markup: string) => [...markup.matchAll(/<g class="map-whole" data-whole="([^"]+)">/g)].map(match => match[1]);
        assert.deepEqual(wholes(fragment), [], 'none expanded, no whole card');
        const expandable = [...fragment.matchAll(/<g class="node node-objective[^"]*" data-element="([^"]+)"[^>]*data-expandable="true">/g)].map(match => match[1]);
        assert.deepEqual(expandable, ['objective:Revenue', 'objective:Engagement', 'objective:Activation']);
        const one = await renderView(view, 'fragment', new Set(['objective:Engagement']));
        assert.equal(wholes(one).length, 1);
        assert.match(one, new RegExp(`<g class="node node-objective[^"]*" data-element="objective:Engagement"[^>]*data-node="${wholes(one)[0]}"`));
        // The summaries are laid out alike whatever is expanded.
        assert.equal(summaryOf(one), summaryOf(fragment));
        // The whole card alone, at 0,0, as strategy/renderCard answers it: the same blocks as in the map, moved there.
        const card = mapCardSvg(view, 'objective:Engagement')!;
        assert.match(card, /^<rect class="card-bg" x="0" y="0" width="260" height="\d+" rx="6"\/><title>/);
        const text = (markup: string) => markup.replace(/<[^>]+>/g, '').trim();
        assert.equal(text(card), text(one.slice(one.indexOf('<g class="map-whole"'))), 'the same texts as the whole card in the map');
        assert.equal(mapCardSvg(view, 'objective:Nope'), undefined);
        // Exports show the summaries, as before: no whole card, nothing to expand.
        assert.doesNotMatch(await renderView(view, 'svg'), /<g class="map-whole"|data-expandable/);
        assert.doesNotMatch(await renderView(view, 'html'), /<g class="map-whole"|data-expandable/);
    });

    it('renders the same map twice alike', async () => {
        const view = await mapOf(await fixture('shopApp'));
        assert.equal(await renderView(view, 'fragment'), await renderView(view, 'fragment'));
    });

    it('renders an objective tree 1,000 deep in every format', async function () {
        this.timeout(60_000);
        const lines = ['objective O0 "Level 0" { metric M }', 'metric M "M" { baseline 0 target 10 by 2027-01-01 current 5 }'];
        for (let level = 1; level < 1000; level++) lines.push(`objective O${level} "Level ${level}" { parent O${level - 1} }`);
        lines.push('ticket DEEP-1 "At the bottom" { serves O999 }');
        const view: MapView = await mapOf(await workspace({ 'deep.strategy': lines.join('\n') }));
        const fragment = await renderView(view, 'fragment');
        const parsed = parseXml(summaryOf(fragment), { fragment: true });
        assert.equal(nodes(parsed, 'objective').length, 1000);
        // The outline runs in columns under 2,800 px; a sub-objective that starts a column has no line to its parent.
        const parentLines = parsed.filter(element => classes(element).includes('edge-parent')).length;
        assert.ok(parentLines > 900 && parentLines < 999, `${parentLines} lines`);
        // Its ticket, without a status, is listed in its whole card: in the map when the preview has it expanded.
        assert.ok((await renderView(view, 'fragment', new Set(['objective:O999']))).includes('data-element="ticket:DEEP-1"'));
        parseXml(await renderView(view, 'svg'));
        const markdown = await renderView(view, 'md');
        assert.match(markdown, /^ {16}- \*\*O999\*\* Level 999 ⚠ \*not measured\* \*\(under O998\)\*$/m);
    });
});
