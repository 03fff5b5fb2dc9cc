import type { Metric, Reading } from '../language/generated/ast.js';
import { isCalendarDate, numberOf, relativeOf } from './values.js';

/**
 * How a metric stands, in the spec's order: `no-reading` (no current value), `reached`, `overdue` (past its `by`
 * date without reaching its target, whatever its pace), then `on-track`, `at-risk`, `off-track` by forecast or by
 * ratio. A KPI (a `range` and no target) is `healthy` inside its band and `out-of-range` outside it.
 */
export type Grade = 'reached' | 'overdue' | 'on-track' | 'at-risk' | 'off-track' | 'healthy' | 'out-of-range' | 'no-reading';

/** The grades that say how far toward a target a metric is; `healthy` and `out-of-range` are a KPI's. */
export const targetGrades: readonly Grade[] = ['reached', 'overdue', 'on-track', 'at-risk', 'off-track'];

/** A metric's numbers as the spec reads them; anything missing or malformed is undefined. */
export interface MetricFigures {
    unit?: string;
    baseline?: number;
    target?: number;
    by?: string;
    current?: number;
    /**
     * The dated points, oldest first: a dated baseline, every reading and a dated `current`. Left out when there
     * are none. A `current` without a date is not one of them: it counts, for the forecast only, as read today.
     */
    points?: DatedPoint[];
    /** `current` is given without a date. */
    undatedCurrent?: boolean;
    /** The band a KPI stays inside, when written with low below high. */
    range?: { low: number; high: number };
    /** A health metric: a `range` and no `target`, watched rather than moved to a target. */
    kpi?: boolean;
}

export interface DatedPoint {
    date: string;
    value: number;
    /** The dated baseline, where the metric started, rather than a measurement since. */
    baseline?: true;
}

/** Where the least-squares line through the dated points is on the `by` date, and how far of the way that is. */
export interface Forecast {
    value: number;
    date: string;
    /** (value - baseline) / (target - baseline), not clamped: 1.2 is past the target. */
    ratio: number;
}

export interface Progress {
    grade: Grade;
    /** (current - baseline) / (target - baseline), clamped to 0..1; for a metric with a target and a current value. */
    ratio?: number;
    /** At this pace, where the metric will be on its `by` date; what grades it when it is there. */
    forecast?: Forecast;
}

export function figuresOf(metric: Metric): MetricFigures {
    const byRaw = metric.target[0]?.date;
    const baseline = numberOf(metric.baseline[0]?.value);
    const current = metric.current[0];
    const points = datedPoints([metric.baseline[0], ...metric.readings, current]);
    const range = rangeOf(metric);
    return {
        unit: metric.unit[0],
        baseline,
        target: targetOf(metric.target[0]?.value, baseline),
        by: isCalendarDate(byRaw) ? byRaw : undefined,
        current: current ? numberOf(current.value) : numberOf(latestReading(metric)?.value),
        ...(points.length > 0 ? { points } : {}),
        ...(current && current.date === undefined ? { undatedCurrent: true } : {}),
        ...(range ? { range } : {}),
        ...(metric.range.length > 0 && metric.target.length === 0 ? { kpi: true } : {})
    };
}

/** The first `range`, when both ends are numbers and low is below high (anything else is an `invalid-value`). */
function rangeOf(metric: Metric): MetricFigures['range'] {
    const [low, high] = [numberOf(metric.range[0]?.low), numberOf(metric.range[0]?.high)];
    return low !== undefined && high !== undefined && low < high ? { low, high } : undefined;
}

