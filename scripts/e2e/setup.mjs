// `node scripts/e2e/setup.mjs`: installs what the tests in a real VS Code need into .vscode-test/ (git-ignored):
// Node 24 (from the npm registry's node-linux-<arch> package; only code-server runs on it) and code-server, VS Code
// for the browser, with the dependencies of its bundled VS Code that its postinstall installs and builds. Skips
// whatever is already there and complete, so a second run takes a moment. Needs Debian's libkrb5-dev (to build
// code-server's native kerberos module) and chromium (to drive the workbench).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isolatedEnv } from '../isolated-env.mjs';
import { missingNeeds, report } from '../system-needs.mjs';
import { codeServerEntry, codeServerPackage, node24, setupMarker, vscodeTest } from './code-server.mjs';

const nodeVersion = '24.21.0';
const codeServerVersion = '4.139.1';
const started = Date.now();
const log = message => process.stdout.write(`e2e setup: ${message}\n`);
const seconds = since => `${((Date.now() - since) / 1000).toFixed(0)} s`;

function fail(message) {
    process.stderr.write(`e2e setup: ${message}\n`);
    process.exit(1);
}

// System packages first, so a missing one is reported before minutes of installing.
const missing = report(missingNeeds(), true);
if (missing.status) fail(missing.text.trimEnd());
if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
    fail(`only Linux x64 and arm64 are set up here, not ${process.platform} ${process.arch}`);
}

// Every tool below (npm, node-gyp, code-server) gets HOME, the XDG folders and npm's cache in a temporary folder:
// `code-server --version` alone writes a config.yaml with a password into XDG_CONFIG_HOME.
const toolHome = mkdtempSync(path.join(tmpdir(), 'strategy-e2e-setup-'));
process.on('exit', () => rmSync(toolHome, { recursive: true, force: true }));
const toolEnv = isolatedEnv(toolHome);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
function npmInstall(prefix, spec, extra = [], env = toolEnv) {
    execFileSync(npm, ['install', '--prefix', prefix, '--save-exact', '--no-audit', '--no-fund', ...extra, spec],
        { stdio: 'inherit', env });
}
// npm run by Node 24, the one code-server declares (engines.node 24), so that it installs it without an EBADENGINE.
const node24Env = { ...toolEnv, PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}` };

function installedVersion(packageJson) {
    try {
        return JSON.parse(readFileSync(packageJson, 'utf8')).version;
    } catch {
        return undefined;
    }
}

// 1. Node 24.
const nodeFolder = path.join(vscodeTest, 'node');
const nodePackage = `node-linux-${process.arch}`;
function node24Version() {
    try {
        return execFileSync(node24, ['--version'], { encoding: 'utf8', env: toolEnv }).trim();
    } catch {
        return undefined;
    }
}
if (node24Version() === `v${nodeVersion}`) {
    log(`Node ${nodeVersion} is installed (${path.relative(process.cwd(), node24)})`);
} else {
    const since = Date.now();
    log(`installing Node ${nodeVersion} (${nodePackage}) into ${nodeFolder} …`);
    npmInstall(nodeFolder, `${nodePackage}@${nodeVersion}`);
    const version = node24Version();
    if (version !== `v${nodeVersion}`) fail(`${node24} reports ${version ?? 'nothing'} after installing ${nodePackage}@${nodeVersion}`);
    log(`Node ${version} installed in ${seconds(since)}`);
}

// 2. code-server, without its install scripts (they would build with the machine's Node), then its postinstall on
// Node 24.
const codeServerFolder = path.join(vscodeTest, 'code-server');
const completeMarker = `code-server ${codeServerVersion} on node ${nodeVersion}\n`;
const complete = () => installedVersion(path.join(codeServerPackage, 'package.json')) === codeServerVersion
    && existsSync(codeServerEntry)
    && existsSync(path.join(codeServerPackage, 'lib', 'vscode', 'node_modules', '@microsoft', '1ds-core-js'))
    && existsSync(setupMarker) && readFileSync(setupMarker, 'utf8') === completeMarker;
if (complete()) {
    log(`code-server ${codeServerVersion} is installed (${path.relative(process.cwd(), codeServerFolder)})`);
} else {
    rmSync(setupMarker, { force: true });
    if (installedVersion(path.join(codeServerPackage, 'package.json')) !== codeServerVersion) {
        const since = Date.now();
        log(`installing code-server ${codeServerVersion} into ${codeServerFolder} (about 600 MB) …`);
        npmInstall(codeServerFolder, `code-server@${codeServerVersion}`, ['--ignore-scripts'], node24Env);
        log(`code-server downloaded in ${seconds(since)}`);
    }
    const since = Date.now();
    log('running code-server\'s postinstall on Node 24: VS Code\'s dependencies and native modules (2 to 6 minutes) …');
    const nodeBin = path.dirname(node24);
    try {
        execFileSync('sh', ['./postinstall.sh'], {
            cwd: codeServerPackage,
            stdio: 'inherit',
            env: {
                ...node24Env,
                // postinstall.sh reads the Node major version and the package manager from npm's user agent.
                npm_config_user_agent: `npm/11.0.0 node/v${nodeVersion} linux ${process.arch}`,
                // Native modules are built against Node 24's own headers, which its package ships.
                npm_config_nodedir: path.dirname(nodeBin),
                npm_config_audit: 'false',
                npm_config_fund: 'false'
            }
        });
    } catch (error) {
        fail(`code-server's postinstall failed (${error.message}); see its output above. ` +
            'A failed native build usually means a missing Debian package (libkrb5-dev, python3, make, g++).');
    }
    if (!existsSync(path.join(codeServerPackage, 'lib', 'vscode', 'node_modules', '@microsoft', '1ds-core-js'))) {
        fail('code-server\'s postinstall finished, but lib/vscode/node_modules/@microsoft/1ds-core-js is missing');
    }
    writeFileSync(setupMarker, completeMarker);
    log(`postinstall done in ${seconds(since)}`);
}

// Its first line may be a note that it wrote a default config.yaml (into the temporary XDG_CONFIG_HOME).
const version = execFileSync(node24, [codeServerEntry, '--version'], { encoding: 'utf8', env: toolEnv })
    .split('\n').find(line => /^\d+\.\d+\.\d+ /.test(line));
log(`ready in ${seconds(started)}: code-server ${version}`);
