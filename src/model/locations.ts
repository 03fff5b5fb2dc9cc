import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';

// Where things are written in the source, as every consumer reports them: the views, the trace, the LSP
// features and the checks' related information. This module imports only Langium, so any module of the
// model, the checks or the server may import it without a cycle.

/** Zero-based, as LSP and VS Code count; plain data so it crosses the wire and reaches a webview unchanged. */
export interface TextRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

/** Where an element's name (or another part of it) is written. Structurally an LSP `Location`. */
export interface ElementLocation {
    uri: string;
    range: TextRange;
}

/** A line as people count it (1-based), for text meant to be read: `strategy trace`'s `file:line`. */
export interface SourceLine {
    uri: string;
    line: number;
}

function uriOf(node: AstNode): string {
    return AstUtils.getDocument(node).uri.toString();
}

/** Where `cst` is written in the document of `node`, as plain data (the start of the file when there is no `cst`). */
export function cstLocation(node: AstNode, cst: CstNode | undefined): ElementLocation {
    const start = cst?.range.start ?? { line: 0, character: 0 };
    const end = cst?.range.end ?? start;
    return {
        uri: uriOf(node),
        range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } }
    };
}

/** The element's name, else the whole element (recovered without its name, or a kind that has none). */
function nameOrWhole(node: AstNode): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode;
}

/**
 * Where the element is named: what the editor reveals and highlights when it jumps to the element. Undefined when
 * the element has no text at all, so a navigation target is never made up.
 */
export function nameLocation(node: AstNode): ElementLocation | undefined {
    const cst = nameOrWhole(node);
    return cst && cstLocation(node, cst);
}

/** Where the element's name is written (the whole element while it has no name, or if its kind has none). */
export function locationOf(node: AstNode): ElementLocation {
    return cstLocation(node, nameOrWhole(node));
}

/** Where the element's name is written, and nothing when it has none (a check's related information points at a name). */
export function nameOnlyLocation(node: AstNode): ElementLocation | undefined {
    const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    return name && cstLocation(node, name);
}

/** The 1-based line of the element's name, for text a person reads. */
export function lineOf(node: AstNode): SourceLine {
    return { uri: uriOf(node), line: locationOf(node).range.start.line + 1 };
}

/** Where the index-th value of a property is written, or the owner's name when it is not. */
export function propertyLocation(owner: AstNode, property: string, index: number): ElementLocation {
    const cst = GrammarUtils.findNodesForProperty(owner.$cstNode, property)[index];
    return cst ? cstLocation(owner, cst) : locationOf(owner);
}

/** Where a keyword of the node is first written (`outcomes`, `plan`…), or undefined when it is not. */
export function keywordLocation(node: AstNode, keyword: string): ElementLocation | undefined {
    const cst = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
    return cst && cstLocation(node, cst);
}

/**
 * An element's ID, title and location as every view shows them. The parser recovers an element without its name
 * or title while the user types it (`objective "…"`): those show as empty text.
 */
export function elementFields(element: AstNode & { name: string; title?: string }): { id: string; title: string; location: ElementLocation } {
    return { id: element.name ?? '', title: element.title ?? '', location: locationOf(element) };
}

/** File, then line, then character: source order, stable whatever order the file system listed the documents in. */
export function bySource(a: { location: ElementLocation }, b: { location: ElementLocation }): number {
    if (a.location.uri !== b.location.uri) return a.location.uri < b.location.uri ? -1 : 1;
    return a.location.range.start.line - b.location.range.start.line
        || a.location.range.start.character - b.location.range.start.character;
}

/** `file:///a.strategy:3:8`: one place, as a key for telling apart two elements that share an ID (an error). */
export function placeKey(location: ElementLocation): string {
    return `${location.uri}:${location.range.start.line}:${location.range.start.character}`;
}
