import { escapeHtml } from './escape.js';

// Figures in running text (`20% → 22.5% → 30% by 2027-12-28`, `at this pace 26.8% by 2027-06-30`) as escaped HTML
// with each figure in a `<span class="figure">` that the stylesheet keeps on one line: a narrow box wraps the words
// between figures, never a date at its hyphen or a number from its unit.

/** Longer runs are not figures one reads at a glance (or are hostile); they may break like any word. */
const longestFigure = 40;

/**
 * A word holding a digit and something a browser may break at (`22.5%`, `2027-12-28`); a bare number (`3`,
 * `2027`) has no such place and needs no span. Tested by length first: the text may be megabytes in one word.
 */
function isFigure(word: string | undefined): boolean {
    return word !== undefined && word.length <= longestFigure && word !== '→' && /\d/.test(word) && /[^\p{L}\p{N}]/u.test(word);
}

export function figuresHtml(text: string): string {
    // Words at even indexes, the white space between them at odd ones: one linear pass, no backtracking.
    const parts = text.split(/(\s+)/u);
    let html = '';
    for (let index = 0; index < parts.length;) {
        if (index % 2 === 1 || !isFigure(parts[index])) {
            html += escapeHtml(parts[index]!);
            index++;
            continue;
        }
        // Figures joined by arrows (`20% → 22.5% → 30%`) are one run.
        let end = index;
        while (parts[end + 1] === ' ' && parts[end + 2] === '→' && parts[end + 3] === ' ' && isFigure(parts[end + 4])) end += 4;
        const run = parts.slice(index, end + 1).join('');
        html += run.length <= longestFigure ? `<span class="figure">${escapeHtml(run)}</span>` : escapeHtml(run);
        index = end + 1;
    }
    return html;
}
