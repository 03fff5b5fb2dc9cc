import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../chromium.js';
import { startCodeServer, type CodeServer } from '../../scripts/e2e/code-server.mjs';
import type { InHostReport } from './suite/index.js';

// The integration suite (test/integration/suite/) inside a real VS Code: code-server with the packaged extension
// (`npm run package`) and the harness extension (out/integration/harness.vsix) installed, on a copy of
// examples/shop-app. code-server starts an extension host only when a browser opens the workbench, so Debian's
// Chromium opens it; the harness then runs the bundled suite (out/integration/suite.cjs) in the extension host and
// writes its report, which this test reads. `npm run test:integration` builds all three first.

const root = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const vsix = path.join(root, `strategy-${version}.vsix`);
const harness = path.join(root, 'out', 'integration', 'harness.vsix');
const suite = path.join(root, 'out', 'integration', 'suite.cjs');
/** From opening the workbench to the report: the suite itself takes tens of seconds; a loaded host, a few times that. */
const reportTimeoutMs = Number(process.env.STRATEGY_INTEGRATION_TIMEOUT_MS ?? 240_000);

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The extension host's log lines (code-server writes them under the user data folder), for failure messages. */
function extensionHostLog(userDataDir: string): string {
    const logs = path.join(userDataDir, 'logs');
    if (!existsSync(logs)) return '(no logs folder)';
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
            const full = path.join(dir, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (/remoteexthost\.log$|Strategy/.test(full)) found.push(full);
        }
    };
    walk(logs);
    return found.map(file => `--- ${path.relative(logs, file)}\n${readFileSync(file, 'utf8').split('\n').slice(-60).join('\n')}`).join('\n') || '(no extension host log)';
}

describe('integration suite in code-server (VS Code extension host)', function () {
    this.timeout(reportTimeoutMs + 120_000);
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let report: InHostReport & { error?: string };
    let temp: string;
    const timings: Record<string, number> = {};

    before(async function () {
        for (const [file, how] of [[vsix, 'npm run package'], [harness, 'node scripts/integration/build.mjs'], [suite, 'node scripts/integration/build.mjs']]) {
            assert.ok(existsSync(file!), `${path.relative(root, file!)} is missing: run \`${how}\` (npm run test:integration does both)`);
        }
        assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: \`apt-get install chromium\` (see .ci/run)`);
        temp = mkdtempSync(path.join(tmpdir(), 'strategy-integration-'));
        const results = path.join(temp, 'results.json');
        const start = Date.now();
        server = await startCodeServer({
            workspace: 'examples/shop-app',
            extensions: [vsix, harness],
            env: {
                STRATEGY_INTEGRATION_SUITE: suite,
                STRATEGY_INTEGRATION_RESULTS: results,
                ...(process.env.STRATEGY_INTEGRATION_GREP ? { STRATEGY_INTEGRATION_GREP: process.env.STRATEGY_INTEGRATION_GREP } : {})
            }
        });
        timings.codeServerMs = Date.now() - start;
        try {
            browser = await launchChromium();
            const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
            const opened = Date.now();
            await page.goto(server.url, { timeout: 60_000 });
            await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
            timings.workbenchMs = Date.now() - opened;
            const deadline = Date.now() + reportTimeoutMs;
            while (!existsSync(results)) {
                if (Date.now() > deadline) {
                    mkdirSync(path.join(root, 'test-results', 'integration'), { recursive: true });
                    await page.screenshot({ path: path.join(root, 'test-results', 'integration', 'timeout.png') }).catch(() => undefined);
                    throw new Error(`no report from the extension host within ${reportTimeoutMs} ms (screenshot in test-results/integration/timeout.png)\n` +
                        `${extensionHostLog(server.userDataDir)}\n--- code-server\n${server.output().slice(-3000)}`);
                }
                await sleep(200);
            }
            timings.suiteMs = Date.now() - opened;
            report = JSON.parse(readFileSync(results, 'utf8'));
            if (report.error || report.failed > 0) {
                // Kept for the failure message: the extension host's own account of what went wrong.
                (report as { log?: string }).log = extensionHostLog(server.userDataDir);
            }
        } finally {
            await browser?.close().catch(() => undefined);
            await server.stop();
            rmSync(temp, { recursive: true, force: true });
            timings.totalMs = Date.now() - start;
        }
    });

    it('runs every in-host test, and each passes', () => {
        assert.ok(!report.error, `the suite did not run in the extension host: ${report.error}\n${(report as { log?: string }).log ?? ''}`);
        const lines = report.tests.map(t => `    ${t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-'} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
        process.stdout.write(`    VS Code ${report.vscodeVersion} (code-server): ${report.passed} passed, ${report.failed} failed, ${report.pending} pending in ${report.durationMs} ms\n` +
            `${lines.join('\n')}\n` +
            `    code-server up in ${timings.codeServerMs} ms (installs included), workbench ${timings.workbenchMs} ms, report ${timings.suiteMs} ms after opening, ` +
            `${timings.totalMs} ms in all; measured in the host: ${JSON.stringify(report.measures)}\n`);
        const failures = report.tests.filter(t => t.state === 'failed');
        assert.equal(failures.length, 0, `${failures.length} of ${report.tests.length} in-host tests failed:\n${
            failures.map(t => `- ${t.title}\n  ${t.error?.replace(/\n/g, '\n  ')}`).join('\n')}\n${(report as { log?: string }).log ?? ''}`);
        assert.ok(report.passed > 0, 'the suite ran no test');
        assert.equal(report.pending, 0, `skipped in the host: ${report.tests.filter(t => t.state === 'pending').map(t => t.title).join(', ')}`);
    });
});
