import { AstUtils, CstUtils, GrammarAST, type Grammar, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { grammarFacts } from '../grammar-facts.js';

/** Canonical indentation per block level, whatever the editor's tab settings: every `.strategy` file reads the same. */
const indentUnit = '  ';

/** How the space between two tokens is laid out, when no comment stands between them. */
type Layout = 'none' | 'space' | 'line';

/**
 * The canonical layout of a `.strategy` file:
 * - top-level elements start at column 0; blank lines between elements are kept as written, at most one;
 * - a block is always laid out over several lines: `{` ends the element's first line, each field starts its own
 *   line indented two spaces per block level (`plan { step … }` steps at four), `}` on its own line; an empty
 *   block is `{}`; fields stay in the order written, and one blank line between fields is kept;
 * - single spaces between the tokens of a line, none around `.` or before `,`, one after `,`;
 * - comments stay where they are: one on its own line keeps its own line (indented as what follows it), one
 *   after code stays after that code with its spacing as written (so hand-aligned comments stay aligned); a
 *   line break after a comment is never removed.
 *
 * Langium's `format(node)` API declares the space around keywords and properties and handles comments apart from
 * that layout; here the layout is computed per gap between consecutive tokens and comments instead, so a comment
 * can never be moved, joined to the next token or dropped, and every edit only replaces whitespace with
 * whitespace. The result is idempotent: each decision depends only on the tokens and on whether a gap holds a
 * line break, both of which formatting preserves.
 */
export class StrategyFormatter extends AbstractFormatter {
    /** Nothing to declare per node: the layout depends only on the token sequence (see `doDocumentFormat`). */
    protected format(): void { /* the layout is computed per gap in doDocumentFormat */ }

    /** Langium calls this for document and range formatting once it knows the text parses; `range` limits the edits. */
    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        if (!root) return [];
        const text = document.textDocument.getText();
        const leaves = CstUtils.flattenCst(root).toArray().sort((a, b) => a.offset - b.offset);
        if (leaves.length === 0) return [];
        // A byte order mark (whitespace to the lexer) stays in front of the file's first token.
        const gaps = layoutGaps(leaves, text.length, text.charCodeAt(0) === 0xfeff ? 1 : 0);
        const eol = lineEnding(text, gaps);
        // A gap that holds anything but whitespace means a token the tree does not know: leave the file alone.
        if (gaps.some(gap => /\S/.test(text.slice(gap.start, gap.end)))) return [];
        const start = range ? document.textDocument.offsetAt(range.start) : 0;
        const end = range ? document.textDocument.offsetAt(range.end) : text.length;
        const edits: TextEdit[] = [];
        for (const gap of gaps) {
            const edit = minimalEdit(text, gap.start, gap.end, gap.text.replace(/\n/g, eol));
            for (const change of [...(edit ? [edit] : []), ...blockCommentShifts(text, gap, eol)]) {
                if (change.start < start || change.end > end) continue;
                edits.push({
                    range: { start: document.textDocument.positionAt(change.start), end: document.textDocument.positionAt(change.end) },
                    newText: change.newText
                });
            }
        }
        return edits;
    }
}

const lineBreak = /\r\n|\r|\n/;

/**
 * The file's line ending: that of its first line break between tokens, else its first line break, else `\n`.
 * Formatting writes every line break between tokens this way, so the choice is the same on its own output.
 */
function lineEnding(text: string, gaps: Gap[]): string {
    for (const gap of gaps) {
        const found = lineBreak.exec(text.slice(gap.start, gap.end));
        if (found) return found[0];
    }
    return lineBreak.exec(text)?.[0] ?? '\n';
}

/** The whitespace from `start` to `end` and what it should be; `before` is the leaf that follows it. */
interface Gap { start: number; end: number; text: string; before?: LeafCstNode }

/** The whitespace every gap between consecutive leaves should hold, with `\n` for line breaks. */
function layoutGaps(leaves: LeafCstNode[], textLength: number, textStart: number): Gap[] {
    const gaps: Gap[] = [];
    const depths = blockDepths(leaves);
    let previous: LeafCstNode | undefined;
    let index = 0;
    while (index < leaves.length) {
        // A run of comments between two tokens (or the file's edges) is laid out together.
        const comments: LeafCstNode[] = [];
        while (index < leaves.length && leaves[index].hidden) comments.push(leaves[index++]);
        const next = leaves[index] as LeafCstNode | undefined;
        // Not `push(...run)`: a run of 150,000 comments would be as many arguments, past what the stack holds.
        for (const gap of layoutRun(previous, comments, next, depths, textStart)) gaps.push(gap);
        previous = next;
        index++;
    }
    const last = leaves[leaves.length - 1];
    gaps.push({ start: last.end, end: textLength, text: '\n' });
    return gaps;
}

