import { AstUtils, CstUtils, isMultiReference, isReference, type AstNode, type AstReflection } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers } from 'vscode-languageserver';
import { elementKind } from '../element-kinds.js';
import { UserType } from '../generated/ast.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/**
 * Colours each element's ID where it is defined (with `declaration`) and wherever it is referenced, with the
 * registry's standard token type of its kind, so every colour theme already has a colour for each; the TextMate
 * grammar cannot tell `serves Engagement` (an objective) from `implements Engagement` (a solution), only the
 * linked model can.
 */
export class StrategySemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;

    constructor(services: StrategyLspServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const type = elementKind(node.$type)?.token;
        if (type && typeof (node as { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name', type, modifier: SemanticTokenModifiers.declaration });
        }
        AstUtils.streamReferences(node).forEach(info => {
            const reference = info.reference;
            const refNode = reference.$refNode;
            if (!refNode || !(isReference(reference) || isMultiReference(reference))) return;
            // An unresolved name still gets the colour of what it should name (when that is one kind): the error
            // squiggle says it is wrong, the colour says what the field expects.
            const target = (isReference(reference) ? reference.ref : reference.items[0]?.ref)?.$type ?? this.reflection.getReferenceType(info);
            const targetType = elementKind(target)?.token;
            if (!targetType) return;
            const ids = CstUtils.flattenCst(refNode).filter(leaf => !leaf.hidden && leaf.tokenType.name === 'ID').toArray();
            if (target === 'Need' && ids.length === 2) {
                // `FrequentBuyer.SaveTime`: the user type, then its need.
                acceptor({ cst: ids[0], type: elementKind(UserType.$type)!.token! });
                acceptor({ cst: ids[1], type: targetType });
            } else {
                acceptor({ cst: refNode, type: targetType });
            }
        });
    }
}
