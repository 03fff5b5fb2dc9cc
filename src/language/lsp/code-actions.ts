import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { isMetric, isMilestone, isObjective, Metric, isSolution, isTicket, isUserType, type UserType } from '../generated/ast.js';
import { elementKind, kindName, kindsOf } from '../element-kinds.js';
import { grammarFacts } from '../grammar-facts.js';
import type { StrategyDiagnosticData } from '../validate/checks/codes.js';
import { numberOf } from '../../model/values.js';
import { moveToMilestone } from './milestone-actions.js';
import { removeRepeatedField } from './remove-field.js';
import { addTodaysReading, currentAt, moveCurrentToReading } from './reading-actions.js';
import { serveChoices, serveTitle } from './serve-choices.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';
import { addFields, afterElement, appendToFile, documentOf, elementIndent, indentUnit, insert, oneYearAfter, titleFromId } from './block-edits.js';

type Fix = (document: LangiumDocument, diagnostic: Diagnostic, data: StrategyDiagnosticData) => CodeAction[];

/** Quick fixes, keyed on the stable diagnostic codes that the checks put in `diagnostic.data.code`. */
export class StrategyCodeActionProvider implements CodeActionProvider {
    private readonly fixes: Partial<Record<string, Fix>> = {
        'orphan-ticket': (document, diagnostic) => this.serveObjective(document, diagnostic),
        'unresolved-reference': (document, diagnostic, data) => this.resolveReference(document, diagnostic, data),
        'metric-incomplete': (document, diagnostic) => this.completeMetric(document, diagnostic),
        'unmeasured-objective': (document, diagnostic) => this.measureObjective(document, diagnostic),
        'duplicate-field': (document, diagnostic, data) => removeRepeatedField(document, diagnostic, data),
        'metric-stale': (document, diagnostic) => this.addReading(document, diagnostic.range, diagnostic),
        'milestone-overdue': (document, diagnostic) => {
            const milestone = nodeAt(document, diagnostic.range, isMilestone);
            return milestone ? moveToMilestone(milestone, diagnostic, this.services.strategy.WorkspaceModel.get()) : [];
        }
    };

    /** Whether the client applies LSP 3.18 snippet edits (vscode-languageclient 11 does), to select a placeholder. */
    private snippetEdits = false;

