import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { layoutGraph, type LayoutGraph } from '../../src/render/map/map-layout.js';
import { workerLayout } from '../../src/render/map/worker-layout.js';

const graph: LayoutGraph = {
    nodes: [{ id: 'a', width: 120, height: 40 }, { id: 'b', width: 120, height: 60 }, { id: 'c', width: 120, height: 40 }],
    edges: [{ id: 'ab', source: 'a', target: 'b' }, { id: 'ac', source: 'a', target: 'c' }]
};

describe('map layout in a worker thread', () => {
    it('gives the same layout as in this thread, for several graphs in a row (the built out/layout-worker.cjs)', async () => {
        assert.ok(existsSync('out/layout-worker.cjs'), 'run `npm run build` first (`npm test` does)');
        const lay = workerLayout('out/layout-worker.cjs');
        assert.notEqual(lay, layoutGraph);
        const [first, second] = await Promise.all([lay(graph), lay({ ...graph, edges: graph.edges.slice(1) })]);
        assert.deepEqual(first, await layoutGraph(graph));
        assert.deepEqual(second, await layoutGraph({ ...graph, edges: graph.edges.slice(1) }));
    });

    it('lays out in this thread when the worker\'s file is not there (running from source)', () => {
        assert.equal(workerLayout('out/no-such-worker.cjs'), layoutGraph);
    });
});
