import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { isolatedEnv } from '../scripts/isolated-env.mjs';

// Debian's Chromium, the one browser these machines can have (playwright cannot download its own), started as every
// browser test here starts it: headless, and without the background traffic a closed network refuses.
export const chromiumPath = '/usr/bin/chromium';
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