    constructor(private readonly services: StrategyLspServices) {
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] | undefined {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as StrategyDiagnosticData | undefined;
            // Own keys only: the data comes back from the client, and `constructor` is a key of every object.
            const fix = data && Object.hasOwn(this.fixes, data.code) ? this.fixes[data.code] : undefined;
            if (fix) actions.push(...fix(document, diagnostic, data!));
        }
        actions.push(...this.metricActions(document, params.range, actions));
        // A client asking for some kinds only (`quickfix` for the problems view, `refactor` for its menu) gets those.
        const only = params.context.only;
        const wanted = only ? actions.filter(action => only.some(kind => action.kind === kind || action.kind?.startsWith(`${kind}.`))) : actions;
        return wanted.length > 0 ? wanted : undefined;
    }

    /**
     * Actions on the metric under the cursor, with or without a diagnostic: add today's reading (unless a
     * metric-stale fix above already offers it), and move the `current` the cursor is on into a dated reading.
     */
    private metricActions(document: LangiumDocument, range: Range, offered: CodeAction[]): CodeAction[] {
        const metric = metricAt(document, document.textDocument.offsetAt(range.start));
        const cst = metric?.$cstNode;
        if (!metric || !cst || document.textDocument.offsetAt(range.end) > cst.end) return [];
        const today = this.services.strategy.WorkspaceModel.get().today;
        const actions: CodeAction[] = [];
        const add = addTodaysReading(document, metric, today, this.snippetEdits);
        if (add && !offered.some(action => action.title === add.title)) actions.push(add);
        const current = currentAt(metric, document.textDocument.offsetAt(range.start));
        const move = current && moveCurrentToReading(document, metric, current, today);
        if (move) actions.push(move);
        return actions;
    }

    /** `metric-stale`: a reading of today, the preferred fix. */
    private addReading(document: LangiumDocument, range: Range, diagnostic: Diagnostic): CodeAction[] {
        const metric = nodeAt(document, range, isMetric);
        const action = metric && addTodaysReading(document, metric, this.services.strategy.WorkspaceModel.get().today, this.snippetEdits, diagnostic);
        return action ? [action] : [];
    }

    /** `orphan-ticket`: the likeliest objectives (see serveChoices), each with its title. */
    private serveObjective(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const ticket = nodeAt(document, diagnostic.range, isTicket);
        if (!ticket || ticket.serves.length > 0) return [];
        const { advanced, choices } = serveChoices(ticket, this.services.strategy.WorkspaceModel.get());
        return choices.flatMap((objective, index) => {
            const edit = addFields(document, ticket, [`serves ${objective.name}`]);
            // Preferred only when the choice is sound: the solution's own objective, or the only objective there is.
            const preferred = index === 0 && (advanced.length > 0 || choices.length === 1);
            return edit ? [quickFix(serveTitle(objective), diagnostic, { [document.uri.toString()]: [edit] }, preferred)] : [];
        });
    }

    /** `unresolved-reference`: the "did you mean" name, or a new element of the expected kind. */
    private resolveReference(document: LangiumDocument, diagnostic: Diagnostic, data: StrategyDiagnosticData): CodeAction[] {
        const actions: CodeAction[] = [];
        const name = typeof data.name === 'string' ? data.name : document.textDocument.getText(diagnostic.range);
        if (typeof data.guess === 'string') {
            actions.push(quickFix(`Change to ${data.guess}`, diagnostic, {
                [document.uri.toString()]: [{ range: diagnostic.range, newText: data.guess }]
            }, true));
        }
        const expected = String(data.expected ?? '');
        if (expected === 'Need') {
            const action = this.createNeed(document, diagnostic, name);
            if (action) actions.push(action);
            return actions;
        }
        if (!grammarFacts().id.test(name) || this.services.strategy.WorkspaceModel.get().byName.has(name)) return actions;
        for (const kind of kindsOf(expected)) {
            const skeleton = elementKind(kind)?.skeleton?.(name, titleFromId(name), indentUnit(document), oneYearAfter(this.services.strategy.Config.today()));
            if (!skeleton) continue;
            actions.push(quickFix(`Create ${kindName(kind)} ${name}`, diagnostic, {
                [document.uri.toString()]: [appendToFile(document, skeleton)]
            }));
        }
        return actions;
    }

    /**
     * A need belongs to a user type: the one named in `User.Need`, or for a plain name the solution's first `for`
     * user type (where an unqualified `addresses` looks first). Without either there is no right place, so no fix.
     */
    private createNeed(document: LangiumDocument, diagnostic: Diagnostic, name: string): CodeAction | undefined {
        const solution = nodeAt(document, diagnostic.range, isSolution);
        const [first, second] = name.split('.');
        const needName = second ?? first;
        let userType: UserType | undefined;
        if (second !== undefined) {
            userType = this.services.strategy.WorkspaceModel.get().byName.get(first)?.find(isUserType);
        } else {
            userType = solution?.users.map(ref => ref.ref).find(user => user !== undefined);
        }
        if (!userType || !grammarFacts().id.test(needName) || userType.needs.some(need => need.name === needName)) return undefined;
        const target = documentOf(userType);
        const edit = addFields(target, userType, [`need ${needName} "${titleFromId(needName)}"`]);
        return edit ? quickFix(`Create need ${needName} in ${userType.name}`, diagnostic, { [target.uri.toString()]: [edit] }) : undefined;
    }

    /** `metric-incomplete`: placeholder figures that are valid together (the target differs from the baseline). */
    private completeMetric(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const metric = nodeAt(document, diagnostic.range, isMetric);
        if (!metric) return [];
        const by = oneYearAfter(this.services.strategy.Config.today());
        const target = metric.target[0];
        const fields: string[] = [];
        const edits: TextEdit[] = [];
        if (metric.baseline.length === 0) fields.push(`baseline ${numberOf(target?.value) === 0 ? 1 : 0}`);
        if (!target) {
            const baseline = numberOf(metric.baseline[0]?.value) ?? 0;
            fields.push(`target ${Number((baseline + 1).toPrecision(12))} by ${by}`);
        } else if (!target.date) {
            const value = GrammarUtils.findNodeForProperty(target.$cstNode, 'value');
            // A `by` without its date is a syntax error that the user is in the middle of typing: leave it to them.
            if (!value || GrammarUtils.findNodeForKeyword(target.$cstNode, 'by')) return [];
            // Before any field added at the same spot, so the result reads `target 5 by DATE baseline 0`.
            edits.push(insert(value.range.end, ` by ${by}`));
        }
        const fieldEdit = addFields(document, metric, fields);
        if (fieldEdit) edits.push(fieldEdit);
        else if (fields.length > 0) return [];
        if (edits.length === 0) return [];
        const added = [...fields, ...(target && !target.date ? [`by ${by}`] : [])].map(text => `'${text}'`);
        return [quickFix(`Add ${added.join(' and ')}`, diagnostic, { [document.uri.toString()]: edits }, true)];
    }

    /** `unmeasured-objective`: a complete metric stub after the objective, linked from it. */
    private measureObjective(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const objective = nodeAt(document, diagnostic.range, isObjective);
        const model = this.services.strategy.WorkspaceModel.get();
        if (!objective?.name || model.facts(objective)?.measured) return [];
        let name = `${objective.name}Metric`;
        for (let n = 2; model.byName.has(name); n++) name = `${objective.name}Metric${n}`;
        const link = addFields(document, objective, [`metric ${name}`]);
        const after = afterElement(document, objective);
        if (!link || !after) return [];
        const indent = elementIndent(document, objective);
        const stub = elementKind(Metric.$type)!.skeleton!(name, titleFromId(name), indentUnit(document), oneYearAfter(this.services.strategy.Config.today()))
            .split('\n').map(line => indent + line).join('\n');
        // The link comes first: without a block both edits insert after the title, and the block must precede the stub.
        return [quickFix(`Create metric ${name} for ${objective.name}`, diagnostic, {
            [document.uri.toString()]: [link, insert(after, `\n\n${stub}`)]
        }, true)];
    }
}

function quickFix(title: string, diagnostic: Diagnostic, changes: Record<string, TextEdit[]>, isPreferred = false): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes }, ...(isPreferred ? { isPreferred } : {}) };
}

/**
 * The metric whose text (keyword to closing brace) holds an offset: also between its tokens, on the indentation or
 * an empty line of its block, where there is no token to find.
 */
function metricAt(document: LangiumDocument, offset: number): Metric | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    const metric = AstUtils.getContainerOfType(leaf?.astNode, isMetric);
    return metric?.$cstNode && metric.$cstNode.offset <= offset && offset <= metric.$cstNode.end ? metric : undefined;
}

/** The innermost node of the wanted type at the start of a diagnostic's range. */
function nodeAt<T extends AstNode>(document: LangiumDocument, range: Range, is: (node: unknown) => node is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
    return AstUtils.getContainerOfType(leaf?.astNode, is);
}
