// Builds everything the extension and the CLI run: regenerates Langium's code from the grammar (so it can never
// go stale), then bundles the CLI, the language server and the VS Code client with esbuild.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

execFileSync(process.execPath, [
    '--import', 'tsx', '--import', './src/node-compat.ts',
    'node_modules/langium-cli/bin/langium.js', 'generate', '--mode=production'
], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const { options, webviewOptions } = bundleOptions({ root, production });

if (watch) {
    for (const each of [options, webviewOptions]) await (await esbuild.context(each)).watch();
} else {
    await Promise.all([esbuild.build(options), esbuild.build(webviewOptions)]);
}
