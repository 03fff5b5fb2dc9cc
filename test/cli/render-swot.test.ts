import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { strategy } from './run-strategy.js';

// A SWOT canvas (spec v2 section 4) has no drawing yet: rendering it says so and exits 2, rather than draw it as an
// empty Lean Product Canvas whose hints ask for fields a SWOT canvas may not have; the rest still renders.
const shopApp = resolve('examples/shop-app');

describe('strategy render of a SWOT canvas', function () {
    this.timeout(60000);

    for (const format of ['html', 'svg', 'md']) {
        it(`--canvas Swot2027 --format ${format} exits 2 with a message`, () => {
            const result = strategy(['render', shopApp, '--canvas', 'Swot2027', '--format', format]);
            assert.equal(result.status, 2, result.stderr);
            assert.equal(result.stdout, '');
            assert.match(result.stderr, /canvas 'Swot2027' is a SWOT canvas \(kind swot\), which has no drawing yet/);
        });
    }

    it('the map and the other canvases of the same workspace still render', () => {
        for (const args of [[], ['--canvas', 'AppRecurrence'], ['--canvas', 'Growth2027']]) {
            const result = strategy(['render', shopApp, '--format', 'md', ...args]);
            assert.equal(result.status, 0, result.stderr);
        }
    });
});
