import assert from 'node:assert/strict';
import { figuresHtml } from '../../src/render/figure-markup.js';

describe('render: figures kept on one line', () => {
    it('spans each figure and each run of figures joined by arrows, and leaves the words between them', () => {
        assert.equal(figuresHtml('20% → 22.5% → 30% by 2027-12-28'),
            '<span class="figure">20% → 22.5% → 30%</span> by <span class="figure">2027-12-28</span>');
        assert.equal(figuresHtml('at this pace 26.8% by 2027-06-30, 68% of the way'),
            'at this pace <span class="figure">26.8%</span> by <span class="figure">2027-06-30,</span> <span class="figure">68%</span> of the way');
        assert.equal(figuresHtml('4.5 (range 4.2 to 5)'), '<span class="figure">4.5</span> (range <span class="figure">4.2</span> to <span class="figure">5)</span>');
    });

    it('leaves bare numbers, words and long runs breakable, and escapes everything', () => {
        assert.equal(figuresHtml('Jan 2027 · 3 milestones'), 'Jan 2027 · 3 milestones');
        const long = `1-${'9'.repeat(60)}`;
        assert.equal(figuresHtml(`${long} <b>`), `${long} &lt;b&gt;`);
        assert.equal(figuresHtml('<1%> → 2%'), '<span class="figure">&lt;1%&gt; → 2%</span>');
    });

    it('goes through a word of megabytes in one pass', () => {
        // A backtracking pattern took minutes on this (the fuzzer's huge-string mutation found it).
        const huge = 'x'.repeat(2_000_000);
        assert.equal(figuresHtml(huge), huge);
        assert.equal(figuresHtml(`${'→ '.repeat(100_000)}1%`).endsWith('<span class="figure">1%</span>'), true);
    });
});
