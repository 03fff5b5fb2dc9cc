import assert from 'node:assert/strict';
import type { StrategyCanvasView } from '../../src/model/preview-view.js';
import { previewView } from '../../src/model/preview-view.js';
import { figuresText } from '../../src/model/metric-text.js';
import { progressHtml, progressText } from '../../src/render/progress-markup.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { modelOf } from './render-fixtures.js';

// A metric's progress as every view shows it: graded as the spec says (0.7 and above on track, 0.4 to 0.7 at risk,
// below off track), in words and not by colour alone, drawn without style attributes.

function metric(id: string, baseline: number, target: number, current?: number): string {
    return `metric ${id} "${id}" { unit "%" baseline ${baseline} target ${target} by 2027-06-30${current === undefined ? '' : ` current ${current}`} }`;
}

describe('render: metric progress', () => {
    let fragment: string;
    before(async () => {
        const ws = await workspace({
            'a.strategy': [
                metric('Twenty', 20, 30, 22), metric('Half', 0, 100, 50), metric('Seventy', 0, 100, 70), metric('Done', 0, 10, 12),
                metric('Falling', 900, 200, 550), metric('Unread', 12, 18), metric('Below', 20, 30, 15),
                metric('Decimal', 2.1, 2.6, 2.3),
                'canvas Numbers { kind strategy success Twenty, Half, Seventy, Done, Falling, Unread, Below, Decimal }'
            ].join('\n')
        });
        fragment = await renderView(previewView(modelOf(ws), 'Numbers') as StrategyCanvasView, 'fragment');
    });

    function progressOf(id: string): string {
        const start = fragment.indexOf(`data-element="metric:${id}"`);
        const end = fragment.indexOf('</li>', start);
        return fragment.slice(start, end);
    }

    /** The markup with its figures' spans taken out, for the words around them. */
    const withoutFigures = (markup: string) => markup.replace(/<span class="figure">([^<]*)<\/span>/g, '$1');

    it('grades 20% of the way off track, 50% at risk, 70% and beyond on track, in words', () => {
        const expected: Array<[string, string, string, string]> = [
            ['Twenty', 'off-track', '0.2', '20% of the way, off track'],
            ['Half', 'at-risk', '0.5', '50% of the way, at risk'],
            ['Seventy', 'on-track', '0.7', '70% of the way, on track'],
            ['Done', 'reached', '1', '100% of the way, reached'],
            ['Falling', 'at-risk', '0.5', '50% of the way, at risk'],
            ['Below', 'off-track', '0', '0% of the way, off track'],
            // 0.2 / 0.5 is 0.39999999999999947 in floating point: still 40% of the way, as 4 of 10 is.
            ['Decimal', 'at-risk', '0.4', '40% of the way, at risk']
        ];
        for (const [id, grade, ratio, words] of expected) {
            const markup = progressOf(id);
            assert.match(markup, new RegExp(`<div class="progress grade-${grade}" data-progress="${ratio}">`), id);
            assert.match(withoutFigures(markup), new RegExp(`<span class="progress-text">${words}</span>`), id);
        }
    });

    it('draws the bar as SVG rectangles sized by attributes', () => {
        assert.match(progressOf('Twenty'), /<rect class="progress-track" x="0" y="0" width="100" height="8" rx="2"\/><rect class="progress-fill" x="0" y="0" width="20" height="8" rx="2"\/>/);
        assert.match(progressOf('Done'), /<rect class="progress-fill" x="0" y="0" width="100"/);
        assert.doesNotMatch(fragment, /\sstyle=/);
    });

    it('shows the figures, and no progress without a current value', () => {
        // Each figure (a run of them joined by arrows, a date) in a span that never breaks; the words between wrap.
        assert.match(progressOf('Twenty'), /<div class="metric-figures"><span class="figure">20% → 22% → 30%<\/span> by <span class="figure">2027-06-30<\/span><\/div>/);
        assert.match(progressOf('Twenty'), /<span class="progress-text"><span class="figure">20%<\/span> of the way, off track<\/span>/);
        assert.match(withoutFigures(progressOf('Unread')), /<div class="metric-figures">12% → 18% by 2027-06-30<\/div><div class="metric-note">no current value yet<\/div>/);
        assert.doesNotMatch(progressOf('Unread'), /class="progress/);
    });

    it('words and markup for a metric on its own', () => {
        const trace = { id: 'M', title: '', unit: 'users', baseline: 100, target: 200, current: 140, progress: 0.4, grade: 'at-risk' as const };
        assert.equal(figuresText(trace), '100 users → 140 users → 200 users');
        assert.equal(progressText(trace), '40% of the way, at risk');
        assert.match(progressHtml(trace), /^<div class="progress grade-at-risk" data-progress="0.4">/);
        assert.equal(progressHtml({ ...trace, current: undefined, progress: undefined, grade: undefined }), '');
    });
});
