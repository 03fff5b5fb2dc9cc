import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { strategy } from './run-strategy.js';

// A SWOT canvas (spec v2 section 4) renders as its two by two in every format `strategy render` writes; Mermaid
// draws roadmaps only and refuses it as it refuses the other canvases.
const shopApp = resolve('examples/shop-app');

describe('strategy render of a SWOT canvas', function () {
    this.timeout(60000);

    it('--canvas Swot2027 --format html is a page with the four quadrants and the axes', () => {
        const result = strategy(['render', shopApp, '--canvas', 'Swot2027', '--format', 'html']);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^<!DOCTYPE html>/i);
        assert.match(result.stdout, /<div class="strategy-view" data-view="swot">/);
        for (const text of ['Helpful', 'Harmful', 'Internal', 'External', 'Fastest checkout in the segment', 'Delivery apps bundling groceries']) {
            assert.ok(result.stdout.includes(text), text);
        }
        assert.doesNotMatch(result.stdout, /data-uri="/, 'an export carries no file locations');
    });

    it('--format svg is an SVG of four boxes, --format md one table', () => {
        const svg = strategy(['render', shopApp, '--canvas', 'Swot2027', '--format', 'svg']);
        assert.equal(svg.status, 0, svg.stderr);
        assert.deepEqual([...svg.stdout.matchAll(/data-box="([^"]+)"/g)].map(match => match[1]), ['strengths', 'weaknesses', 'opportunities', 'threats']);
        const md = strategy(['render', shopApp, '--canvas', 'Swot2027', '--format', 'md']);
        assert.equal(md.status, 0, md.stderr);
        assert.match(md.stdout, /^# SWOT 2027\n/);
        assert.match(md.stdout, /\| \*External\* \| \*\*3\. Opportunities\*\*<br>• Weekly grocery habit of urban households \|/);
    });

    it('--format mermaid refuses it as it refuses the other canvases', () => {
        const swot = strategy(['render', shopApp, '--canvas', 'Swot2027', '--format', 'mermaid']);
        const product = strategy(['render', shopApp, '--canvas', 'AppRecurrence', '--format', 'mermaid']);
        assert.equal(swot.status, 2);
        assert.equal(product.status, 2);
        assert.equal(swot.stdout, '');
        assert.equal(swot.stderr.replace(/Swot2027/g, 'X'), product.stderr.replace(/AppRecurrence/g, 'X'));
    });
});
