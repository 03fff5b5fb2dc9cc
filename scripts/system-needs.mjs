// What the tests need from the system besides node_modules, checked before anything runs (`npm test` starts with
// `node scripts/system-needs.mjs` and ends with `node scripts/system-needs.mjs --vscode-tests`, which runs
// `npm run test:vscode` or, outside CI without a package, says it skips it; scripts/e2e/setup.mjs checks the same): the Node package.json asks for, and the
// Debian packages the browser tests and the tests in a real VS Code drive. In CI (CI set) a missing package fails
// at once with the apt-get line; elsewhere this says which tests will be skipped, and the tests name them at the end
// of their summary. Types in system-needs.d.mts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

/** The Debian packages, what each is for, and which tests go without it. */
export const needs = [
    {
        apt: 'chromium',
        files: [chromiumPath],
        why: 'the browser that shows the preview and drives the workbench',
        skips: 'the preview tests in Chromium (test/webview/*-browser.test.ts, test/setup/home.test.ts) and the tests in a real VS Code (npm run test:vscode)'
    },
    {
        apt: 'libkrb5-dev',
        files: ['/usr/include/krb5.h', '/usr/include/gssapi/gssapi.h'],
        why: 'headers to build code-server\'s native kerberos module',
        skips: 'the tests in a real VS Code (npm run test:vscode)'
    }
];

/** The needs whose files are not all there. */
export function missingNeeds(exists = existsSync) {
    return needs.filter(need => !need.files.every(file => exists(file)));
}

/** `node` older than package.json's engines.node (">=X.Y.Z"): a message, or undefined when it is new enough. */
export function nodeProblem(running = process.versions.node) {
    const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
    const minimum = wanted.replace(/^>=\s*/, '').split('.').map(Number);
    const parts = running.split('.').map(Number);
    const differs = parts.findIndex((part, i) => part !== minimum[i]);
    if (differs === -1 || parts[differs] > minimum[differs]) return undefined;
    return `Node ${running} is older than the ${wanted} that package.json asks for (see the README's Set up)`;
}

/** What to print and the exit status, for the packages `missing` and whether this is CI. */
export function report(missing, ci) {
    if (!missing.length) return { status: 0, text: '' };
    const install = `apt-get install -y --no-install-recommends ${missing.map(need => need.apt).join(' ')}`;
    const lines = missing.map(need => `  ${need.apt}: ${need.why}`);
    if (ci) return { status: 1, text: `missing Debian packages the tests need:\n${lines.join('\n')}\ninstall them with: ${install}\n` };
    const skipped = missing.map(need => `  without ${need.apt}: ${need.skips}`);
    return {
        status: 0,
        text: `missing Debian packages:\n${lines.join('\n')}\nthese tests will be skipped:\n${skipped.join('\n')}\n` +
            `install them with: ${install}\n`
    };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--vscode-tests') {
    // The last step of `npm test`: the tests in a real VS Code, which need every package; outside CI, without one they
    // are skipped, by name.
    const missing = missingNeeds();
    if (missing.length && !process.env.CI) {
        process.stdout.write(`\n  skipped on this machine (CI runs them): the tests in a real VS Code (test/e2e/*.e2e.ts, ` +
            `test/integration/*.integration.ts): no ${missing.map(need => need.apt).join(', no ')}\n\n`);
        process.exit(0);
    }
    const run = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'test:vscode'], { stdio: 'inherit' });
    process.exit(run.status ?? 1);
} else if (import.meta.url === `file://${process.argv[1]}`) {
    const problem = nodeProblem();
    if (problem) {
        process.stderr.write(`system check: ${problem}\n`);
        process.exit(1);
    }
    const { status, text } = report(missingNeeds(), Boolean(process.env.CI));
    if (text) process.stderr.write(text.replace(/^/gm, 'system check: '));
    process.exit(status);
}
