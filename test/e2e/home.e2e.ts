import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { chromiumPath, launchChromium } from '../chromium.js';
import { filesWrittenToHome } from '../home-folder.js';
import { root, startCodeServer } from '../../scripts/e2e/code-server.mjs';

// Nothing that `npm test` runs may write outside the repository and the system temp folder. Each step of the tests in
// a real VS Code runs here with HOME an empty temporary folder (and no XDG folders), which must stay empty.
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const vsix = path.join(root, `strategy-${version}.vsix`);

describe('the home folder', function () {
    this.timeout(300_000);
    // npm keeps reading the user's own settings (registry, proxy) while HOME is elsewhere.
    const npmrc = process.env.npm_config_userconfig ?? path.join(homedir(), '.npmrc');

    it('gets nothing from the set-up of code-server (scripts/e2e/setup.mjs)', async () => {
        const written = await filesWrittenToHome(async () => {
            const run = spawnSync(process.execPath, ['scripts/e2e/setup.mjs'], {
                cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_userconfig: npmrc }
            });
            assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
        });
        assert.deepEqual(written, []);
    });

    it('gets nothing from code-server installing the extension and serving the workbench to Chromium', async () => {
        if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: \`apt-get install chromium\` (see .ci/run)`);
        if (!existsSync(vsix)) throw new Error(`${vsix} is missing: \`npm run package\` makes it (npm run test:e2e does)`);
        const written = await filesWrittenToHome(async () => {
            const server = await startCodeServer({ workspace: 'examples/shop-app', extensions: [vsix] });
            try {
                const browser = await launchChromium();
                try {
                    const page = await browser.newPage();
                    await page.goto(server.url);
                    // The Strategy view shows once the extension has activated in the extension host.
                    await page.locator('.pane-header', { hasText: /^Strategy/i }).first().waitFor({ timeout: 120_000 });
                } finally {
                    await browser.close();
                }
            } finally {
                await server.stop();
            }
        });
        assert.deepEqual(written, []);
    });
});