/** The gaps from `previous` through `comments` to `next`; either end is undefined at the edges of the file. */
function layoutRun(previous: LeafCstNode | undefined, comments: LeafCstNode[], next: LeafCstNode | undefined,
    depths: Map<LeafCstNode, number>, textStart: number): Gap[] {
    const chain = [previous, ...comments, next];
    const layout = previous && next ? layoutBetween(previous, next, comments.length > 0) : 'line';
    const indentOfNext = next ? indentUnit.repeat(depths.get(next)!) : '';
    // Comments before `}` belong to the block's inside; comments inside a field continue it one level deeper.
    const commentIndent = !next ? ''
        : layout !== 'line' ? indentUnit.repeat(depths.get(previous!)! + 1)
            : next.text === '}' ? indentUnit.repeat(depths.get(next)! + 1) : indentOfNext;
    const gaps: Gap[] = [];
    // Comments at the very start of the file lead their line, like comments on a line of their own.
    let brokeLine = previous === undefined;
    for (let i = 0; i + 1 < chain.length; i++) {
        const left = chain[i];
        const right = chain[i + 1];
        if (!right) break;    // the end of the file is handled by the caller
        const start = left?.end ?? textStart;
        const end = right.offset;
        const isLast = i + 1 === chain.length - 1;
        gaps.push({ start, end, text: '', before: right });
        const gap = gaps[gaps.length - 1];
        if (!left) continue;    // nothing before the first token of the file
        const written = right.root.fullText.slice(start, end);
        // A lone CR ends a line too (the lexer ends a `//` comment there): counted, the line break is kept, so a
        // comment never swallows the code on the next line.
        const lineBreaks = (written.match(/\r\n|\r|\n/g) ?? []).length;
        const maxLines = (i === 0 && left.text === '{') || (isLast && right.text === '}') ? 1 : 2;
        if (comments.length === 0) {
            gap.text = layout === 'line' ? '\n'.repeat(Math.min(Math.max(lineBreaks, 1), maxLines)) + indentOfNext
                : layout === 'space' ? ' ' : '';
        } else if (lineBreaks > 0) {
            brokeLine = true;
            gap.text = '\n'.repeat(Math.min(lineBreaks, maxLines)) + (isLast && layout === 'line' ? indentOfNext : commentIndent);
        } else if (i === 0) {
            // A comment after code on the same line: spacing as written, at least one space.
            gap.text = written.length > 0 ? written : ' ';
        } else if (isLast && layout === 'line' && !brokeLine) {
            // The comments trail the previous line's code, so what follows them still starts its own line.
            gap.text = '\n' + indentOfNext;
        } else {
            gap.text = isLast && layout === 'none' ? '' : ' ';
        }
    }
    return gaps;
}

/** The layout between two tokens; `hasComments` keeps an empty block that holds comments over several lines. */
function layoutBetween(previous: LeafCstNode, next: LeafCstNode, hasComments: boolean): Layout {
    if (previous.text === '{' && next.text === '}') return hasComments ? 'line' : 'none';
    if (previous.text === '{' || next.text === '}') return 'line';
    if (next.text === ',' || next.text === '.' || previous.text === '.') return 'none';
    if (startsLine(next)) return 'line';
    return 'space';
}

/**
 * Element keywords at the top level, field keywords inside blocks, `step` in a plan; the grammar's other words
 * continue a field on its line (`target 30 by 2027-06-30`, `step "…" tickets APP-1`).
 */
function startsLine(leaf: LeafCstNode): boolean {
    return GrammarAST.isKeyword(leaf.grammarSource) && grammarFacts(AstUtils.findRootNode(leaf.grammarSource) as Grammar).lineKeywords.has(leaf.grammarSource);
}

/** Block nesting level of each token: the level a line starting with it is indented to. */
function blockDepths(leaves: LeafCstNode[]): Map<LeafCstNode, number> {
    const depths = new Map<LeafCstNode, number>();
    let depth = 0;
    for (const leaf of leaves) {
        if (leaf.hidden) continue;
        if (leaf.text === '}') depth = Math.max(0, depth - 1);
        depths.set(leaf, depth);
        if (leaf.text === '{') depth++;
    }
    return depths;
}

/**
 * A block comment over several lines that is re-indented moves as a whole: its inner lines shift by as much as its
 * first line, so a `/** … *\/` keeps its shape. Only whitespace at the start of inner lines changes, and nothing
 * moves when an inner line has less indentation than would be taken away.
 */
function blockCommentShifts(text: string, gap: Gap, eol: string): Change[] {
    const comment = gap.before;
    const startsLine = gap.start === 0 || gap.text.includes('\n');
    if (!comment?.hidden || !lineBreak.test(comment.text) || !startsLine) return [];
    const lastLine = (whitespace: string) => whitespace.split(lineBreak).pop()!;
    const delta = lastLine(gap.text.replace(/\n/g, eol)).length - lastLine(text.slice(gap.start, gap.end)).length;
    if (delta === 0) return [];
    const innerLines: number[] = [];
    for (const found of comment.text.matchAll(/(?:\r\n|\r|\n)([^\r\n]*)/g)) {
        if (/\S/.test(found[1])) innerLines.push(comment.offset + found.index! + found[0].length - found[1].length);
    }
    if (delta > 0) return innerLines.map(lineStart => ({ start: lineStart, end: lineStart, newText: ' '.repeat(delta) }));
    const removable = innerLines.every(lineStart => /^[ \t]*$/.test(text.slice(lineStart, lineStart - delta)));
    return removable ? innerLines.map(lineStart => ({ start: lineStart, end: lineStart - delta, newText: '' })) : [];
}

interface Change { start: number; end: number; newText: string }

/** The smallest edit that turns `text[start, end)` into `newText`, or undefined when they are equal. */
function minimalEdit(text: string, start: number, end: number, newText: string): Change | undefined {
    const old = text.slice(start, end);
    if (old === newText) return undefined;
    let prefix = 0;
    while (prefix < old.length && prefix < newText.length && old[prefix] === newText[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < newText.length - prefix
        && old[old.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
    // An edit never starts or ends between the CR and LF of a line break: no position can name that place.
    while (prefix > 0 && old[prefix - 1] === '\r') prefix--;
    while (suffix > 0 && old[old.length - suffix] === '\n') suffix--;
    return { start: start + prefix, end: end - suffix, newText: newText.slice(prefix, newText.length - suffix) };
}
