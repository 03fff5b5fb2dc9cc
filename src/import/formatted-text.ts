import type { LangiumDocument } from 'langium';
import { StrategyFormatter } from '../language/lsp/formatter.js';
import type { TextChange } from './merge-tickets.js';

/**
 * The file after an import: the editor's Format Document and the import's changes applied together in one pass
 * (they never overlap: the formatter changes only the whitespace between tokens, the import replaces tokens and
 * inserts at their edges), then the new tickets' blocks after a blank line, all in the file's line endings. One
 * parse of the file serves both, which on a 50,000-ticket backlog is most of the time an import takes.
 */
export function formattedText(document: LangiumDocument, changes: readonly TextChange[], added: string): string {
    const text = document.textDocument.getText();
    const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
    const formatting = new StrategyFormatter().formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } }) as Awaited<ReturnType<StrategyFormatter['formatDocument']>>;
    const all: TextChange[] = formatting.map(edit => ({
        start: document.textDocument.offsetAt(edit.range.start), end: document.textDocument.offsetAt(edit.range.end), text: edit.newText, order: 1
    }));
    for (const change of changes) all.push({ ...change, text: change.text.replace(/\n/g, eol) });
    all.sort((a, b) => a.start - b.start || a.order - b.order);
    // Pieces joined once: slicing the whole text per change is quadratic on a large file.
    const pieces: string[] = [];
    let at = 0;
    for (const change of all) {
        pieces.push(text.slice(at, change.start), change.text);
        at = Math.max(at, change.end);
    }
    pieces.push(text.slice(at));
    const merged = pieces.join('');
    if (added === '') return merged;
    const blocks = added.replace(/\n/g, eol) + eol;
    if (merged.trim() === '') return blocks;
    return `${/(?:\r\n|\r|\n)$/.test(merged) ? merged : merged + eol}${eol}${blocks}`;
}
