import { CstUtils, type AstNode, type AstNodeLocator, type CstNode, type IndexManager, type LangiumDocument, type LangiumDocuments, type ReferenceDescription } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
// The server's connection comes from vscode-languageserver: only its ResponseError reaches the client as an error.
import { ErrorCodes, ResponseError, type Position, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { isNeed, isSolution, isUserType, Need, UserType, type UserType as UserTypeNode } from '../generated/ast.js';
import { aKind, kindName } from '../element-kinds.js';
import { grammarFacts, type GrammarFacts } from '../grammar-facts.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

type Named = AstNode & { name: string };

/**
 * What a rename at a position renames: the elements named there (several for an unqualified need that names the
 * need of several user types), and the part of the text under the cursor that names them.
 */
interface RenameTarget { nodes: Named[]; range: Range }

/**
 * Rename across files, refusing a new name that is not an ID, is a keyword, or is already taken (any kind in the
 * workspace; for a need, within its user type). Langium's default replaces a whole reference by the new name, so
 * `addresses Buyer.Trust` lost its qualifier when the need was renamed, kept the old qualifier when the user type
 * was renamed, and renamed the need when the cursor was on `Buyer`. Here a qualified need reference changes only
 * the part that names the renamed element.
 */
export class StrategyRenameProvider extends DefaultRenameProvider {
    private readonly indexManager: IndexManager;
    private readonly langiumDocuments: LangiumDocuments;
    private readonly grammarFacts: GrammarFacts;
    private readonly astNodeLocator: AstNodeLocator;

    constructor(services: StrategyLspServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
        this.astNodeLocator = services.workspace.AstNodeLocator;
        this.grammarFacts = grammarFacts(services.Grammar);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        for (const node of target.nodes) this.refuseName(node, params.newName);
        const changes: Record<string, TextEdit[]> = {};
        // A reference that names several renamed needs is found once per need: it gets one edit.
        const edited = new Set<string>();
        const add = (uri: string, range: Range, newText = params.newName) => {
            const key = `${uri}@${range.start.line}:${range.start.character}`;
            if (!edited.has(key) && edited.add(key)) (changes[uri] ??= []).push({ range, newText });
        };
        for (const node of target.nodes) {
            for (const reference of this.references.findReferences(node, { includeDeclaration: true })) {
                add(reference.sourceUri.toString(), this.partOf(reference, 'last'), this.keepingOthers(reference, target.nodes, params.newName));
            }
            if (isUserType(node)) {
                // Qualified references to its needs name the user type too: `Buyer.Trust`.
                for (const need of node.needs) {
                    for (const reference of this.references.findReferences(need, { includeDeclaration: false })) {
                        if (this.isQualified(reference)) add(reference.sourceUri.toString(), this.partOf(reference, 'first'));
                    }
                }
            }
        }
        return { changes };
    }

    protected override renameNodeRange(document: LangiumDocument, position: Position): Range | undefined {
        return this.targetAt(document, position)?.range;
    }

    /** The element named at a position, through its declaration or any reference; `Buyer.Trust` names two. */
    private targetAt(document: LangiumDocument, position: Position): RenameTarget | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf || leaf.hidden) return undefined;
        const qualifier = this.qualifierAt(leaf);
        if (qualifier) return { nodes: [qualifier], range: leaf.range };
        // A reference, or the element's own name: anything else under the cursor renames nothing.
        const nodes = this.references.findDeclarations(leaf).filter((node): node is Named => typeof (node as { name?: unknown }).name === 'string');
        return nodes.length > 0 ? { nodes, range: leaf.range } : undefined;
    }

    /**
     * The new text of a reference: the new name; but when a plain need name stands for several needs and only some
     * are renamed, the name stays for the others and the renamed ones follow it qualified (`addresses SaveTime`
     * for Buyer and Courier becomes `addresses SaveTime, Courier.ShortRounds`), so it keeps naming what it named.
     */
    private keepingOthers(reference: ReferenceDescription, renamed: Named[], newName: string): string {
        if (reference.local && reference.sourcePath === reference.targetPath) return newName;
        const document = this.langiumDocuments.getDocument(reference.sourceUri);
        const solution = document && this.astNodeLocator.getAstNode(document.parseResult.value, reference.sourcePath);
        if (!isSolution(solution) || this.isQualified(reference)) return newName;
        const multi = solution.needs.find(need => need.$refNode?.offset === reference.segment.offset);
        const needs = (multi?.items ?? []).map(item => item.ref);
        if (!multi || needs.every(need => renamed.includes(need))) return newName;
        const renamedHere = needs.filter(need => renamed.includes(need));
        return [multi.$refText, ...renamedHere.map(need => `${need.$container.name}.${newName}`)].join(', ');
    }

    /** The user type when the leaf is `Buyer` in a reference `Buyer.Trust`. */
    private qualifierAt(leaf: CstNode): UserTypeNode | undefined {
        const solution = leaf.astNode;
        if (!isSolution(solution)) return undefined;
        const reference = solution.needs.find(need => need.$refNode && need.$refNode.offset <= leaf.offset && leaf.end <= need.$refNode.end);
        const first = reference?.$refNode && CstUtils.flattenCst(reference.$refNode).find(node => !node.hidden);
        if (!reference || first !== leaf || !reference.$refText.includes('.')) return undefined;
        const resolved = reference.items[0]?.ref.$container;
        if (resolved) return resolved;
        return this.indexManager.allElements(UserType.$type).find(description => description.name === leaf.text)?.node as UserTypeNode | undefined;
    }

    /** Throws the error the editor shows when the new name cannot be given to this element. */
    private refuseName(node: Named, newName: string): void {
        const refuse = (message: string) => { throw new ResponseError(ErrorCodes.InvalidParams, message); };
        if (!this.grammarFacts.id.test(newName)) {
            refuse(`'${newName}' is not a valid ID: start with a letter or '_', then letters, digits, '_' or '-' (such as APP-123)`);
        }
        if (this.grammarFacts.reservedWords.has(newName)) refuse(`'${newName}' is a keyword of the language and cannot name ${aKind(node.$type)}`);
        if (newName === node.name) return;
        if (isNeed(node)) {
            const owner = node.$container;
            if (owner.needs.some(need => need !== node && need.name === newName)) {
                refuse(`User type ${owner.name} already has a need named ${newName}`);
            }
            return;
        }
        const taken = this.indexManager.allElements()
            .find(description => description.type !== Need.$type && description.name === newName && description.node !== node);
        if (taken) refuse(`${newName} is already the ID of ${aKind(taken.type)} (IDs are unique across the workspace); choose another name for this ${kindName(node.$type)}`);
    }

    private textOf(reference: ReferenceDescription): string {
        return this.langiumDocuments.getDocument(reference.sourceUri)?.textDocument.getText(reference.segment.range) ?? '';
    }

    private isQualified(reference: ReferenceDescription): boolean {
        return this.textOf(reference).includes('.');
    }

    /** The range of the first or last ID within a reference: the whole reference unless it is qualified. */
    private partOf(reference: ReferenceDescription, which: 'first' | 'last'): Range {
        const text = this.textOf(reference);
        if (!text.includes('.')) return reference.segment.range;
        const ids = [...text.matchAll(this.grammarFacts.ids)];
        const id = which === 'first' ? ids[0] : ids[ids.length - 1];
        const textDocument = this.langiumDocuments.getDocument(reference.sourceUri)!.textDocument;
        const start = reference.segment.offset + id.index!;
        return { start: textDocument.positionAt(start), end: textDocument.positionAt(start + id[0].length) };
    }
}
