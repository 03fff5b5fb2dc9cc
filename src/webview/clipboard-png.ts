// Copy as PNG: VS Code's clipboard API (env.clipboard) holds text only, so the image is put on the clipboard here,
// where the PNG is drawn. VS Code lets a webview with scripts write the clipboard (its frame allows
// `clipboard-write` in Chromium-based hosts); the browser still refuses while the webview's document lacks the
// focus, and that refusal is what the user is told.

/** How long the copy waits for the focus the extension gives the preview when it asks for the copy. */
const focusWait = 5000;

/** Resolves once the webview's document has the focus, or after `focusWait` (the write then says why it failed). */
function documentFocused(): Promise<void> {
    window.focus();
    if (document.hasFocus()) return Promise.resolve();
    return new Promise(resolve => {
        const timer = setTimeout(resolve, focusWait);
        window.addEventListener('focus', () => {
            clearTimeout(timer);
            resolve();
        }, { once: true });
    });
}

/** Writes the PNG (base64) to the system clipboard as an image. */
export async function copyPng(data: string): Promise<void> {
    if (typeof ClipboardItem === 'undefined' || typeof navigator.clipboard?.write !== 'function') {
        throw new Error('This webview cannot put an image on the clipboard.');
    }
    await documentFocused();
    const bytes = Uint8Array.from(atob(data), character => character.charCodeAt(0));
    try {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
    } catch (error) {
        throw new Error(`The clipboard refused the image (${error instanceof Error ? error.message : String(error)}).`);
    }
}
