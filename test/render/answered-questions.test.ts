import assert from 'node:assert/strict';
import { previewView, type ProductCanvasView } from '../../src/model/preview-view.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { modelOf } from './render-fixtures.js';

// The Lean Product Canvas's "most important thing to learn first" box (spec v2 section 4): an answered question is
// marked answered with its answer under it, in the preview and every export; an open question shows as before, even
// with an answer drafted.

const answer = 'Yes: 31% opened at least one <b>notification</b> & came back';
const files = {
    'a.strategy': `question Answered "Do users respond?" {
  status answered
  answer "${answer}"
}

question Open "What stops them?"

question Draft "Is price the reason?" {
  answer "Probably not"
}

canvas Learn "Learn" {
  kind product
  questions Answered, Open, Draft
}
`
};

async function learnBox(format: 'fragment' | 'html' | 'svg' | 'md'): Promise<string> {
    const view = previewView(modelOf(await workspace(files)), 'Learn') as ProductCanvasView;
    const out = await renderView(view, format);
    if (format === 'md') return out.split('\n').find(line => line.includes('Do users respond'))!;
    const start = out.indexOf('data-box="learn-first"');
    return out.slice(start, out.indexOf('data-box="least-work"'));
}

describe('render: answered questions in the product canvas', () => {
    it('marks an answered question answered and puts its answer, escaped, under it in the fragment', async () => {
        const box = await learnBox('fragment');
        assert.match(box, /<li class="group"><div class="item item-question" data-element="question:Answered"[^>]*><span class="item-id">Answered<\/span> <span class="item-title">Do users respond\?<\/span> <span class="badge badge-status badge-status-answered">answered<\/span><\/div><ul class="entries"><li class="item item-text" data-element="text:Learn\/answers\/0" data-uri="file:\/\/\/ws\/a.strategy" data-line="2"[^>]*><span class="text">Yes: 31% opened at least one &lt;b&gt;notification&lt;\/b&gt; &amp; came back<\/span><\/li><\/ul><\/li>/);
        assert.doesNotMatch(box, /Probably not/, 'a draft answer of an open question is not shown');
        assert.equal(box.match(/badge-status-answered/g)?.length, 1, 'only the answered question is marked');
        assert.match(box, /data-element="question:Open"/);
        assert.match(box, /data-element="question:Draft"/);
    });

    it('shows the answer in the HTML, SVG and Markdown exports', async () => {
        assert.match(await learnBox('html'), /answered<\/span><\/div><ul class="entries"><li class="item item-text" data-element="text:Learn\/answers\/0"><span class="text">Yes: 31%/);
        const svg = await learnBox('svg');
        assert.match(svg, />answered</);
        assert.match(svg, /Yes: 31% opened at least one &lt;b&gt;notification&lt;\/b&gt; &amp; came back/);
        assert.doesNotMatch(svg, /Probably not/);
        const md = await learnBox('md');
        assert.match(md, /• \*\*Answered\*\* Do users respond\? \*\(answered\)\*<br>&emsp;– Yes: 31% opened at least one &lt;b&gt;notification&lt;\/b&gt; &amp; came back<br>/);
        assert.doesNotMatch(md, /Probably not/);
    });
});
