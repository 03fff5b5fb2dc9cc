import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver';
import { itemView } from '../../src/extension/alignment-items.js';
import { buildAlignmentTree } from '../../src/model/alignment-tree.js';
import { traceOf } from '../../src/model/trace.js';
import { countTree, summaryText } from '../../src/render/map/map-counts.js';
import { codesOf, messagesOf, workspace, type Workspace } from '../helpers.js';

// Spec v2 section 2: a dropped ticket and a rejected solution are history, not work.

const measured = `objective Goal "Goal" { metric Rate }
metric Rate "Rate" { baseline 1 target 2 by 2027-01-01 }
`;

async function lensTitles(ws: Workspace, file: string): Promise<string[]> {
    const document = ws.documents.get(file)!;
    const lenses: CodeLens[] = await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
    return lenses.map(lens => `${lens.range.start.line + 1}: ${lens.command?.title}`);
}

describe('status: history is not work', () => {
    it('the new solution statuses building and shipped are valid values', async () => {
        for (const status of ['idea', 'testing', 'building', 'shipped', 'validated', 'rejected']) {
            // The insight keeps `validated` from asking for its evidence (validated-without-evidence).
            const text = `${measured}usertype U "u"\nsolution S "s" { for U advances Goal status ${status} }\nticket T-1 "t" { serves Goal }\ninsight I "i" { supports S }`;
            assert.deepEqual(await codesOf(text), [], status);
        }
        assert.deepEqual(await codesOf(`${measured}usertype U "u"\nsolution S "s" { for U advances Goal status launched }`), ['4:45 invalid-value']);
    });

    it('orphan-ticket and ticket-solution-mismatch do not fire on a dropped ticket', async () => {
        assert.deepEqual(await codesOf('ticket APP-9 "Loose end" { kind bug status dropped }'), []);
        assert.deepEqual(await codesOf('ticket APP-9 "Loose end" { kind bug status todo }'), ['1:8 orphan-ticket']);
        const mismatch = `${measured}objective Other "o" { metric Rate }
usertype U "u"
solution S "s" { for U advances Other }
ticket T-1 "t" { serves Goal implements S status STATUS }`;
        // Goal's one ticket is history, so Goal has no work left.
        assert.deepEqual(await codesOf(mismatch.replace('STATUS', 'dropped')), ['1:11 objective-without-work']);
        assert.deepEqual(await codesOf(mismatch.replace('STATUS', 'done')), ['6:41 ticket-solution-mismatch']);
    });

    it('unaligned-solution and solution-without-user do not fire on a rejected solution', async () => {
        assert.deepEqual(await codesOf('solution S "s" { status rejected }'), []);
        assert.deepEqual(await codesOf('solution S "s" { status shipped }'), ['1:10 solution-without-user', '1:10 unaligned-solution']);
    });

    it('objective-without-work fires on a leaf served only by history', async () => {
        const text = `${measured}usertype U "u"
solution S "s" { for U advances Goal status SOLUTION }
ticket T-1 "t" { serves Goal status TICKET }`;
        const codes = (solution: string, ticket: string) => codesOf(text.replace('SOLUTION', solution).replace('TICKET', ticket));
        assert.deepEqual(await codes('rejected', 'dropped'), ['1:11 objective-without-work']);
        assert.deepEqual(await codes('rejected', 'done'), []);
        assert.deepEqual(await codes('shipped', 'dropped'), []);
    });

    describe('counts', () => {
        const files = {
            'main.strategy': `${measured}usertype U "u"
solution Live "l" { for U advances Goal status building }
solution Gone "g" { for U advances Goal status rejected }
solution Stray "s" { status rejected }
ticket T-1 "t" { serves Goal status doing }
ticket T-2 "t" { serves Goal status dropped }
ticket T-3 "t" { serves Goal status done }
ticket T-4 "t" { status dropped }
`
        };
        let ws: Workspace;
        before(async () => { ws = await workspace(files); });

        it('the code lens counts neither dropped tickets nor rejected solutions; done tickets still count', async () => {
            assert.deepEqual((await lensTitles(ws, 'main.strategy')).slice(0, 1), ['1: 2 tickets · 1 solution · Rate (no reading)']);
        });

        it('the Strategy view counts them as the code lens does', () => {
            const tree = buildAlignmentTree(ws.services.strategy.WorkspaceModel.get());
            assert.equal(itemView(tree.objectives[0], true).description, '2 tickets · 1 solution · Goal');
        });

        it('trace coverage counts neither dropped tickets nor a dropped orphan, but still traces them', () => {
            const trace = traceOf(ws.services.strategy.WorkspaceModel.get());
            assert.deepEqual(trace.tickets.map(t => `${t.id} ${t.status}`), ['T-1 doing', 'T-3 done', 'T-2 dropped', 'T-4 dropped'], 'history last, as work is listed');
            assert.deepEqual(trace.coverage, { tickets: 2, measured: 2, orphans: [], unmeasured: [], objectivesWithoutWork: [] });
        });

        it('the map counts neither dropped tickets nor rejected solutions, aligned or not', () => {
            const counts = countTree(buildAlignmentTree(ws.services.strategy.WorkspaceModel.get()));
            assert.equal(summaryText(counts), '1 objective · 1 metric · 1 solution · 2 tickets');
        });
    });

    describe('work-done-target-unmet', () => {
        const objective = `objective Engagement "e" { metric Repeat }
metric Repeat "r" { unit "%" baseline 20 target 40 by 2027-12-31 current CURRENT }
usertype U "u"
solution S "s" { for U advances Engagement status SOLUTION }
`;
        const withTickets = (statuses: string[], current = '25', solution = 'shipped') =>
            objective.replace('CURRENT', current).replace('SOLUTION', solution)
            + statuses.map((status, i) => `ticket T-${i + 1} "t" { serves Engagement implements S status ${status} }`).join('\n');

        it('on the objective when all its tickets are done and a metric is short of its target', async () => {
            const text = withTickets(['done', 'done', 'done']);
            assert.deepEqual(await codesOf(text), ['1:11 work-done-target-unmet']);
            assert.deepEqual(await messagesOf(text, 'work-done-target-unmet'), [
                'All 3 tickets serving Engagement are done but Repeat is 25% of the way; plan more work or revisit the solutions'
            ]);
            assert.deepEqual(await messagesOf(withTickets(['done', 'dropped']), 'work-done-target-unmet'), [
                'The one ticket serving Engagement is done but Repeat is 25% of the way; plan more work or revisit the solutions'
            ]);
        });

        it('not while a ticket or a solution is live, nor with no ticket done, nor a target reached, nor a metric without a reading', async () => {
            assert.deepEqual(await codesOf(withTickets(['done', 'doing'])), []);
            assert.deepEqual(await codesOf(withTickets(['done', 'todo'])), []);
            assert.deepEqual(await codesOf(withTickets(['done'], '25', 'building')), []);
            assert.deepEqual(await codesOf(withTickets(['done'], '25', 'testing')), []);
            assert.deepEqual(await codesOf(withTickets(['done'], '40')), []);
            assert.deepEqual(await codesOf(withTickets(['dropped'])), []);
            const unread = withTickets(['done']).replace(' current 25', '');
            assert.deepEqual(await codesOf(unread), []);
        });

        it('not for a KPI, which is watched inside its range rather than moved to a target', async () => {
            const kpi = withTickets(['done']).replace('metric Repeat "r" { unit "%" baseline 20 target 40 by 2027-12-31 current 25 }',
                'metric Repeat "r" { unit "%" range 30 to 60 reading 25 on 2026-10-01 }');
            assert.notEqual(kpi, withTickets(['done']));
            assert.deepEqual((await codesOf(kpi)).filter(code => code.endsWith('work-done-target-unmet')), []);
        });

        it('only on a leaf objective', async () => {
            const text = `${withTickets(['done'])}\nobjective Sub "s" { parent Engagement metric Repeat }\nticket T-9 "t" { serves Sub status done }`;
            assert.deepEqual(await codesOf(text), ['6:11 work-done-target-unmet']);
        });

        it('follows edits in another file: the last live ticket marked done', async () => {
            const ws = await workspace({ 'goals.strategy': `${objective.replace('CURRENT', '25').replace('SOLUTION', 'validated')}\ninsight I "i" { supports S }`, 'backlog.strategy': 'ticket T-1 "t" { serves Engagement status doing }' });
            assert.deepEqual(ws.codes('goals.strategy'), []);
            await ws.edit('backlog.strategy', 'ticket T-1 "t" { serves Engagement status done }');
            assert.deepEqual(ws.codes('goals.strategy'), ['1:11 work-done-target-unmet']);
        });
    });
});
