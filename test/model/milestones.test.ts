import assert from 'node:assert/strict';
import type { Milestone } from '../../src/language/generated/ast.js';
import { dueText, milestoneObjectives, milestoneState } from '../../src/model/milestones.js';
import { byPriority } from '../../src/model/priority.js';
import { workspace } from '../helpers.js';

// A milestone read once for every view: its date against today, its tickets by status, the objectives it moves;
// and the one order work is listed in.

const files = {
    'a.strategy': `objective Grow "Grow" {}
objective Keep "Keep" {}
milestone Beta "Beta" { by 2026-11-01 }
milestone Launch "Launch" { by 2027-01-31 advances Keep }
milestone Undated "No date" { by soon }
ticket T-1 "a" { serves Grow milestone Beta status done }
ticket T-2 "b" { serves Grow milestone Beta status doing }
ticket T-3 "c" { serves Keep milestone Beta status dropped }
ticket T-4 "d" { serves Grow milestone Beta }
ticket T-5 "e" { serves Grow milestone Launch status done }
`
};

describe('milestones', () => {
    it('count their tickets by status, a ticket without one as todo, and are overdue past their date with live work', async () => {
        const ws = await workspace(files, '2026-11-23');
        const model = ws.services.strategy.WorkspaceModel.get();
        const byName = (name: string) => [...model.milestones.keys()].find(m => m.name === name)! as Milestone;
        const beta = milestoneState(model, byName('Beta'));
        assert.deepEqual(beta.counts, { todo: 1, doing: 1, done: 1, dropped: 1 });
        assert.deepEqual(beta.live.map(t => t.name), ['T-2', 'T-4']);
        assert.equal(beta.daysLeft, -22);
        assert.equal(beta.overdue, true);
        const launch = milestoneState(model, byName('Launch'));
        assert.equal(launch.daysLeft, 69);
        assert.equal(launch.overdue, false);
        assert.deepEqual(milestoneState(model, byName('Undated')), { by: undefined, daysLeft: undefined, overdue: false, counts: { todo: 0, doing: 0, done: 0, dropped: 0 }, live: [] });
        assert.deepEqual(milestoneObjectives(model, byName('Beta')).map(o => o.name), ['Grow'], 'the objectives its live and done tickets serve');
        assert.deepEqual(milestoneObjectives(model, byName('Launch')).map(o => o.name), ['Keep'], 'those it advances, when it says');
    });

    it('say their date against today in words', () => {
        assert.deepEqual([dueText(23), dueText(1), dueText(0), dueText(-1), dueText(-12)],
            ['due in 23 days', 'due in 1 day', 'due today', '1 day late', '12 days late']);
    });

    it('list work by priority, critical first, then doing before todo, then as written', () => {
        const items = [
            { id: 'a', status: 'todo' }, { id: 'b', priority: 'low', status: 'doing' }, { id: 'c', priority: 'critical', status: 'todo' },
            { id: 'd', priority: 'critical', status: 'doing' }, { id: 'e', status: 'doing' }, { id: 'f', priority: 'urgent', status: 'todo' },
            { id: 'g', priority: 'high', status: 'done' }
        ];
        assert.deepEqual([...items].sort(byPriority).map(item => item.id), ['d', 'c', 'g', 'b', 'e', 'a', 'f']);
    });
});
