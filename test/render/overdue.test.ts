import assert from 'node:assert/strict';
import { previewView, type MapView, type StrategyCanvasView } from '../../src/model/preview-view.js';
import { traceOf } from '../../src/model/trace.js';
import { renderView } from '../../src/render/render-view.js';
import { traceJson, traceMarkdown, traceText } from '../../src/render/text/trace-formats.js';
import type { RenderFormat } from '../../src/protocol/strategy-protocol.js';
import { workspace, type Workspace } from '../helpers.js';
import { modelOf } from './render-fixtures.js';

// A metric past its `by` date that has not reached its target is overdue, in words, in every view and export;
// 50% of the way with months to go is at risk, and a target reached is on track whatever the date.

const files = {
    'a.strategy': `objective G "Grow" { metric Late, Soon, Reached }
metric Late "Due in June" { unit "%" baseline 0 target 10 by 2026-06-30 current 4 }
metric Soon "Due next spring" { unit "%" baseline 0 target 10 by 2027-03-31 current 5 }
metric Reached "Reached in time" { unit "%" baseline 0 target 10 by 2026-06-30 current 10 }
ticket T-1 "Work" { serves G }
canvas C "Growth" { kind strategy goal G success Late, Soon, Reached }
`
};

describe('render: an overdue metric', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace(files, '2026-11-23'); });

    it('is overdue in strategy trace as text, JSON and Markdown', () => {
        const trace = traceOf(modelOf(ws));
        const text = traceText(trace, uri => uri);
        assert.match(text, /metric Late: 0% → 4% → 10% by 2026-06-30 \(40% of the way, overdue\)/);
        assert.match(text, /metric Soon: 0% → 5% → 10% by 2027-03-31 \(50% of the way, at risk\)/);
        assert.match(text, /metric Reached: 0% → 10% → 10% by 2026-06-30 \(100% of the way, reached\)/);
        const metrics = JSON.parse(traceJson(trace, uri => uri)).tickets[0].chain[0].metrics;
        assert.deepEqual(metrics.map((m: { id: string; grade: string }) => `${m.id} ${m.grade}`), ['Late overdue', 'Soon at-risk', 'Reached reached']);
        assert.match(traceMarkdown(trace, uri => uri), /Late: 0% → 4% → 10% by 2026-06-30 \(40% of the way, overdue\)<br>Soon: .*\(50% of the way, at risk\)/);
    });

    for (const [name, id] of [['map', undefined], ['strategy canvas', 'C']] as const) {
        for (const format of ['fragment', 'html', 'svg', 'md'] as RenderFormat[]) {
            it(`is overdue in the ${name} as ${format}`, async () => {
                const view = previewView(modelOf(ws), id) as MapView | StrategyCanvasView;
                // The words, without the spans that keep each figure on one line.
                const out = (await renderView(view, format)).replace(/<span class="figure">([^<]*)<\/span>/g, '$1');
                assert.ok(out.includes('40% of the way, overdue'), 'Late is overdue');
                assert.doesNotMatch(out, /40% of the way, (at risk|off track)/);
                assert.ok(out.includes('50% of the way, at risk'), 'Soon, due next spring, is at risk');
                if (format !== 'md') assert.match(out, /class="progress grade-overdue" data-progress="0.4"/);
            });
        }
    }

    it('is not overdue on its due date itself', async () => {
        const onTheDay = await workspace(files, '2026-06-30');
        assert.match(traceText(traceOf(modelOf(onTheDay)), uri => uri), /metric Late: .*\(40% of the way, at risk\)/);
    });

    it('follows the date: a server running past the due date grades the metric overdue at the next edit', async () => {
        const running = await workspace(files, '2026-06-30');
        running.services.strategy.Config.fixedToday = '2026-07-01';
        await running.edit('a.strategy', files['a.strategy'] + '\n');
        assert.match(traceText(traceOf(modelOf(running)), uri => uri), /metric Late: .*\(40% of the way, overdue\)/);
    });
});
