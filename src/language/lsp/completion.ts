import { AstUtils, GrammarAST, stream, URI, type AstNode, type AstNodeDescription, type IndexManager, type LangiumDocuments, type ReferenceInfo, type Stream, type TextDocument } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type MarkupContent } from 'vscode-languageserver';
import { isModel, isSolution, Need, type Solution } from '../generated/ast.js';
import { kindName } from '../element-kinds.js';
import { allowedValues, oneLine } from '../../model/values.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/** Which keyword values a `Value` field accepts, by `Rule.property`: solutions and tickets differ on `status`, tickets and canvases on `kind`. */
const valuesOfField: Record<string, readonly string[]> = {
    'Objective.focus': allowedValues.focus,
    'Objective.horizon': allowedValues.horizon,
    'Solution.status': allowedValues.solutionStatus,
    'Ticket.kind': allowedValues.ticketKind,
    'Ticket.status': allowedValues.ticketStatus,
    'Canvas.kind': allowedValues.canvasKind
};

/** How many elements one completion answer proposes at most; typing narrows the rest down. */
const maxReferenceProposals = 200;

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
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const start = this.elementStartBefore(document, offset);
        if (start === 0) return super.findFeaturesAt(document, offset);
        const tail: TextDocument = {
            uri: document.uri,
            languageId: document.languageId,
            version: document.version,
            lineCount: document.lineCount,
            getLineRange: line => document.getLineRange(line),
            getEOLCharacters: line => document.getEOLCharacters(line),
            positionAt: position => document.positionAt(position),
            offsetAt: position => document.offsetAt(position),
            getText: range => document.getText().slice(range ? start + document.offsetAt(range.start) : start, range ? document.offsetAt(range.end) : undefined)
        };
        return super.findFeaturesAt(tail, offset);
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

    /** Keyword values are plain IDs to the grammar (so a typo is a located `invalid-value`); offer the allowed ones. */
    private completionForValue(context: CompletionContext, property: string | undefined, acceptor: CompletionAcceptor): void {
        const element = context.node && AstUtils.getContainerOfType(context.node, (node): node is AstNode => isModel(node.$container));
        if (!element || !property) return;
        valuesOfField[`${element.$type}.${property}`]?.forEach((value, index) => acceptor(context, {
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
        for (const snippet of elementSnippets.filter(s => s.keyword === keyword.value)) {
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

/** A `choice` tab stop over the values a field allows, so a snippet never proposes a value the checks reject. */
const choice = (stop: number, values: readonly string[]) => `\${${stop}|${values.join(',')}|}`;

/** One snippet per element kind at the top level, with the fields a complete element needs; `$n` are tab stops. */
const elementSnippets: Array<{ keyword: string; label: string; detail: string; body: string }> = [
    {
        keyword: 'objective', label: 'objective', detail: 'Objective measured by a metric',
        body: `objective \${1:Name} "\${2:Title}" {\n  horizon ${choice(3, allowedValues.horizon)}\n  metric $4\n}`
    },
    {
        keyword: 'metric', label: 'metric', detail: 'Metric with baseline and dated target',
        body: 'metric ${1:Name} "${2:Title}" {\n  unit "${3:%}"\n  baseline ${4:0}\n  target ${5:100} by ${6:YYYY-MM-DD}\n}'
    },
    {
        keyword: 'usertype', label: 'usertype', detail: 'User type with a need',
        body: 'usertype ${1:Name} "${2:Title}" {\n  need ${3:Need} "${4:What they need}"\n}'
    },
    {
        keyword: 'solution', label: 'solution', detail: 'Solution for users, advancing an objective',
        body: `solution \${1:Name} "\${2:Title}" {\n  for $3\n  addresses $4\n  advances $5\n  hypothesis "\${6:What we expect to change}"\n  status ${choice(7, allowedValues.solutionStatus)}\n}`
    },
    {
        keyword: 'question', label: 'question', detail: 'Open question about a solution or objective',
        body: 'question ${1:Name} "${2:What do we need to learn?}" {\n  about $3\n}'
    },
    {
        keyword: 'ticket', label: 'ticket', detail: 'Backlog ticket serving an objective',
        body: `ticket \${1:KEY-1} "\${2:Title}" {\n  serves $3\n  implements $4\n  kind ${choice(5, allowedValues.ticketKind)}\n  status ${choice(6, allowedValues.ticketStatus)}\n}`
    },
    {
        keyword: 'canvas', label: 'canvas product', detail: 'Lean Product Canvas',
        body: 'canvas ${1:Name} "${2:Lean Product Canvas}" {\n  kind product\n  problem "${3:The business problem, with a number}"\n'
            + '  outcomes $4\n  users $5\n  solutions $6\n  questions $7\n  plan {\n    step "${8:First step}" tickets $9\n  }\n}'
    },
    {
        keyword: 'canvas', label: 'canvas strategy', detail: 'Lean Strategy Canvas',
        body: 'canvas ${1:Name} "${2:Lean Strategy Canvas}" {\n  kind strategy\n  goal $3\n  obstacle "${4:What is in our way}"\n'
            + '  play "${5:Where we will play}"\n  win "${6:How we will win}"\n  success $7\n}'
    }
];

/** The `ID` alternative of the `Value` rule: where a keyword value such as `retention` may be written. */
function isValueIdentifier(feature: GrammarAST.AbstractElement): boolean {
    return GrammarAST.isRuleCall(feature) && feature.rule.ref?.name === 'ID'
        && AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name === 'Value';
}

function titleOf(node: AstNode | undefined): string | undefined {
    const title = (node as { title?: unknown } | undefined)?.title;
    return typeof title === 'string' ? oneLine(title) : undefined;
}
