// The esbuild options of the bundles (CLI, extension and language server for Node; the webview's script), shared by
// the build and by the supply-chain check (which asks esbuild what each bundle takes from node_modules).

/** @param {{ root: string, production: boolean }} settings */
export function bundleOptions({ root, production }) {
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
            server: 'src/language/server.ts'
        },
        external: ['vscode'],
        sourcemap: !production,
        minify: production,
        logLevel: 'warning'
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
    return { options, webviewOptions };
}
