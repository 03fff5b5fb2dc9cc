import { figuresText, paceText, progressWords, withUnit } from '../../model/metric-text.js';
import { daysBetween, type DatedPoint } from '../../model/progress.js';
import type { MetricTrace } from '../../model/trace.js';
import { escapeHtml } from '../escape.js';
import { round } from '../progress-markup.js';

// A metric with dated points as a small chart: its points joined by a line, the baseline, the target at its `by`
// date, the forecast from the latest point to the `by` date, today, and a KPI's band. Drawn in a viewBox of its
// own, with classes only (the Content Security Policy forbids style attributes), so that the canvases' HTML, the
// map's cards and the SVG exports place the same markup at any size. The chart is role="img" with its figures and
// grade in words as its label; the grade stays in words beside it too, never told by colour alone.

/** At most this many circles: a chart of 10,000 readings stays as light as one of 24, and 24 are as many as 120 pixels can tell apart. */
export const maxDrawnPoints = 24;
/** The latest points, drawn as they are when there are more than `maxDrawnPoints`; older ones are averaged in runs. */
const latestKept = 12;

export interface ChartSize {
    width: number;
    height: number;
}

/** The chart's classes, accessible label and content, for a viewBox of `size`. */
export interface MetricChart {
    size: ChartSize;
    classes: string;
    label: string;
    body: string;
    /** How many circles it draws (the points, or runs of older points averaged). */
    drawn: number;
}

interface Drawn {
    day: number;
    value: number;
    title: string;
    baseline?: boolean;
}

export const htmlChartSize: ChartSize = { width: 120, height: 36 };
/** The map's and the SVG canvases' chart, shrunk (in proportion) where a card's line is narrower. */
export const cardChartSize: ChartSize = { width: 200, height: 44 };

const pad = 4;
const radius = 2;

function pointTitle(point: DatedPoint, unit: string | undefined): string {
    return `${point.date}: ${withUnit(point.value, unit)}${point.baseline ? ' (baseline)' : ''}`;
}

/** `2025-01-01 to 2025-03-01: 12 readings, mean 22.5%`: a run of older points drawn as one. */
function runOf(run: DatedPoint[], origin: string, unit: string | undefined): Drawn {
    const day = run.reduce((sum, point) => sum + daysBetween(origin, point.date), 0) / run.length;
    // Each value divided first: a sum of readings near 1e308 would overflow.
    const value = run.reduce((sum, point) => sum + point.value / run.length, 0);
    const mean = Number(value.toPrecision(4));
    return { day, value, title: `${run[0].date} to ${run[run.length - 1].date}: ${run.length} readings, mean ${withUnit(mean, unit)}` };
}

/**
 * Every point while there are at most `maxDrawnPoints`; beyond, the first (where the metric started), the latest
 * `latestKept` as they are, and the ones between averaged in equal runs, so the circles never exceed the cap.
 */
function drawnPoints(points: DatedPoint[], origin: string, unit: string | undefined): Drawn[] {
    const one = (point: DatedPoint): Drawn => ({ day: daysBetween(origin, point.date), value: point.value, title: pointTitle(point, unit), baseline: point.baseline });
    if (points.length <= maxDrawnPoints) return points.map(one);
    const middle = points.slice(1, points.length - latestKept);
    const runs = maxDrawnPoints - latestKept - 1;
    const runLength = Math.ceil(middle.length / runs);
    const averaged: Drawn[] = [];
    for (let start = 0; start < middle.length; start += runLength) averaged.push(runOf(middle.slice(start, start + runLength), origin, unit));
    return [one(points[0]), ...averaged, ...points.slice(-latestKept).map(one)];
}

/** A linear scale from [low, high] onto [from, to]; a zero span maps everything to the middle. */
function scale(low: number, high: number, from: number, to: number): (value: number) => number {
    const span = high - low;
    if (!(span > 0)) return () => round((from + to) / 2);
    return value => round(from + ((value - low) / span) * (to - from));
}

/**
 * Where each value is drawn, from bottom to top: every figure in view, with a little room so nothing sits on the
 * edge, a single value in the middle. Values are divided by the largest of them first, so that a range of
 * -1.7e308 to 1.7e308 (whose span overflows) is drawn like one of -1 to 1.
 */
function valueScale(values: number[], bottom: number, top: number): (value: number) => number {
    // Loops, not Math.min(...values): a million readings would overflow the call's arguments.
    let largest = 0;
    for (const value of values) largest = Math.max(largest, Math.abs(value));
    const unit = largest || 1;
    let low = Infinity;
    let high = -Infinity;
    for (const value of values) {
        low = Math.min(low, value / unit);
        high = Math.max(high, value / unit);
    }
    if (high - low < 1e-9) {
        low -= 0.1;
        high += 0.1;
    }
    const margin = (high - low) * 0.08;
    const place = scale(low - margin, high + margin, bottom, top);
    return value => place(value / unit);
}

