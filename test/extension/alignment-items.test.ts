import assert from 'node:assert/strict';
import { alignmentRoots, childrenOf, itemChanges, itemView, markedView, problemIcons, type AlignmentItem } from '../../src/extension/alignment-items.js';
import { diffStrategies, type DiffSide } from '../../src/model/diff/strategy-diff.js';
import { buildAlignmentTree, type AlignmentTree, type ObjectiveNode } from '../../src/model/alignment-tree.js';
import { workspace } from '../helpers.js';

// The Strategy view's items, as the tree data provider hands them to VS Code (the provider only turns these into
// TreeItems): grades with progress icons that are not the Problems panel's, counts on objectives, and only the
// top level open.

const files = {
    'a.strategy': `objective Top "Grow" { metric Good, Risky, Poor, Late, Unread }
objective Mid "Engage" { parent Top }
objective Leaf "Return" { parent Mid }
objective Side "Activate" { parent Top }
metric Good "g" { baseline 0 target 10 by 2027-06-30 current 8 }
metric Risky "r" { baseline 0 target 10 by 2027-06-30 current 5 }
metric Poor "p" { baseline 0 target 10 by 2027-06-30 current 1 }
metric Late "l" { baseline 0 target 10 by 2026-06-30 current 4 }
metric Unread "u" { baseline 0 target 10 by 2027-06-30 }
solution S "s" { advances Mid, Leaf }
ticket T-1 "t" { serves Mid }
ticket T-2 "t" { serves Leaf }
ticket T-3 "t" { serves Leaf }
ticket T-4 "t" { serves Side }
ticket T-9 "orphan" { }
`
};

