// Benchmark: `strategy check` on the generated workspace, each run a fresh process (start-up included), as a
// user or CI would run it.
import { relative } from 'node:path';
import { measureNode, processRow } from './measure.mjs';

export const name = 'check';
export const description = 'strategy check on the whole workspace, one process per run';
/** What a run must stay under (see the task that introduced the benchmark). */
export const targets = { medianMs: 2000, peakRssMb: 300 };

/**
 * options: { root, workspace, workspaceInfo, runs, today, log }. Returns the rows bench.mjs prints:
 * { benchmark, runs, medianMs, minMs, maxMs, cpuMs (median CPU time, user + system), peakRssMb, targets, note, failed }.
 */
export async function run({ root, workspace, workspaceInfo, runs, today, log }) {
    const args = ['bin/strategy.cjs', 'check', relative(root, workspace) || '.', '--today', today];
    const samples = [];
    let summary = '';
    let failed;
    for (let i = 0; i < runs; i++) {
        const result = await measureNode(args, { cwd: root });
        samples.push(result);
        summary = result.stdout.trim().split('\n').pop() ?? '';
        log(`  check run ${i + 1}/${runs}: ${(result.ms / 1000).toFixed(2)} s wall, ${result.cpuMs === undefined ? '?' : (result.cpuMs / 1000).toFixed(2)} s CPU, ${result.maxRssMb?.toFixed(0) ?? '?'} MB, exit ${result.code}`);
        if (result.code !== 0) {
            failed = `exit status ${result.code}${result.stderr ? `: ${result.stderr.trim().split('\n')[0]}` : ''}`;
            break;
        }
    }
    return [processRow(`check ${workspaceInfo.files} files / ${workspaceInfo.elements} elements`, samples, { targets, note: summary, failed })];
}
