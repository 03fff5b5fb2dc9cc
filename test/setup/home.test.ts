import assert from 'node:assert/strict';
import { launchChromium, skipWithoutChromium } from '../chromium.js';
import { filesWrittenToHome } from '../home-folder.js';

// Nothing the tests start may write outside the repository and the system temp folder: a browser started by a test
// keeps its profile, crash reports and caches in a temporary folder of its own, not in the user's home.
describe('the home folder', () => {
    it('gets nothing from Chromium as the browser tests start it', async function () {
        skipWithoutChromium(this);
        this.timeout(60_000);
        const written = await filesWrittenToHome(async () => {
            const browser = await launchChromium();
            const page = await browser.newPage();
            await page.setContent('<p>a page</p>');
            assert.equal(await page.textContent('p'), 'a page');
            await browser.close();
        });
        assert.deepEqual(written, []);
    });
});
