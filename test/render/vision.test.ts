import assert from 'node:assert/strict';
import { previewView, type PreviewView } from '../../src/model/preview-view.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { fixture, modelOf } from './render-fixtures.js';
import { parseXml } from './xml-check.js';

// The workspace's vision (spec v2 section 4) on one line at the top of the alignment map and the strategy canvas, in
// the preview and every export; escaped; absent when there is no vision, and not on the other canvases.

const formats = ['fragment', 'html', 'svg', 'md'] as const;

async function viewsOf(files: Record<string, string>): Promise<{ map: PreviewView; strategy: PreviewView; product: PreviewView }> {
    const model = modelOf(await workspace(files));
    return { map: previewView(model)!, strategy: previewView(model, 'Plan')!, product: previewView(model, 'Learn')! };
}

const elements = `objective Goal "Goal" {
  metric M
}
metric M "M" {
  target 10
}
canvas Plan "Plan" {
  kind strategy
  goal Goal
}
canvas Learn "Learn" {
  kind product
}
`;

describe('render: the vision above the map and the strategy canvas', () => {
    it('shows the example\'s vision on one line above the map and the strategy canvas, in every format', async () => {
        const model = modelOf(await fixture('shopApp'));
        for (const id of [undefined, 'Growth2027']) {
            const view = previewView(model, id)!;
            assert.match(await renderView(view, 'fragment'), /<\/header><p class="view-vision"><span class="view-vision-label">Vision<\/span> Repeat grocery shopping without friction<\/p>/);
            assert.match(await renderView(view, 'html'), /<p class="view-vision"[^>]*>.*Repeat grocery shopping without friction<\/p>/);
            const svg = await renderView(view, 'svg');
            assert.ok(parseXml(svg).some(element => element.name === 'text' && element.attributes.get('class') === 't-muted view-vision'
                && element.text === 'Vision: Repeat grocery shopping without friction'), `${id ?? 'map'}: the SVG's vision line`);
            assert.match(await renderView(view, 'md'), /\n\n\*\*Vision:\*\* Repeat grocery shopping without friction\n/);
        }
    });

    it('escapes the vision, reads its line breaks as spaces, and moves the SVG\'s content down below it', async () => {
        const vision = 'vision "Shop <b>fast</b> & *easy*\\nfor everyone"\n';
        const { map, strategy } = await viewsOf({ 'v.strategy': vision, 'e.strategy': elements });
        for (const view of [map, strategy]) {
            const fragment = await renderView(view, 'fragment');
            assert.match(fragment, /<span class="view-vision-label">Vision<\/span> Shop &lt;b&gt;fast&lt;\/b&gt; &amp; \*easy\* for everyone<\/p>/);
            assert.doesNotMatch(fragment, /<b>/);
            assert.match(await renderView(view, 'md'), /\*\*Vision:\*\* Shop &lt;b&gt;fast&lt;\/b&gt; &amp; \\\*easy\\\* for everyone\n/);
        }
        const none = await viewsOf({ 'e.strategy': elements });
        const boxTop = (svg: string) => Number(/<rect class="box-bg" x="[\d.]+" y="([\d.]+)"/.exec(svg)![1]);
        assert.equal(boxTop(await renderView(strategy, 'svg')), boxTop(await renderView(none.strategy, 'svg')) + 20, 'the boxes start a line lower');
        const mapTop = (svg: string) => /<g transform="translate\(0 (\d+)\)">/.exec(svg)![1];
        assert.equal(Number(mapTop(await renderView(map, 'svg'))), Number(mapTop(await renderView(none.map, 'svg'))) + 20);
    });

    it('is absent without a vision, and on the product canvas', async () => {
        const none = await viewsOf({ 'e.strategy': elements });
        const some = await viewsOf({ 'v.strategy': 'vision "Be useful"\n', 'e.strategy': elements });
        for (const format of formats) {
            for (const view of [none.map, none.strategy, none.product, some.product]) {
                assert.doesNotMatch(await renderView(view, format), /class="[^"]*view-vision|Vision:|Be useful/, `${view.view} ${format}`);
            }
        }
    });
});
