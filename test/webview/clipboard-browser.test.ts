import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { FromWebviewMessage } from '../../src/protocol/webview-messages.js';
import { launchChromium, openPreview, PreviewServer, renderFixture, skipWithoutChromium, updateMessage, type PreviewPage, type RenderedView } from './preview-harness.js';

// Copy as PNG in the preview's webview, in Debian's Chromium: VS Code's clipboard API holds text only, so the
// webview that draws the PNG writes it to the clipboard itself, and says so when the browser refuses.

describe('Copy as PNG in the preview webview (Chromium)', function () {
    this.timeout(120_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let canvas: RenderedView;
    const pages: PreviewPage[] = [];

    before(async function () {
        skipWithoutChromium(this);
        [canvas] = await renderFixture('examples/shop-app', ['AppRecurrence']);
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        for (const preview of pages.splice(0)) await preview.page.close();
        await browser?.close();
        await server?.close();
    });

    async function answerTo(preview: PreviewPage, id: number): Promise<FromWebviewMessage> {
        await preview.page.waitForFunction(answer => ((globalThis as any).__posted as Array<{ type: string; id?: number }>)
            .some(message => (message.type === 'png' || message.type === 'error') && message.id === answer), id);
        return (await preview.posted()).find(message => (message.type === 'png' || message.type === 'error') && message.id === id)!;
    }

    it('puts the PNG it draws on the clipboard as an image when asked to copy', async () => {
        const preview = await openPreview(browser!, server!, { permissions: ['clipboard-read', 'clipboard-write'] });
        pages.push(preview);
        await preview.send(updateMessage(canvas));
        await preview.page.bringToFront();
        await preview.send({ type: 'rasterize', id: 1, svg: canvas.svg, scale: 2, copy: true });
        const answer = await answerTo(preview, 1);
        assert.equal(answer.type, 'png', JSON.stringify(answer).slice(0, 200));
        const copied = await preview.page.evaluate(async () => {
            const [item] = await (globalThis as any).navigator.clipboard.read();
            const blob = await item.getType('image/png');
            return [...new Uint8Array(await blob.arrayBuffer()).subarray(0, 8)];
        });
        assert.deepEqual(copied, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG on the clipboard');
    });

    it('answers with the browser\'s refusal when the clipboard may not be written', async () => {
        const preview = await openPreview(browser!, server!, { permissions: [] });
        pages.push(preview);
        await preview.send(updateMessage(canvas));
        await preview.page.evaluate(() => {
            (globalThis as any).navigator.clipboard.write = () => Promise.reject(new Error('Document is not focused.'));
        });
        await preview.send({ type: 'rasterize', id: 2, svg: canvas.svg, scale: 1, copy: true });
        assert.deepEqual(await answerTo(preview, 2), { type: 'error', id: 2, message: 'The clipboard refused the image (Document is not focused.).' });
    });
});
