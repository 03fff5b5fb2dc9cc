import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strategy } from './run-strategy.js';

// `strategy render --owner --focus --kind --status --milestone --hide-done`: the map keeps the objectives on the
// path to a ticket the filters keep, or that hold the owner and focus themselves, and counts only the work kept.

describe('strategy render filters', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-render-filters-'));
        writeFileSync(join(dir, 'a.strategy'), `objective Top "Top" { owner "Ana Lima" focus retention }
objective Sub "Sub" { parent Top owner "Bo" }
objective Quiet "Quiet" { parent Top }
objective Other "Other" { owner "Cy" focus acquisition }
milestone Beta "Beta" { by 2027-01-31 }
solution S "Sol" { advances Top status building }
ticket T-1 "a" { serves Sub kind bug status doing milestone Beta }
ticket T-2 "b" { serves Sub kind feature }
ticket T-3 "c" { serves Other kind bug status done milestone Beta }
ticket T-4 "d" { kind bug }
`);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const map = (...args: string[]) => {
        const result = strategy(['render', '--today', '2026-11-23', '--format', 'md', ...args], dir);
        assert.equal(result.status, 0, result.stderr);
        return result.stdout;
    };
    const ids = (markdown: string) => [...markdown.matchAll(/\*\*([\w-]+)\*\*/g)].map(match => match[1]);

    it('keeps the path to each ticket kept and counts only that work', () => {
        const bugs = map('--kind', 'bug');
        assert.deepEqual(ids(bugs), ['Top', 'Sub', 'T-1', 'Other', 'T-3', 'T-4']);
        assert.match(bugs, /3 objectives · 0 metrics · 0 solutions · 3 tickets/);
        assert.deepEqual(ids(map('--milestone', 'Beta', '--hide-done')), ['Top', 'Sub', 'T-1']);
        assert.deepEqual(ids(map('--status', 'todo')), ['Top', 'Sub', 'T-2', 'T-4'], 'no status reads as todo');
    });

    it('keeps an objective whose chain holds the owner or focus, with its work, even without tickets', () => {
        assert.deepEqual(ids(map('--owner', 'ana')), ['Top', 'Sub', 'T-1', 'T-2', 'Quiet'], 'any case, part of the name, up the chain');
        assert.deepEqual(ids(map('--focus', 'acquisition', '--hide-done')), ['Other'], 'kept itself; its done ticket is not');
        assert.deepEqual(ids(map('--hide-done')), ['Top', 'Sub', 'T-1', 'T-2', 'Quiet', 'Other', 'T-4'], 'every objective, no done ticket');
        assert.equal(ids(map()).includes('S'), true, 'unfiltered, the solution is shown');
    });

    it('a filter on a canvas, an unknown milestone or a word the language lacks exits 2', () => {
        const canvas = strategy(['render', '--canvas', 'C', '--owner', 'ana'], dir);
        assert.equal(canvas.status, 2);
        assert.match(canvas.stderr, /filter the alignment map as html, svg or md, not a canvas/);
        const milestone = strategy(['render', '--format', 'md', '--milestone', 'Bta'], dir);
        assert.equal(milestone.status, 2);
        assert.match(milestone.stderr, /no milestone 'Bta'; did you mean 'Beta'/);
        assert.match(strategy(['render', '--status', 'doign'], dir).stderr, /^strategy render: unknown --status 'doign'/);
    });
});
