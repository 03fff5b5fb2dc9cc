// `npm run bench`: performance benchmarks of the built CLI and language server (run `npm run build` first; the npm script does).
//
//   node scripts/bench.mjs [--runs N] [--only NAME[,NAME]] [--regenerate] [--files N] [--elements N] [--readings N] [--strict]
//
// Generates a realistic workspace into bench/workspace/ (git-ignored; reused while its parameters match, rebuilt
// with --regenerate), then runs each benchmark module of scripts/bench/ in turn and prints one table. A module
// exports `name`, `description` and `run(options)` resolving to rows (see scripts/bench/check.mjs); add new ones
// (renderers, for instance) to `benchmarks` below. Exit status: 0, or 1 when a benchmark failed
// (or, with --strict, missed its target), 2 for bad usage.
//
// Every metric of the workspace has a dated baseline and --readings dated readings (default 50, a year of weekly
// measurements: the issue's bar of "10,000 elements, 50 readings per metric", measured on every run so that a
// regression in reading handling shows); --readings 0 generates the workspace of the benchmarks before metrics had
// a history, byte for byte, to compare with figures taken then.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeWorkspace, generateWorkspace } from './bench/generate-workspace.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspace = join(root, 'bench', 'workspace');
const stamp = join(workspace, 'generated.json');
/** The date every benchmark passes as --today, so results never depend on the calendar. */
const today = '2026-11-23';

/** Benchmark modules, run in this order. */
const benchmarks = {
    check: () => import('./bench/check.mjs'),
    diff: () => import('./bench/diff.mjs'),
    lsp: () => import('./bench/lsp.mjs'),
    render: () => import('./bench/render.mjs'),
    import: () => import('./bench/import.mjs'),
    build: () => import('./bench/build.mjs'),
    // Needs Debian's Chromium (scripts/system-needs.mjs), so only with --only preview.
    preview: () => import('./bench/preview.mjs'),
    scale: () => import('./bench/scale.mjs'),
    blowups: () => import('./bench/blowups.mjs')
};

const usage = 'usage: node scripts/bench.mjs [--runs N] [--only NAME[,NAME]] [--regenerate] [--files N] [--elements N] [--readings N] [--strict]';

