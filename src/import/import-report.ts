import { terminalText } from '../render/escape.js';
import type { MergeResult } from './merge-tickets.js';

/**
 * What an import did (or, with --dry-run, would do): one summary line, and with --dry-run each ticket added and
 * each field updated as before → after. Titles and values are escaped as every text output is.
 */
export function importReport(output: string, merged: MergeResult, dryRun: boolean): string {
    const summary = `${merged.addedIds.length} added, ${merged.updated.length} updated, ${merged.unchanged} unchanged`;
    if (!dryRun) return `${terminalText(output)}: ${summary}\n`;
    const lines = [`${terminalText(output)}: ${summary} (dry run: nothing written)`];
    for (const { id, title } of merged.addedIds) lines.push(`  added ${id} ${terminalText(JSON.stringify(title))}`);
    for (const { id, fields } of merged.updated) {
        const words = fields.map(({ field, before, after }) => {
            const show = (value: string) => (field === 'title' || field === 'link' ? JSON.stringify(value) : value);
            return before === undefined ? `new ${field} ${show(after)}` : `${field} ${show(before)} → ${show(after)}`;
        });
        lines.push(`  updated ${id}: ${terminalText(words.join(', '))}`);
    }
    return `${lines.join('\n')}\n`;
}
