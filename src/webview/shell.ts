import { plural } from '../model/values.js';
import type { DiagnosticCounts } from '../protocol/webview-messages.js';

// What the webview's shell (src/extension/preview/preview-html.ts) and its script (src/webview/index.ts) share:
// the IDs of the shell's elements and the wording of its header. No DOM, no vscode.

export const shellIds = {
    title: 'preview-title',
    viewInfo: 'preview-view-info',
    problems: 'preview-problems',
    mapTools: 'preview-map-tools',
    filter: 'preview-filter',
    filterToggle: 'preview-filter-toggle',
    filterInput: 'preview-filter-input',
    filterClear: 'preview-filter-clear',
    filterNote: 'preview-filter-note',
    content: 'preview-content'
} as const;

/** `2 errors, 1 warning`: the header's Problems button; the counts that are zero are left out. */
export function problemsText(counts: DiagnosticCounts): string {
    const parts = [
        counts.errors > 0 ? plural(counts.errors, 'error') : '',
        counts.warnings > 0 ? plural(counts.warnings, 'warning') : '',
        counts.infos > 0 ? plural(counts.infos, 'info') : ''
    ].filter(part => part);
    return parts.length > 0 ? parts.join(', ') : 'No problems';
}

/** `⊗ 1 ⚠ 2 ℹ 3` as VS Code's status bar counts problems, without the zeros; `✓` when there are none. */
export function problemsShortText(counts: DiagnosticCounts): string {
    // U+FE0E: the signs as text, not as a coloured emoji.
    const parts = [[counts.errors, '⊗'], [counts.warnings, '⚠\uFE0E'], [counts.infos, 'ℹ\uFE0E']] as const;
    const shown = parts.filter(([count]) => count > 0).map(([count, sign]) => `${sign} ${count}`);
    return shown.length > 0 ? shown.join(' ') : '✓';
}
