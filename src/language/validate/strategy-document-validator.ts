import { AstUtils, CstUtils, DefaultDocumentValidator, interruptAndCheck, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type ValidationAcceptor, type ValidationCheck, type LangiumDocument, type ParseResult, type ValidationOptions } from 'langium';
import { CancellationToken, type Diagnostic, type Range } from 'vscode-languageserver';
import type { StrategyServices } from '../strategy-module.js';
import { aKind, kindName, keywordOf, referenceKeyword } from '../element-kinds.js';
import { grammarFacts } from '../grammar-facts.js';
import { checkSeverity, type CheckCode, type StrategyDiagnosticData } from './checks/codes.js';
import { closestName } from '../link/suggest.js';

/** Beyond this many syntax errors a file is not a strategy being edited but something else; more would only be noise. */
const maxSyntaxErrors = 100;

const severityNumber = { error: 1, warning: 2, info: 3, hint: 4 } as const;

function tagged(diagnostic: Diagnostic, code: CheckCode, message = diagnostic.message, extra: Record<string, unknown> = {}): Diagnostic {
    const data: StrategyDiagnosticData = { ...extra, code };
    return { ...diagnostic, message, code, data, severity: severityNumber[checkSeverity[code]] };
}

/**
 * Gives Langium's lexing, parsing and linking errors the spec's stable codes: `syntax-error`,
 * `unresolved-reference`, and `wrong-kind` when the name exists but is another kind of element.
 */
export class StrategyDocumentValidator extends DefaultDocumentValidator {
    constructor(private readonly services: StrategyServices) {
        super(services);
    }

