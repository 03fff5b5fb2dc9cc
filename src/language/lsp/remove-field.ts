import { CstUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { StrategyDiagnosticData } from '../validate/checks/codes.js';
import { lineText } from './block-edits.js';

const commentTokens = new Set(['ML_COMMENT', 'SL_COMMENT']);

/**
 * `duplicate-field`: removes the repeated field (its keyword to the end of its value, as the check reports in
 * `data.removeRange`). A field alone on its line goes with its line; a comment inside or beside it always stays.
 */
export function removeRepeatedField(document: LangiumDocument, diagnostic: Diagnostic, data: StrategyDiagnosticData): CodeAction[] {
    const range = data.removeRange as Range | undefined;
    if (!range?.start || !range.end) return [];
    const text = document.textDocument;
    const start = text.offsetAt(range.start);
    const end = text.offsetAt(range.end);
    const comments = commentsWithin(document, start, end);
    const edits = comments.length > 0 ? gapsBetween(document, start, end, comments) : [removal(document, range)];
    return [{
        title: `Remove the repeated '${String(data.field ?? 'field')}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: edits } }
    }];
}

function commentsWithin(document: LangiumDocument, start: number, end: number): Array<{ offset: number; end: number }> {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.flattenCst(root)
        .filter(leaf => leaf.hidden && commentTokens.has(leaf.tokenType.name) && leaf.offset >= start && leaf.end <= end)
        .map(leaf => ({ offset: leaf.offset, end: leaf.end }))
        .toArray();
}

/** Removes what lies between the comments of the range, so `status /* why *\/ done` keeps `/* why *\/`. */
function gapsBetween(document: LangiumDocument, start: number, end: number, comments: Array<{ offset: number; end: number }>): TextEdit[] {
    const edits: TextEdit[] = [];
    let from = start;
    for (const comment of [...comments, { offset: end, end }]) {
        if (comment.offset > from) {
            edits.push({ range: { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(comment.offset) }, newText: '' });
        }
        from = comment.end;
    }
    return edits;
}

/** The field's text, plus its line when nothing else is on it, or one run of spaces so no double space remains. */
function removal(document: LangiumDocument, range: Range): TextEdit {
    const first = lineText(document, range.start.line);
    const last = range.end.line === range.start.line ? first : lineText(document, range.end.line);
    const before = first.slice(0, range.start.character);
    const after = last.slice(range.end.character);
    if (before.trim() === '' && after.trim() === '') {
        const lastLine = document.textDocument.lineCount - 1;
        if (range.end.line < lastLine) {
            return { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' };
        }
        // The file's last line: take the line break before it instead of the (missing) one after.
        const start = range.start.line > 0
            ? { line: range.start.line - 1, character: lineText(document, range.start.line - 1).length }
            : { line: 0, character: 0 };
        return { range: { start, end: { line: range.end.line, character: last.length } }, newText: '' };
    }
    const { start, end } = range;
    if (before.trim() === '') {
        // First on its line with something after it: keep the indentation, drop the spaces that followed the field.
        const spaces = /^[ \t]*/.exec(after)![0].length;
        return { range: { start, end: { line: end.line, character: end.character + spaces } }, newText: '' };
    }
    // After other text: drop the spaces before it, unless that would join two words (`todo` + `kind`).
    const joinsWords = /^[A-Za-z0-9_"-]/.test(after);
    const spaces = joinsWords ? 0 : /[ \t]*$/.exec(before)![0].length;
    return { range: { start: { line: start.line, character: start.character - spaces }, end }, newText: '' };
}
