import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { layoutGraph, type LayoutGraph, type MapLayout } from './map-layout.js';

type Answer = { id: number; layout: MapLayout; error?: undefined } | { id: number; error: string };

/**
 * Lays maps out in a worker thread running `workerFile` (out/layout-worker.cjs), started on the first layout and
 * not keeping the process alive. Layout of a 2,000-element map takes about a second; in the server's own thread
 * that second would hold up every keystroke's diagnostics. Without the worker's file (tests run from source) the
 * layout runs in this thread.
 */
export function workerLayout(workerFile: string): (graph: LayoutGraph) => Promise<MapLayout> {
    if (!existsSync(workerFile)) return layoutGraph;
    let worker: Worker | undefined;
    let nextId = 0;
    const pending = new Map<number, { resolve: (layout: MapLayout) => void; reject: (error: Error) => void }>();
    const failAll = (error: Error) => {
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
        worker = undefined;
    };
    const start = (): Worker => {
        // A bundle of its own: none of the host's loader flags (tsx in tests) apply to it.
        const started = new Worker(resolve(workerFile), { execArgv: [] });
        started.unref();
        started.on('message', (answer: Answer) => {
            const waiting = pending.get(answer.id);
            pending.delete(answer.id);
            if (answer.error !== undefined) waiting?.reject(new Error(`map layout failed: ${answer.error}`));
            else waiting?.resolve(answer.layout);
        });
        started.on('error', error => failAll(error));
        started.on('exit', code => failAll(new Error(`the map layout thread stopped (code ${code})`)));
        return started;
    };
    return graph => new Promise<MapLayout>((done, fail) => {
        const id = nextId++;
        worker ??= start();
        pending.set(id, { resolve: done, reject: fail });
        worker.postMessage({ id, graph });
    });
}
