// Benchmark: `strategy import` of a 50,000-issue export (issue 17: under 5 s), each run a fresh process. Three cases:
// a GitHub export into a new backlog file, the same export again into the 50,000-ticket file it wrote with a tenth
// of the issues closed since (the update path), and a Jira CSV export of 50,000 rows into a new file. The exports
// are generated in the system temp folder, shaped as `gh issue list --json …` and Jira write them.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureNode, processRow } from './measure.mjs';

export const name = 'import';
export const description = 'strategy import of 50,000 issues (GitHub JSON, Jira CSV), new file and update, one process per run';
/** What a run must stay under (issue 17). */
export const targets = { medianMs: 5000 };

const count = 50_000;
const words = ['checkout', 'notifications', 'search', 'deals', 'onboarding', 'payments', 'profile', 'café', 'delivery', 'reviews'];

function githubExport(closedEvery) {
    const issues = [];
    for (let n = 1; n <= count; n++) {
        const closed = closedEvery > 0 && n % closedEvery === 0;
        issues.push({
            labels: [
                ...(n % 3 === 0 ? [{ color: 'd73a4a', description: "Something isn't working", id: `LA_${n % 7}`, name: 'bug' }] : []),
                ...(n % 5 === 0 ? [{ color: '0e8a16', description: '', id: 'LA_obj', name: 'objective:Engagement' }] : [])
            ],
            number: n,
            state: closed ? 'CLOSED' : 'OPEN',
            stateReason: closed ? (n % 4 === 0 ? 'NOT_PLANNED' : 'COMPLETED') : '',
            title: `Improve ${words[n % words.length]}, "step" ${n}`,
            url: `https://github.com/acme/shop/issues/${n}`
        });
    }
    return JSON.stringify(issues, null, 2);
}

function jiraExport() {
    const lines = ['Summary,Issue key,Issue id,Issue Type,Status,Priority,Labels,Labels,Description,Status Category'];
    const statuses = [['To Do', 'To Do'], ['In Progress', 'In Progress'], ['Done', 'Done'], ['Blocked', 'In Progress']];
    for (let n = 1; n <= count; n++) {
        const [status, category] = statuses[n % statuses.length];
        lines.push(`"Improve ${words[n % words.length]}, ""step"" ${n}",APP-${n},${10000 + n},${n % 3 ? 'Story' : 'Bug'},${status},Medium,${n % 5 ? '' : 'objective:Engagement'},mobile,"First line\r\nsecond line",${category}`);
    }
    return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function run({ root, runs, log }) {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-import-'));
    const bin = join(root, 'bin', 'strategy.cjs');
    try {
        writeFileSync(join(dir, 'issues.json'), githubExport(0));
        writeFileSync(join(dir, 'issues-later.json'), githubExport(10));
        writeFileSync(join(dir, 'issues.csv'), jiraExport());
        const cases = [
            { label: 'github, new file', args: ['import', 'github', 'issues.json', '-o', 'new.strategy'], before: () => rmSync(join(dir, 'new.strategy'), { force: true }), expect: `${count} added` },
            { label: 'github, update of the 50,000 tickets (10% closed)', args: ['import', 'github', 'issues-later.json', '-o', 'update.strategy'], before: () => copyFileSync(join(dir, 'new.strategy'), join(dir, 'update.strategy')), expect: `${count / 10} updated` },
            { label: 'jira, new file', args: ['import', 'jira', 'issues.csv', '-o', 'jira.strategy'], before: () => rmSync(join(dir, 'jira.strategy'), { force: true }), expect: `${count} added` }
        ];
        const rows = [];
        for (const { label, args, before, expect } of cases) {
            const samples = [];
            let failed;
            for (let i = 0; i < runs; i++) {
                before();
                const result = await measureNode([bin, ...args], { cwd: dir });
                samples.push(result);
                log(`  import ${label} run ${i + 1}/${runs}: ${(result.ms / 1000).toFixed(2)} s wall, ${result.maxRssMb?.toFixed(0) ?? '?'} MB, exit ${result.code}`);
                if (result.code !== 0 || !result.stdout.includes(expect)) {
                    failed = `exit status ${result.code}: ${(result.stdout + result.stderr).trim().split('\n')[0]}`;
                    break;
                }
            }
            rows.push(processRow(`import ${label}`, samples, { targets, failed }));
        }
        return rows;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
