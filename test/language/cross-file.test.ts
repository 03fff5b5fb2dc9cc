import assert from 'node:assert/strict';
import { workspace } from '../helpers.js';

// The checks that span files must be right when the pieces sit in different files, and follow changes to any of them.
const goals = `objective Revenue "Grow revenue" { metric Recurrence }
objective Engagement "Engage" { parent Revenue }
`;
const metrics = `metric Recurrence "Repeat buyers" { baseline 40 target 50 by 2027-12-31 current 42 }
`;
const users = `usertype Buyer "Buyers" { need SaveTime "Save time", Deals "Get deals" }
`;
const solutions = `solution Reorder "One-tap reorder" { for Buyer addresses Buyer.SaveTime advances Engagement }
`;
const backlog = `ticket APP-1 "Reorder button" { serves Engagement implements Reorder }
`;

describe('cross-file checks', () => {
    it('resolve references and compute checks across five files', async () => {
        const ws = await workspace({ 'goals.strategy': goals, 'metrics.strategy': metrics, 'users.strategy': users, 'solutions.strategy': solutions, 'backlog.strategy': backlog });
        assert.deepEqual(ws.codes('goals.strategy'), ['2:11 unmeasured-objective'], 'a parent metric does not measure its sub-objective');
        assert.deepEqual(ws.codes('users.strategy'), ['1:54 unused-need']);
        assert.deepEqual(ws.codes('solutions.strategy'), []);
        assert.deepEqual(ws.codes('backlog.strategy'), []);
    });

    it('duplicate-id points at the definition in the other file', async () => {
        const ws = await workspace({ 'a.strategy': goals + metrics + backlog, 'b.strategy': 'usertype Revenue "Also revenue"\n' });
        const [diagnostic] = ws.diagnostics('b.strategy').filter(d => d.code === 'duplicate-id');
        assert.match(String(diagnostic.message), /also used by an objective in a\.strategy/);
        assert.equal(diagnostic.relatedInformation?.[0].location.uri, ws.uri('a.strategy').toString());
        assert.deepEqual(diagnostic.relatedInformation?.[0].location.range.start, { line: 0, character: 10 });
        assert.ok(ws.codes('a.strategy').includes('1:11 duplicate-id'));
    });

    it('objective-cycle across files', async () => {
        const ws = await workspace({
            'a.strategy': 'objective A "a" { parent B metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\nticket T-1 "t" { serves A }',
            'b.strategy': 'objective B "b" { parent C }',
            'c.strategy': 'objective C "c" { parent A }'
        });
        assert.deepEqual(ws.codes('a.strategy'), ['1:26 objective-cycle']);
        assert.deepEqual(ws.codes('b.strategy'), ['1:26 objective-cycle']);
        assert.deepEqual(ws.codes('c.strategy'), ['1:26 objective-cycle']);
    });

    it('unmeasured-objective is satisfied by a sub-objective in another file', async () => {
        const ws = await workspace({
            'top.strategy': 'objective Top "t"\nobjective Lonely "l"\nticket T-1 "t" { serves Lonely }',
            'sub.strategy': 'objective Sub "s" { parent Top metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\nticket T-2 "t" { serves Sub }'
        });
        assert.deepEqual(ws.codes('top.strategy'), ['2:11 unmeasured-objective']);
    });

    it('ticket-solution-mismatch with the solution and objectives in other files', async () => {
        const ws = await workspace({
            'goals.strategy': goals + 'objective Cost "Cut cost" { metric Recurrence }\n',
            'metrics.strategy': metrics, 'users.strategy': users, 'solutions.strategy': solutions,
            'backlog.strategy': 'ticket APP-2 "Cheaper hosting" { serves Cost implements Reorder }\n'
        });
        assert.deepEqual(ws.codes('backlog.strategy'), ['1:57 ticket-solution-mismatch']);
    });

    it('are recomputed in unchanged files when another file changes', async () => {
        const ws = await workspace({ 'goals.strategy': goals, 'metrics.strategy': metrics, 'users.strategy': users, 'solutions.strategy': solutions, 'backlog.strategy': backlog });
        assert.deepEqual(ws.codes('users.strategy'), ['1:54 unused-need']);

        // Addressing Deals in solutions.strategy clears unused-need in users.strategy, which references neither.
        await ws.edit('solutions.strategy', solutions.replace('Buyer.SaveTime', 'Buyer.SaveTime, Deals'));
        assert.deepEqual(ws.codes('users.strategy'), []);

        // Removing the only ticket leaves Engagement without work; goals.strategy does not reference the backlog.
        await ws.edit('backlog.strategy', '');
        assert.deepEqual(ws.codes('goals.strategy'), ['2:11 unmeasured-objective']);
        await ws.edit('solutions.strategy', 'solution Reorder "r" { for Buyer addresses SaveTime, Deals }');
        assert.deepEqual(ws.codes('goals.strategy'), ['2:11 objective-without-work', '2:11 unmeasured-objective']);

        // A duplicate appears in a new file and goes when the file is deleted.
        await ws.edit('extra.strategy', 'objective Revenue "again"');
        assert.ok(ws.codes('goals.strategy').includes('1:11 duplicate-id'));
        await ws.edit('extra.strategy', undefined);
        assert.ok(!ws.codes('goals.strategy').includes('1:11 duplicate-id'));
    });
});
