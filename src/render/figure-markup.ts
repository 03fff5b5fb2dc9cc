import { escapeHtml } from './escape.js';

// Figures in running text (`20% → 22.5% → 30% by 2027-12-28`, `at this pace 26.8% by 2027-06-30`) as escaped HTML
// with each figure in a `<span class="figure">` that the stylesheet keeps on one line: a narrow box wraps the words
// between figures, never a date at its hyphen or a number from its unit.

/** A run without spaces holding a digit, and the runs chained to it by arrows (`20% → 22.5%`). */
const figureRun = /[^\s→]*\d[^\s→]*(?: → [^\s→]*\d[^\s→]*)*/gu;
/** Where a browser may break a run: a bare number (`3 milestones`, `2027`) has no such place and needs no span. */
const breakable = /[^\p{L}\p{N}]/u;
/** Longer runs are not figures one reads at a glance (or are hostile); they may break like any word. */
const longestFigure = 40;

export function figuresHtml(text: string): string {
    let html = '';
    let last = 0;
    for (const match of text.matchAll(figureRun)) {
        const run = match[0];
        const start = match.index;
        html += escapeHtml(text.slice(last, start));
        html += run.length <= longestFigure && breakable.test(run) ? `<span class="figure">${escapeHtml(run)}</span>` : escapeHtml(run);
        last = start + run.length;
    }
    return html + escapeHtml(text.slice(last));
}
