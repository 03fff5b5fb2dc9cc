import type { Grade } from './progress.js';
import type { MetricTrace } from './trace.js';

// How a metric's figures and progress read, in words: hover, code lens, the Strategy view, `strategy trace` and the
// rendered views all say it the same way. Markup around the words (the progress bar) belongs to src/render/.

/** A grade in words: `off track`. */
export const gradeLabel: Record<Grade, string> = {
    reached: 'reached',
    overdue: 'overdue',
    'on-track': 'on track',
    'at-risk': 'at risk',
    'off-track': 'off track',
    healthy: 'healthy',
    'out-of-range': 'out of range',
    'no-reading': 'no reading'
};

/** `22.5%`, `140 users`, or `?` for a missing value. */
export function withUnit(value: number | undefined, unit: string | undefined): string {
    if (value === undefined) return '?';
    return unit === '%' ? `${value}%` : unit ? `${value} ${unit}` : String(value);
}

/** `20% of the way`: how far a metric has come from its baseline to its target. */
export function wayText(ratio: number): string {
    return `${Math.round(ratio * 100)}% of the way`;
}

/**
 * `20% → 22% → 30% by 2027-06-30`: baseline → current → target, without the progress; a KPI's `41 (range 30 to 60)`,
 * or `range 30 to 60` before its first reading.
 */
export function figuresText(metric: MetricTrace): string {
    if (metric.kpi && metric.range) {
        const band = `range ${withUnit(metric.range.low, metric.unit)} to ${withUnit(metric.range.high, metric.unit)}`;
        return metric.current === undefined ? band : `${withUnit(metric.current, metric.unit)} (${band})`;
    }
    const parts = [withUnit(metric.baseline, metric.unit)];
    if (metric.current !== undefined) parts.push(withUnit(metric.current, metric.unit));
    parts.push(withUnit(metric.target, metric.unit) + (metric.by ? ` by ${metric.by}` : ''));
    return parts.join(' → ');
}

/**
 * `20% of the way, off track`, or undefined when the metric has no grade; with a forecast, what grades it:
 * `25% of the way, off track: at this pace 26.8% by 2027-06-30, 68% of the way`. A KPI's grade and a metric
 * without a reading are words alone: `healthy`, `no reading`.
 */
export function progressWords(metric: MetricTrace): string | undefined {
    if (!metric.grade) return undefined;
    if (metric.progress === undefined) return gradeLabel[metric.grade];
    const words = `${wayText(metric.progress)}, ${gradeLabel[metric.grade]}`;
    const { forecast } = metric;
    return forecast ? `${words}: ${paceText(forecast.value, forecast.date, forecast.progress, metric.unit)}` : words;
}

/** `at this pace 26.8% by 2027-06-30, 68% of the way`. */
export function paceText(value: number, date: string, ratio: number, unit: string | undefined): string {
    return `at this pace ${withUnit(Math.round(value * 10) / 10, unit)} by ${date}, ${wayText(ratio)}`;
}

/** `20% → 22% → 30% by 2027-06-30 (20% of the way, off track)`: the figures and the progress, as hover and trace show them. */
export function metricLine(metric: MetricTrace): string {
    const words = progressWords(metric);
    return figuresText(metric) + (words ? ` (${words})` : '');
}

/**
 * The latest `count` dated points, oldest first, as hover lists them: `2026-11-01: 22.5%`, the baseline marked;
 * with a first line saying how many earlier ones are left out.
 */
export function readingLines(metric: MetricTrace, count = 5): string[] {
    const points = metric.points ?? [];
    const shown = points.slice(-count).map(point => `${point.date}: ${withUnit(point.value, metric.unit)}${point.baseline ? ' (baseline)' : ''}`);
    const earlier = points.length - shown.length;
    return earlier > 0 ? [`… ${earlier} earlier`, ...shown] : shown;
}
