import { progressWords } from '../model/metric-text.js';
import type { MetricTrace } from '../model/trace.js';
import { figuresHtml } from './figure-markup.js';

// A metric's graded progress: a bar drawn with SVG rectangles (sized by attributes, which the Content Security
// Policy allows, unlike style attributes) and the words, so the grade never rests on colour alone.

/** `20% of the way, off track`, or undefined when there is no progress to show (no current reading, no change). */
export function progressText(metric: MetricTrace): string | undefined {
    return metric.current === undefined ? undefined : progressWords(metric);
}

/** The bar's track and its fill at `ratio` (0..1), as SVG rectangles at (x, y). */
export function progressRects(x: number, y: number, width: number, height: number, ratio: number): string {
    const fill = Math.max(0, Math.min(1, ratio)) * width;
    return `<rect class="progress-track" x="${x}" y="${y}" width="${width}" height="${height}" rx="2"/>`
        + `<rect class="progress-fill" x="${x}" y="${y}" width="${round(fill)}" height="${height}" rx="2"/>`;
}

export function round(value: number): number {
    return Math.round(value * 100) / 100;
}

/**
 * `<div class="progress grade-…" data-progress="0.2">` with the bar and the words; a KPI's grade (no ratio) in
 * words alone; empty without a grade.
 */
export function progressHtml(metric: MetricTrace): string {
    const text = progressText(metric);
    if (text === undefined) return '';
    const ratio = metric.progress;
    if (ratio === undefined) return `<div class="progress grade-${metric.grade}"><span class="progress-text">${figuresHtml(text)}</span></div>`;
    return `<div class="progress grade-${metric.grade}" data-progress="${round(ratio)}">`
        + `<svg class="progress-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">${progressRects(0, 0, 100, 8, ratio)}</svg>`
        + `<span class="progress-text">${figuresHtml(text)}</span></div>`;
}
