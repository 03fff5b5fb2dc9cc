// `npm run package`: a production build (minified, no source maps), then strategy-<version>.vsix with
// @vscode/vsce. The bundles hold every dependency, so node_modules stays out; .vscodeignore lets in only what the
// extension runs and shows. Prints the package's size and file count.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = `strategy-${version}.vsix`;

execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
// README links stay relative: VS Code shows an installed extension's README (and its docs/ screenshots) from the
// package itself. No repository is published yet, so there is no base URL to rewrite them against.
execFileSync(process.execPath, [
    'node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '-o', out
], { cwd: root, stdio: 'inherit' });
const files = execFileSync('unzip', ['-Z1', out], { cwd: root, encoding: 'utf8' }).split('\n').filter(name => name && !name.endsWith('/'));
process.stdout.write(`${out}: ${(statSync(`${root}${out}`).size / 1024).toFixed(0)} KB, ${files.length} files\n`);