describe('Strategy view items', () => {
    let tree: AlignmentTree;
    let top: ObjectiveNode;
    before(async () => {
        const ws = await workspace(files, '2026-11-23');
        tree = buildAlignmentTree(ws.services.strategy.WorkspaceModel.get());
        top = tree.objectives[0];
    });

    it('marks metric grades with progress icons, never the error, warning or info icons, coloured by grade', () => {
        const metrics = childrenOf(top).filter(item => item.kind === 'metric');
        const views = metrics.map(metric => itemView(metric, false));
        assert.deepEqual(views.map(view => view.label), ['Good', 'Risky', 'Poor', 'Late', 'Unread']);
        for (const view of views) assert.ok(!problemIcons.has(view.icon.id), `${view.label}: ${view.icon.id} is a problem icon`);
        assert.equal(new Set(views.map(view => view.icon.id)).size, 5, 'each grade has its own shape, not only its colour');
        assert.deepEqual(views.map(view => view.icon.color), ['charts.green', 'charts.yellow', 'charts.red', 'charts.red', undefined]);
        assert.deepEqual(views.map(view => view.tooltip), ['g · on track', 'r · at risk', 'p · off track', 'l · overdue', 'u · no reading']);
        assert.equal(views[3].description, '0 → 4 → 10 by 2026-06-30 (40% of the way, overdue)');
    });

    it('shows counts on objectives, the work of sub-objectives included', () => {
        const [mid, side] = childrenOf(top).filter((item): item is ObjectiveNode => item.kind === 'objective');
        assert.equal(itemView(top, true).description, '4 tickets (through 3 sub-objectives) · 1 solution (through 2 sub-objectives) · Grow');
        assert.equal(itemView(mid, false).description, '3 tickets (2 through 1 sub-objective) · 1 solution · no metric · Engage');
        assert.equal(itemView(side, false).description, '1 ticket · 0 solutions · no metric · Activate');
    });

    it('shows a ticket\'s priority and milestone, and a solution\'s priority, after its title and status', async () => {
        const ws = await workspace({
            'b.strategy': 'objective G "Grow" { metric M }\nmetric M "m" { baseline 0 target 1 by 2027-06-30 }\n'
                + 'milestone Beta "b" { by 2027-01-31 }\nsolution P "Plan" { advances G status building priority critical }\n'
                + 'ticket T-1 "Build" { serves G status doing priority high milestone Beta }\nticket T-2 "Try" { serves G milestone Nowhere }\n'
                + 'ticket T-3 "Plain" { serves G }\n'
        }, '2026-11-23');
        const [grow] = buildAlignmentTree(ws.services.strategy.WorkspaceModel.get()).objectives;
        const views = childrenOf(grow).filter(item => item.kind === 'ticket' || item.kind === 'solution').map(item => itemView(item, false));
        assert.deepEqual(views.map(view => `${view.label}: ${view.description}`), [
            'P: Plan · building · priority critical',
            'T-1: Build · doing · priority high · milestone Beta',
            'T-2: Try · milestone Nowhere',
            'T-3: Plain'
        ]);
    });

    it('opens the top level and leaves objectives below it collapsed', () => {
        const roots = alignmentRoots(tree);
        assert.deepEqual(roots.map(item => item.kind === 'group' ? item.label : item.id), ['Top', 'Tickets serving no objective']);
        assert.equal(itemView(roots[0], true).state, 'expanded');
        assert.equal(itemView(roots[1], true).state, 'expanded');
        const below = childrenOf(top).filter(item => item.kind === 'objective');
        assert.deepEqual(below.map(item => itemView(item, false).state), ['collapsed', 'collapsed']);
        const leaf = childrenOf(below[0]).find((item): item is ObjectiveNode => item.kind === 'objective' && item.id === 'Leaf')!;
        assert.equal(itemView(leaf, false).state, 'collapsed', 'a leaf with tickets still opens on demand');
        const metric = childrenOf(top)[0] as AlignmentItem;
        assert.equal(itemView(metric, false).state, 'none');
    });

    it('lists the tickets and solutions of an objective and of the groups by priority, then status, then as written', async () => {
        const ws = await workspace({
            'b.strategy': `objective G "Grow" { }
solution S1 "s" { advances G priority low }
solution S2 "s" { advances G status building }
solution S3 "s" { advances G priority critical status idea }
solution S4 "s" { for Nobody priority high }
solution S5 "s" { for Nobody }
ticket T-1 "t" { serves G priority low }
ticket T-2 "t" { serves G status doing }
ticket T-3 "t" { serves G priority high status todo }
ticket T-4 "t" { serves G priority high status doing }
ticket T-8 "t" { }
ticket T-9 "t" { priority medium }
`
        }, '2026-11-23');
        const roots = alignmentRoots(buildAlignmentTree(ws.services.strategy.WorkspaceModel.get()));
        const labels = (item: AlignmentItem) => childrenOf(item).map(child => itemView(child, false).label);
        assert.deepEqual(labels(roots[0]), ['S3', 'S1', 'S2', 'T-4', 'T-3', 'T-1', 'T-2']);
        assert.deepEqual(roots.slice(1).map(labels), [['T-9', 'T-8'], ['S4', 'S5']]);
        const t4 = childrenOf(roots[0]).find(child => child.kind === 'ticket' && child.id === 'T-4')!;
        assert.equal(itemView(t4, false).description, 't · doing · priority high');
    });
    it('marks what a comparison added, changed or renamed, as the changes view does: "new" / "changed" first, the changes in the tooltip', async () => {
        const sideOf = async (label: string, text: string): Promise<{ side: DiffSide; tree: AlignmentTree }> => {
            const ws = await workspace({ 'a.strategy': text });
            const model = ws.services.strategy.WorkspaceModel.get();
            const side = { label, diagnostics: [], metrics: model.metrics, files: [{ path: 'a.strategy', model: ws.documents.get('a.strategy')!.parseResult.value }] };
            return { side, tree: buildAlignmentTree(ws.services.strategy.WorkspaceModel.get()) };
        };
        const base = await sideOf('HEAD', files['a.strategy']);
        const head = await sideOf('workspace', files['a.strategy'].replace('ticket T-1 "t" { serves Mid }', 'ticket T-1 "t" { serves Mid status done }') + 'ticket T-10 "new work" { serves Side }\n');
        const changes = itemChanges(diffStrategies(base.side, head.side));
        const all = (items: AlignmentItem[]): AlignmentItem[] => items.flatMap(item => [item, ...all(childrenOf(item))]);
        const viewOf = (id: string) => {
            const item = all(alignmentRoots(head.tree)).find(each => each.kind !== 'group' && each.id === id)!;
            return markedView(item, itemView(item, false), changes);
        };
        assert.equal(viewOf('T-10').description, 'new · new work');
        assert.equal(viewOf('T-1').description, 'changed · t · done');
        assert.equal(viewOf('T-1').tooltip, 't · done\nnew status done');
        assert.equal(viewOf('T-2').description, 't', 'an element the comparison did not change is not marked');
    });
});
