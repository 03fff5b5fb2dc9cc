import { AstUtils, GrammarAST, GrammarUtils, stream, URI, type AstNode, type AstNodeDescription, type IndexManager, type LangiumDocuments, type ReferenceInfo, type Stream, type TextDocument } from 'langium';
import {
    DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type MarkupContent } from 'vscode-languageserver';
import { isModel, isSolution, Need, type Solution } from '../generated/ast.js';
import { elementKind, kindName } from '../element-kinds.js';
import { oneLine } from '../../model/values.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/** How many elements one completion answer proposes at most; typing narrows the rest down. */
const maxReferenceProposals = 200;
/**
 * The most tokens between where the completion parser stopped and the cursor that are followed through the grammar.
 * The paths multiply by about 1.7 with each `unit "x"` after a keyword for a name: 17 tokens took 0.1 s, 31 took 1.5 s.
 */
const maxUnparsedTokens = 16;

/**
 * Completion by context. Langium already offers only elements of the referenced type after each keyword (the
 * scope is typed) and the keywords the grammar allows next; this adds what the grammar cannot say: the keyword
 * values of `focus`, `horizon`, `status` and `kind`, the needs of a solution's own user types first, titles on
 * every proposed element, and a snippet per element kind.
 */
export class StrategyCompletionProvider extends DefaultCompletionProvider {
    private readonly indexManager: IndexManager;
    private readonly langiumDocuments: LangiumDocuments;

    constructor(services: StrategyLspServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    /**
     * Langium re-parses the text from the top of the file up to the cursor to learn what may come next. The top
     * level is a plain list of elements, so parsing from the start of the element under the cursor gives the same
     * answer, and a completion near the end of a 2,000-line file does not parse the 1,990 lines above it.
     *
     * Where that parse stops short of the cursor (`metric kind "…" {`: a keyword for a name), Langium follows the
     * grammar through the unread tokens along every path they could take, and the paths multiply with each token:
     * 50 readings after such a name took minutes. Past `maxUnparsedTokens` there is nothing sensible to propose
     * anyway (the element is broken well before the cursor), so the answer is empty; the syntax error says what to fix.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const start = this.elementStartBefore(document, offset);
        const parsed = this.completionParser.parse(document.getText().slice(start, Math.max(start, offset)));
        const unparsed = parsed.tokens.slice(parsed.tokenIndex);
        if (unparsed.length > maxUnparsedTokens) return [];
        if (parsed.tokenIndex === 0) {
            const entry = GrammarUtils.getEntryRule(this.grammar);
            return entry ? findNextFeatures([[this.buildSyntheticEntryRuleCall(entry)]], unparsed) : [];
        }
        return findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], unparsed);
    }

    /** Where the last top-level element starting at or before the offset begins, or 0. */
    private elementStartBefore(textDocument: TextDocument, offset: number): number {
        const document = this.langiumDocuments.getDocument(URI.parse(textDocument.uri));
        const elements = document && isModel(document.parseResult.value) ? document.parseResult.value.elements : [];
        let low = 0, high = elements.length - 1, start = 0;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const elementOffset = elements[middle].$cstNode?.offset ?? 0;
            if (elementOffset <= offset) { start = elementOffset; low = middle + 1; } else high = middle - 1;
        }
        return start;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor) {
        if (isValueIdentifier(next.feature)) return this.completionForValue(context, next.property, acceptor);
        return super.completionFor(context, next, acceptor);
    }

