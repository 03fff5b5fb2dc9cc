import assert from 'node:assert/strict';
import { activeContent, pwned, type PreviewPage } from './preview-harness.js';

/**
 * After each browser test: whatever a test did, no page it opened may have thrown, logged an error (a refused
 * script or style logs one), opened a dialog, run a script from the content, tripped the Content Security Policy
 * or gained active content (a style attribute, a handler, a script element). Then the pages are closed.
 */
export async function closeHealthyPages(pages: PreviewPage[]): Promise<void> {
    for (const preview of pages.splice(0)) {
        assert.deepEqual(preview.pageErrors, [], 'no error in the webview script');
        assert.deepEqual(preview.consoleErrors, [], 'no error on the console');
        assert.deepEqual(preview.dialogs, [], 'no dialog');
        assert.equal(await pwned(preview.page), undefined, 'no script from the content ran');
        assert.deepEqual(await preview.violations(), [], 'no Content Security Policy violation');
        assert.deepEqual(await activeContent(preview.page), [], 'no style attribute, handler or active element');
        await preview.page.close();
    }
}
