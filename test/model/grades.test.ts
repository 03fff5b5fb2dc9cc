import assert from 'node:assert/strict';
import { figuresOf, progressOf, type Grade } from '../../src/model/progress.js';
import { workspace } from '../helpers.js';

// One grade per metric, by the spec's rules in their order: no reading, reached, overdue, forecast, thresholds;
// a KPI healthy or out of range. Read through the workspace model, as every view reads it.

const files = {
    'a.strategy': `
metric Unread "no current value" { baseline 0 on 2026-01-01 target 10 by 2027-06-30 }
metric Reached "past its target, past its date" { baseline 0 target 10 by 2026-06-30 reading 11 on 2026-06-01 }
metric Late "past its date, short" { baseline 0 target 10 by 2026-06-30 current 9 }
metric Paced "a pace that gets there" { baseline 0 on 2026-09-01 target 10 by 2027-03-01 reading 4 on 2026-11-01 }
metric Slow "a pace that does not" { baseline 0 on 2026-09-01 target 10 by 2027-03-01 reading 1 on 2026-11-01 }
metric NoPace "one point: thresholds" { baseline 0 target 10 by 2027-03-01 current 5 }
metric Nps "inside its band" { range 30 to 60 reading 20 on 2026-10-01 reading 41 on 2026-11-01 }
metric Churn "outside its band" { unit "%" range 0 to 5 reading 7.5 on 2026-11-01 }
metric Quiet "a KPI not read yet" { range 1 to 2 }
metric Upside "a range the wrong way round" { range 60 to 30 current 40 }
metric Bare "nothing to grade against" { current 3 }
`
};

describe('metric grades', () => {
    let grades: Map<string, Grade | undefined>;
    before(async () => {
        const ws = await workspace(files);
        const model = ws.services.strategy.WorkspaceModel.get();
        grades = new Map([...model.metrics.values()].map(facts => [facts.metric.name, facts.progress?.grade]));
    });

    it('follows the spec order: no reading, reached (even past its date), overdue, then the forecast, then thresholds', () => {
        assert.equal(grades.get('Unread'), 'no-reading');
        assert.equal(grades.get('Reached'), 'reached');
        assert.equal(grades.get('Late'), 'overdue');
        assert.equal(grades.get('Paced'), 'on-track');
        assert.equal(grades.get('Slow'), 'off-track');
        assert.equal(grades.get('NoPace'), 'at-risk');
    });

    it('grades a KPI by its band, on the latest reading however the readings are ordered', () => {
        assert.equal(grades.get('Nps'), 'healthy');
        assert.equal(grades.get('Churn'), 'out-of-range');
        assert.equal(grades.get('Quiet'), 'no-reading');
    });

    it('leaves ungraded what has nothing to be graded against: an empty range, no baseline and target', () => {
        assert.equal(grades.get('Upside'), undefined);
        assert.equal(grades.get('Bare'), undefined);
    });

    it('reads a band at its edges as inside it', () => {
        const kpi = { kpi: true, range: { low: 30, high: 60 } };
        assert.equal(progressOf({ ...kpi, current: 30 }, '2026-11-23')?.grade, 'healthy');
        assert.equal(progressOf({ ...kpi, current: 60 }, '2026-11-23')?.grade, 'healthy');
        assert.equal(progressOf({ ...kpi, current: 60.01 }, '2026-11-23')?.grade, 'out-of-range');
    });

    it('takes a metric with a range and a target as a target metric, not a KPI', async () => {
        const ws = await workspace({ 'b.strategy': 'metric M "m" { range 0 to 100 baseline 10 target 20 by 2027-06-30 current 19 }' });
        const metric = [...ws.services.strategy.WorkspaceModel.get().metrics.keys()][0];
        assert.equal(figuresOf(metric).kpi, undefined);
        assert.equal(ws.services.strategy.WorkspaceModel.get().metrics.get(metric)?.progress?.grade, 'on-track');
    });
});
