// `npm run test:electron`: the integration suite (test/integration/suite/) in a desktop VS Code that
// @vscode/test-electron downloads into .vscode-test/ on first use, which needs internet access (a developer's
// machine, a public CI); on machines without it, `npm run test:integration` runs the same suite in code-server.
// The extension runs from this folder (--extensionDevelopmentPath, built by `npm run build`), other extensions are
// disabled, and a fresh copy of examples/shop-app is the workspace.
//   STRATEGY_VSCODE_VERSION=1.91.0 npm run test:electron    another VS Code than the latest stable
//   STRATEGY_INTEGRATION_GREP=preview npm run test:electron  only the tests whose titles match
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { isolatedEnv } from '../isolated-env.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(path.join(tmpdir(), 'strategy-electron-'));
const workspace = path.join(temp, 'shop-app');
cpSync(path.join(root, 'examples', 'shop-app'), workspace, { recursive: true });
// VS Code inherits this environment: its HOME and XDG folders (crash reports, ~/.vscode) stay in the temporary folder.
Object.assign(process.env, isolatedEnv(path.join(temp, 'home')));

let status = 0;
try {
    await runTests({
        version: process.env.STRATEGY_VSCODE_VERSION || 'stable',
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'out', 'integration', 'suite.cjs'),
        extensionTestsEnv: process.env.STRATEGY_INTEGRATION_GREP ? { STRATEGY_INTEGRATION_GREP: process.env.STRATEGY_INTEGRATION_GREP } : undefined,
        launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(temp, 'user-data'), '--extensions-dir', path.join(temp, 'extensions')]
    });
} catch (error) {
    console.error(`The integration suite failed in VS Code: ${error instanceof Error ? error.message : String(error)}`);
    status = 1;
} finally {
    rmSync(temp, { recursive: true, force: true });
}
process.exit(status);
