// `npm start`: builds, then runs the main job on the bundled example, as a product team would in CI:
// checks examples/shop-app and traces every ticket to its objectives and metrics.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = 'examples/shop-app';

const step = (title) => process.stdout.write(`\n== ${title}\n`);

step('Build (grammar → generated code, CLI and language server bundles)');
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
process.stdout.write('out/cli.cjs, out/server.cjs\n');

for (const command of ['check', 'trace']) {
    step(`strategy ${command} ${example}`);
    const result = spawnSync(process.execPath, ['bin/strategy.cjs', command, example], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
        process.stderr.write(`strategy ${command} exited with ${result.status}\n`);
        process.exit(result.status ?? 1);
    }
}

step('Next');
process.stdout.write(`Run the checks on your own strategy:   node bin/strategy.cjs check path/to/folder
Open the example in VS Code from source: code --extensionDevelopmentPath="${root}" "${root}${example}"
(see README.md, "Working on the extension").
`);
