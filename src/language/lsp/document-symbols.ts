import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isCanvas, isUserType, PlanStep, type Element, type Model } from '../generated/ast.js';
import { elementKind } from '../element-kinds.js';
import { oneLine } from '../../model/values.js';

/** One symbol kind per element kind (the registry's), so the outline, breadcrumbs and Ctrl+T show what each element is. */
export function symbolKindOf(type: string): SymbolKind {
    // A plan step is part of a canvas, not an element kind, but the outline lists it.
    return elementKind(type)?.symbol ?? (type === PlanStep.$type ? SymbolKind.Struct : SymbolKind.Field);
}

/**
 * The outline: every element by its ID with its title as detail, a user type's needs beneath it and a canvas's
 * plan steps beneath the canvas. Elements that parse recovery left without a name are left out.
 */
export class StrategyDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult.value as Model;
        return model.elements.flatMap(element => {
            if (element.$type === 'Vision') {
                return symbol(element, 'vision', element.title, GrammarUtils.findNodeForKeyword(element.$cstNode, 'vision'));
            }
            return named(element, element.name, element.title, childrenOf(element));
        });
    }
}

function childrenOf(element: Element): DocumentSymbol[] {
    if (isUserType(element)) return element.needs.flatMap(need => named(need, need.name, need.title));
    if (!isCanvas(element)) return [];
    // A step has no ID: it shows by its title, with the tickets it plans as detail.
    return element.steps.flatMap((step, index) => symbol(step, oneLine(step.title ?? '') || `step ${index + 1}`,
        step.tickets.map(ticket => ticket.$refText).join(', ') || undefined,
        GrammarUtils.findNodeForProperty(step.$cstNode, 'title') ?? GrammarUtils.findNodeForKeyword(step.$cstNode, 'step')));
}

function named(node: AstNode, name: string | undefined, title: string | undefined, children: DocumentSymbol[] = []): DocumentSymbol[] {
    return name ? symbol(node, name, title, GrammarUtils.findNodeForProperty(node.$cstNode, 'name'), children) : [];
}

function symbol(node: AstNode, name: string, title: string | undefined, selection: CstNode | undefined, children: DocumentSymbol[] = []): DocumentSymbol[] {
    if (!node.$cstNode || !selection) return [];
    const detail = title === undefined ? undefined : oneLine(title);
    return [{
        name,
        kind: symbolKindOf(node.$type),
        ...(detail ? { detail } : {}),
        range: node.$cstNode.range,
        selectionRange: selection.range,
        ...(children.length > 0 ? { children } : {})
    }];
}
