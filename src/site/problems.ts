import type { SourceDiagnostic } from '../model/diff/diagnostic-changes.js';
import { plural } from '../model/values.js';
import { escapeHtml } from '../render/escape.js';
import type { ElementIndex, SiteElement } from './element-index.js';
import { elementLink } from './site-links.js';

// What `strategy check` finds, as the site lists it: the same diagnostics, each with the element it lies in.

const spans = new WeakMap<ElementIndex, Map<string, Array<{ element: SiteElement; end: number }>>>();

/** The innermost element written over `line` of `file` (a need inside its user type), if any. */
export function elementAt(index: ElementIndex, file: string, line: number): SiteElement | undefined {
    let byFile = spans.get(index);
    if (!byFile) {
        byFile = new Map();
        for (const element of index.elements) {
            const end = (element.node.$cstNode?.range.end.line ?? element.line - 1) + 1;
            (byFile.get(element.file) ?? byFile.set(element.file, []).get(element.file)!).push({ element, end });
        }
        for (const list of byFile.values()) list.sort((a, b) => a.element.line - b.element.line || b.end - a.end);
        spans.set(index, byFile);
    }
    let found: SiteElement | undefined;
    for (const { element, end } of byFile.get(file) ?? []) {
        if (element.line > line) break;
        if (line <= end) found = element; // later starts are nested deeper
    }
    return found;
}

function rowHtml(diagnostic: SourceDiagnostic, located: (file: string, line: number) => SiteElement | undefined): string {
    const element = located(diagnostic.file, diagnostic.line);
    return `<tr><td class="severity-${diagnostic.severity}">${diagnostic.severity}</td>`
        + `<td><code>${escapeHtml(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}</code></td>`
        + `<td><code>${escapeHtml(diagnostic.code)}</code></td>`
        + `<td>${escapeHtml(diagnostic.message)}</td>`
        + `<td>${element ? elementLink(element) : ''}</td></tr>`;
}

const shownFirst = 50;

/** The table of diagnostics, errors first; beyond the first 50 the rest fold, so the page stays readable. */
export function problemsHtml(diagnostics: readonly SourceDiagnostic[], located: (file: string, line: number) => SiteElement | undefined): string {
    if (diagnostics.length === 0) return '<p>The checks find no problem.</p>';
    const rank = { error: 0, warning: 1, info: 2, hint: 3 };
    const sorted = [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity]);
    const count = (severity: SourceDiagnostic['severity']) => diagnostics.filter(d => d.severity === severity).length;
    const summary = `<p>${[plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info')].join(', ')}, as <code>strategy check</code> reports them.</p>`;
    const head = '<thead><tr><th>Severity</th><th>Where</th><th>Code</th><th>Message</th><th>Element</th></tr></thead>';
    const table = (rows: readonly SourceDiagnostic[]) => `<table class="site-table">${head}<tbody>${rows.map(d => rowHtml(d, located)).join('')}</tbody></table>`;
    if (sorted.length <= shownFirst + 10) return summary + table(sorted);
    return summary + table(sorted.slice(0, shownFirst))
        + `<details><summary>${sorted.length - shownFirst} more</summary>${table(sorted.slice(shownFirst))}</details>`;
}