function parseArgs(argv) {
    const options = { runs: 5, only: Object.keys(benchmarks).filter(name => !['scale', 'blowups', 'preview'].includes(name)), regenerate: false, files: 1000, elements: 10000, readings: 50, seed: 1, strict: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const count = () => {
            const value = Number(argv[++i]);
            if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive whole number`);
            return value;
        };
        if (arg === '--runs') options.runs = count();
        else if (arg === '--files') options.files = count();
        else if (arg === '--elements') options.elements = count();
        else if (arg === '--seed') options.seed = count();
        else if (arg === '--readings') {
            options.readings = Number(argv[++i]);
            if (!Number.isInteger(options.readings) || options.readings < 0) throw new Error('--readings needs a whole number (0 for none)');
        }
        else if (arg === '--regenerate') options.regenerate = true;
        else if (arg === '--strict') options.strict = true;
        else if (arg === '--only') {
            const names = (argv[++i] ?? '').split(',').filter(Boolean);
            const unknown = names.filter(name => !(name in benchmarks));
            if (names.length === 0 || unknown.length > 0) {
                throw new Error(`--only takes one or more of ${Object.keys(benchmarks).join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`);
            }
            options.only = names;
        } else if (arg === '--help' || arg === '-h') {
            console.log(usage);
            process.exit(0);
        } else throw new Error(`unknown argument ${arg}`);
    }
    return options;
}

/** The generated workspace, rebuilt when absent, asked for, or generated with other parameters. */
function ensureWorkspace({ files, elements, seed, readings, regenerate }) {
    const wanted = { files, elements, seed, readings, today };
    if (!regenerate && existsSync(stamp)) {
        const previous = JSON.parse(readFileSync(stamp, 'utf8'));
        if (Object.entries(wanted).every(([key, value]) => previous[key] === value) && previous.result) {
            return { ...previous.result, reused: true };
        }
    }
    const started = performance.now();
    const result = generateWorkspace(workspace, wanted);
    writeFileSync(stamp, JSON.stringify({ ...wanted, result }, null, 2) + '\n');
    return { ...result, reused: false, generatedMs: performance.now() - started };
}

function formatTable(rows) {
    const header = ['benchmark', 'runs', 'median', 'min', 'max', 'p95', 'CPU (median)', 'peak RSS', 'target', 'result'];
    // Whole runs read best in seconds, single requests of the language server in milliseconds.
    const duration = ms => (ms === undefined ? '-' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);
    const limit = ms => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);
    const lines = rows.map(row => {
        const misses = [];
        if (row.targets?.medianMs !== undefined && !(row.medianMs < row.targets.medianMs)) misses.push('time');
        if (row.targets?.p95Ms !== undefined && !(row.p95Ms < row.targets.p95Ms)) misses.push('p95');
        if (row.targets?.peakRssMb !== undefined && !(row.peakRssMb < row.targets.peakRssMb)) misses.push('memory');
        row.missed = misses;
        const limits = [
            row.targets?.medianMs !== undefined ? `<${limit(row.targets.medianMs)}` : '',
            row.targets?.p95Ms !== undefined ? `p95 <${limit(row.targets.p95Ms)}` : '',
            row.targets?.peakRssMb !== undefined ? `<${row.targets.peakRssMb} MB` : ''
        ].filter(Boolean).join(', ');
        const target = row.targets ? `${limits}: ${row.failed ? 'FAILED' : misses.length ? `MISSED (${misses.join(', ')})` : 'met'}` : '-';
        return [row.benchmark, String(row.runs), duration(row.medianMs), duration(row.minMs), duration(row.maxMs), duration(row.p95Ms), duration(row.cpuMs),
            row.peakRssMb === undefined ? '-' : `${row.peakRssMb.toFixed(0)} MB`, target, row.failed ? `FAILED: ${row.failed}` : row.note ?? ''];
    });
    const widths = header.map((title, column) => Math.max(title.length, ...lines.map(line => line[column].length)));
    const format = cells => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
    return [format(header), format(widths.map(width => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

async function main() {
    let options;
    try {
        options = parseArgs(process.argv.slice(2));
    } catch (error) {
        console.error(`bench: ${error.message}\n${usage}`);
        return 2;
    }
    if (!existsSync(join(root, 'out', 'cli.cjs'))) {
        console.error('bench: the CLI is not built; run `npm run build` (or `npm run bench`, which builds first)');
        return 2;
    }
    const info = ensureWorkspace(options);
    console.log(`workspace bench/workspace: ${describeWorkspace(info)}`
        + (info.reused ? ' (reused; --regenerate to rebuild)' : ` (generated in ${(info.generatedMs / 1000).toFixed(2)} s)`));
    console.log(`node ${process.version}, ${options.runs} run(s) each, --today ${today}\n`);

    const rows = [];
    for (const name of options.only) {
        const module = await benchmarks[name]();
        console.log(`${name}: ${module.description}`);
        rows.push(...await module.run({ root, workspace, workspaceInfo: info, runs: options.runs, today, log: line => console.log(line) }));
    }
    console.log(`\n${formatTable(rows)}`);
    console.log('\nmedian/min/max/p95: wall time of the whole process (start-up included) for check; for lsp rows, from the message sent\n'
        + 'to the server until its answer (or its diagnostics of the file) arrived, over all sessions. CPU: user + system time, which\n'
        + 'can exceed wall time (V8 collects garbage on helper threads) and is steadier than wall time on a busy machine.');
    const failed = rows.some(row => row.failed) || (options.strict && rows.some(row => row.missed.length > 0));
    return failed ? 1 : 0;
}

process.exitCode = await main();
