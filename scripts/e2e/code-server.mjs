// A real VS Code for tests: code-server (VS Code 1.139 with its extension host and webviews) run on Node 24, both
// installed into .vscode-test/ by scripts/e2e/setup.mjs. Used by the e2e suite (test/e2e/) and the integration
// suite; types in code-server.d.mts.
//
//   import { startCodeServer } from '../../scripts/e2e/code-server.mjs';
//   const server = await startCodeServer({ workspace: 'examples/shop-app', extensions: ['strategy-0.1.0.vsix'] });
//   // open server.url in a browser (code-server starts an extension host only when a browser connects) …
//   await server.stop();   // kills code-server and every process it started, removes its temporary folders
//
// Every run gets fresh temporary folders: a copy of the workspace, a user data folder, an extensions folder and
// HOME and XDG folders, so nothing is read from or written to the user's own VS Code or code-server set-up.
import { spawn, execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../isolated-env.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const vscodeTest = path.join(root, '.vscode-test');
/** The Node 24 that only code-server runs on. */
export const node24 = path.join(vscodeTest, 'node', 'node_modules', `node-linux-${process.arch}`, 'bin', 'node');
export const codeServerPackage = path.join(vscodeTest, 'code-server', 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerPackage, 'out', 'node', 'entry.js');
/** Written by setup.mjs once code-server's postinstall has finished. */
export const setupMarker = path.join(vscodeTest, 'code-server', '.setup-complete');

/** User settings for a quiet, repeatable window: no welcome page, tips, AI chat, update or telemetry traffic. */
export const defaultSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    // VS Code for the web saves after a delay by default; the tests edit buffers and put the files on disk back
    // from disk, so nothing may be saved behind their backs (a slow run otherwise saved a rename for good).
    'files.autoSave': 'off'
};

/** Throws with the command to run when setup.mjs has not installed Node 24 and code-server. */
export function assertInstalled() {
    if (!existsSync(node24) || !existsSync(codeServerEntry) || !existsSync(setupMarker)) {
        throw new Error(`code-server is not installed in ${vscodeTest}: run \`node scripts/e2e/setup.mjs\` first`);
    }
}

