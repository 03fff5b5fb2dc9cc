// The header is one line at any width, and nothing on it is cut mid-word. Where the line is too short (the side
// panel, 541 px), the header first tightens its spacing and the Problems button takes the status bar's short form
// (`⊗ 1 ⚠ 2`, shell.ts); then the view's counts drop their last parts behind a `…`: the summary's order puts what
// the map shows anyway (its badges, and the Problems button's warnings) last. Both keep their whole text in a tooltip.

/** The counts `3 objectives · 4 metrics · …` with their first `shown` parts of `parts`, all of them without a `…`. */
export function summaryPrefix(parts: string[], shown: number): string {
    return shown >= parts.length ? parts.join(' · ') : [...parts.slice(0, shown), '…'].join(' · ');
}

function clipped(element: Element): boolean {
    return element.scrollWidth > element.clientWidth;
}

/**
 * Fits the header's line: `title` is the view's title (a canvas's, cut only when nothing else gives way), `summary` is the view's counts (its whole text in its `title`), `problems` the Problems
 * button with its long and short texts. Starts from the whole texts each time, so a wider panel gets them back.
 */
export function fitHeader(header: HTMLElement, title: HTMLElement, summary: HTMLElement | undefined, problems: { element: HTMLElement; long: string; short: string }): void {
    const whole = summary?.title ?? '';
    const parts = whole ? whole.split(' · ') : [];
    header.classList.remove('compact');
    problems.element.textContent = problems.long;
    if (summary) summary.textContent = whole;
    const tooLong = () => clipped(header) || clipped(title) || (summary !== undefined && clipped(summary));
    if (!tooLong()) return;
    header.classList.add('compact');
    problems.element.textContent = problems.short;
    for (let shown = parts.length - 1; shown >= 1 && tooLong(); shown--) summary!.textContent = summaryPrefix(parts, shown);
}
