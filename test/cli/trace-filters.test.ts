import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strategy } from './run-strategy.js';

// `strategy trace --owner TEXT --focus F --kind K --status S` (spec v2 section 5): only the tickets every filter keeps.



describe('strategy trace filters', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-filters-'));
        writeFileSync(join(dir, 'a.strategy'), `objective Top "Top" { owner "Ana Lima" focus retention }
objective Sub "Sub" { parent Top owner "Bo" }
objective Other "Other" { owner "Cy" focus acquisition }
milestone Beta "Beta" { by 2027-01-31 }
ticket T-1 "a" { serves Sub kind bug status doing milestone Beta }
ticket T-2 "b" { serves Sub kind feature }
ticket T-3 "c" { serves Other kind bug status done milestone Beta }
ticket T-4 "d" { kind bug }
`);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const ids = (...args: string[]) => {
        const result = strategy(['trace', '--today', '2026-11-23', '--format', 'json', ...args], dir);
        assert.equal(result.status, 0, result.stderr);
        return JSON.parse(result.stdout).tickets.map((ticket: { id: string }) => ticket.id);
    };

    it('keeps the tickets of a kind, a status (none reads as todo), an owner or focus up the chain, all together', () => {
        assert.deepEqual(ids('--kind', 'bug'), ['T-1', 'T-4', 'T-3'], 'by priority and status, as ever');
        assert.deepEqual(ids('--status', 'todo'), ['T-2', 'T-4']);
        assert.deepEqual(ids('--owner', 'ana'), ['T-1', 'T-2'], 'part of the owner of an objective up the chain, any case');
        assert.deepEqual(ids('--focus', 'acquisition'), ['T-3']);
        assert.deepEqual(ids('--kind', 'bug', '--owner', 'cy'), ['T-3']);
        assert.deepEqual(ids('--milestone', 'Beta', '--status', 'doing'), ['T-1']);
        assert.deepEqual(ids('--hide-done', '--kind', 'bug'), ['T-1', 'T-4'], '--hide-done leaves out done and dropped tickets');
        const coverage = JSON.parse(strategy(['trace', '--format', 'json', '--kind', 'bug'], dir).stdout).coverage;
        assert.deepEqual([coverage.tickets, coverage.orphans], [3, ['T-4']], 'the coverage is that of the tickets kept');
    });

    it('a word the language does not allow exits 2 and lists those it does', () => {
        const result = strategy(['trace', '--status', 'doign'], dir);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^strategy trace: unknown --status 'doign'; use todo, doing, done, dropped\n/);
        assert.match(strategy(['trace', '--kind', 'epic'], dir).stderr, /unknown --kind 'epic'; use feature, refactor, platform, bug, experiment, research/);
    });
});
