import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strategy } from './run-strategy.js';

// `strategy trace` lists work in the one order every view uses: priority (critical first), then status (doing
// before todo, history last), then as written; each ticket says its status and priority, and the JSON its milestone.



export const workOrderFiles = {
    'a.strategy': `objective G "Grow" { }
milestone Beta "Beta" { by 2027-01-31 }
ticket T-1 "Low, todo" { serves G priority low }
ticket T-2 "No priority, doing" { serves G status doing }
ticket T-3 "High, todo" { serves G priority high milestone Beta }
ticket T-4 "Critical, done" { serves G priority critical status done }
ticket T-5 "High, doing" { serves G priority high status doing milestone Beta }
ticket T-6 "No priority, todo" { serves G }
`
};

describe('strategy trace: work by priority', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-priority-'));
        for (const [name, text] of Object.entries(workOrderFiles)) writeFileSync(join(dir, name), text);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('text: critical first, then high with doing before todo, then as written; status and priority shown', () => {
        const result = strategy(['trace', '--today', '2026-11-23'], dir);
        assert.equal(result.status, 0, result.stderr);
        const heads = result.stdout.split('\n').filter(line => /^T-\d/.test(line)).map(line => line.replace(/  a\.strategy:\d+$/, ''));
        assert.deepEqual(heads, [
            'T-4 "Critical, done" [done, critical]',
            'T-5 "High, doing" [doing, high]',
            'T-3 "High, todo" [high]',
            'T-1 "Low, todo" [low]',
            'T-2 "No priority, doing" [doing]',
            'T-6 "No priority, todo"'
        ]);
    });

    it('json: each ticket has its priority and milestone, in the same order', () => {
        const json = JSON.parse(strategy(['trace', '--format', 'json', '--today', '2026-11-23'], dir).stdout);
        assert.deepEqual(json.tickets.map((t: { id: string; priority?: string; milestone?: string }) => [t.id, t.priority, t.milestone]), [
            ['T-4', 'critical', undefined], ['T-5', 'high', 'Beta'], ['T-3', 'high', 'Beta'], ['T-1', 'low', undefined],
            ['T-2', undefined, undefined], ['T-6', undefined, undefined]
        ]);
    });

    it('md: the rows in the same order, each with its status and priority', () => {
        const md = strategy(['trace', '--format', 'md', '--today', '2026-11-23'], dir).stdout;
        const rows = md.split('\n').filter(line => line.startsWith('| T-'));
        assert.deepEqual(rows.map(row => row.split(' ')[1]), ['T-4', 'T-5', 'T-3', 'T-1', 'T-2', 'T-6']);
        assert.match(rows[1], /^\| T-5 High, doing \\\[doing, high\\\] \(/);
    });
});

describe('strategy render: the map lists work by priority', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-priority-'));
        writeFileSync(join(dir, 'a.strategy'), `objective G "Grow" { }
solution S1 "Idea low" { advances G priority low }
solution S2 "Building" { advances G status building }
solution S3 "Critical idea" { advances G priority critical }
ticket T-1 "Low, todo" { serves G priority low }
ticket T-2 "No priority, doing" { serves G status doing }
ticket T-3 "High, todo" { serves G priority high }
ticket T-9 "Orphan" { }
ticket T-8 "Orphan, high" { priority high }
`);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('md: solutions and tickets of an objective, and the orphans, critical first, no priority last; html: counted', () => {
        const md = strategy(['render', '--format', 'md', '--today', '2026-11-23'], dir).stdout;
        const listed = md.split('\n').filter(line => /^\s*- (Solution |Ticket )?\*\*[ST]/.test(line)).map(line => line.trim());
        assert.deepEqual(listed, [
            '- Solution **S3** Critical idea *(critical)*',
            '- Solution **S1** Idea low *(low)*',
            '- Solution **S2** Building *(building)*',
            '- Ticket **T-3** High, todo *(high)*',
            '- Ticket **T-1** Low, todo *(low)*',
            '- Ticket **T-2** No priority, doing *(doing)*',
            '- **T-8** Orphan, high *(high)* ⚠ *orphan*',
            '- **T-9** Orphan ⚠ *orphan*'
        ]);
        const html = strategy(['render', '--format', 'html', '--today', '2026-11-23'], dir).stdout;
        // The map's export summarises: work counted by status, the live tickets listed (a ticket without a status is not live).
        const keys = [...html.matchAll(/data-element="(?:ticket|solution):([^"]+)"/g)].map(match => match[1]);
        assert.deepEqual(keys, ['T-2']);
        assert.match(html, />3 solutions: 1 building · 2 no status</);
        assert.match(html, />3 tickets: 1 doing · 2 no status</);
    });
});
