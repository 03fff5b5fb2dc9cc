import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { isolatedEnv } from '../scripts/isolated-env.mjs';
import { chromiumPath } from '../scripts/system-needs.mjs';
import { skipIfMissing } from './skipped.js';

export { chromiumPath };

// Debian's Chromium, the one browser these machines can have (playwright cannot download its own), started as every
// browser test here starts it: headless, and without the background traffic a closed network refuses.
const chromiumArgs = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'
];

/** Starts Chromium with its home and XDG folders (crash reports, dconf cache) in a temporary folder, removed on close. */
export async function launchChromium(): Promise<Browser> {
    const temp = mkdtempSync(path.join(tmpdir(), 'strategy-chromium-'));
    const removeTemp = () => rmSync(temp, { recursive: true, force: true });
    try {
        const browser = await chromium.launch({
            executablePath: chromiumPath, headless: true, args: chromiumArgs, env: isolatedEnv(temp) as Record<string, string>
        });
        browser.once('disconnected', removeTemp);
        return browser;
    } catch (error) {
        removeTemp();
        throw error;
    }
}

/** Skips the test (or, from a `before` hook, the suite) where Chromium is missing, naming it in the summary; in CI fails. */
export function skipWithoutChromium(context: Mocha.Context): void {
    skipIfMissing(context, existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath}; apt-get install chromium`);
}
