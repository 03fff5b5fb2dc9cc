import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strategy } from './run-strategy.js';

// `strategy trace --milestone ID`: one milestone's tickets with their chains; as Markdown, its release note.



const roadmap = `objective G "Grow" { metric M }
objective Keep "Keep" { }
metric M "Monthly users" { unit "%" baseline 20 target 30 by 2027-06-30 current 22.5 }
milestone Beta "Personalised | notifications" { by 2026-11-01 }
milestone Launch "Launch" { by 2027-01-31 advances Keep }
milestone Shipped "Shipped" { by 2026-10-01 }
ticket T-1 "Delivered one" { serves G milestone Beta status done }
ticket T-2 "Under way" { serves G milestone Beta status doing priority high }
ticket T-3 "Given up" { serves Keep milestone Beta status dropped }
ticket T-4 "Waiting" { serves G milestone Beta priority critical }
ticket T-5 "Launch work" { serves G milestone Launch status done }
ticket T-6 "Old work" { serves G milestone Shipped status done }
ticket T-7 "No milestone" { serves G }
`;

describe('strategy trace --milestone', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-milestone-'));
        writeFileSync(join(dir, 'roadmap.strategy'), roadmap);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const trace = (...args: string[]) => strategy(['trace', '--today', '2026-11-23', ...args], dir);

    it('text: the milestone, then only its tickets by priority with their chains, and their coverage', () => {
        const result = trace('--milestone', 'Beta');
        assert.equal(result.status, 0, result.stderr);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], 'Milestone Beta "Personalised | notifications" (by 2026-11-01, 22 days late): 1 done, 1 doing, 1 to do, 1 dropped');
        assert.equal(lines[1], '  moves G');
        assert.deepEqual(lines.filter(line => /^T-\d/.test(line)).map(line => line.split(' ')[0]), ['T-4', 'T-2', 'T-1', 'T-3']);
        assert.match(result.stdout, /^T-2 "Under way" \[doing, high\]  roadmap\.strategy:8\n  → G "Grow"\n      metric M: 20% → 22\.5% → 30% by 2027-06-30 \(25% of the way, off track\)$/m);
        assert.match(result.stdout, /Coverage\n  3 tickets, 3 trace to a measured objective \(100%\)/);
    });

    it('json: the milestone with its date, days, counts and objectives, then its tickets', () => {
        const json = JSON.parse(trace('--milestone', 'Beta', '--format', 'json').stdout);
        const { objectives, ...milestone } = json.milestone;
        assert.deepEqual(milestone, {
            id: 'Beta', title: 'Personalised | notifications', by: '2026-11-01', daysLeft: -22, overdue: true,
            counts: { todo: 1, doing: 1, done: 1, dropped: 1 }
        });
        assert.deepEqual(objectives.map((o: { id: string }) => o.id), ['G']);
        assert.deepEqual(json.tickets.map((t: { id: string; milestone: string }) => `${t.id}@${t.milestone}`), ['T-4@Beta', 'T-2@Beta', 'T-1@Beta', 'T-3@Beta']);
    });

    it('md: a release note, delivered, remaining and dropped, then the objectives it moves with grades in words', () => {
        const result = trace('--milestone', 'Beta', '--format', 'md');
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, [
            '# Milestone Beta: Personalised \\| notifications (by 2026-11-01, 22 days late)', '',
            '4 tickets: 1 done, 1 doing, 1 to do, 1 dropped — **overdue**', '',
            '## Delivered', '', '- **T-1** Delivered one', '',
            '## Remaining', '', '- **T-4** Waiting *(critical)*', '- **T-2** Under way *(doing, high)*', '',
            '## Dropped', '', '- **T-3** Given up', '',
            '## Objectives it moves', '',
            '- **G** Grow',
            '  - Metric **M** Monthly users: 20% → 22.5% → 30% by 2027-06-30 (25% of the way, off track)', ''
        ].join('\n'));
        const launch = trace('--milestone', 'Launch', '--format', 'md').stdout;
        assert.match(launch, /^# Milestone Launch: Launch \(by 2027-01-31, due in 69 days\)\n/);
        assert.match(launch, /## Remaining\n\n\*Nothing remaining\.\*\n/);
        assert.match(launch, /## Objectives it moves\n\n- \*\*Keep\*\* Keep\n  - \*no metric\*\n$/, 'the objective it advances, not the one its ticket serves');
        assert.match(trace('--milestone', 'Shipped', '--format', 'md').stdout, /^# Milestone Shipped: Shipped \(by 2026-10-01, 53 days ago\)\n/, 'past with nothing live is not late');
    });

    it('an unknown ID exits 2 naming the closest milestone and the others', () => {
        const result = trace('--milestone', 'Bta');
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, "strategy: no milestone 'Bta'; did you mean 'Beta'? The milestones are Beta, Launch, Shipped\n");
        assert.equal(trace('--milestone', 'Nothing').stderr, "strategy: no milestone 'Nothing'; the milestones are Beta, Launch, Shipped\n");
    });
});
