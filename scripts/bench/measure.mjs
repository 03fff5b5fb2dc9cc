// Runs one command as a child process and measures it: wall time from spawn to exit, and the child's peak
// resident set size and CPU time read back from scripts/bench/report-rss.cjs (preloaded with --require), so no external
// tool such as /usr/bin/time is needed. Shared by the benchmark modules in this folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const reportRss = fileURLToPath(new URL('./report-rss.cjs', import.meta.url));

/**
 * Runs `node --require report-rss.cjs ...nodeArgs` and resolves to
 * { ms, cpuMs, maxRssMb, code, stdout, stderr }; cpuMs (user + system) and maxRssMb are undefined if the
 * child died before reporting. With `timeoutMs`, a child still running then is killed (code is then null).
 */
export async function measureNode(nodeArgs, { cwd, env = process.env, input, timeoutMs } = {}) {
    const scratch = mkdtempSync(join(tmpdir(), 'strategy-bench-'));
    const rssFile = join(scratch, 'maxrss');
    try {
        const started = performance.now();
        const child = spawn(process.execPath, ['--require', reportRss, ...nodeArgs], {
            cwd, env: { ...env, BENCH_RSS_FILE: rssFile }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
        });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', chunk => stdout.push(chunk));
        child.stderr.on('data', chunk => stderr.push(chunk));
        if (input !== undefined) child.stdin.end(input);
        const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        const code = await new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', resolve);
        }).finally(() => clearTimeout(timer));
        const ms = performance.now() - started;
        let maxRssMb;
        let cpuMs;
        try {
            const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
            maxRssMb = usage.maxRSS / 1024;
            cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
        } catch {
            // The child ended before its exit handler ran (killed, or crashed hard).
        }
        return { ms, cpuMs, maxRssMb, code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

/** Median, min and max of a list of numbers. */
export function stats(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * The table's row for runs of one command, each a `measureNode` result: wall-time median and spread, the median
 * CPU time, the peak memory of any run. `rest`: targets, note, failed.
 */
export function processRow(benchmark, samples, rest) {
    const time = stats(samples.map(s => s.ms));
    const rss = samples.map(s => s.maxRssMb).filter(v => v !== undefined);
    const cpu = samples.map(s => s.cpuMs).filter(v => v !== undefined);
    return {
        benchmark, runs: samples.length,
        medianMs: time.median, minMs: time.min, maxMs: time.max,
        cpuMs: cpu.length ? stats(cpu).median : undefined,
        peakRssMb: rss.length ? Math.max(...rss) : undefined,
        ...rest
    };
}
