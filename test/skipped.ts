import { writeSync } from 'node:fs';

// A test that cannot run on this machine (a missing Debian package) fails in CI, which must have everything; elsewhere
// it is skipped and named, with the reason, after mocha's summary, so a pending count never hides what did not run.
const skipped: string[] = [];

function printSkipped(): void {
    // Synchronous: mocha (with --exit) ends the process right after its summary.
    writeSync(1, `\n  skipped on this machine (CI runs them):\n${skipped.map(line => `    ${line}\n`).join('')}\n`);
}

/**
 * Skips the current test, or every test of the suite when called in a `before` hook, when `missing` names what it
 * lacks ("no Chromium at /usr/bin/chromium; apt-get install chromium"); throws it instead in CI.
 */
export function skipIfMissing(context: Mocha.Context, missing: string | undefined): void {
    if (missing === undefined) return;
    if (process.env.CI) throw new Error(`${missing} (CI must provide it: see .ci/run)`);
    const runnable = context.test;
    // In a `before` hook, context.test is the hook, whose skip skips its whole suite.
    const suite = runnable && (runnable as { type?: string }).type === 'hook' ? runnable.parent : undefined;
    const title = suite ? `${suite.fullTitle()} (${suite.total()} tests)` : runnable?.fullTitle() ?? 'a test';
    if (!skipped.length) process.once('exit', printSkipped);
    skipped.push(`${title}: ${missing}`);
    context.skip();
}
