import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange } from 'vscode-languageserver';
import { isCanvas } from '../generated/ast.js';

/**
 * Langium folds each element and block comment; a canvas's `plan { … }` is no element of its own (its steps are),
 * so it folds here, like any other block, down to the line before its closing brace.
 */
export class StrategyFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectObjectFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectObjectFolding(document, node, acceptor);
        if (!isCanvas(node) || !node.$cstNode) return;
        let plan: { line: number; character: number } | undefined;
        for (const child of CstUtils.flattenCst(node.$cstNode)) {
            // The canvas's own keywords; a step's tokens belong to the step.
            if (child.hidden || child.astNode !== node) continue;
            if (child.text === 'plan') plan = child.range.start;
            else if (child.text === '}' && plan) {
                const close = child.range.start;
                if (close.line - plan.line >= 2) {
                    const lastLine = close.line - 1;
                    const end = document.textDocument.offsetAt({ line: close.line, character: 0 }) - 1;
                    acceptor(FoldingRange.create(plan.line, lastLine, plan.character, document.textDocument.positionAt(end).character));
                }
                plan = undefined;
            }
        }
    }
}
