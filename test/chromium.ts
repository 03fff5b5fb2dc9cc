import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium, the one browser these machines can have (playwright cannot download its own), started as every
// browser test here starts it: headless, and without the background traffic a closed network refuses.
export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'
];

export function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
