// `npm run supply-chain`: what the extension ships and runs, checked against what it declares.
// - Every runtime dependency (package.json `dependencies`) is bundled into something the extension or the CLI
//   runs, and every package a bundle takes from node_modules is a runtime dependency or one of theirs: nothing
//   unneeded is declared, and no development package slips into a bundle.
// - The packaged .vsix holds only the files the extension runs and shows (no sources, maps, tests, node_modules).
// - `npm audit --omit=dev` finds no high or critical advisory. Some networks refuse the advisory endpoint (POST);
//   then the audit is reported as not run, and fails only with --require-audit.
// test/e2e/supply-chain.e2e.ts asserts the same after `npm run package`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';
import { isolatedEnv } from './isolated-env.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const vsixPath = `${root}strategy-${manifest.version}.vsix`;

/** Runs `run` with an environment whose npm keeps its cache and logs in a temporary folder, not in ~/.npm. */
function withNpmEnv(run) {
    const temp = mkdtempSync(path.join(tmpdir(), 'strategy-npm-'));
    try {
        return run(isolatedEnv(temp));
    } finally {
        rmSync(temp, { recursive: true, force: true });
    }
}

/** The package a node_modules path belongs to (`@scope/name` or `name`), or undefined for our own sources. */
function packageOf(input) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    return match?.[1];
}

/** Bundle name → the packages esbuild puts into it, for the production build. */
export async function bundledPackages() {
    const { options, webviewOptions } = bundleOptions({ root, production: true });
    const byBundle = new Map();
    for (const each of [options, webviewOptions]) {
        const result = await esbuild.build({ ...each, write: false, metafile: true, logLevel: 'silent' });
        for (const [output, meta] of Object.entries(result.metafile.outputs)) {
            if (output.endsWith('.map')) continue;
            const packages = new Set(Object.keys(meta.inputs).map(packageOf).filter(Boolean));
            byBundle.set(output, [...packages].sort());
        }
    }
    return byBundle;
}

/** The production dependency tree, as npm resolved it: every package a runtime dependency may bring. */
export function runtimeTree() {
    const parseable = withNpmEnv(env => execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env }));
    return new Set(parseable.split('\n').map(line => packageOf(`${line}/`)).filter(Boolean));
}

/** Problems with the runtime dependencies: declared but never bundled, or bundled but not a runtime package. */
export async function dependencyProblems() {
    const declared = Object.keys(manifest.dependencies ?? {});
    const bundles = await bundledPackages();
    const bundled = new Set([...bundles.values()].flat());
    const tree = runtimeTree();
    return [
        ...declared.filter(name => !bundled.has(name)).map(name => `${name} is a runtime dependency, but no bundle uses it`),
        ...[...bundled].filter(name => !tree.has(name)).map(name => `${name} is bundled, but is not a runtime dependency (or one of theirs)`)
    ];
}

/** What the .vsix may hold: exactly what .vscodeignore lets back in. */
const allowed = [
    // vsce lower-cases the README's and the CHANGELOG's names and adds .txt to the LICENSE's.
    /^extension\/package\.json$/, /^extension\/(readme|changelog)\.md$/i, /^extension\/LICENSE(\.txt)?$/,
    /^extension\/language-configuration\.json$/,
    /^extension\/out\/(extension|server)\.cjs$/, /^extension\/media\/preview\.js$/,
    /^extension\/icons\/[\w-]+\.(png|svg)$/, /^extension\/syntaxes\/[\w.-]+\.json$/, /^extension\/docs\/[\w-]+\.png$/,
    // vsce's own metadata
    /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/
];

/** The files of the .vsix with their uncompressed sizes. */
export function vsixFiles(path = vsixPath) {
    const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8' });
    return listing.split('\n')
        .map(line => /^\s*(\d+)\s+\S+\s+\S+\s+(.+)$/.exec(line))
        .filter(match => match && !match[2].endsWith('/') && match[2] !== 'Name')
        .map(match => ({ name: match[2].trim(), bytes: Number(match[1]) }));
}

export function vsixProblems(files) {
    const problems = files.filter(file => !allowed.some(pattern => pattern.test(file.name))).map(file => `${file.name} should not be in the package`);
    for (const needed of ['extension/out/extension.cjs', 'extension/out/server.cjs', 'extension/media/preview.js']) {
        if (!files.some(file => file.name === needed)) problems.push(`${needed} is missing from the package`);
    }
    return problems;
}

/** `npm audit --omit=dev`: the high and critical advisories, or `unavailable` when the endpoint refuses. */
export function audit() {
    const run = withNpmEnv(env => spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000, env }));
    let report;
    try {
        report = JSON.parse(run.stdout);
    } catch {
        return { unavailable: `npm audit printed no report (${(run.stderr || String(run.error ?? '')).trim().split('\n').pop()})` };
    }
    if (report.error || report.statusCode) {
        return { unavailable: report.message ?? (`${report.error?.summary || report.error?.code || 'the advisory endpoint failed'}`) };
    }
    const counts = report.metadata?.vulnerabilities ?? {};
    const serious = Object.entries(report.vulnerabilities ?? {})
        .filter(([, entry]) => entry.severity === 'high' || entry.severity === 'critical')
        .map(([name, entry]) => `${name} (${entry.severity})`);
    return { counts, serious };
}

async function main() {
    const requireAudit = process.argv.includes('--require-audit');
    let failed = false;
    const report = (status, line) => {
        if (status === 'FAIL') failed = true;
        process.stdout.write(`${status.padEnd(4)} ${line}\n`);
    };
    const okOr = failure => failure ? 'FAIL' : 'ok';

    for (const [bundle, packages] of await bundledPackages()) process.stdout.write(`     ${bundle}: ${packages.join(', ') || 'no package'}\n`);
    const dependencies = await dependencyProblems();
    report(okOr(dependencies.length > 0), dependencies.length === 0
        ? `runtime dependencies: ${Object.keys(manifest.dependencies).join(', ')}, each bundled, nothing else bundled`
        : dependencies.join('; '));

    if (existsSync(vsixPath)) {
        const files = vsixFiles();
        const problems = vsixProblems(files);
        report(okOr(problems.length > 0), problems.length === 0 ? `${vsixPath.slice(root.length)}: ${files.length} files, only what the extension needs` : problems.join('; '));
        for (const file of files) process.stdout.write(`     ${String(file.bytes).padStart(9)}  ${file.name}\n`);
    } else {
        report('FAIL', `${vsixPath.slice(root.length)} is missing: run \`npm run package\` first`);
    }

    const result = audit();
    if (result.unavailable) report(requireAudit ? 'FAIL' : 'skip', `npm audit --omit=dev did not run: ${result.unavailable}`);
    else report(okOr(result.serious.length > 0), `npm audit --omit=dev: ${JSON.stringify(result.counts)}${result.serious.length ? `; high or critical: ${result.serious.join(', ')}` : ''}`);
    process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