function line(cls: string, x1: number, y1: number, x2: number, y2: number, title?: string): string {
    const inner = title ? `><title>${escapeHtml(title)}</title></line>` : '/>';
    return `<line class="${cls}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"${inner}`;
}

/**
 * The chart of a metric with at least one dated point, on `today`; undefined without one. Points are circles with
 * their date and value as a tooltip; the forecast needs two points (the model forecasts only then).
 */
export function metricChart(metric: MetricTrace, today: string, size: ChartSize): MetricChart | undefined {
    const points = (metric.points ?? []).filter(point => Number.isFinite(point.value));
    if (points.length === 0) return undefined;
    const { unit, baseline, target, by, forecast, range } = metric;
    const dates = [points[0].date, points[points.length - 1].date, today, ...(by ? [by] : [])].sort();
    const origin = dates[0];
    const drawn = drawnPoints(points, origin, unit);
    const x = scale(0, daysBetween(origin, dates[dates.length - 1]), pad, size.width - pad);
    const figures = [baseline, target, forecast?.value, range?.low, range?.high].filter((v): v is number => v !== undefined && Number.isFinite(v));
    const y = valueScale([...points.map(point => point.value), ...figures], size.height - pad, pad);
    const left = pad;
    const right = size.width - pad;
    const parts = [`<rect class="chart-frame" x="0.5" y="0.5" width="${size.width - 1}" height="${size.height - 1}" rx="2"/>`];
    if (range && Number.isFinite(range.low) && Number.isFinite(range.high)) {
        const top = y(range.high);
        parts.push(`<rect class="chart-range" x="${left}" y="${top}" width="${right - left}" height="${round(y(range.low) - top)}">`
            + `<title>range ${escapeHtml(withUnit(range.low, unit))} to ${escapeHtml(withUnit(range.high, unit))}</title></rect>`);
    }
    if (baseline !== undefined && Number.isFinite(baseline)) parts.push(line('chart-baseline', left, y(baseline), right, y(baseline), `baseline ${withUnit(baseline, unit)}`));
    if (target !== undefined && Number.isFinite(target)) parts.push(line('chart-target-line', left, y(target), right, y(target)));
    const todayX = x(daysBetween(origin, today));
    parts.push(line('chart-today', todayX, pad / 2, todayX, size.height - pad / 2, `today ${today}`));
    const last = drawn[drawn.length - 1];
    if (forecast && by && Number.isFinite(forecast.value) && drawn.length >= 2) {
        parts.push(line('chart-forecast', x(last.day), y(last.value), x(daysBetween(origin, by)), y(forecast.value),
            paceText(forecast.value, forecast.date, forecast.progress, unit)));
    }
    if (drawn.length >= 2) parts.push(`<polyline class="chart-line" points="${drawn.map(point => `${x(point.day)},${y(point.value)}`).join(' ')}"/>`);
    if (target !== undefined && Number.isFinite(target) && by) {
        const [tx, ty] = [x(daysBetween(origin, by)), y(target)];
        parts.push(`<path class="chart-target" d="M${tx},${round(ty - 3.5)} L${round(tx + 3.5)},${ty} L${tx},${round(ty + 3.5)} L${round(tx - 3.5)},${ty} Z">`
            + `<title>target ${escapeHtml(withUnit(target, unit))} by ${by}</title></path>`);
    }
    for (const point of drawn) {
        parts.push(`<circle class="chart-point${point.baseline ? ' chart-point-baseline' : ''}" cx="${x(point.day)}" cy="${y(point.value)}" r="${radius}">`
            + `<title>${escapeHtml(point.title)}</title></circle>`);
    }
    const words = progressWords(metric);
    const span = points.length === 1 ? `1 dated point, ${points[0].date}` : `${points.length} dated points, ${points[0].date} to ${points[points.length - 1].date}`;
    return {
        size,
        classes: `metric-chart${metric.grade ? ` grade-${metric.grade}` : ''}`,
        label: `Chart of ${figuresText(metric)}${words ? `, ${words}` : ''}; ${span}; today ${today}`,
        body: parts.join(''),
        drawn: drawn.length
    };
}

/** The canvases' chart: `htmlChartSize` pixels, beside the metric's grade in words; empty without a dated point. */
export function metricChartHtml(metric: MetricTrace, today: string): string {
    const chart = metricChart(metric, today, htmlChartSize);
    return chart ? chartElement(chart, htmlChartSize) : '';
}

/** The chart as an <svg> element of `width` × `height` (at x, y inside another SVG), its content scaled to fit. */
export function chartElement(chart: MetricChart, place: { x?: number; y?: number; width: number; height: number }): string {
    const at = place.x === undefined ? '' : ` x="${round(place.x)}" y="${round(place.y ?? 0)}"`;
    return `<svg class="${chart.classes}"${at} width="${round(place.width)}" height="${round(place.height)}" `
        + `viewBox="0 0 ${chart.size.width} ${chart.size.height}" role="img" aria-label="${escapeHtml(chart.label)}">${chart.body}</svg>`;
}
