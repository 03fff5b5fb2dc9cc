import assert from 'node:assert/strict';
import { alignmentRoots, childrenOf, itemView } from '../../src/extension/alignment-items.js';
import { buildAlignmentTree } from '../../src/model/alignment-tree.js';
import { mapMarkdown } from '../../src/render/text/markdown.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';

// KPIs (a `range` and no target) need no objective: the map, the Strategy view and the Markdown export gather them
// in a "Health metrics" group, each with its grade in words.

const files = {
    'a.strategy': `objective Grow "Grow" { metric Signups, Nps }
metric Signups "Sign-ups" { baseline 10 target 20 by 2027-06-30 current 12 }
metric Nps "Net promoter score" { range 30 to 60 reading 41 on 2026-11-01 }
metric Churn "Monthly churn" { unit "%" range 0 to 5 reading 7.5 on 2026-11-01 }
`
};

describe('health metrics', () => {
    it('are every KPI in source order, whether an objective lists it or not', async () => {
        const ws = await workspace(files);
        const tree = buildAlignmentTree(ws.services.strategy.WorkspaceModel.get());
        assert.deepEqual(tree.healthMetrics.map(m => `${m.id} ${m.grade}`), ['Nps healthy', 'Churn out-of-range']);
    });

    it('are a group of the Strategy view, after the objectives, each with its figures and grade', async () => {
        const ws = await workspace(files);
        const roots = alignmentRoots(buildAlignmentTree(ws.services.strategy.WorkspaceModel.get()));
        const group = roots.find(item => item.kind === 'group')!;
        assert.equal(itemView(group, true).label, 'Health metrics (2)');
        assert.equal(itemView(group, true).icon.id, 'pulse');
        const views = childrenOf(group).map(item => itemView(item, false));
        assert.deepEqual(views.map(v => `${v.label}: ${v.description}`), ['Nps: 41 (range 30 to 60) (healthy)', 'Churn: 7.5% (range 0% to 5%) (out of range)']);
        assert.deepEqual(views.map(v => v.icon.id), ['heart', 'arrow-both']);
    });

    it('are a card of the map and a section of the Markdown export, in words', async () => {
        const ws = await workspace(files);
        const model = ws.services.strategy.WorkspaceModel.get();
        const tree = buildAlignmentTree(model);
        const view = { view: 'map' as const, title: 'Alignment map', tree };
        // With the group expanded, as the preview gets it: its whole card says the grade in words.
        const svg = await renderView(view, 'fragment', new Set(['group:health']));
        assert.match(svg, /<g class="group group-health"/);
        assert.match(svg, /Health metrics/);
        assert.match(svg, /<g class="progress grade-out-of-range"><text class="progress-text"><tspan[^>]*>out of range<\/tspan>/);
        const markdown = mapMarkdown(view);
        assert.match(markdown, /## Health metrics\n\n- \*\*Nps\*\* Net promoter score: 41 \(range 30 to 60\) \(healthy\)\n- \*\*Churn\*\* Monthly churn: 7\\\.5% \(range 0% to 5%\) \(out of range\)\n/);
    });
});
