import { CstUtils, GrammarUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Metric, Reading } from '../generated/ast.js';
import { isCalendarDate } from '../../model/values.js';
import { addFields, afterElement, elementIndent, indentUnit, insert, lineBreak, lineText } from './block-edits.js';

// Code actions that keep a metric's readings: add today's, and turn a `current` into a dated reading.

/**
 * What a new reading's value starts as: a word, not a number, so `invalid-value` flags the line until it is
 * filled in. (`?` would be a syntax error that hides the line from every check and view.)
 */
export const readingPlaceholder = 'TODO';

/** The fields a new reading goes after when the metric has no reading yet: its figures, in the order written. */
const figureFields = ['current', 'baseline', 'target'] as const;

/**
 * "Add today's reading": a `reading TODO on <today>` line in the metric's block, after the last reading (before
 * the first when the readings are written newest first), else after its figures, else at the end of its block,
 * which it creates for a metric without one. Undefined when the metric already has a reading of today (a second
 * would be a duplicate-reading) or is too broken to place it.
 */
export function addTodaysReading(document: LangiumDocument, metric: Metric, today: string, snippets: boolean, diagnostic?: Diagnostic): CodeAction | undefined {
    if (metric.readings.some(reading => reading.date === today)) return undefined;
    const field = `reading ${readingPlaceholder} on ${today}`;
    const edit = readingEdit(document, metric, field);
    if (!edit) return undefined;
    return {
        title: `Add today's reading (${today})`,
        kind: diagnostic ? CodeActionKind.QuickFix : CodeActionKind.Refactor,
        ...(diagnostic ? { diagnostics: [diagnostic], isPreferred: true } : {}),
        edit: snippets ? snippetEdit(document, edit, field) : { changes: { [document.uri.toString()]: [edit] } }
    };
}

function readingEdit(document: LangiumDocument, metric: Metric, field: string): TextEdit | undefined {
    const anchor = readingAnchor(metric);
    const { open, close } = braces(metric);
    if (!anchor?.node.$cstNode || !open) return addFields(document, metric, [field]);
    const start = anchor.node.$cstNode.range.start;
    const oneLine = close !== undefined && close.range.start.line === open.range.start.line;
    const line = lineText(document, start.line);
    // The anchor field's own line says how fields are indented, unless the block's first field shares the `{` line.
    const indent = start.line === open.range.start.line ? elementIndent(document, metric) + indentUnit(document) : /^[ \t]*/.exec(line)![0];
    const eol = lineBreak(document);
    if (anchor.before) {
        const keyword = fieldKeyword(anchor.node);
        if (!keyword) return undefined;
        const alone = line.slice(0, keyword.range.start.character).trim() === '';
        return oneLine || !alone
            ? insert(keyword.range.start, `${field} `)
            : insert({ line: start.line, character: 0 }, `${indent}${field}${eol}`);
    }
    const after = afterElement(document, anchor.node)!;
    const atLineEnd = after.character === lineText(document, after.line).length && after.line !== close?.range.start.line;
    return oneLine || !atLineEnd ? insert(after, ` ${field}`) : insert(after, `${eol}${indent}${field}`);
}

/**
 * The braces of a metric's block: among its own children (not a search of its whole tree), as this runs for every
 * cursor move in a metric that may hold thousands of readings.
 */
function braces(metric: Metric): { open?: CstNode; close?: CstNode } {
    let cst = metric.$cstNode;
    // The rule that calls `Metric` (an element of the file) wraps its node in one of its own.
    while (isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0])) cst = cst.content[0];
    if (!isCompositeCstNode(cst)) return {};
    const isBrace = (node: CstNode | undefined) => isLeafCstNode(node) && !node.hidden && (node.text === '{' || node.text === '}');
    const open = cst.content.find(isBrace);
    let last: CstNode | undefined;
    for (let i = cst.content.length - 1; i >= 0 && !last; i--) if (isBrace(cst.content[i])) last = cst.content[i];
    return { open: open?.text === '{' ? open : undefined, close: last?.text === '}' ? last : undefined };
}

