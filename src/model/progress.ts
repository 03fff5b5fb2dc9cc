import type { Metric } from '../language/generated/ast.js';
import { isCalendarDate, numberOf } from './values.js';

export type Grade = 'on-track' | 'at-risk' | 'off-track';

/** A metric's numbers as the spec reads them; anything missing or malformed is undefined. */
export interface MetricFigures {
    unit?: string;
    baseline?: number;
    target?: number;
    by?: string;
    current?: number;
}

export interface Progress {
    /** (current - baseline) / (target - baseline), clamped to 0..1. */
    ratio: number;
    grade: Grade;
}

export function figuresOf(metric: Metric): MetricFigures {
    const byRaw = metric.target[0]?.date;
    return {
        unit: metric.unit[0],
        baseline: numberOf(metric.baseline[0]?.value),
        target: numberOf(metric.target[0]?.value),
        by: isCalendarDate(byRaw) ? byRaw : undefined,
        current: numberOf(metric.current[0]?.value)
    };
}

/** Graded as OKRs are: 0.7 and above on track, 0.4 to 0.7 at risk, below 0.4 off track. */
export function gradeOf(ratio: number): Grade {
    if (ratio >= 0.7) return 'on-track';
    if (ratio >= 0.4) return 'at-risk';
    return 'off-track';
}

/** Progress of a metric, or undefined when it has no current reading or no change to make. */
export function progressOf(figures: MetricFigures): Progress | undefined {
    const { baseline, target, current } = figures;
    if (baseline === undefined || target === undefined || current === undefined || target === baseline) {
        return undefined;
    }
    const ratio = Math.min(1, Math.max(0, (current - baseline) / (target - baseline)));
    return { ratio, grade: gradeOf(ratio) };
}

/** Whether the current reading has reached the target, whichever way the target points. */
export function targetReached(figures: MetricFigures): boolean {
    const { baseline, target, current } = figures;
    if (target === undefined || current === undefined) return false;
    const rising = baseline === undefined || target >= baseline;
    return rising ? current >= target : current <= target;
}

export const gradeLabel: Record<Grade, string> = {
    'on-track': 'on track',
    'at-risk': 'at risk',
    'off-track': 'off track'
};
