// Benchmark: `strategy diff BASE..HEAD` on two revisions of the generated workspace, 1% of its elements changed
// between them, each run a fresh process, as CI runs it on a pull request. The repository is built in the system
// temp folder: the workspace committed as it is, then with every hundredth element's title edited.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureNode, processRow } from './measure.mjs';

export const name = 'diff';
export const description = 'strategy diff of two commits of the workspace, 1% of elements changed, one process per run';
/** What a run must stay under (issue 15). */
export const targets = { medianMs: 3000 };

const identity = ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

/** Appends ` (revised)` to the title of every hundredth element, in file order; returns how many it edited. */
function editOnePercent(dir) {
    let seen = 0;
    let edited = 0;
    const files = readdirSync(dir, { recursive: true }).map(String).filter(name => name.endsWith('.strategy')).sort();
    for (const file of files) {
        const path = join(dir, file);
        const text = readFileSync(path, 'utf8').replace(/^((?:objective|metric|usertype|solution|question|ticket) \S+ "[^"]*)"/gm, (line, head) => {
            if (seen++ % 100 !== 50) return line;
            edited++;
            return `${head} (revised)"`;
        });
        writeFileSync(path, text);
    }
    return edited;
}

export async function run({ root, workspace, workspaceInfo, runs, today, log }) {
    const repo = mkdtempSync(join(tmpdir(), 'strategy-bench-diff-'));
    const git = (...args) => execFileSync('git', [...identity, ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
        cpSync(workspace, repo, { recursive: true, filter: source => !source.endsWith('generated.json') });
        git('init', '-q');
        git('add', '-A');
        git('commit', '-q', '-m', 'base');
        const edited = editOnePercent(repo);
        git('commit', '-q', '-a', '-m', 'one percent changed');
        const args = [join(root, 'bin', 'strategy.cjs'), 'diff', 'HEAD~1..HEAD', '--format', 'json', '--today', today];
        const samples = [];
        let failed;
        let note = '';
        for (let i = 0; i < runs; i++) {
            const result = await measureNode(args, { cwd: repo });
            samples.push(result);
            log(`  diff run ${i + 1}/${runs}: ${(result.ms / 1000).toFixed(2)} s wall, ${result.cpuMs === undefined ? '?' : (result.cpuMs / 1000).toFixed(2)} s CPU, ${result.maxRssMb?.toFixed(0) ?? '?'} MB, exit ${result.code}`);
            if (result.code !== 0) {
                failed = `exit status ${result.code}${result.stderr ? `: ${result.stderr.trim().split('\n')[0]}` : ''}`;
                break;
            }
            const { summary } = JSON.parse(result.stdout);
            note = `${summary.changed} of ${edited} edited elements reported changed`;
            if (summary.changed !== edited) {
                failed = note;
                break;
            }
        }
        return [processRow(`diff ${workspaceInfo.files} files / ${workspaceInfo.elements} elements, 1% changed`, samples, { targets, note, failed })];
    } finally {
        rmSync(repo, { recursive: true, force: true });
    }
}
