// Benchmark: `strategy build` of the bench workspace (10,000 elements; issue 17: under 10 s) and of a generated
// team workspace (20 objectives, 40 metrics, 60 solutions, 300 tickets), each run a fresh process writing a new
// site into the system temp folder. The figures say the site's size too: pages, megabytes, the largest page.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from './generate-workspace.mjs';
import { measureNode, processRow } from './measure.mjs';

export const name = 'build';
export const description = 'strategy build of the bench workspace and of a team workspace into a new folder, one process per run';
/** What a run must stay under (issue 17). */
export const targets = { medianMs: 10000 };

function siteSize(folder) {
    const pages = readdirSync(folder).filter(file => file.endsWith('.html'));
    const sizes = pages.map(page => ({ page, bytes: statSync(join(folder, page)).size }));
    const total = sizes.reduce((sum, entry) => sum + entry.bytes, 0);
    const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0];
    return `${pages.length} pages, ${(total / 1e6).toFixed(1)} MB, largest ${largest.page} ${(largest.bytes / 1e6).toFixed(2)} MB`;
}

export async function run({ root, workspace, runs, today, log }) {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-build-'));
    const bin = join(root, 'bin', 'strategy.cjs');
    try {
        const team = join(dir, 'team');
        generateWorkspace(team, { team: true });
        const cases = [
            { label: 'bench workspace (10,000 elements)', folder: workspace },
            { label: 'team workspace (300 tickets)', folder: team }
        ];
        const rows = [];
        for (const { label, folder } of cases) {
            const samples = [];
            let failed;
            let size = '';
            for (let i = 0; i < runs; i++) {
                const site = join(dir, `site-${i}`);
                const result = await measureNode([bin, 'build', folder, '-o', site, '--today', today]);
                samples.push(result);
                if (result.code !== 0) {
                    failed = `exit status ${result.code}: ${(result.stdout + result.stderr).trim().split('\n')[0]}`;
                    break;
                }
                size = siteSize(site);
                rmSync(site, { recursive: true, force: true });
                log(`  build ${label} run ${i + 1}/${runs}: ${(result.ms / 1000).toFixed(2)} s wall, ${result.maxRssMb?.toFixed(0) ?? '?'} MB; ${size}`);
            }
            rows.push(processRow(`build ${label}`, samples, { targets, failed, note: size }));
        }
        return rows;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