    /**
     * Keyword values are plain IDs to the grammar (so a typo is a located `invalid-value`); offer the ones the
     * registry allows for the field of this kind (solutions and tickets differ on `status`, tickets and canvases on `kind`).
     */
    private completionForValue(context: CompletionContext, property: string | undefined, acceptor: CompletionAcceptor): void {
        const element = context.node && AstUtils.getContainerOfType(context.node, (node): node is AstNode => isModel(node.$container));
        if (!element || !property) return;
        const values = elementKind(element.$type)?.values;
        (values && Object.hasOwn(values, property) ? values[property].allowed : undefined)?.forEach((value, index) => acceptor(context, {
            label: value,
            kind: CompletionItemKind.EnumMember,
            detail: `${kindName(element.$type)} ${property}`,
            // Keep the spec's order (short, mid, long), not the alphabet's.
            sortText: `0${index}`
        }));
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor) {
        super.completionForKeyword(context, keyword, acceptor);
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const startsElement = rule && GrammarAST.isGroup(rule.definition) && rule.definition.elements[0] === keyword;
        if (!startsElement) return;
        for (const snippet of elementKind(rule.name)?.snippets ?? []) {
            acceptor(context, {
                label: snippet.label,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2'
            });
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        // In broken text the parser may hand over the file itself as the element a reference belongs to (`users`
        // after a canvas it could not build): there is nothing to propose, and asking the scope would throw.
        if (!this.astReflection.getTypeMetaData(refInfo.container.$type).properties[refInfo.property]?.referenceType) return stream([]);
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const candidates = isSolution(refInfo.container) && refInfo.property === 'needs'
            ? stream(this.needCandidates(refInfo.container, typed.includes('.')))
            // An element never refers to itself: its own `parent` would be a cycle.
            : super.getReferenceCandidates(refInfo, context).filter(description => description.node !== refInfo.container);
        // Langium marks every list incomplete, so the editor asks again as the user types: a workspace with
        // thousands of objectives sends the first matches, not all of them on every keystroke.
        return candidates.filter(description => this.fuzzyMatcher.match(typed, description.name)).limit(maxReferenceProposals);
    }

    /**
     * The needs of the solution's own `for` user types by their plain name, then every other user type's needs
     * in the qualified form that names them exactly (a plain name would resolve to an own need of the same name).
     * Once the user has typed a qualifier, every need is offered qualified.
     */
    private needCandidates(solution: Solution, qualifiedOnly: boolean): AstNodeDescription[] {
        const own = new Set<AstNode | undefined>(solution.users.map(user => user.ref).filter(user => user !== undefined));
        const all = this.indexManager.allElements(Need.$type).toArray();
        const isOwn = (description: AstNodeDescription) => own.has(description.node?.$container);
        const qualified = all.filter(description => description.name.includes('.'));
        if (qualifiedOnly) return qualified;
        const ownPlain = all.filter(description => !description.name.includes('.') && isOwn(description));
        return [...ownPlain, ...qualified.filter(description => !isOwn(description))];
    }

    /**
     * A doc comment per proposal means parsing the comments of every objective of the workspace on each request;
     * the title (detail) identifies an element, and hover shows its documentation.
     */
    protected override getReferenceDocumentation(): MarkupContent | string | undefined {
        return undefined;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const title = titleOf(description.node);
        const ownNeed = description.type === Need.$type && isSolution(refInfo.container)
            && refInfo.container.users.some(user => user.ref === description.node?.$container);
        return {
            ...item,
            detail: title,
            labelDetails: { description: kindName(description.type) },
            documentation: item.documentation ?? (title ? `${kindName(description.type)} ${description.name}: ${title}` : undefined),
            sortText: description.type === Need.$type && !ownNeed ? '01' : '00'
        };
    }

    /**
     * A ticket key such as `APP-1` is one word: after it, the user is still typing the key, so nothing that would
     * follow it (a keyword glued to `APP-1`) is proposed, and the proposal replaces the whole key.
     */
    protected override performNextTokenCompletion(_document: unknown, text: string): boolean {
        return /[^\p{L}\p{N}_-]$/u.test(text);
    }
}

/** The `ID` alternative of the `Value` rule: where a keyword value such as `retention` may be written. */
function isValueIdentifier(feature: GrammarAST.AbstractElement): boolean {
    return GrammarAST.isRuleCall(feature) && feature.rule.ref?.name === 'ID'
        && AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name === 'Value';
}

function titleOf(node: AstNode | undefined): string | undefined {
    const title = (node as { title?: unknown } | undefined)?.title;
    return typeof title === 'string' ? oneLine(title) : undefined;
}
