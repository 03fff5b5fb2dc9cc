import type { ElementDiagnostic } from '../../model/diff/diagnostic-changes.js';
import type { ElementChange, StrategyDiff } from '../../model/diff/strategy-diff.js';
import { markdownText } from './markdown.js';
import { diffSummaryText, kindNouns } from './diff-formats.js';

// `strategy diff --format md`: a pull-request comment. A summary line, then a table of the elements changed and
// one of the diagnostics the change adds; a list longer than a screen and the resolved diagnostics fold into a
// <details> block, so the comment stays short on the pull request. Text from the files is escaped (markdownText).

/** Rows past this fold into a <details> block. */
const foldAfter = 15;

export function diffMarkdown(diff: StrategyDiff): string {
    const lines = [`### Strategy changes: ${markdownText(diff.base)} → ${markdownText(diff.head)}`, '', `**${markdownText(diffSummaryText(diff))}**`];
    if (diff.notes.length > 0) {
        lines.push('', `> **Incomplete comparison:** ${diff.notes.map(markdownText).join('<br>')}`);
    }
    if (diff.changes.length > 0) {
        lines.push('', ...folded(`${diff.changes.length} element changes`, diff.changes.length > foldAfter, changeTable(diff.changes)));
    }
    const { added, resolved } = diff.diagnostics;
    if (added.length > 0) {
        lines.push('', `#### New diagnostics (${added.length})`, '', ...folded(`${added.length} new diagnostics`, added.length > foldAfter, diagnosticTable(added)));
    }
    if (resolved.length > 0) lines.push('', ...folded(`Resolved diagnostics (${resolved.length})`, true, diagnosticTable(resolved)));
    return lines.join('\n') + '\n';
}

function folded(summary: string, fold: boolean, body: string[]): string[] {
    return fold ? ['<details>', `<summary>${markdownText(summary)}</summary>`, '', ...body, '', '</details>'] : body;
}

function changeTable(changes: readonly ElementChange[]): string[] {
    const rows = changes.map(change => {
        const noun = kindNouns[change.kind] ?? change.kind;
        const element = `**${markdownText(change.id)}**${change.title ? ` ${markdownText(change.title)}` : ''}`;
        const was = change.from !== undefined ? `renamed from **${markdownText(change.from)}**` : '';
        const moved = change.fromFile ? `moved from ${markdownText(change.fromFile)}` : '';
        const what = [was, moved, ...change.fields.map(field => markdownText(field.words))].filter(Boolean).join('<br>');
        return `| ${change.change} | ${element} | ${noun} | ${what || '–'} | ${markdownText(`${change.file}:${change.line}`)} |`;
    });
    return ['| Change | Element | Kind | What changed | Where |', '|---|---|---|---|---|', ...rows];
}

function diagnosticTable(diagnostics: readonly ElementDiagnostic[]): string[] {
    const rows = diagnostics.map(d =>
        `| ${d.severity} | ${markdownText(d.code)} | ${markdownText(d.message)} | ${d.element !== undefined ? markdownText(d.element) : '–'} | ${markdownText(`${d.file}:${d.line}`)} |`);
    return ['| Severity | Code | Message | Element | Where |', '|---|---|---|---|---|', ...rows];
}
