import { AstUtils, DocumentState, isMultiReference, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type Reference } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { StrategyDocumentBuilder } from '../language/workspace/strategy-document-builder.js';

// Which documents of the head side `strategy diff` validates. A document's diagnostics are a function of its own
// text, of what its references resolve to (kind, ID and file, or a linking error, whose "did you mean" reads every
// name of the workspace), and of its cross-file signature (`crossFileSignature`: everything its checks read from
// other files, the content of the elements it refers to included). A file that did not change but refers into one
// that did is linked again (its references must reach the new nodes); when none of its references now resolves
// otherwise, none failed on either side, and its signature is the same, its diagnostics are the base side's, and
// validating it again would only repeat them. On a workspace whose references cross files, a change of 1% of the
// elements relinks most files, so this is most of the head side's validation.

/** A relinked document as it was on the base side: how its references resolved and its cross-file signature. */
export interface BaseFacts {
    links: string | undefined;
    signature: string | undefined;
    diagnostics: Diagnostic[] | undefined;
}

/** What each reference of the document resolves to; undefined when one of them does not resolve. */
export function linkSignature(document: LangiumDocument): string | undefined {
    const parts: string[] = [];
    for (const reference of document.references) {
        if (reference.error) return undefined;
        const targets = isMultiReference(reference) ? reference.items.map(item => item.ref) : [(reference as Reference).ref];
        parts.push(reference.$refText);
        for (const target of targets) {
            if (!target) return undefined;
            parts.push(targetOf(target));
        }
    }
    return parts.join('\u0000');
}

function targetOf(node: AstNode): string {
    return `${node.$type}:${(node as AstNode & { name?: string }).name ?? ''}@${AstUtils.getDocument(node).uri.toString()}`;
}

/** Before a document is set back to be linked again: what the comparison needs of its base side. */
export function baseFactsOf(document: LangiumDocument, shared: LangiumSharedCoreServices): BaseFacts {
    const builder = shared.workspace.DocumentBuilder as StrategyDocumentBuilder;
    return { links: linkSignature(document), signature: builder.validatedSignature(document), diagnostics: document.diagnostics };
}

/**
 * After the head side's update (built without validation): every document it linked again or found stale is
 * validated, except a relinked one whose facts are the base side's, which takes the base side's diagnostics.
 */
export async function validateWhatDiffers(shared: LangiumSharedCoreServices, relinked: ReadonlyMap<string, BaseFacts>): Promise<void> {
    const builder = shared.workspace.DocumentBuilder as StrategyDocumentBuilder;
    const toValidate: LangiumDocument[] = [];
    for (const document of shared.workspace.LangiumDocuments.all) {
        if (document.state >= DocumentState.Validated) continue;
        const base = relinked.get(document.uri.toString());
        const same = base !== undefined && base.links !== undefined && base.signature !== undefined && base.diagnostics !== undefined
            && document.state === DocumentState.IndexedReferences
            && linkSignature(document) === base.links && builder.signatureOf(document) === base.signature;
        if (same) document.diagnostics = base.diagnostics;
        else toValidate.push(document);
    }
    if (toValidate.length > 0) await builder.build(toValidate, { validation: true });
}
