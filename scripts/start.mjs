// `npm start`: builds, then runs the main job on the bundled example, as a product team would in CI:
// checks examples/shop-app, traces every ticket to its objectives and metrics, and renders its canvases, its
// roadmap and the alignment map to out/shop-app/ as the preview shows them, and builds its static site into
// out/shop-app-site/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeProblem } from './system-needs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = 'examples/shop-app';

const step = (title) => process.stdout.write(`\n== ${title}\n`);

const oldNode = nodeProblem();
if (oldNode) process.stderr.write(`note: ${oldNode}; this runs on it, \`npm test\` fetches Node 22 from the npm registry\n`);

step('Build (grammar → generated code, CLI and language server bundles)');
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
process.stdout.write('out/cli.cjs, out/server.cjs, out/extension.cjs, media/preview.js\n');

const strategy = (...args) => {
    step(`strategy ${args.join(' ')}`);
    const result = spawnSync(process.execPath, ['bin/strategy.cjs', ...args], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
        process.stderr.write(`strategy ${args[0]} exited with ${result.status}\n`);
        process.exit(result.status ?? 1);
    }
};

strategy('check', example);
strategy('trace', example);
mkdirSync(join(root, 'out', 'shop-app'), { recursive: true });
const rendered = [
    ['--canvas', 'AppRecurrence', '-o', 'out/shop-app/product-canvas.html'],
    ['--canvas', 'Growth2027', '-o', 'out/shop-app/strategy-canvas.html'],
    ['--canvas', 'Roadmap2027', '-o', 'out/shop-app/roadmap.html'],
    ['--canvas', 'Swot2027', '-o', 'out/shop-app/swot.html'],
    ['-o', 'out/shop-app/alignment-map.html'],
    ['--format', 'svg', '-o', 'out/shop-app/alignment-map.svg']
];
for (const args of rendered) strategy('render', example, ...args);
process.stdout.write(`Rendered: ${rendered.map(args => args.at(-1)).join(', ')} (open them in a browser)\n`);
// The whole strategy as a static site, for readers without the editor; a rebuild replaces what the last one wrote.
strategy('build', example, '-o', 'out/shop-app-site');

step('Next');
process.stdout.write(`Run the checks on your own strategy:   node bin/strategy.cjs check path/to/folder
Open the example in VS Code from source: code --extensionDevelopmentPath="${root}" "${root}${example}"
then open a .strategy file and press Ctrl+K V for the preview (see README.md, "Working on the extension").
`);