    /** Runs the (synchronous) checks without a microtask per call, yielding to cancellation every few hundred nodes. */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, accept: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        let count = 0;
        const checksByType = new Map<string, ValidationCheck[]>();
        for (const node of AstUtils.streamAst(rootNode)) {
            if (++count % 500 === 0) await interruptAndCheck(cancelToken);
            let checks = checksByType.get(node.$type);
            if (!checks) checksByType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            for (const check of checks) {
                const result = check(node, accept, cancelToken);
                if (result instanceof Promise) await result;
            }
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(firstErrors(parseResult), diagnostics, options);
        for (let i = start; i < diagnostics.length; i++) {
            diagnostics[i] = tagged(diagnostics[i], 'syntax-error', lexingMessage(String(diagnostics[i].message)));
        }
        const unclosed = unclosedBlockComment(parseResult);
        if (unclosed) {
            diagnostics.push(tagged({ range: unclosed, message: '', source: this.getSource() }, 'syntax-error',
                'This block comment is never closed, so the rest of the file is ignored; add */ where it ends'));
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(firstErrors(parseResult), diagnostics, options);
        for (let i = start; i < diagnostics.length; i++) {
            diagnostics[i] = tagged(diagnostics[i], 'syntax-error');
        }
        const runaway = parseResult.parserErrors.length > 0 ? runawayString(parseResult) : undefined;
        if (runaway) {
            diagnostics.push(tagged({ range: runaway.range, message: '', source: this.getSource() }, 'syntax-error',
                `This text runs on to line ${runaway.line}, into what looks like the next element; is its closing " missing?`));
        }
        const syntax = diagnostics.filter(d => d.code === 'syntax-error');
        if (syntax.length > maxSyntaxErrors) {
            const kept = new Set(syntax.slice(0, maxSyntaxErrors));
            const dropped = syntax.length - maxSyntaxErrors + unshownErrors(parseResult);
            const rest = diagnostics.filter(d => d.code !== 'syntax-error' || kept.has(d));
            const last = syntax[maxSyntaxErrors - 1];
            rest.push({ ...last, message: `${dropped} more syntax errors after this one are not shown; is this a .strategy file?` });
            diagnostics.length = 0;
            for (const diagnostic of rest) diagnostics.push(diagnostic);
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const reflection = this.services.shared.AstReflection;
        for (const reference of document.references) {
            const error = reference.error;
            const range = reference.$refNode?.range;
            if (!error || !range) continue;
            const { container, property } = error.info;
            const name = error.info.reference.$refText;
            const expected = reflection.getReferenceType(error.info);
            const keyword = referenceKeyword(container, property);
            const base: Diagnostic = { range, message: '', source: this.getSource() };
            const others = this.services.strategy.WorkspaceModel.get().byName.get(name) ?? [];
            if (others.length > 0) {
                diagnostics.push(tagged(base, 'wrong-kind',
                    `${name} is ${aKind(others[0].$type)}, but '${keyword}' needs ${aKind(expected)}`,
                    { expected, actual: others[0].$type, name }));
                continue;
            }
            const scope = this.services.references.ScopeProvider.getScope(error.info);
            const guess = closestName(name, scope.getAllElements().map(d => d.name));
            const fix = guess ? `did you mean ${guess}? Otherwise define it` : 'define it';
            diagnostics.push(tagged(base, 'unresolved-reference',
                `No ${kindName(expected)} named ${name}; ${fix} with '${keywordOf(expected) ?? 'objective'} ${name} "…"'`,
                { expected, name, guess }));
        }
    }
}

/**
 * The parse result with only the errors that can be shown (the first `maxSyntaxErrors` of lexing and parsing
 * together are): a binary or minified file has tens of thousands, and turning each into a diagnostic only to drop
 * it took seconds.
 */
function firstErrors(parseResult: ParseResult): ParseResult {
    const first = <T>(errors: T[]) => errors.length > maxSyntaxErrors + 1 ? errors.slice(0, maxSyntaxErrors + 1) : errors;
    const report = parseResult.lexerReport;
    return {
        ...parseResult,
        lexerErrors: first(parseResult.lexerErrors),
        lexerReport: report && { ...report, diagnostics: first(report.diagnostics) },
        parserErrors: first(parseResult.parserErrors)
    };
}

/** How many errors `firstErrors` leaves out, for the count of those not shown. */
function unshownErrors(parseResult: ParseResult): number {
    const beyond = (count: number) => Math.max(0, count - (maxSyntaxErrors + 1));
    return beyond(parseResult.lexerErrors.length) + beyond(parseResult.lexerReport?.diagnostics.length ?? 0) + beyond(parseResult.parserErrors.length);
}

/**
 * The grammar lets an unclosed block comment run to the end of the file, so if there is one it is the file's last
 * token: only the last leaf needs a look.
 */
function unclosedBlockComment(parseResult: ParseResult): Range | undefined {
    const text = parseResult.value.$cstNode?.root.fullText ?? '';
    if (text.lastIndexOf('/*') <= text.lastIndexOf('*/')) return undefined;
    let node: CstNode | undefined = parseResult.value.$cstNode?.root;
    while (node && isCompositeCstNode(node)) node = node.content[node.content.length - 1];
    if (node && isLeafCstNode(node) && node.tokenType.name === 'ML_COMMENT' && !node.text.endsWith('*/')) {
        const start = node.range.start;
        return { start, end: { line: start.line, character: start.character + 2 } };
    }
    return undefined;
}

let elementStartPattern: RegExp | undefined;
/** A line that starts an element: its keyword, then a name or a title. */
function elementStart(): RegExp {
    return elementStartPattern ??= new RegExp(`\\n(?:${grammarFacts().elementKeywords.join('|')})[ \\t]+[A-Za-z_"]`);
}

/**
 * Titles may span lines, so a missing closing quote swallows text up to the next quote and the parse error lands
 * far away. A string that contains the start of an element is almost surely that case: point at its opening.
 */
function runawayString(parseResult: ParseResult): { range: Range; line: number } | undefined {
    const root = parseResult.value.$cstNode;
    if (!root) return undefined;
    for (const node of CstUtils.streamCst(root)) {
        if (!isLeafCstNode(node) || node.tokenType.name !== 'STRING' || node.range.start.line === node.range.end.line) continue;
        const match = elementStart().exec(node.text);
        if (match) {
            const start = node.range.start;
            const line = start.line + node.text.slice(0, match.index + 1).split('\n').length;
            return { range: { start, end: { line: start.line, character: start.character + 1 } }, line };
        }
    }
    return undefined;
}

function lexingMessage(message: string): string {
    const char = /unexpected character: ->(.)<-/i.exec(message)?.[1];
    if (char === '"') return 'This text has no closing double quote; add a " where it ends';
    if (char === '/') return 'A comment or a stray / : close a block comment with */, or start a line comment with //';
    return char ? `Unexpected character '${char}'` : message;
}