/** The field the new reading goes beside, and whether it goes before it (readings written newest first). */
function readingAnchor(metric: Metric): { node: AstNode; before: boolean } | undefined {
    const inText = (nodes: AstNode[]) => nodes.filter(node => node.$cstNode).sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
    const readings = inText(metric.readings) as Reading[];
    if (readings.length > 0) {
        const [first, last] = [readings[0], readings.at(-1)!];
        const newestFirst = readings.length > 1 && first.date !== undefined && last.date !== undefined && first.date > last.date;
        return newestFirst ? { node: first, before: true } : { node: last, before: false };
    }
    const figure = inText(figureFields.flatMap(name => metric[name] as AstNode[])).at(-1);
    return figure ? { node: figure, before: false } : undefined;
}

/** The keyword that starts a field (`reading`, `current`), just before its value. */
function fieldKeyword(node: AstNode) {
    return node.$cstNode ? CstUtils.getPreviousNode(node.$cstNode, false) : undefined;
}

/** The same insertion as an LSP 3.18 snippet edit, so the editor selects the placeholder for the value to be typed. */
function snippetEdit(document: LangiumDocument, edit: TextEdit, field: string): WorkspaceEdit {
    const at = edit.newText.indexOf(field) + 'reading '.length;
    const escape = (text: string) => text.replace(/[$}\\]/g, '\\$&');
    const value = `${escape(edit.newText.slice(0, at))}\${1:${readingPlaceholder}}${escape(edit.newText.slice(at + readingPlaceholder.length))}`;
    return {
        documentChanges: [{
            textDocument: { uri: document.uri.toString(), version: document.textDocument.version },
            edits: [{ range: edit.range, snippet: { kind: 'snippet', value } }]
        }]
    };
}

/**
 * "Move `current` into a dated reading": `current V [on D]` becomes `reading V on D`, dated today when it had no
 * date. Only the keyword changes (and the date is added after the value), so comments stay where they were.
 * Undefined when the reading would not keep the metric's current value: a reading already on that date (a
 * duplicate-reading) or after it (it would become the current value instead).
 */
export function moveCurrentToReading(document: LangiumDocument, metric: Metric, current: Reading, today: string): CodeAction | undefined {
    const keyword = fieldKeyword(current);
    const value = current.$cstNode && GrammarUtils.findNodeForProperty(current.$cstNode, 'value');
    if (!keyword || keyword.text !== 'current' || !value) return undefined;
    const date = current.date ?? today;
    // Calendar dates compare as text; the costlier check that both are real dates runs only for a later one.
    const laterOrSame = (reading: Reading) => reading.date === date || (reading.date !== undefined && reading.date > date && isCalendarDate(reading.date) && isCalendarDate(date));
    if (metric.readings.some(laterOrSame)) return undefined;
    const edits: TextEdit[] = [{ range: keyword.range, newText: 'reading' }];
    // An `on` without its date is being typed: leave it to the user.
    if (current.date === undefined) {
        if (GrammarUtils.findNodeForKeyword(current.$cstNode, 'on')) return undefined;
        edits.push(insert(value.range.end, ` on ${date}`));
    }
    return {
        title: `Move 'current' into a reading on ${date}`,
        kind: CodeActionKind.RefactorRewrite,
        edit: { changes: { [document.uri.toString()]: edits } }
    };
}

/** The `current` field (keyword to the end of its value) that a position is on, if any. */
export function currentAt(metric: Metric, offset: number): Reading | undefined {
    return metric.current.find(current => {
        const keyword = fieldKeyword(current);
        return keyword !== undefined && current.$cstNode !== undefined && offset >= keyword.offset && offset <= current.$cstNode.end;
    });
}
