import {
    AstUtils, CstUtils, type AstNode, type AstNodeLocator, type GrammarConfig, type LangiumDocument, type LangiumDocuments, type References
} from 'langium';
import type { ImplementationProvider } from 'langium/lsp';
import type { ImplementationParams, LocationLink } from 'vscode-languageserver';
import { nameLocation } from '../../model/locations.js';
import { elementKind } from '../element-kinds.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/**
 * Go to implementations, read from Langium's reference index (one look-up per request, no walk of the
 * workspace). Langium 4.4's `AbstractGoToImplementationProvider.getImplementation` collects its links and then
 * returns `undefined`, so this implements the interface itself.
 */
export class StrategyImplementationProvider implements ImplementationProvider {
    private readonly references: References;
    private readonly grammarConfig: GrammarConfig;
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;

    constructor(services: StrategyLspServices) {
        this.references = services.references.References;
        this.grammarConfig = services.parser.GrammarConfig;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
    }

    getImplementation(document: LangiumDocument, params: ImplementationParams): LocationLink[] | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const source = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!source) return undefined;
        const links: LocationLink[] = [];
        for (const target of this.references.findDeclarations(source)) {
            for (const element of this.implementationsOf(target)) {
                const name = nameLocation(element);
                const whole = element.$cstNode;
                if (!name || !whole) continue;
                links.push({ originSelectionRange: source.range, targetUri: name.uri, targetRange: whole.range, targetSelectionRange: name.range });
            }
        }
        return links;
    }

    /**
     * The elements whose references point at the target and carry it out (the registry's `implementedBy`: the
     * work under an objective, the objectives a metric measures, the tickets that build a solution, the solutions
     * made for a user type), each once, in file and text order. A question or a canvas that merely mentions an
     * element is a reference, not an implementation (except a canvas's outcomes and goal, which put an objective
     * to work). The referring element's kind is enough: each pair holds one field only.
     */
    implementationsOf(target: AstNode): AstNode[] {
        const kinds = elementKind(target.$type)?.implementedBy;
        if (!kinds) return [];
        const found = new Set<AstNode>();
        for (const reference of this.references.findReferences(target, { includeDeclaration: false })) {
            const root = this.documents.getDocument(reference.sourceUri)?.parseResult.value;
            const element = root && this.locator.getAstNode(root, reference.sourcePath);
            if (element && kinds.includes(element.$type)) found.add(element);
        }
        return [...found].sort((a, b) => {
            const byFile = AstUtils.getDocument(a).uri.toString().localeCompare(AstUtils.getDocument(b).uri.toString());
            return byFile !== 0 ? byFile : (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0);
        });
    }
}
