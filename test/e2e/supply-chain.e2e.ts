import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { audit, bundledPackages, dependencyProblems, vsixFiles, vsixPath, vsixProblems } from '../../scripts/supply-chain.mjs';

// What the extension ships, after `npm run package` (npm test runs this before the tests in a real VS Code):
// only the runtime dependencies it uses, bundled; a .vsix with only the files it runs and shows; and no high or
// critical advisory where the registry's audit endpoint answers. `npm run supply-chain` prints the same report.
describe('supply chain', function () {
    this.timeout(180_000);

    it('bundles every runtime dependency and nothing that is not one', async () => {
        assert.deepEqual(await dependencyProblems(), []);
        const bundles = await bundledPackages();
        assert.deepEqual(bundles.get('media/preview.js'), [], 'the webview script takes nothing from node_modules');
        assert.ok(!bundles.has('out/layout-worker.cjs'), 'the map is placed as an outline: no layout thread is built');
    });

    it('packages only what the extension runs and shows', () => {
        assert.ok(existsSync(vsixPath), `${vsixPath} is missing: npm run package makes it`);
        const files = vsixFiles();
        assert.deepEqual(vsixProblems(files), []);
        assert.ok(!files.some(file => /\.(map|ts)$|node_modules|\/src\/|\/test\//.test(file.name)), files.map(file => file.name).join(', '));
        // The check itself rejects what must stay out.
        assert.deepEqual(vsixProblems([...files, { name: 'extension/out/server.cjs.map', bytes: 1 }, { name: 'extension/src/cli/main.ts', bytes: 1 }]), [
            'extension/out/server.cjs.map should not be in the package', 'extension/src/cli/main.ts should not be in the package'
        ]);
        assert.deepEqual(vsixProblems(files.filter(file => file.name !== 'extension/out/server.cjs')), ['extension/out/server.cjs is missing from the package']);
    });

    it('has no high or critical advisory among the runtime dependencies (npm audit --omit=dev)', function () {
        const result = audit();
        if (result.unavailable !== undefined) {
            // Not a pass: said on the console, and `npm run supply-chain -- --require-audit` fails on it.
            console.warn(`    (npm audit could not run here: ${result.unavailable})`);
            this.skip();
        }
        assert.deepEqual(result.serious, []);
    });
});
