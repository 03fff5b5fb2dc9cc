// The Node that package.json's engines.node asks for, on a machine whose own Node is older: Node 22 from the npm
// registry (the node-linux-<arch> package holds the official binary), installed once into the git-ignored
// .vscode-test/node22/ with npm's cache in a temporary folder.
//   node scripts/node22.mjs            prints the folder of that `node` (nothing when the running Node will do),
//                                      installing it first; .ci/run puts it first on PATH before `npm ci`
//   node scripts/node22.mjs -- CMD...  runs CMD with that folder first on PATH (`npm test` runs its steps so)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from './isolated-env.mjs';
import { nodeProblem } from './system-needs.mjs';

export const node22Version = '22.23.3';
const root = fileURLToPath(new URL('..', import.meta.url));
const folder = path.join(root, '.vscode-test', 'node22');
const bin = path.join(folder, 'node_modules', `node-linux-${process.arch}`, 'bin');

function installedVersion() {
    try {
        return execFileSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
    } catch {
        return undefined;
    }
}

/** The folder of a Node new enough for package.json, or undefined when the running one is; installs it if needed. */
export function node22Bin() {
    const problem = nodeProblem();
    if (!problem) return undefined;
    if (process.platform !== 'linux') throw new Error(`${problem}; install Node ${node22Version} or later`);
    if (installedVersion() !== `v${node22Version}`) {
        process.stderr.write(`${problem}: installing Node ${node22Version} from the npm registry into ${path.relative(root, folder)}/\n`);
        const toolHome = mkdtempSync(path.join(tmpdir(), 'strategy-node22-'));
        // npm's output goes to standard error: standard output is the folder that .ci/run reads.
        try {
            execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm',
                ['install', '--prefix', folder, '--save-exact', '--no-audit', '--no-fund', `node-linux-${process.arch}@${node22Version}`],
                { stdio: ['ignore', 2, 2], env: isolatedEnv(toolHome) });
        } finally {
            rmSync(toolHome, { recursive: true, force: true });
        }
    }
    return bin;
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const separator = process.argv.indexOf('--');
    const found = node22Bin();
    if (separator === -1) {
        if (found) process.stdout.write(`${found}\n`);
    } else {
        const [command, ...args] = process.argv.slice(separator + 1);
        if (found) process.stderr.write(`running ${command} ${args.join(' ')} on Node ${node22Version} (${path.relative(root, found)})\n`);
        const env = found ? { ...process.env, PATH: `${found}${path.delimiter}${process.env.PATH}` } : process.env;
        const run = spawnSync(command, args, { stdio: 'inherit', env });
        process.exit(run.status ?? 1);
    }
}
