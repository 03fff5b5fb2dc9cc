import type { PngMessage, RasterizeErrorMessage } from '../../protocol/webview-messages.js';
import { isPng } from './preview-messages.js';

// The PNG exports waiting for the webview to draw them: each has an id the webview answers with, and fails when no
// answer comes in time or the preview closes. Those asked while the webview is not ready wait for it first.

const rasterizeTimeout = 30_000;

interface PendingPng {
    resolve(bytes: Uint8Array): void;
    reject(error: Error): void;
    timer: ReturnType<typeof setTimeout>;
}

export class PendingPngs {
    private nextId = 1;
    private readonly pending = new Map<number, PendingPng>();
    private readonly readyWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];

    /** Resolves when the webview says it is ready (`webviewReady`); rejected if the preview closes first. */
    whenReady(): Promise<void> {
        return new Promise<void>((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
    }

    webviewReady(): void {
        this.readyWaiters.splice(0).forEach(waiter => waiter.resolve());
    }

    /** The ids still waiting: the only ones a `png` or `error` message may answer. */
    ids(): Set<number> {
        return new Set(this.pending.keys());
    }

    /** A new id and the PNG its answer will bring. */
    add(): { id: number; bytes: Promise<Uint8Array> } {
        const id = this.nextId++;
        const bytes = new Promise<Uint8Array>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error('The preview did not draw the PNG in time.'));
            }, rasterizeTimeout);
            this.pending.set(id, { resolve, reject, timer });
        });
        return { id, bytes };
    }

    /** The webview's answer (already checked to answer a waiting id). */
    settle(message: PngMessage | RasterizeErrorMessage): void {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        clearTimeout(pending.timer);
        const bytes = message.type === 'png' ? Buffer.from(message.data, 'base64') : undefined;
        if (message.type === 'error') pending.reject(new Error(message.message));
        else if (bytes && isPng(bytes)) pending.resolve(bytes);
        else pending.reject(new Error('The preview did not return a PNG.'));
    }

    /** The preview closed: every export waiting, for the webview to be ready or for its answer, fails with `error`. */
    rejectAll(error: Error): void {
        this.readyWaiters.splice(0).forEach(waiter => waiter.reject(error));
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(error);
        }
        this.pending.clear();
    }
}
