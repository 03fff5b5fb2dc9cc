import assert from 'node:assert/strict';
import { previewView, type MapView } from '../../src/model/preview-view.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { modelOf } from './render-fixtures.js';
import { parseXml } from './xml-check.js';

// Insights beside what they support or contradict on the map (spec v2 section 4): a small "2 for · 1 against"
// mark on an objective's card and on a solution's row, and in the expanded card each insight by ID and title.

const files = {
    'a.strategy': `objective Grow "Grow" {
  metric M
}
metric M "M" {
  target 10
}
solution Notify "Notify users" {
  advances Grow
}
solution Deals "Exclusive deals" {
  advances Grow
}
insight Test "Two-week <b>test</b>" {
  supports Notify, Grow
}
insight Survey "Survey" {
  supports Notify
}
insight Churn "Churn study" {
  contradicts Notify, Deals
}
`
};

/** The text of each element carrying `data-element`, by key, tags stripped and whitespace folded. */
function textByKey(markup: string): Map<string, string> {
    const found = new Map<string, string>();
    for (const element of parseXml(markup, { fragment: true })) {
        const key = element.attributes.get('data-element');
        if (key && !found.has(key)) found.set(key, element.text.replace(/\s+/g, ' ').trim());
    }
    return found;
}

describe('render: insights on the map', () => {
    let map: MapView;
    before(async () => { map = previewView(modelOf(await workspace(files)))! as MapView; });

    it('keeps each element\'s insights for and against in the tree, by ID and title', () => {
        const grow = map.tree.objectives[0];
        assert.deepEqual(grow.evidence, { for: [{ id: 'Test', title: 'Two-week <b>test</b>' }], against: [] });
        const notify = grow.solutions.find(solution => solution.id === 'Notify')!;
        assert.deepEqual(notify.evidence, {
            for: [{ id: 'Test', title: 'Two-week <b>test</b>' }, { id: 'Survey', title: 'Survey' }],
            against: [{ id: 'Churn', title: 'Churn study' }]
        });
        assert.equal(grow.solutions.find(solution => solution.id === 'Deals')!.evidence!.for.length, 0);
    });

    it('marks the objective\'s card in the summary, and in the expanded card each solution\'s row and its insights', async () => {
        const summary = await renderView(map, 'fragment');
        assert.match(summary, /data-element="objective:Grow"[^]*?badge-evidence"><rect class="badge-bg"[^>]*\/><text[^>]*>1 for<\/text>/);
        assert.doesNotMatch(summary, /Churn study/, 'the summary names no insight');
        const expanded = await renderView(map, 'fragment', new Set(['objective:Grow']));
        const text = expanded.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
        assert.match(text, /Notify Notify users .*2 for · 1 against/);
        assert.match(text, /Deals Exclusive deals .*0?1 against/);
        assert.match(text, /for Test Two-week &lt;b&gt;test&lt;\/b&gt;/, 'escaped');
        assert.match(text, /for Survey Survey/);
        assert.match(text, /against Churn Churn study/);
        assert.doesNotMatch(expanded, /<b>test/);
        assert.ok(textByKey(expanded).size > 0);
    });

    it('leaves an element no insight speaks of unmarked', async () => {
        const plain = previewView(modelOf(await workspace({ 'a.strategy': files['a.strategy'].replace(/insight[^]*$/, '') })))! as MapView;
        assert.equal(plain.tree.objectives[0].evidence, undefined);
        assert.doesNotMatch(await renderView(plain, 'fragment', new Set(['objective:Grow'])), /badge-evidence|class="evidence"/);
    });
});
