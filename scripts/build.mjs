// Builds everything the extension and the CLI run: regenerates Langium's code from the grammar (so it can never
// go stale), then bundles the CLI, the language server and the VS Code client with esbuild.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

execFileSync(process.execPath, [
    '--import', 'tsx', '--import', './src/node-compat.ts',
    'node_modules/langium-cli/bin/langium.js', 'generate', '--mode=production'
], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const options = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    entryPoints: {
        cli: 'src/cli/strategy.ts',
        extension: 'src/extension/extension.ts',
        // The server lays maps out in this thread of its own (src/render/worker-layout.ts).
        'layout-worker': 'src/render/layout-worker.ts'
    },
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning'
};

// The server lays maps out in its layout thread (out/layout-worker.cjs, which bundles elkjs), never in its own, so
// its bundle leaves the 3 MB layout engine out.
const serverOptions = {
    ...options,
    entryPoints: { server: 'src/language/server.ts' },
    external: ['vscode', 'elkjs', 'elkjs/*']
};

// The preview's script runs in the webview, a browser: one self-contained IIFE in media/ (the webview may load
// nothing else), kept apart from the Node bundles above.
const webviewOptions = {
    absWorkingDir: root,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome114',
    entryPoints: { preview: 'src/webview/index.ts' },
    outdir: 'media',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning'
};

if (watch) {
    for (const each of [options, serverOptions, webviewOptions]) await (await esbuild.context(each)).watch();
} else {
    await Promise.all([esbuild.build(options), esbuild.build(serverOptions), esbuild.build(webviewOptions)]);
}
