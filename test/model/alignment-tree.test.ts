import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { buildAlignmentTree, type AlignmentTree, type ObjectiveNode } from '../../src/model/alignment-tree.js';
import { workspace } from '../helpers.js';

const shopAppFolder = new URL('../../examples/shop-app/', import.meta.url);

async function treeOf(files: Record<string, string>): Promise<AlignmentTree> {
    const ws = await workspace(files);
    return buildAlignmentTree(ws.services.strategy.WorkspaceModel.get());
}

/** `Revenue[PurchaseRecurrence; ; ](Engagement[…](…))` per objective: the shape at a glance. */
function outline(node: ObjectiveNode): string {
    const lists = [node.metrics, node.solutions, node.tickets].map(list => list.map(item => item.id).join(','));
    const children = node.children.length > 0 ? `(${node.children.map(outline).join(' ')})` : '';
    return `${node.id}[${lists.join('; ')}]${children}`;
}

describe('alignment tree', () => {
    it('builds the shop-app example: Revenue over Engagement and Activation, with metrics, solutions and tickets', async () => {
        const files = Object.fromEntries(readdirSync(shopAppFolder).filter(f => f.endsWith('.strategy'))
            .map(f => [f, readFileSync(new URL(f, shopAppFolder), 'utf8')]));
        const tree = await treeOf(files);
        assert.deepEqual(tree.objectives.map(outline), [
            'Revenue[PurchaseRecurrence; ; ](' +
            'Engagement[MonthlyRepeatUsers; PersonalizedNotifications,FasterNavigation,ExclusiveDeals; APP-101,APP-123,APP-102] ' +
            'Activation[SecondPurchaseRate; FasterNavigation; APP-130])'
        ]);
        assert.deepEqual(tree.orphanTickets, []);
        assert.deepEqual(tree.unalignedSolutions, []);

        const [revenue] = tree.objectives;
        const [engagement, activation] = revenue.children;
        // Graded by the forecast: 22.5 of 20 → 30 is 25% of the way, and at this pace 32.3 by its date (on track);
        // 43 of 41 → 50 is 22%, at this pace 47.8 (75%, at risk); no current value, `no reading`.
        const { kind, id, progress, grade, baseline, current, target, by, unit } = engagement.metrics[0];
        assert.deepEqual({ kind, id, progress, grade, baseline, current, target, by, unit },
            { kind: 'metric', id: 'MonthlyRepeatUsers', progress: 0.25, grade: 'on-track', baseline: 20, current: 22.5, target: 30, by: '2027-06-30', unit: '%' });
        assert.equal(revenue.metrics[0].grade, 'at-risk');
        assert.equal(activation.metrics[0].progress, undefined);
        assert.equal(activation.metrics[0].grade, 'no-reading');

        // Every node carries where its name is written, for the view's click.
        assert.ok(engagement.location.uri.endsWith('/objectives.strategy'));
        assert.deepEqual(engagement.location.range, { start: { line: 10, character: 10 }, end: { line: 10, character: 20 } });
        const app123 = engagement.tickets.find(t => t.id === 'APP-123')!;
        assert.deepEqual({ ...app123, location: app123.location.range.start.line }, {
            kind: 'ticket', id: 'APP-123', title: 'Prototype personalized notifications', status: 'doing', ticketKind: 'experiment', priority: 'high', milestone: 'NotificationsBeta', location: 19
        });
        assert.deepEqual(engagement.solutions.map(s => s.status), ['testing', 'idea', 'idea']);
        assert.equal(revenue.measured, true);
        assert.equal(revenue.inCycle, false);
    });

    it('groups orphan tickets and unaligned solutions apart, and shows unmeasured objectives as such', async () => {
        const tree = await treeOf({
            'a.strategy': `
objective Top "Top" { }
solution Floating "Advances nothing" { for Nobody }
solution Lost "Advances a missing objective" { advances Missing }
ticket T-1 "No serves" { }
ticket T-2 "Serves a missing objective" { serves Missing }
ticket T-3 "Serves Top" { serves Top implements Floating }
`
        });
        assert.deepEqual(tree.objectives.map(outline), ['Top[; ; T-3]']);
        assert.equal(tree.objectives[0].measured, false);
        assert.deepEqual(tree.orphanTickets.map(t => t.id), ['T-1', 'T-2']);
        assert.deepEqual(tree.unalignedSolutions.map(s => s.id), ['Floating', 'Lost']);
    });

    it('shows an objective cycle once, with what hangs below it, in source order across files', async () => {
        const tree = await treeOf({
            'b.strategy': 'objective B "B" { parent A }\nobjective Below "Below" { parent B }\n',
            'a.strategy': 'objective A "A" { parent B }\nobjective Z "Z" { }\nobjective Y "Y" { parent Z }\n'
        });
        assert.deepEqual(tree.objectives.map(outline), ['Z[; ; ](Y[; ; ])', 'A[; ; ](B[; ; ](Below[; ; ]))']);
        assert.equal(tree.objectives[1].inCycle, true);
        assert.equal(tree.objectives[1].children[0].children[0].inCycle, false);
    });

    it('lists a metric or solution named twice on an objective once', async () => {
        const tree = await treeOf({
            'a.strategy': `
objective O "O" { metric M, M }
metric M "M" { baseline 1 target 2 by 2027-01-01 current 2 }
solution S "S" { advances O, O }
`
        });
        assert.deepEqual(tree.objectives.map(outline), ['O[M; S; ]']);
        assert.equal(tree.objectives[0].metrics[0].grade, 'reached');
    });
});
