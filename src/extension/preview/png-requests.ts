import type { PngMessage, RasterizeErrorMessage } from '../../protocol/webview-messages.js';
import { isPng } from './preview-messages.js';

// The PNG exports waiting for the preview's webview to draw them: each has an id the webview answers with, and a
// time limit. Kept apart from the controller, which only forwards the answers.

const rasterizeTimeout = 30_000;

interface PendingPng {
    resolve(bytes: Uint8Array): void;
    reject(error: Error): void;
    timer: ReturnType<typeof setTimeout>;
}

export class PngRequests {
    private nextId = 1;
    private readonly pending = new Map<number, PendingPng>();

    /** The ids still waiting: the only ones a webview's answer may name. */
    ids(): Set<number> {
        return new Set(this.pending.keys());
    }

    /** A new id, and the bytes its answer brings (rejected after the time limit). */
    request(): { id: number; bytes: Promise<Uint8Array> } {
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

    /** The webview's answer (already checked to name a waiting id): the PNG, or why it could not draw one. */
    settle(message: PngMessage | RasterizeErrorMessage): void {
        const pending = this.pending.get(message.id)!;
        this.pending.delete(message.id);
        clearTimeout(pending.timer);
        const bytes = message.type === 'png' ? Buffer.from(message.data, 'base64') : undefined;
        if (message.type === 'error') pending.reject(new Error(message.message));
        else if (bytes && isPng(bytes)) pending.resolve(bytes);
        else pending.reject(new Error('The preview did not return a PNG.'));
    }

    rejectAll(error: Error): void {
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(error);
        }
        this.pending.clear();
    }
}
