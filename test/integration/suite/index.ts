// The integration suite's entry in VS Code's extension host. scripts/integration/build.mjs bundles it, with mocha
// and every ./*.test.ts, into out/integration/suite.cjs. Two runners load that file:
// - @vscode/test-electron (`npm run test:electron`) calls `run()`, which rejects when a test failed;
// - the code-server harness extension (test/integration/harness/) calls `runSuite()` and writes its report as JSON.
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { loadTests, testFiles } from 'integration-tests';

export interface InHostTest {
    /** The describe titles and the test title, joined by spaces, as mocha's fullTitle(). */
    title: string;
    file?: string;
    state: 'passed' | 'failed' | 'pending';
    durationMs?: number;
    /** The failure's message and the top of its stack. */
    error?: string;
}

export interface InHostReport {
    vscodeVersion: string;
    testFiles: string[];
    durationMs: number;
    passed: number;
    failed: number;
    pending: number;
    tests: InHostTest[];
    /** Figures the tests measured, such as the extension's activation time. */
    measures: Record<string, number>;
}

/** Tests put figures here (see helpers.ts `measure`); the report carries them out of the host. */
export const measures: Record<string, number> = {};
(globalThis as { __strategyIntegrationMeasures?: Record<string, number> }).__strategyIntegrationMeasures = measures;

function describeError(error: unknown): string {
    if (error instanceof Error) {
        const stack = (error.stack ?? '').split('\n').slice(1, 6).join('\n');
        return stack ? `${error.message}\n${stack}` : error.message;
    }
    return String(error);
}

export function runSuite(options: { timeoutMs?: number; grep?: string } = {}): Promise<InHostReport> {
    const started = Date.now();
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: options.timeoutMs ?? 60_000, reporter: 'spec' });
    if (options.grep) mocha.grep(options.grep);
    mocha.suite.emit('pre-require', globalThis, 'integration-suite', mocha);
    loadTests();
    const tests: InHostTest[] = [];
    return new Promise<InHostReport>((resolve, reject) => {
        try {
            const runner = mocha.run(() => resolve({
                vscodeVersion: vscode.version,
                testFiles,
                durationMs: Date.now() - started,
                passed: tests.filter(t => t.state === 'passed').length,
                failed: tests.filter(t => t.state === 'failed').length,
                pending: tests.filter(t => t.state === 'pending').length,
                tests,
                measures
            }));
            runner.on('pass', test => tests.push({ title: test.fullTitle(), file: test.file, state: 'passed', durationMs: test.duration }));
            runner.on('pending', test => tests.push({ title: test.fullTitle(), file: test.file, state: 'pending' }));
            // A failing hook is reported here too, under the hook's title ("before all" hook …).
            runner.on('fail', (test, error) => tests.push({ title: test.fullTitle(), file: test.file, state: 'failed', durationMs: test.duration, error: describeError(error) }));
        } catch (error) {
            reject(error);
        }
    });
}

/** What @vscode/test-electron calls after VS Code started with `--extensionTestsPath` pointing at this bundle. */
export async function run(): Promise<void> {
    const report = await runSuite({ grep: process.env.STRATEGY_INTEGRATION_GREP });
    if (report.failed > 0) {
        throw new Error(`${report.failed} of ${report.tests.length} integration tests failed:\n${
            report.tests.filter(t => t.state === 'failed').map(t => `- ${t.title}: ${t.error}`).join('\n')}`);
    }
}