function run(args, env, timeoutMs) {
    return new Promise((resolve, reject) => {
        execFile(node24, [codeServerEntry, ...args], { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error) reject(new Error(`code-server ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
            else resolve(stdout + stderr);
        });
    });
}

function codeServerEnv(home, extra = {}) {
    // code-server writes its config.yaml and state under the XDG folders, VS Code more under HOME: both in the run's
    // temporary folder.
    const env = isolatedEnv(home, { ...process.env, ...extra });
    // VS Code puts its IPC sockets in the temporary folder: in the run's own, they go with it (short enough for a
    // socket path under os.tmpdir()).
    env.TMPDIR = path.join(home, 'tmp');
    mkdirSync(env.TMPDIR, { recursive: true });
    delete env.PASSWORD;
    delete env.HASHED_PASSWORD;
    delete env.VSCODE_IPC_HOOK_CLI;
    return env;
}

/**
 * Installs extensions (.vsix files or extension ids) into userDataDir/extensionsDir with code-server's
 * `--install-extension`. Resolves with code-server's output.
 */
export async function installExtensions({ userDataDir, extensionsDir, extensions, home = userDataDir, timeoutMs = 120_000 }) {
    assertInstalled();
    let output = '';
    for (const extension of extensions) {
        const target = existsSync(extension) ? path.resolve(extension) : extension;
        output += await run(['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', target],
            codeServerEnv(home), timeoutMs);
    }
    return output;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

function canConnect(port) {
    return new Promise(resolve => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.once('connect', () => { socket.destroy(); resolve(true); });
        socket.once('error', () => { socket.destroy(); resolve(false); });
    });
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Starts code-server against a fresh copy of `workspace` (a folder, relative to the repository or absolute), with
 * `extensions` (.vsix paths or extension ids) installed first into fresh folders and `settings` merged over
 * defaultSettings. Resolves once it listens (bounded by timeoutMs) with:
 *   url        the page to open: http://127.0.0.1:PORT/?folder=<the copy>
 *   origin     http://127.0.0.1:PORT
 *   folder     the workspace copy (edit it freely; removed by stop())
 *   userDataDir, extensionsDir, port, pid
 *   output()   everything code-server printed so far (for failure messages)
 *   stop()     kills code-server and its children (SIGTERM, then SIGKILL after 5 s), removes the temporary folders
 *              unless `keep` was set; safe to call twice.
 * `env` adds environment variables for code-server and its extension host.
 */
export async function startCodeServer({ workspace, extensions = [], settings = {}, env = {}, keep = false, timeoutMs = 60_000 } = {}) {
    assertInstalled();
    const temp = mkdtempSync(path.join(tmpdir(), 'strategy-code-server-'));
    const folder = path.join(temp, 'workspace');
    const userDataDir = path.join(temp, 'user-data');
    const extensionsDir = path.join(temp, 'extensions');
    mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    if (workspace) cpSync(path.resolve(root, workspace), folder, { recursive: true });
    else mkdirSync(folder);
    writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...defaultSettings, ...settings }, null, 2));
    const cleanUp = () => { if (!keep) rmSync(temp, { recursive: true, force: true }); };

    try {
        if (extensions.length) await installExtensions({ userDataDir, extensionsDir, extensions, home: temp });
    } catch (error) {
        cleanUp();
        throw error;
    }

    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
        const port = await freePort();
        try {
            return await launch({ port, temp, folder, userDataDir, extensionsDir, env, timeoutMs, cleanUp });
        } catch (error) {
            lastError = error;
            // Another process may have taken the port between freePort() and code-server's listen: try another.
            if (!/EADDRINUSE/.test(String(error))) break;
        }
    }
    cleanUp();
    throw lastError;
}

async function launch({ port, temp, folder, userDataDir, extensionsDir, env, timeoutMs, cleanUp }) {
    const args = [
        codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--config', path.join(temp, 'config.yaml'),
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--ignore-last-opened', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, folder
    ];
    writeFileSync(path.join(temp, 'config.yaml'), 'auth: none\ncert: false\n');
    // Its own process group, so stop() can end code-server together with the extension host and servers it starts.
    const child = spawn(node24, args, { env: codeServerEnv(temp, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', chunk => { output += chunk; });
    child.stderr.on('data', chunk => { output += chunk; });
    let exited = false;
    const exit = new Promise(resolve => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
    const killGroup = signal => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
    // If the test process dies without calling stop(), do not leave code-server behind.
    const onExit = () => killGroup('SIGKILL');
    // Nor when it is interrupted: code-server is in its own process group, so Ctrl+C does not reach it.
    const onSignal = signal => {
        onExit();
        try { cleanUp(); } catch { /* a process still writing into it; the folder is in os.tmpdir() */ }
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    const forget = () => {
        process.removeListener('exit', onExit);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    };
    process.once('exit', onExit);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);

    let stopped;
    const stop = () => stopped ??= (async () => {
        forget();
        if (!exited) {
            killGroup('SIGTERM');
            const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
            await exit;
            clearTimeout(timer);
        }
        killGroup('SIGKILL'); // children that outlived code-server
        cleanUp();
    })();

    const deadline = Date.now() + timeoutMs;
    while (!(await canConnect(port))) {
        if (exited) {
            forget();
            killGroup('SIGKILL');
            throw new Error(`code-server exited before it listened on port ${port}:\n${output}`);
        }
        if (Date.now() > deadline) {
            const printed = output;
            await stop();
            throw new Error(`code-server did not listen on port ${port} within ${timeoutMs} ms:\n${printed}`);
        }
        await sleep(100);
    }
    const origin = `http://127.0.0.1:${port}`;
    return {
        url: `${origin}/?folder=${encodeURI(folder)}`,
        origin, port, pid: child.pid, folder, userDataDir, extensionsDir,
        output: () => output,
        stop
    };
}
