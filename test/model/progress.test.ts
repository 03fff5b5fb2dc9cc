import assert from 'node:assert/strict';
import { gradeOf, progressOf, targetReached } from '../../src/model/progress.js';
import { isCalendarDate, numberOf } from '../../src/model/values.js';

const today = '2026-11-23';

describe('metric progress', () => {
    it('is (current - baseline) / (target - baseline), clamped to 0..1', () => {
        assert.equal(progressOf({ baseline: 20, target: 30, current: 22 }, today)?.ratio, 0.2);
        assert.equal(progressOf({ baseline: 900, target: 200, current: 550 }, today)?.ratio, 0.5);
        assert.equal(progressOf({ baseline: 20, target: 30, current: 35 }, today)?.ratio, 1);
        assert.equal(progressOf({ baseline: 20, target: 30, current: 10 }, today)?.ratio, 0);
    });

    it('is `no reading` without a current value, and not graded when the target equals the baseline', () => {
        assert.deepEqual(progressOf({ baseline: 20, target: 30 }, today), { grade: 'no-reading' });
        assert.equal(progressOf({ baseline: 20, target: 20, current: 20 }, today), undefined);
        assert.equal(progressOf({ target: 30, current: 20 }, today), undefined);
    });

    it('is graded as OKRs are', () => {
        assert.equal(gradeOf(1), 'on-track');
        assert.equal(gradeOf(0.7), 'on-track');
        assert.equal(gradeOf(0.69), 'at-risk');
        assert.equal(gradeOf(0.4), 'at-risk');
        assert.equal(gradeOf(0.39), 'off-track');
        assert.equal(gradeOf(0), 'off-track');
    });

    it('compares ratios with a tolerance, so a threshold reached in decimals is reached', () => {
        // (2.3 - 2.1) / (2.6 - 2.1) is 0.39999999999999947 in binary floating point, 40% of the way as written.
        assert.equal(progressOf({ baseline: 2.1, target: 2.6, current: 2.3 }, today)?.grade, 'at-risk');
        assert.equal(progressOf({ baseline: 0, target: 10, current: 4 }, today)?.grade, 'at-risk');
        assert.equal(progressOf({ baseline: 1.1, target: 1.8, current: 1.38 }, today)?.grade, 'at-risk');
        // (0.31 - 0.1) / (0.4 - 0.1) is 0.6999999999999998: 70% of the way.
        assert.equal(progressOf({ baseline: 0.1, target: 0.4, current: 0.31 }, today)?.grade, 'on-track');
        assert.equal(progressOf({ baseline: 0.1, target: 0.4, current: 0.309 }, today)?.grade, 'at-risk');
        assert.equal(progressOf({ baseline: 2.1, target: 2.6, current: 2.299 }, today)?.grade, 'off-track');
    });

    it('is overdue past its date until the target is reached, and only then', () => {
        assert.equal(progressOf({ baseline: 0, target: 10, by: '2026-11-22', current: 9 }, today)?.grade, 'overdue');
        assert.equal(progressOf({ baseline: 0, target: 10, by: '2026-11-22', current: 10 }, today)?.grade, 'reached');
        assert.equal(progressOf({ baseline: 0, target: 10, by: today, current: 4 }, today)?.grade, 'at-risk');
        assert.equal(progressOf({ baseline: 0, target: 10, by: '2027-03-31', current: 1 }, today)?.grade, 'off-track');
    });

    it('knows when a falling or rising target is reached', () => {
        assert.ok(targetReached({ baseline: 900, target: 200, current: 180 }));
        assert.ok(!targetReached({ baseline: 900, target: 200, current: 250 }));
        assert.ok(targetReached({ baseline: 1, target: 2, current: 2 }));
        assert.ok(!targetReached({ baseline: 1, target: 2 }));
    });
});

describe('values', () => {
    it('reads plain decimal numbers only', () => {
        assert.equal(numberOf('4.5'), 4.5);
        assert.equal(numberOf('-3'), -3);
        for (const bad of ['twenty', '1e3', '', '0x10', '2027-01-01']) assert.equal(numberOf(bad), undefined, bad);
    });

    it('accepts real calendar dates only', () => {
        assert.ok(isCalendarDate('2028-02-29'));
        for (const bad of ['2027-02-29', '2027-13-01', '2027-1-01', '2027-00-10', 'tomorrow']) assert.ok(!isCalendarDate(bad), bad);
    });
});
