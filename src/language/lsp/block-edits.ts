import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Position, TextEdit } from 'vscode-languageserver';
import { grammarFacts } from '../grammar-facts.js';

// Text edits that add to an element without touching a character the user wrote: quick fixes only ever insert,
// and the one fix that removes (a repeated field) keeps every comment.

let fieldLinePattern: RegExp | undefined;
/** A field keyword (the grammar's) at the start of an indented line: how this file indents the inside of a block. */
function fieldLine(): RegExp {
    return fieldLinePattern ??= new RegExp(`^([ \\t]+)(?:${grammarFacts().fieldKeywords.join('|')})\\b`);
}

/** The line break the file already uses (its first one), so an edit does not mix `\r\n` and `\n`. */
export function lineBreak(document: LangiumDocument): string {
    return /\r?\n/.exec(document.textDocument.getText())?.[0] ?? '\n';
}

export function lineText(document: LangiumDocument, line: number): string {
    return document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function leadingSpace(text: string): string {
    return /^[ \t]*/.exec(text)![0];
}

/** The indentation one level deep, as the file already writes it (two spaces when nothing says otherwise). */
export function indentUnit(document: LangiumDocument): string {
    const text = document.textDocument.getText();
    for (const line of text.split(/\r?\n/, 2000)) {
        const match = fieldLine().exec(line);
        if (match) return match[1];
    }
    return '  ';
}

/** The indentation of the line an element starts on. */
export function elementIndent(document: LangiumDocument, node: AstNode): string {
    const start = node.$cstNode?.range.start;
    return start ? leadingSpace(lineText(document, start.line)).slice(0, start.character) : '';
}

/**
 * Adds fields to an element's block: as new lines before the closing brace of a block written over several lines,
 * on the same line in a one-line block, or in a new block after the title. Undefined when the element is too
 * broken to place them (no title, or a block without its closing brace).
 */
export function addFields(document: LangiumDocument, node: AstNode, fields: string[]): TextEdit | undefined {
    const edit = addFieldsLf(document, node, fields);
    const eol = lineBreak(document);
    return edit && eol !== '\n' ? { ...edit, newText: edit.newText.replace(/\n/g, eol) } : edit;
}

function addFieldsLf(document: LangiumDocument, node: AstNode, fields: string[]): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst || fields.length === 0) return undefined;
    const outer = elementIndent(document, node);
    const unit = indentUnit(document);
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    if (!open) {
        const title = GrammarUtils.findNodeForProperty(cst, 'title');
        if (!title) return undefined;
        const inner = outer + unit;
        return insert(title.range.end, ` {\n${inner}${fields.join(`\n${inner}`)}\n${outer}}`);
    }
    // The element's own closing brace is its last one (a canvas's `plan { }` closes earlier).
    const close = GrammarUtils.findNodesForKeyword(cst, '}').at(-1);
    if (!close || close.offset < open.offset) return undefined;
    const text = document.textDocument.getText();
    if (open.range.start.line === close.range.start.line) {
        const spaced = /\s/.test(text.charAt(close.offset - 1));
        return insert(close.range.start, `${spaced ? '' : ' '}${fields.join(' ')} `);
    }
    const inner = fieldIndent(document, open.range.start.line, close.range.start.line) ?? outer + unit;
    const beforeClose = lineText(document, close.range.start.line).slice(0, close.range.start.character);
    if (beforeClose.trim() === '') {
        return insert({ line: close.range.start.line, character: 0 }, fields.map(field => `${inner}${field}\n`).join(''));
    }
    return insert(close.range.start, `\n${inner}${fields.join(`\n${inner}`)}\n${outer}`);
}

/** The indentation of the block's own field lines, if it has any. */
function fieldIndent(document: LangiumDocument, openLine: number, closeLine: number): string | undefined {
    for (let line = openLine + 1; line < closeLine; line++) {
        const match = fieldLine().exec(lineText(document, line));
        if (match) return match[1];
    }
    return undefined;
}

/**
 * Where text goes after an element: past the end of its last line when only whitespace or comments follow
 * there (so a trailing `// note` stays with the element it annotates), else right after the element.
 */
export function afterElement(document: LangiumDocument, node: AstNode): Position | undefined {
    const end = node.$cstNode?.range.end;
    if (!end) return undefined;
    const line = lineText(document, end.line);
    return /^\s*(?:\/\*.*?\*\/\s*)*(?:\/\/.*)?$/.test(line.slice(end.character)) ? { line: end.line, character: line.length } : end;
}

/** An insertion at the end of the file, a blank line after what is there. */
export function appendToFile(document: LangiumDocument, text: string): TextEdit {
    const content = document.textDocument.getText();
    const gap = content.length === 0 || content.endsWith('\n\n') ? '' : content.endsWith('\n') ? '\n' : '\n\n';
    return insert(document.textDocument.positionAt(content.length), `${gap}${text}\n`);
}

export function insert(position: Position, newText: string): TextEdit {
    return { range: { start: position, end: position }, newText };
}

/** "MonthlyRepeatUsers" → "Monthly repeat users": a readable placeholder title for a created element. */
export function titleFromId(id: string): string {
    const words = id.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/\s+/).filter(Boolean);
    return words.map((word, index) => index > 0 && !/^[A-Z0-9-]+$/.test(word) ? word.toLowerCase() : word).join(' ');
}

/** The date one year after `today` (YYYY-MM-DD); 29 February becomes 28 February. */
export function oneYearAfter(today: string): string {
    const [year, month, day] = today.split('-').map(Number);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${year + 1}-${pad(month)}-${pad(month === 2 && day === 29 ? 28 : day)}`;
}

/** The document an AST node lives in. */
export function documentOf(node: AstNode): LangiumDocument {
    return AstUtils.getDocument(node);
}
