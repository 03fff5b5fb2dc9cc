import type { ElementDiagnostic } from '../../model/diff/diagnostic-changes.js';
import { kindOrder, type ElementChange, type StrategyDiff } from '../../model/diff/strategy-diff.js';
import { plural } from '../../model/values.js';
import { terminalText } from '../escape.js';

// `strategy diff` as text for a terminal (grouped by kind of element) and as JSON (the schema in
// docs/schema/diff.schema.json); the Markdown comment is in diff-markdown.ts.

/** The heading of each kind's group, in `kindOrder`. */
export const kindHeadings: Record<string, string> = {
    vision: 'Vision', objective: 'Objectives', metric: 'Metrics', usertype: 'User types', solution: 'Solutions',
    question: 'Questions', ticket: 'Tickets', milestone: 'Milestones', canvas: 'Canvases'
};

/** How a table names one element of each kind. */
export const kindNouns: Record<string, string> = {
    vision: 'vision', objective: 'objective', metric: 'metric', usertype: 'user type', solution: 'solution',
    question: 'question', ticket: 'ticket', milestone: 'milestone', canvas: 'canvas'
};

/** `3 added, 1 removed, 1 renamed, 2 changed; diagnostics: 1 new error, 2 resolved`: every count said, zeros left out. */
export function diffSummaryText(diff: StrategyDiff): string {
    const { summary } = diff;
    const elements = [
        summary.added ? `${summary.added} added` : '', summary.removed ? `${summary.removed} removed` : '',
        summary.renamed ? `${summary.renamed} renamed` : '', summary.changed ? `${summary.changed} changed` : ''
    ].filter(Boolean);
    const moved = summary.moved ? `${plural(summary.moved, 'element')} only moved to another file` : '';
    const parts = [elements.length > 0 ? elements.join(', ') : 'no element changed', moved].filter(Boolean);
    return `${parts.join('; ')}; diagnostics: ${diagnosticCounts(diff)}`;
}

function diagnosticCounts({ summary }: StrategyDiff): string {
    const { added, resolved } = summary.diagnostics;
    const news = [
        added.errors ? plural(added.errors, 'new error') : '', added.warnings ? plural(added.warnings, 'new warning') : '',
        added.infos ? plural(added.infos, 'new info') : ''
    ].filter(Boolean);
    const fixed = resolved.errors + resolved.warnings + resolved.infos;
    const words = [...news, fixed ? `${fixed} resolved` : ''].filter(Boolean);
    return words.length > 0 ? words.join(', ') : 'none added or resolved';
}

/** `+ Growth "Grow faster" (goals.strategy:3)`, `→ Activation, was Act`: one element's line. */
export function changeHeadline(change: ElementChange): string {
    const mark = { added: '+', removed: '-', renamed: '→', changed: '~' }[change.change];
    const was = change.from !== undefined ? `, was ${change.from}` : '';
    const title = change.title ? ` "${change.title}"` : '';
    const moved = change.fromFile ? `, moved from ${change.fromFile}` : '';
    return `${mark} ${change.id}${was}${title} (${change.change === 'removed' ? 'was in ' : ''}${change.file}:${change.line}${moved})`;
}

/** Changes by kind, in the order a strategy reads. */
export function changesByKind(changes: readonly ElementChange[]): Array<[string, ElementChange[]]> {
    const groups = new Map<string, ElementChange[]>();
    for (const change of changes) (groups.get(change.kind) ?? groups.set(change.kind, []).get(change.kind)!).push(change);
    return [...groups].sort(([a], [b]) => kindOrder.indexOf(a) - kindOrder.indexOf(b));
}

function diagnosticLine(d: ElementDiagnostic): string {
    return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

export function diffText(diff: StrategyDiff): string {
    const lines = [`${diff.base} → ${diff.head}: ${diffSummaryText(diff)}`];
    for (const [kind, changes] of changesByKind(diff.changes)) {
        lines.push('', kindHeadings[kind] ?? kind);
        for (const change of changes) {
            lines.push(`  ${changeHeadline(change)}`);
            for (const field of change.fields) lines.push(`      ${field.words}`);
        }
    }
    for (const [heading, list] of [['Diagnostics added', diff.diagnostics.added], ['Diagnostics resolved', diff.diagnostics.resolved]] as const) {
        if (list.length === 0) continue;
        lines.push('', heading, ...list.map(d => `  ${diagnosticLine(d)}`));
    }
    if (diff.notes.length > 0) lines.push('', 'Incomplete comparison:', ...diff.notes.map(note => `  ${note}`));
    return lines.map(terminalText).join('\n') + '\n';
}

/** The spec's JSON: `{ base, head, changes, diagnostics: { added, resolved }, summary, notes }`. */
export function diffJson(diff: StrategyDiff): string {
    return JSON.stringify(diff, null, 2) + '\n';
}
