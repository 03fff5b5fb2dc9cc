// Builds the integration suite for VS Code's extension host (`npm run test:integration`, `npm run test:electron`):
// test/integration/suite/index.ts and every test/integration/suite/*.test.ts, with mocha, bundled into one CommonJS
// file, out/integration/suite.cjs, that leaves only `vscode` to the host. It exports `run()` (what
// @vscode/test-electron calls) and `runSuite()` (the report the code-server harness writes out). Then packages the
// harness extension (test/integration/harness/) as out/integration/harness.vsix.
// Kept apart from scripts/build.mjs: the extension's own bundles never hold tests or mocha.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const suiteDir = path.join(root, 'test', 'integration', 'suite');
const tests = readdirSync(suiteDir).filter(name => name.endsWith('.test.ts')).sort();

// index.ts imports `integration-tests`: this module requires each test file when the suite runs, after mocha has
// put `describe` and `it` on the global object, in file-name order.
const testList = {
    name: 'integration-tests',
    setup(build) {
        build.onResolve({ filter: /^integration-tests$/ }, () => ({ path: 'integration-tests', namespace: 'integration-tests' }));
        build.onLoad({ filter: /.*/, namespace: 'integration-tests' }, () => ({
            contents: `export const testFiles = ${JSON.stringify(tests)};\nexport function loadTests() {\n${
                tests.map(name => `    require(${JSON.stringify(`./${name}`)});`).join('\n')}\n}\n`,
            resolveDir: suiteDir,
            loader: 'js'
        }));
    }
};

await esbuild.build({
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    entryPoints: { suite: 'test/integration/suite/index.ts' },
    outdir: 'out/integration',
    outExtension: { '.js': '.cjs' },
    external: ['vscode'],
    sourcemap: 'inline',
    // mocha's parallel mode (never used here) resolves worker files esbuild cannot see: warnings only.
    logLevel: 'error',
    plugins: [testList]
});

// The harness extension that runs the bundled suite inside code-server (test/integration/harness/), as a .vsix,
// since code-server installs extensions only from a .vsix or the gallery.
mkdirSync(path.join(root, 'out', 'integration'), { recursive: true });
execFileSync(process.execPath, [
    path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
    '-o', path.join(root, 'out', 'integration', 'harness.vsix')
], { cwd: path.join(root, 'test', 'integration', 'harness'), stdio: ['ignore', 'ignore', 'inherit'] });
process.stdout.write(`out/integration/suite.cjs: ${tests.length} test files (${tests.join(', ')}); out/integration/harness.vsix\n`);
