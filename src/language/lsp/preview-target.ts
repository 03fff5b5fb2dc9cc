import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { isCanvas, isNeed, isPlanStep, isUserType, type Canvas, type Model } from '../generated/ast.js';
import { elementKey, textKey, type ItemKind } from '../../model/preview-view.js';
import type { PreviewTarget } from '../../protocol/strategy-protocol.js';
import { keywordOf } from '../element-kinds.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/**
 * The preview's key of an element: its kind by the keyword that introduces it (`usertype`), then its ID; a need
 * is named through its user type, as the canvases list it.
 */
export function keyOf(node: AstNode): string | undefined {
    const kind = keywordOf(node.$type) as ItemKind | undefined;
    const name = (node as AstNode & { name?: unknown }).name;
    if (!kind || typeof name !== 'string') return undefined;
    if (isNeed(node) && isUserType(node.$container)) return elementKey('need', `${node.$container.name}.${name}`);
    return elementKey(kind, name);
}

/**
 * The box a canvas field's keyword fills, as the renderers name it (`data-box`, highlighted as `box:<name>`):
 * `users` fills the users box (its needs' box follows from it), `play` and `win` share a box. The roadmap's
 * fields (`from`, `to`, `lanes`) and `kind` fill no box: they highlight the canvas.
 */
const boxOfKeyword: Readonly<Record<string, string>> = {
    problem: 'problem', outcomes: 'outcomes', users: 'users', solutions: 'solutions', questions: 'learn-first',
    plan: 'least-work', goal: 'goal', obstacle: 'obstacles', play: 'play-win', win: 'play-win', success: 'success',
    strength: 'strengths', weakness: 'weaknesses', opportunity: 'opportunities', threat: 'threats'
};

/** The box of the canvas field whose keyword the cursor is on (`goal`, `obstacle`, `success`…). */
function fieldBoxKey(canvas: Canvas, leaf: CstNode): string | undefined {
    if (leaf.astNode !== canvas || !GrammarAST.isKeyword(leaf.grammarSource)) return undefined;
    const box = boxOfKeyword[leaf.grammarSource.value];
    return box === undefined ? undefined : `box:${box}`;
}

/** Canvas text written at this offset, keyed as the renderers key it. */
function canvasTextKey(canvas: Canvas, node: AstNode, offset: number): string | undefined {
    if (isPlanStep(node)) return textKey(canvas.name, 'steps', canvas.steps.indexOf(node));
    for (const field of ['problem', 'obstacles', 'play', 'win', 'strengths', 'weaknesses', 'opportunities', 'threats'] as const) {
        const values = GrammarUtils.findNodesForProperty(canvas.$cstNode, field);
        const index = values.findIndex(cst => cst.offset <= offset && offset <= cst.end);
        if (index >= 0) return textKey(canvas.name, field, index);
    }
    return undefined;
}

/**
 * What the preview shows for a cursor at `offset`: the canvas the cursor is in (else the alignment map), and the
 * element to highlight: the target of the reference under the cursor, else the box a canvas field's keyword under
 * it fills, else the element the cursor is inside.
 */
export function previewTargetAt(services: StrategyLspServices, document: LangiumDocument<Model>, offset: number): PreviewTarget {
    const root = document.parseResult.value;
    const leaf = root.$cstNode && CstUtils.findLeafNodeAtOffset(root.$cstNode, offset);
    const node = leaf?.astNode ?? root;
    const canvas = AstUtils.getContainerOfType(node, isCanvas);
    const target: PreviewTarget = canvas ? { canvas: canvas.name } : {};
    const declaration = leaf && services.references.References.findDeclarations(leaf)[0];
    if (declaration && declaration !== node) {
        target.element = keyOf(declaration);
        return target;
    }
    if (canvas) {
        const text = (leaf && fieldBoxKey(canvas, leaf)) ?? canvasTextKey(canvas, node, offset);
        if (text) {
            target.element = text;
            return target;
        }
    }
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        const key = keyOf(current);
        if (key) {
            target.element = key;
            break;
        }
    }
    return target;
}