function datedPoints(readings: ReadonlyArray<Reading | undefined>): DatedPoint[] {
    const points: DatedPoint[] = [];
    for (const reading of readings) {
        const value = numberOf(reading?.value);
        if (!reading || value === undefined || !isCalendarDate(reading.date)) continue;
        points.push(reading.$containerProperty === 'baseline' ? { date: reading.date, value, baseline: true } : { date: reading.date, value });
    }
    return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A target as written, or one relative to the baseline resolved against it (`+20%` of 5000 is 6000). */
function targetOf(raw: string | undefined, baseline: number | undefined): number | undefined {
    const percent = relativeOf(raw);
    if (percent === undefined) return numberOf(raw);
    // baseline × percent / 100 rather than × 1.2, so that a whole percent of a whole baseline stays whole.
    return baseline === undefined ? undefined : baseline + baseline * percent / 100;
}

/** The reading with the latest calendar date; of two on one date (a `duplicate-reading`), the first written. */
export function latestReading(metric: Metric): Reading | undefined {
    let latest: Reading | undefined;
    for (const reading of metric.readings) {
        if (isCalendarDate(reading.date) && (latest === undefined || reading.date > latest.date!)) latest = reading;
    }
    return latest;
}

/**
 * Ratios come from decimals divided in binary floating point ((2.3 - 2.1) / (2.6 - 2.1) is 0.39999999999999947),
 * so every comparison of a ratio with a threshold allows this much: what is written as 40% of the way is 40%.
 */
export const ratioTolerance = 1e-9;

/** `ratio` has reached `threshold`, within the tolerance: the one comparison every grade uses. */
export function reaches(ratio: number, threshold: number): boolean {
    return ratio >= threshold - ratioTolerance;
}

/** Graded as OKRs are: 0.7 and above on track, 0.4 to 0.7 at risk, below 0.4 off track. */
export function gradeOf(ratio: number): Grade {
    if (reaches(ratio, 0.7)) return 'on-track';
    if (reaches(ratio, 0.4)) return 'at-risk';
    return 'off-track';
}

/**
 * How a metric stands on `today` (YYYY-MM-DD), by the spec's rules in their order; undefined when it cannot be
 * graded at all (a current value but no baseline and target to measure it against: `metric-incomplete` says so).
 */
export function progressOf(figures: MetricFigures, today: string): Progress | undefined {
    const { baseline, target, current, range } = figures;
    if (current === undefined) return { grade: 'no-reading' };
    if (figures.kpi) {
        if (!range) return undefined;
        return { grade: current >= range.low && current <= range.high ? 'healthy' : 'out-of-range' };
    }
    if (baseline === undefined || target === undefined || target === baseline) return undefined;
    const ratio = Math.min(1, Math.max(0, (current - baseline) / (target - baseline)));
    if (reaches(ratio, 1)) return { ratio, grade: 'reached' };
    if (isOverdue(figures, today)) return { ratio, grade: 'overdue' };
    const forecast = forecastOf(figures, today);
    return forecast ? { ratio, grade: forecastGrade(forecast.ratio), forecast } : { ratio, grade: gradeOf(ratio) };
}

/** A forecast that reaches the target is on track, one 70% of the way there at risk, anything less off track. */
function forecastGrade(ratio: number): Grade {
    if (reaches(ratio, 1)) return 'on-track';
    if (reaches(ratio, 0.7)) return 'at-risk';
    return 'off-track';
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
    return Math.round(dayNumber(to) - dayNumber(from));
}

/**
 * The least-squares line through the dated points (an undated `current` read today), at the `by` date: undefined
 * without a `by` date or without two points on different days, as a pace needs two.
 */
export function forecastOf(figures: MetricFigures, today: string): Forecast | undefined {
    const { baseline, target, by, current } = figures;
    if (baseline === undefined || target === undefined || by === undefined || target === baseline) return undefined;
    const points = [...(figures.points ?? [])];
    if (figures.undatedCurrent && current !== undefined) points.push({ date: today, value: current });
    const xs = points.map(point => dayNumber(point.date));
    const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
    const meanY = points.reduce((sum, point) => sum + point.value, 0) / points.length;
    let spread = 0;
    let together = 0;
    points.forEach((point, i) => {
        spread += (xs[i] - meanX) ** 2;
        together += (xs[i] - meanX) * (point.value - meanY);
    });
    if (points.length < 2 || spread === 0) return undefined;
    const value = meanY + (together / spread) * (dayNumber(by) - meanX);
    return { value, date: by, ratio: (value - baseline) / (target - baseline) };
}

/** The `by` date has passed (it is before `today`) and the target is not reached: one rule for the check and every view. */
export function isOverdue(figures: MetricFigures, today: string): boolean {
    return figures.by !== undefined && figures.target !== undefined && figures.by < today && !targetReached(figures);
}

/** Whether the current reading has reached the target, whichever way the target points. */
export function targetReached(figures: MetricFigures): boolean {
    const { baseline, target, current } = figures;
    if (target === undefined || current === undefined) return false;
    // With a baseline, the same comparison as the grade's, so a metric the views call reached is never overdue.
    if (baseline !== undefined && baseline !== target) return reaches((current - baseline) / (target - baseline), 1);
    const rising = baseline === undefined || target >= baseline;
    return rising ? current >= target : current <= target;
}
