import { parentPort } from 'node:worker_threads';
import { layoutGraph, type LayoutGraph } from './map-layout.js';

// The entry of the layout thread (bundled as out/layout-worker.cjs): lays out the graphs the language server sends,
// one at a time, so that a map of thousands of elements never stops the server from answering the editor.

parentPort?.on('message', async ({ id, graph }: { id: number; graph: LayoutGraph }) => {
    try {
        parentPort!.postMessage({ id, layout: await layoutGraph(graph) });
    } catch (error) {
        parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
});
