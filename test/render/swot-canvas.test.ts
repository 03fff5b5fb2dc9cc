import assert from 'node:assert/strict';
import { previewView, type SwotCanvasView } from '../../src/model/preview-view.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { fixture, modelOf } from './render-fixtures.js';
import { parseXml } from './xml-check.js';

// The SWOT canvas (spec v2 section 4) as the usual two by two: strengths and weaknesses above, opportunities and
// threats below, the columns named helpful | harmful and the rows internal | external, in the preview's fragment and
// in every export; an empty quadrant says what to write, a long text is cut with the whole on hover.

async function swotOf(files: Record<string, string>, id: string): Promise<SwotCanvasView> {
    const view = previewView(modelOf(await workspace(files)), id);
    assert.equal(view?.view, 'swot');
    return view as SwotCanvasView;
}

const long = `${'Our rural delivery network covers fewer towns than any rival '.repeat(30)}END`;
const hostile = {
    'swot.strategy': `canvas Odd "<b>SWOT</b>" {
  kind swot
  strength "<img src=x onerror=alert(1)> & | *bold*"
  weakness "${long}"
}
`
};

describe('render: SWOT canvas', () => {
    let example: SwotCanvasView;
    before(async () => {
        const view = previewView(modelOf(await fixture('shopApp')), 'Swot2027');
        assert.equal(view?.view, 'swot');
        example = view as SwotCanvasView;
    });

    it('draws the four quadrants in reading order, under the axes, with every field\'s text keyed by field and index', async () => {
        const fragment = await renderView(example, 'fragment');
        const elements = parseXml(fragment, { fragment: true });
        assert.equal(elements[0].attributes.get('data-view'), 'swot');
        assert.ok(elements.some(element => element.attributes.get('class') === 'canvas canvas-swot'));
        assert.deepEqual(elements.filter(element => element.attributes.has('data-box')).map(element => element.attributes.get('data-box')),
            ['strengths', 'weaknesses', 'opportunities', 'threats']);
        assert.deepEqual(elements.filter(element => element.attributes.has('data-axis'))
            .map(element => `${element.attributes.get('data-axis')}=${element.text}`),
        ['column-1=Helpful', 'column-2=Harmful', 'row-1=Internal', 'row-2=External']);
        for (const [key, text] of [
            ['text:Swot2027/strengths/0', 'Fastest checkout in the segment'],
            ['text:Swot2027/strengths/1', 'Frequent buyers open the app for personalized notifications'],
            ['text:Swot2027/weaknesses/1', 'Fewer than 20% of active users come back within a month'],
            ['text:Swot2027/opportunities/0', 'Weekly grocery habit of urban households'],
            ['text:Swot2027/threats/0', 'Delivery apps bundling groceries']
        ]) {
            assert.ok(fragment.includes(`data-element="${key}"`), key);
            assert.ok(fragment.includes(text), text);
        }
        assert.doesNotMatch(fragment, /Add `/, 'no quadrant is empty');
    });

    it('says in an empty quadrant which field fills it', async () => {
        const view = await swotOf({ 'a.strategy': 'canvas S "S" {\n  kind swot\n  threat "Rivals"\n}\n' }, 'S');
        const fragment = await renderView(view, 'fragment');
        assert.match(fragment, /data-box="strengths"[^]*?<p class="hint">Add <code>strength &quot;…&quot;<\/code> to the canvas/);
        assert.match(fragment, /data-box="opportunities"[^]*?<code>opportunity &quot;…&quot;<\/code>/);
        assert.match(await renderView(view, 'md'), /\*Add `weakness "…"` to the canvas: where we fall short\.\*/);
        assert.match(await renderView(view, 'svg'), /Add weakness (&quot;|")…(&quot;|") to the canvas/);
    });

    it('escapes what is written; a long text is whole in the HTML (the stylesheet cuts it) and cut in the SVG, whole in its tooltip', async () => {
        const view = await swotOf(hostile, 'Odd');
        for (const format of ['fragment', 'html', 'svg'] as const) {
            const out = await renderView(view, format);
            assert.doesNotMatch(out, /<img|<b>/, format);
            assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt; &amp; | *bold*'), format);
            assert.equal(out.split(long).length - 1, 1, `${format}: the whole long text once`);
        }
        assert.ok((await renderView(view, 'fragment')).includes(`<span class="text">${long}</span>`));
        const svg = await renderView(view, 'svg');
        assert.match(svg, new RegExp(`<title>${long}</title>`), 'the SVG has it whole in the tooltip');
        assert.match(svg, /…<\/tspan>/, 'and cut, the cut marked');
        assert.equal(svg.split('END').length - 1, 1, 'its end only in the tooltip: the lines stop before it');
        parseXml(svg);
        parseXml(await renderView(view, 'fragment'), { fragment: true });
        const markdown = await renderView(view, 'md');
        assert.doesNotMatch(markdown, /<img/);
        assert.ok(markdown.includes('&lt;img src=x onerror=alert(1)&gt; &amp; \\| \\*bold\\*'));
    });

    it('exports SVG two by two with the axes named beside the columns and the rows', async () => {
        const svg = parseXml(await renderView(example, 'svg'));
        assert.deepEqual(svg.filter(element => element.attributes.has('data-box')).map(element => element.attributes.get('data-box')),
            ['strengths', 'weaknesses', 'opportunities', 'threats']);
        const rects = svg.filter(element => element.name === 'rect' && element.attributes.get('class') === 'box-bg')
            .map(rect => ({ x: Number(rect.attributes.get('x')), y: Number(rect.attributes.get('y')) }));
        assert.deepEqual(rects.map(rect => rect.x), [rects[0].x, rects[1].x, rects[0].x, rects[1].x], 'two columns');
        assert.deepEqual(rects.map(rect => rect.y), [rects[0].y, rects[0].y, rects[2].y, rects[2].y], 'two rows');
        assert.ok(rects[1].x > rects[0].x && rects[2].y > rects[0].y);
        const axes = svg.filter(element => element.attributes.has('data-axis'));
        assert.deepEqual(axes.map(axis => axis.text), ['HELPFUL', 'HARMFUL', 'INTERNAL', 'EXTERNAL']);
        const [helpful, harmful, internal, external] = axes.map(axis => ({ x: Number(axis.attributes.get('x')), y: Number(axis.attributes.get('y')) }));
        assert.ok(helpful.y < rects[0].y && harmful.y < rects[0].y && helpful.x < rects[1].x && harmful.x > rects[1].x, 'above each column');
        assert.ok(internal.x < rects[0].x && external.x < rects[0].x && internal.y < rects[2].y && external.y > rects[2].y, 'left of each row');
    });

    it('exports Markdown as one table, the axes in its header and first column', async () => {
        const markdown = await renderView(example, 'md');
        const rows = markdown.split('\n').filter(line => line.startsWith('|'));
        assert.deepEqual(rows.slice(0, 2), ['| | *Helpful* | *Harmful* |', '|---|---|---|']);
        assert.match(rows[2], /^\| \*Internal\* \| \*\*1\. Strengths\*\*<br>• Fastest checkout in the segment<br>• Frequent buyers .* \| \*\*2\. Weaknesses\*\*<br>• No app presence in rural areas<br>/);
        assert.match(rows[3], /^\| \*External\* \| \*\*3\. Opportunities\*\*<br>• Weekly grocery habit of urban households \| \*\*4\. Threats\*\*<br>• Delivery apps bundling groceries \|$/);
        assert.equal(rows.length, 4);
    });
});
