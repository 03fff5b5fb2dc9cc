import assert from 'node:assert/strict';
import { forecastOf, progressOf, type MetricFigures } from '../../src/model/progress.js';
import { traceOf } from '../../src/model/trace.js';
import { traceText } from '../../src/render/text/trace-formats.js';
import { codesOf, workspace } from '../helpers.js';

// LANGUAGE-V2 §1: with two or more dated points, a metric is graded by where the least-squares line through them
// is on its `by` date (at this pace), not by how far it has come while its period is still running.

const rising: MetricFigures = { unit: '%', baseline: 20, target: 30, by: '2027-06-30', current: 22.5,
    points: [{ date: '2026-09-01', value: 20 }, { date: '2026-10-01', value: 21 }, { date: '2026-11-01', value: 22.5 }] };

describe('the forecast of a metric', () => {
    it('is the least-squares line through the dated points at the by date', () => {
        const forecast = forecastOf(rising, '2026-11-23')!;
        // Points at days 0, 30 and 61 after 2026-09-01: slope 2.5 / 61 per day through the means; 2027-06-30 is day 302.
        const xs = [0, 30, 61];
        const ys = [20, 21, 22.5];
        const mx = xs.reduce((a, b) => a + b) / 3;
        const my = ys.reduce((a, b) => a + b) / 3;
        const slope = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
        assert.equal(forecast.date, '2027-06-30');
        assert.ok(Math.abs(forecast.value - (my + slope * (302 - mx))) < 1e-9);
        assert.ok(Math.abs(forecast.ratio - (forecast.value - 20) / 10) < 1e-9);
    });

    it('grades 25% of the way on track when the pace reaches the target, off track when it falls short', () => {
        assert.equal(progressOf(rising, '2026-11-23')!.grade, 'on-track');
        assert.ok(Math.abs(progressOf(rising, '2026-11-23')!.ratio! - 0.25) < 1e-9);
        const slow: MetricFigures = { ...rising, current: 20.6, points: [{ date: '2026-09-01', value: 20 }, { date: '2026-11-01', value: 20.6 }] };
        assert.equal(progressOf(slow, '2026-11-23')!.grade, 'off-track');
        // Without two dated points the v1 thresholds grade it: 25% of the way is off track.
        assert.equal(progressOf({ ...rising, points: undefined }, '2026-11-23')!.grade, 'off-track');
    });

    it('counts an undated current as read today, and yields to overdue and to a target reached', () => {
        const undated: MetricFigures = { ...rising, current: 25, undatedCurrent: true, points: [{ date: '2026-09-01', value: 20 }] };
        assert.ok(forecastOf(undated, '2026-11-23'));
        assert.equal(forecastOf(undated, '2026-09-01'), undefined, 'two points on one day make no pace');
        assert.equal(progressOf(rising, '2027-07-01')!.grade, 'overdue');
        assert.equal(progressOf({ ...rising, current: 30 }, '2026-11-23')!.forecast, undefined);
    });

    it('says the pace in words wherever progress is shown, and strategy trace\'s coverage speaks in the singular for one', async () => {
        const ws = await workspace({ 'a.strategy': `objective O "o" { metric M }
metric M "m" { unit "%" baseline 20 on 2026-09-01 target 30 by 2027-06-30 reading 21 on 2026-10-01 reading 20.6 on 2026-11-01 }
ticket T-1 "t" { serves O }` });
        const document = ws.documents.get('a.strategy')!;
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 10 }
        });
        assert.match((hover?.contents as { value: string }).value, /20% → 20\.6% → 30% by 2027-06-30 \(6% of the way, off track: at this pace 2\d\.\d% by 2027-06-30, \d+% of the way\)/);
        const text = traceText(traceOf(ws.services.strategy.WorkspaceModel.get()), uri => uri);
        assert.match(text, /at this pace 2\d\.\d% by 2027-06-30/);
        assert.match(text, /\n  1 ticket, 1 traces to a measured objective \(100%\)\n  0 orphan tickets\n  0 tickets whose objectives have no metric\n  0 objectives without work/);
    });

    it('metric-stale on a metric worked toward whose latest dated point is over 90 days old, and on no other', async () => {
        const metric = (fields: string) => `objective O "o" { metric M }\nmetric M "m" { ${fields} }\nticket T-1 "t" { serves O status doing }`;
        // Today is 2026-11-23: 2026-08-24 is 91 days before, 2026-08-25 is 90.
        assert.deepEqual(await codesOf(metric('baseline 40 on 2026-05-01 target 50 by 2027-12-31 reading 44 on 2026-08-24')), ['2:8 metric-stale']);
        assert.deepEqual(await codesOf(metric('baseline 40 on 2026-05-01 target 50 by 2027-12-31 reading 44 on 2026-08-25')), []);
        assert.deepEqual(await codesOf(metric('baseline 40 on 2026-05-01 target 50 by 2027-12-31 current 44')), ['2:8 metric-stale'], 'an undated current is no dated point');
        assert.deepEqual(await codesOf(metric('baseline 40 target 50 by 2027-12-31 current 44')), [], 'no dated point, no age');
        assert.deepEqual(await codesOf(metric('baseline 40 on 2026-05-01 target 50 by 2027-12-31 reading 51 on 2026-06-01')), [], 'reached');
        assert.deepEqual((await codesOf(metric('baseline 40 on 2025-05-01 target 50 by 2026-06-30 reading 44 on 2025-06-01'))).filter(code => code.includes('stale')), [], 'overdue');
    });
});
